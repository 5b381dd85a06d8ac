import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { createBrowserStateResolver } from "./browser-state";

describe("browser State resolver", () => {
  it("keeps State in IndexedDB per namespace, across resolvers (as across page loads)", async () => {
    const factory = new IDBFactory();
    const first = await createBrowserStateResolver(factory)("ws-1");
    expect(first.warning).toBeUndefined();
    await first.store.set("global", "count", 2);
    const again = await createBrowserStateResolver(factory)("ws-1");
    expect(await again.store.get("global", "count")).toBe(2);
    const other = await createBrowserStateResolver(factory)("ws-2");
    expect(await other.store.get("global", "count")).toBeUndefined();
    const defaulted = await createBrowserStateResolver(factory)(undefined);
    expect(defaulted.warning).toBeUndefined();
  });

  it("falls back to memory with a warning when IndexedDB is missing", async () => {
    const r = await createBrowserStateResolver(null)("ws");
    expect(r.warning).toMatch(/IndexedDB is unavailable/);
    await r.store.set("s", "k", 1);
    expect(await r.store.get("s", "k")).toBe(1);
  });

  it("falls back to memory with a warning when IndexedDB fails to open", async () => {
    const broken = {
      open() {
        throw new Error("private mode");
      },
    } as unknown as IDBFactory;
    const r = await createBrowserStateResolver(broken)("ws");
    expect(r.warning).toMatch(/IndexedDB failed \(.*private mode.*\)/);
  });
});
