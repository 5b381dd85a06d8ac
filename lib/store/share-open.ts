/**
 * Opening a share link on page load: decode the URL fragment, load the spell into the editor without losing the
 * user's work (it goes to history), and say clearly what is wrong with a bad link.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { EditorStore } from "./editor";
import type { SettingsStore } from "./settings";

export type ShareOpenResult =
  { kind: "none" } | { kind: "opened"; language: string } | { kind: "failed"; message: string };

/** `hash` is `location.hash` (with or without the `#`). */
export async function openSharedFromHash(
  hash: string,
  editor: EditorStore,
  settings: SettingsStore,
): Promise<ShareOpenResult> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!fragment) return { kind: "none" };
  const { isShareFragment, decodeShareLink } = await import("@/lib/share/link");
  if (!isShareFragment(fragment)) return { kind: "none" };
  try {
    const spell = await decodeShareLink(fragment);
    editor
      .getState()
      .openSpell({ language: spell.language, source: spell.source, args: spell.args }, "before opening a shared link");
    if (spell.model) settings.getState().update({ model: spell.model });
    return { kind: "opened", language: spell.language };
  } catch (err) {
    return {
      kind: "failed",
      message: `This share link could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    };
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
