/**
 * How a spell is kept in a row (its canonical JSON text) and read back (validated, never trusted).
 *
 * The row is the text the short-link id hashes (./content-id.ts), so it holds no version key of its own: one would
 * make the same spell stored before and after a format change differ, and the second `put` look like a collision.
 * Instead the format only ever grows by optional fields, and a row's version is the fields it may hold:
 *   1. `language`, `source`, `model`, `args`; 2. also `recordings`; 3. also `modelParams` (the model settings).
 * `sharedSpellSchema` reads all three, so every row an older build wrote reads back as it was (without settings),
 * and a spell shared without settings keeps its id. A build older than 3 refuses a row with settings as not a spell
 * (its schema is strict): an error, never the spell with its settings silently dropped.
 */
import { canonicalSpellText } from "../content-id";
import { normalizeSpell, checkSharedSpell, type SharedSpell } from "../shared-spell";
import { ShareStoreError } from "./types";

export function spellToRow(spell: SharedSpell): string {
  return canonicalSpellText(spell);
}

export function rowToSpell(id: string, content: string): SharedSpell {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new ShareStoreError(`stored spell ${id} is not valid JSON`);
  }
  const parsed = checkSharedSpell(value);
  if (!parsed.success) throw new ShareStoreError(`stored spell ${id} does not have the shape of a spell`);
  return normalizeSpell(parsed.data);
}

export function assertSameContent(id: string, stored: string, incoming: string): void {
  if (stored !== incoming)
    throw new ShareStoreError(`short-link id ${id} already holds a different spell (hash collision)`);
}
