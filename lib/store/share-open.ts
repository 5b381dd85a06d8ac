/**
 * Opening a share link on page load: decode the URL fragment, load the spell into the editor without losing the
 * user's work (it goes to history), and say clearly what is wrong with a bad link. The recorded runs a link
 * carries come back read (`parseRecording`), or left out with a message; the spell opens either way. The model
 * settings a link carries replace the page's (as its model does), and the notice says so; a link without them
 * leaves the user's settings as they are.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import { describeModelParams } from "@/lib/llm/model-params";
import type { SamplingParams } from "@/lib/llm/types";
import type { Recording } from "@/lib/recording/schema";
import type { EditorStore } from "./editor";
import type { CompareStore } from "./compare";
import type { RecordedRunStore } from "./recorded-run";
import type { UiStore } from "./ui";
import type { SettingsStore } from "./settings";

export type ShareOpenResult =
  | { kind: "none" }
  /** The link holds what is open already (a reload of the page's own permalink): nothing changed. */
  | { kind: "same" }
  /**
   * `keptPrevious`: the user's own spell went to History first. `recordings`: the recorded runs the link carried
   * (read with `parseRecording`); `recordingProblem`: why one was left out. `modelParams`: the link's model
   * settings, now the page's, when they differed from the page's (`replaced`: the user's own, when some were set).
   */
  | {
      kind: "opened";
      language: string;
      keptPrevious: boolean;
      recordings?: Recording[];
      recordingProblem?: string;
      modelParams?: { applied: SamplingParams; replaced?: SamplingParams };
    }
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
    const before = editor.getState();
    const same =
      before.language === spell.language &&
      before.sources[spell.language] === spell.source &&
      JSON.stringify(before.args ?? null) === JSON.stringify(spell.args ?? null);
    if (spell.model && settings.getState().model !== spell.model) settings.getState().update({ model: spell.model });
    const modelParams = applyModelParams(spell.modelParams, settings);
    const { recordings, problem } = readSharedRecordings(spell);
    if (same && !recordings.length && !problem && !modelParams) return { kind: "same" };
    if (!same)
      editor
        .getState()
        .openSpell(
          { language: spell.language, source: spell.source, args: spell.args },
          "before opening a shared link",
        );
    const keptPrevious = editor.getState().history.length > before.history.length;
    return {
      kind: "opened",
      language: spell.language,
      keptPrevious,
      ...(recordings.length ? { recordings } : {}),
      ...(problem ? { recordingProblem: problem } : {}),
      ...(modelParams ? { modelParams } : {}),
    };
  } catch (err) {
    return {
      kind: "failed",
      message: `This share link could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Make the link's model settings the page's, when it carries some that differ; says what changed. */
function applyModelParams(
  fromLink: SamplingParams | undefined,
  settings: SettingsStore,
): { applied: SamplingParams; replaced?: SamplingParams } | undefined {
  if (!fromLink) return undefined;
  const own = settings.getState().modelParams;
  const ownText = describeModelParams(own);
  if (describeModelParams(fromLink) === ownText) return undefined;
  settings.getState().update({ modelParams: fromLink });
  return { applied: settings.getState().modelParams, ...(ownText ? { replaced: own } : {}) };
}

/**
 * The one notice for a link that opened: what came in (the spell, its model settings) and where the user's own
 * went. The recording problem, when there is one, is a warning of its own.
 */
export function describeOpenedLink(result: Extract<ShareOpenResult, { kind: "opened" }>): string {
  const parts = ["Opened the shared spell."];
  if (result.modelParams) {
    const { applied, replaced } = result.modelParams;
    const yours = replaced ? ` (yours were ${describeModelParams(replaced)})` : "";
    parts.push(`Model settings from the link: ${describeModelParams(applied)}${yours}.`);
  }
  if (result.keptPrevious) parts.push("Your previous spell is in Settings → History.");
  return parts.join(" ");
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
  spell: { language: SpellLanguage; source: string; model?: string; args?: unknown; modelParams?: SamplingParams },
  origin: string,
): Promise<string> {
  const { encodeShareLink } = await import("@/lib/share/link");
  const fragment = await encodeShareLink({
    language: spell.language,
    source: spell.source,
    model: spell.model,
    ...(spell.args !== undefined ? { args: spell.args as never } : {}),
    ...(spell.modelParams ? { modelParams: spell.modelParams } : {}),
  });
  return `${origin}/${fragment.startsWith("#") ? fragment : `#${fragment}`}`;
}

/** Longest fragment the address bar keeps as the permalink; a larger spell lives only in this browser's storage. */
export const MAX_PERMALINK_CHARS = 32 * 1024;

/**
 * The permalink of what is open (`#v1/...`, `#v3/...` with model settings), or "" when it cannot be one (too
 * large): what the address bar holds while the user edits, so a reload or a copied address opens exactly this.
 */
export async function permalinkFragment(spell: {
  language: SpellLanguage;
  source: string;
  model?: string;
  args?: unknown;
  modelParams?: SamplingParams;
}): Promise<string> {
  const { encodeShareLink } = await import("@/lib/share/link");
  try {
    const fragment = await encodeShareLink({
      language: spell.language,
      source: spell.source,
      ...(spell.model ? { model: spell.model } : {}),
      ...(spell.args !== undefined && spell.args !== null ? { args: spell.args as never } : {}),
      ...(spell.modelParams ? { modelParams: spell.modelParams } : {}),
    });
    return fragment.length <= MAX_PERMALINK_CHARS ? fragment : "";
  } catch {
    return "";
  }
}
