/** The store for several app instances: one Postgres table, chosen by `DATABASE_URL=postgres://...`. */
import pg from "pg";
import type { SharedSpell } from "../shared-spell";
import { assertSameContent, rowToSpell, spellToRow } from "./rows";
import type { ShareStore } from "./types";

const POSTGRES_TABLE = "llmspell_shared_spells";

export function createPostgresShareStore(
  connectionString: string,
  options: { table?: string; maxConnections?: number } = {},
): ShareStore {
  const table = options.table ?? POSTGRES_TABLE;
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name ${JSON.stringify(table)}`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 5, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  let ready: Promise<void> | undefined;

  function ensureTable(): Promise<void> {
    ready ??= pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${table} (
           id text PRIMARY KEY,
           content text NOT NULL,
           created_at timestamptz NOT NULL DEFAULT now()
         )`,
      )
      .then(
        () => undefined,
        (error: unknown) => {
          ready = undefined;
          throw error;
        },
      );
    return ready;
  }

  return {
    kind: "postgres",
    async put(id: string, spell: SharedSpell) {
      await ensureTable();
      const content = spellToRow(spell);
      const inserted = await pool.query(
        `INSERT INTO ${table} (id, content) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
        [id, content],
      );
      if (inserted.rowCount === 1) return { created: true };
      const existing = await pool.query<{ content: string }>(`SELECT content FROM ${table} WHERE id = $1`, [id]);
      if (existing.rows[0]) assertSameContent(id, existing.rows[0].content, content);
      return { created: false };
    },
    async get(id: string) {
      await ensureTable();
      const result = await pool.query<{ content: string }>(`SELECT content FROM ${table} WHERE id = $1`, [id]);
      const row = result.rows[0];
      return row ? rowToSpell(id, row.content) : undefined;
    },
    async close() {
      await pool.end();
    },
  };
}
