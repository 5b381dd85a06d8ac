/** An in-process store: for tests and for a deployment that does not need links to survive a restart. */
import type { SharedSpell } from "../shared-spell";
import { assertSameContent, rowToSpell, spellToRow } from "./rows";
import type { ShareStore } from "./types";

export function createMemoryShareStore(): ShareStore {
  const rows = new Map<string, string>();
  return {
    kind: "memory",
    async put(id: string, spell: SharedSpell) {
      const content = spellToRow(spell);
      const existing = rows.get(id);
      if (existing !== undefined) {
        assertSameContent(id, existing, content);
        return { created: false };
      }
      rows.set(id, content);
      return { created: true };
    },
    async get(id: string) {
      const content = rows.get(id);
      return content === undefined ? undefined : rowToSpell(id, content);
    },
    async close() {},
  };
}
