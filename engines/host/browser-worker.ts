/// <reference lib="webworker" />
/**
 * The browser Web Worker host: serves runs for {@link createBrowserRunController}. Model calls go to the same
 * origin's `/api/llm` (with the user's own key for that run, when given); `State` persists in IndexedDB, or in
 * memory with a warning in the run's output when IndexedDB is unavailable (private mode, some embeds).
 */
import { createHttpLlmClient } from "@/lib/llm/client";
import type { StateStore } from "@/lib/spell";
import { createIndexedDbStateStore } from "@/lib/spell/state/indexeddb";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { startWorkerHost } from "./worker-host";

const DEFAULT_STATE_DB = "llmspell-state";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const stores = new Map<string, StateStore>();
const memoryState = createMemoryStateStore();

async function stateFor(namespace: string): Promise<{ store: StateStore; warning?: string }> {
  if (typeof indexedDB === "undefined") {
    return { store: memoryState, warning: "IndexedDB is unavailable here: State is kept in memory for this session" };
  }
  let store = stores.get(namespace);
  if (!store) {
    store = createIndexedDbStateStore(namespace);
    stores.set(namespace, store);
  }
  try {
    // Opening the database fails in some private modes; find out before the spell relies on it.
    await store.keys("__probe__");
    return { store };
  } catch (err) {
    stores.delete(namespace);
    const why = err instanceof Error ? err.message : String(err);
    return { store: memoryState, warning: `IndexedDB failed (${why}): State is kept in memory for this session` };
  }
}

void startWorkerHost({
  port: {
    post: (message) => scope.postMessage(message),
    onMessage: (listener) => scope.addEventListener("message", (e: MessageEvent) => listener(e.data)),
  },
  createLlm: (request) => createHttpLlmClient({ byokKey: request.byokKey, mockAll: request.mockAll }),
  createState: (request) => stateFor(request.stateNamespace ?? DEFAULT_STATE_DB),
});
