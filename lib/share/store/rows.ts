/** How a spell is kept in a row (its canonical JSON text) and read back (validated, never trusted). */
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
