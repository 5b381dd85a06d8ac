/**
 * Content addressing for short links: the id of a spell is the first 11 characters of
 * base64url(sha256(canonical JSON of the spell)), so the same spell always gets the same id and an id reveals
 * nothing about other stored spells. 11 characters = 66 bits.
 */
import type { JsonValue } from "@/lib/core/json";
import { encodeBase64 } from "@/lib/encoding/base64";
import { normalizeSpell, type SharedSpell } from "./shared-spell";

const SHORT_ID_LENGTH = 11;

/** JSON with object keys sorted at every depth: one text per value. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
}

/** The canonical text of a spell: what is hashed and what is stored. */
export function canonicalSpellText(spell: SharedSpell): string {
  return canonicalJson(normalizeSpell(spell) as unknown as JsonValue);
}

export async function computeShareId(spell: SharedSpell): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalSpellText(spell)));
  return encodeBase64(new Uint8Array(digest), { alphabet: "url", pad: false }).slice(0, SHORT_ID_LENGTH);
}
