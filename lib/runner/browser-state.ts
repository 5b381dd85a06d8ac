/**
 * Where a browser worker keeps `State`: IndexedDB per namespace (one database per playground workspace), or
 * memory, with a warning the run prints, when IndexedDB is missing or fails to open (private modes, some embeds).
 */
import type { StateStore } from "@/lib/spell";
import { createIndexedDbStateStore } from "@/lib/spell/state/indexeddb";
import { createMemoryStateStore } from "@/lib/spell/state/memory";

const DEFAULT_STATE_DB = "llmspell-state";

export type StateResolver = (namespace: string | undefined) => Promise<{ store: StateStore; warning?: string }>;

/** `factory` is the IndexedDB to use (the worker's global one by default; tests pass a fake). */
export function createBrowserStateResolver(factory?: IDBFactory | null): StateResolver {
  const stores = new Map<string, StateStore>();
  const memory = createMemoryStateStore();
  const idb = () =>
    factory === undefined ? (globalThis as { indexedDB?: IDBFactory }).indexedDB : (factory ?? undefined);
  return async (namespace) => {
    const name = namespace ?? DEFAULT_STATE_DB;
    const f = idb();
    if (!f)
      return { store: memory, warning: "IndexedDB is unavailable here: State is kept in memory for this session" };
    let store = stores.get(name);
    if (!store) {
      store = createIndexedDbStateStore(name, f);
      stores.set(name, store);
    }
    try {
      await store.keys("__probe__"); // opening the database fails in some private modes: find out now
      return { store };
    } catch (err) {
      stores.delete(name);
      const why = err instanceof Error ? err.message : String(err);
      return { store: memory, warning: `IndexedDB failed (${why}): State is kept in memory for this session` };
    }
  };
}
