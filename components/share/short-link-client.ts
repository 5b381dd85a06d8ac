/** Browser side of `POST /api/share`: turns a spell into a short link, with errors a person can read. */
import { errorMessageOf } from "@/lib/http/api-error";
import type { SharedSpell } from "@/lib/share/link";

export interface ShortLinkResult {
  id: string;
  /** Absolute URL of `/s/<id>`. */
  url: string;
}

export async function createShortLink(
  spell: SharedSpell,
  origin: string,
  signal?: AbortSignal,
): Promise<ShortLinkResult> {
  let response: Response;
  try {
    response = await fetch("/api/share", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(spell),
      signal,
    });
  } catch {
    throw new Error("Could not reach the server to make a short link.");
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  if (!response.ok || typeof body.id !== "string") {
    const message = errorMessageOf(body);
    if (response.status === 413) throw new Error(message ?? "This spell is too large for a short link (64 KiB).");
    if (response.status === 429) throw new Error(message ?? "Too many short links at once; try again in a minute.");
    throw new Error(message ?? `The server could not make a short link (HTTP ${response.status}).`);
  }
  return { id: body.id, url: `${origin.replace(/\/$/, "")}/s/${body.id}` };
}
