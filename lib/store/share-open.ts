/**
 * Opening a share link on page load: decode the URL fragment, load the spell into the editor without losing the
 * user's work (it goes to history), and say clearly what is wrong with a bad link. The recorded runs a link
 * carries come back read (`parseRecording`), or left out with a message; the spell opens either way.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { Recording } from "@/lib/recording/schema";
import type { EditorStore } from "./editor";
import type { CompareStore } from "./compare";
import type { RecordedRunStore } from "./recorded-run";
import type { UiStore } from "./ui";
import type { SettingsStore } from "./settings";

export type ShareOpenResult =
  | { kind: "none" }
  | { kind: "opened"; language: string; recordings?: Recording[]; recordingProblem?: string }
  | { kind: "failed"; message: string };

/** `hash` is `location.hash` (with or without the `#`). */
export async function openSharedFromHash(
  hash: string,
  editor: EditorStore,
  settings: SettingsStore,
): Promise<ShareOpenResult> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!fragment) return { kind: "none" };
  const { isShareFragment, decodeShareLink } = await import("@/lib/share/link");
  const { readSharedRecordings } = await import("@/lib/share/shared-recordings");
  if (!isShareFragment(fragment)) return { kind: "none" };
  try {
    const spell = await decodeShareLink(fragment);
    editor
      .getState()
      .openSpell({ language: spell.language, source: spell.source, args: spell.args }, "before opening a shared link");
    if (spell.model) settings.getState().update({ model: spell.model });
    if (!spell.recordings) return { kind: "opened", language: spell.language };
    const { recordings, problem } = readSharedRecordings(spell);
    return {
      kind: "opened",
      language: spell.language,
      ...(recordings.length ? { recordings } : {}),
      ...(problem ? { recordingProblem: problem } : {}),
    };
  } catch (err) {
    return {
      kind: "failed",
      message: `This share link could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Show the recorded runs a link carried: one replays at once in the page, two open as a comparison. */
export async function showSharedRecordings(
  stores: { recorded: RecordedRunStore; compare: CompareStore; ui: UiStore },
  recordings: readonly Recording[],
): Promise<void> {
  if (recordings.length === 1) await stores.recorded.getState().open(recordings[0]);
  if (recordings.length === 2) {
    stores.ui.getState().openDialog("compare");
    await stores.compare.getState().openRecordings(recordings[0], recordings[1]);
  }
}

/** The full URL of a share link for the current page. */
export async function createShareUrl(
  spell: { language: SpellLanguage; source: string; model?: string; args?: unknown },
  origin: string,
): Promise<string> {
  const { encodeShareLink } = await import("@/lib/share/link");
  const fragment = await encodeShareLink({
    language: spell.language,
    source: spell.source,
    model: spell.model,
    ...(spell.args !== undefined ? { args: spell.args as never } : {}),
  });
  return `${origin}/${fragment.startsWith("#") ? fragment : `#${fragment}`}`;
}
