/**
 * The browser State store: one IndexedDB database per playground workspace, one object store of
 * `{scope, key, value}` records keyed by `[scope, key]`.
 */
import type { JsonValue } from "@/lib/core/json";
import { SpellError } from "@/lib/core/errors";
import type { StateStore } from "../runtime";

const STORE = "state";
const VERSION = 1;

interface StateRecord {
  scope: string;
  key: string;
  value: JsonValue;
}

function requestToPromise<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(factory: IDBFactory, dbName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(dbName, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: ["scope", "key"] });
        store.createIndex("scope", "scope");
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error(`IndexedDB database "${dbName}" is blocked by another tab`));
  });
}

/** A State store in IndexedDB. `factory` defaults to the global `indexedDB` (tests pass fake-indexeddb's). */
export function createIndexedDbStateStore(dbName: string, factory?: IDBFactory): StateStore {
  let dbPromise: Promise<IDBDatabase> | undefined;
  const db = () => {
    const f = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!f) return Promise.reject(new SpellError("unsupported_feature", "IndexedDB is not available here"));
    dbPromise ??= openDatabase(f, dbName).catch((e: unknown) => {
      dbPromise = undefined;
      throw new SpellError("api", `State store unavailable: ${e instanceof Error ? e.message : String(e)}`);
    });
    return dbPromise;
  };
  const tx = async (mode: IDBTransactionMode) => (await db()).transaction(STORE, mode).objectStore(STORE);
  const done = (store: IDBObjectStore) =>
    new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(store.transaction.error);
      store.transaction.onabort = () => reject(store.transaction.error ?? new Error("transaction aborted"));
    });

  return {
    async get(scope, key) {
      const rec = (await requestToPromise((await tx("readonly")).get([scope, key]))) as StateRecord | undefined;
      return rec?.value;
    },
    async set(scope, key, value) {
      const store = await tx("readwrite");
      const finished = done(store);
      store.put({ scope, key, value } satisfies StateRecord);
      await finished;
    },
    async delete(scope, key) {
      const store = await tx("readwrite");
      const finished = done(store);
      const existing = await requestToPromise(store.count([scope, key]));
      store.delete([scope, key]);
      await finished;
      return existing > 0;
    },
    async keys(scope) {
      const store = await tx("readonly");
      const recs = (await requestToPromise(store.index("scope").getAll(scope))) as StateRecord[];
      return recs.map((r) => r.key).sort();
    },
    async entries() {
      const recs = (await requestToPromise((await tx("readonly")).getAll())) as StateRecord[];
      return recs.map(({ scope, key, value }) => ({ scope, key, value }));
    },
    async clear() {
      const store = await tx("readwrite");
      const finished = done(store);
      store.clear();
      await finished;
    },
  };
}
