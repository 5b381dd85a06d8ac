/**
 * What `/embed` shows: the spell from its short-link id (`?s=`) or its fragment (`#v1/...`), or a message saying
 * exactly why there is none. Never throws.
 */
import { SHORT_ID_PATTERN } from "./embed";
import { decodeShareLink, isShareFragment, ShareLinkError, type SharedSpell } from "./link";
import { checkSharedSpell } from "./shared-spell";

export type EmbedSpellResult = { ok: true; spell: SharedSpell } | { ok: false; message: string };

export async function loadEmbedSpell(
  location: { hash: string },
  shortId: string | undefined,
  fetcher: typeof fetch = fetch,
): Promise<EmbedSpellResult> {
  if (shortId !== undefined) {
    if (!SHORT_ID_PATTERN.test(shortId)) return { ok: false, message: `"${shortId}" is not a short-link id.` };
    try {
      const response = await fetcher(`/api/share/${encodeURIComponent(shortId)}`);
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const error =
          body && typeof body === "object" && "error" in body
            ? String((body as { error: unknown }).error)
            : `HTTP ${response.status}`;
        return {
          ok: false,
          message:
            response.status === 404
              ? `No spell is stored under the short link ${shortId}.`
              : `The short link could not be opened: ${error}`,
        };
      }
      const parsed = checkSharedSpell(body);
      if (!parsed.success) return { ok: false, message: "The server sent something that is not a spell." };
      return { ok: true, spell: parsed.data };
    } catch {
      return { ok: false, message: "Could not reach the server to open the short link." };
    }
  }
  const hash = location.hash.replace(/^#/, "");
  if (!hash)
    return {
      ok: false,
      message: "This embed has no spell: its address should end with #v1/… (copy the snippet from the Share dialog).",
    };
  if (!isShareFragment(hash))
    return { ok: false, message: "This is not a spell link: the part after # should start with v1/." };
  try {
    return { ok: true, spell: await decodeShareLink(hash) };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof ShareLinkError ? error.message : "The spell link could not be read.",
    };
  }
}
