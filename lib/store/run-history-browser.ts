/**
 * The page's run history in IndexedDB (its own database, beside the State one), loaded lazily so IndexedDB code
 * stays out of the first paint.
 */
import type { RunHistory } from "./run-history";

const DATABASE = "llmspell-runs";
let history: Promise<RunHistory> | undefined;

export function getBrowserRunHistory(): Promise<RunHistory> {
  history ??= (async () => {
    if (typeof indexedDB === "undefined") throw new Error("IndexedDB is not available in this browser");
    const [{ createIndexedDbStateStore }, { createRunHistory }] = await Promise.all([
      import("@/lib/spell/state/indexeddb"),
      import("./run-history"),
    ]);
    return createRunHistory(createIndexedDbStateStore(DATABASE));
  })();
  return history;
}
