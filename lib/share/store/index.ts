/**
 * The short-link store for this process: Postgres when `DATABASE_URL` is a postgres:// URL, otherwise SQLite in
 * the data directory (`LLMSPELL_DATA_DIR`, or `./data`).
 */
import type { ShareStore } from "./types";

export type { ShareStore } from "./types";
export { ShareStoreError } from "./types";

function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export async function createShareStore(env: Record<string, string | undefined> = process.env): Promise<ShareStore> {
  if (isPostgresUrl(env.DATABASE_URL)) {
    const { createPostgresShareStore } = await import("./postgres");
    return createPostgresShareStore(env.DATABASE_URL);
  }
  if (env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use SQLite in the data directory)",
    );
  }
  const { createSqliteShareStore, resolveDataDir } = await import("./sqlite");
  return createSqliteShareStore({ dataDir: resolveDataDir(env) });
}

let shared: Promise<ShareStore> | undefined;

/** One store per server process, created on first use. */
export function getShareStore(): Promise<ShareStore> {
  shared ??= createShareStore().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
