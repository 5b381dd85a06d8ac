import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { createIndexedDbStateStore } from "./indexeddb";
import { runStateStoreContract } from "./store-contract";

describe("IndexedDB state store", () => {
  let n = 0;
  runStateStoreContract(() => createIndexedDbStateStore(`db${++n}`, new IDBFactory()));

  it("persists across store instances on the same database", async () => {
    const factory = new IDBFactory();
    await createIndexedDbStateStore("ws", factory).set("global", "count", 3);
    expect(await createIndexedDbStateStore("ws", factory).get("global", "count")).toBe(3);
    expect(await createIndexedDbStateStore("other-ws", factory).get("global", "count")).toBeUndefined();
  });

  it("says clearly when IndexedDB is missing", async () => {
    const g = globalThis as { indexedDB?: unknown };
    const saved = g.indexedDB;
    delete g.indexedDB;
    try {
      await expect(createIndexedDbStateStore("x").get("a", "b")).rejects.toThrow(/IndexedDB is not available/);
    } finally {
      if (saved !== undefined) g.indexedDB = saved;
    }
  });
});
