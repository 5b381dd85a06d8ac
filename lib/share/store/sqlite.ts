/**
 * The default store: one SQLite file (`better-sqlite3`) in the data directory, created on first use.
 * The data directory is `LLMSPELL_DATA_DIR`, or `./data`.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { SharedSpell } from "../shared-spell";
import { assertSameContent, rowToSpell, spellToRow } from "./rows";
import type { ShareStore } from "./types";

export const SQLITE_FILE_NAME = "shared-spells.sqlite";

export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  // The data directory is chosen at run time; tell Turbopack not to trace it into the build.
  return resolve(/*turbopackIgnore: true*/ env.LLMSPELL_DATA_DIR || "./data");
}

export function createSqliteShareStore(options: { dataDir?: string } = {}): ShareStore {
  let db: Database.Database | undefined;
  let statements: { insert: Database.Statement; select: Database.Statement } | undefined;

  function open() {
    if (db && statements) return statements;
    const dir = options.dataDir ?? resolveDataDir();
    mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    db = new Database(join(/*turbopackIgnore: true*/ dir, SQLITE_FILE_NAME));
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(
      `CREATE TABLE IF NOT EXISTS shared_spells (
         id TEXT PRIMARY KEY,
         content TEXT NOT NULL,
         created_at INTEGER NOT NULL
       ) WITHOUT ROWID`,
    );
    statements = {
      insert: db.prepare(
        "INSERT INTO shared_spells (id, content, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
      ),
      select: db.prepare("SELECT content FROM shared_spells WHERE id = ?"),
    };
    return statements;
  }

  return {
    kind: "sqlite",
    async put(id: string, spell: SharedSpell) {
      const { insert, select } = open();
      const content = spellToRow(spell);
      const info = insert.run(id, content, Date.now());
      if (info.changes === 1) return { created: true };
      const row = select.get(id) as { content: string } | undefined;
      if (row) assertSameContent(id, row.content, content);
      return { created: false };
    },
    async get(id: string) {
      const { select } = open();
      const row = select.get(id) as { content: string } | undefined;
      return row ? rowToSpell(id, row.content) : undefined;
    },
    async close() {
      db?.close();
      db = undefined;
      statements = undefined;
    },
  };
}
