/**
 * What the State panel reads: the IndexedDB State store the engine worker writes to (same database name).
 * Loaded lazily so IndexedDB code stays out of the first paint.
 */
import type { JsonValue } from "@/lib/core/json";
import { SESSION_SCOPES, summarizeSessions, type SessionOverview } from "@/lib/spell/session/overview";

/** The database the playground's runs use for `State`. */
export const PLAYGROUND_STATE_NAMESPACE = "llmspell-state";

async function openStore(namespace: string) {
  if (typeof indexedDB === "undefined") throw new Error("IndexedDB is not available in this browser");
  const { createIndexedDbStateStore } = await import("@/lib/spell/state/indexeddb");
  return createIndexedDbStateStore(namespace);
}

export interface StatePanelData {
  /** State entries, sessions and artifacts left out (they are in `sessions`). */
  entries: { scope: string; key: string; value: JsonValue }[];
  sessions: SessionOverview;
}

export async function readStateEntries(namespace: string): Promise<StatePanelData> {
  const store = await openStore(namespace);
  const all = await store.entries();
  const entries = all
    .filter((e) => !SESSION_SCOPES.includes(e.scope))
    .sort((a, b) => a.scope.localeCompare(b.scope) || a.key.localeCompare(b.key));
  return { entries, sessions: summarizeSessions(all) };
}

export async function clearState(namespace: string): Promise<void> {
  const store = await openStore(namespace);
  await store.clear();
}
