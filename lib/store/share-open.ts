/**
 * Opening a share link on page load: decode the URL fragment, load the spell into the editor without losing the
 * user's work (it goes to history), and say clearly what is wrong with a bad link.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { EditorStore } from "./editor";
import type { SettingsStore } from "./settings";

export type ShareOpenResult =
  | { kind: "none" }
  /** The link holds what is open already (a reload of the page's own permalink): nothing changed. */
  | { kind: "same" }
  /** `keptPrevious`: the user's own spell went to History first. */
  | { kind: "opened"; language: string; keptPrevious: boolean }
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
  if (!isShareFragment(fragment)) return { kind: "none" };
  try {
    const spell = await decodeShareLink(fragment);
    const before = editor.getState();
    const same =
      before.language === spell.language &&
      before.sources[spell.language] === spell.source &&
      JSON.stringify(before.args ?? null) === JSON.stringify(spell.args ?? null);
    if (spell.model && settings.getState().model !== spell.model) settings.getState().update({ model: spell.model });
    if (same) return { kind: "same" };
    editor
      .getState()
      .openSpell({ language: spell.language, source: spell.source, args: spell.args }, "before opening a shared link");
    const keptPrevious = editor.getState().history.length > before.history.length;
    return { kind: "opened", language: spell.language, keptPrevious };
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

/** Longest fragment the address bar keeps as the permalink; a larger spell lives only in this browser's storage. */
export const MAX_PERMALINK_CHARS = 32 * 1024;

/**
 * The permalink of what is open (`#v1/...`), or "" when it cannot be one (too large): what the address bar
 * holds while the user edits, so a reload or a copied address opens exactly this.
 */
export async function permalinkFragment(spell: {
  language: SpellLanguage;
  source: string;
  model?: string;
  args?: unknown;
}): Promise<string> {
  const { encodeShareLink } = await import("@/lib/share/link");
  try {
    const fragment = await encodeShareLink({
      language: spell.language,
      source: spell.source,
      ...(spell.model ? { model: spell.model } : {}),
      ...(spell.args !== undefined && spell.args !== null ? { args: spell.args as never } : {}),
    });
    return fragment.length <= MAX_PERMALINK_CHARS ? fragment : "";
  } catch {
    return "";
  }
}
