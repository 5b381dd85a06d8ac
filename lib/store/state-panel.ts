/**
 * What the State panel reads: the IndexedDB State store the engine worker writes to (same database name).
 * Loaded lazily so IndexedDB code stays out of the first paint.
 */
import type { JsonValue } from "@/lib/core/json";

/** The database the playground's runs use for `State`. */
export const PLAYGROUND_STATE_NAMESPACE = "llmspell-state";

async function openStore(namespace: string) {
  if (typeof indexedDB === "undefined") throw new Error("IndexedDB is not available in this browser");
  const { createIndexedDbStateStore } = await import("@/lib/spell/state/indexeddb");
  return createIndexedDbStateStore(namespace);
}

export async function readStateEntries(namespace: string): Promise<{ scope: string; key: string; value: JsonValue }[]> {
  const store = await openStore(namespace);
  const entries = await store.entries();
  return entries.sort((a, b) => a.scope.localeCompare(b.scope) || a.key.localeCompare(b.key));
}

export async function clearState(namespace: string): Promise<void> {
  const store = await openStore(namespace);
  await store.clear();
}
