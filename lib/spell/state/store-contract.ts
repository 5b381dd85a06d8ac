/** The behaviour every StateStore must have; each store's test runs it against its own implementation. */
import { expect, it } from "vitest";
import type { StateStore } from "../runtime";

export function runStateStoreContract(make: () => Promise<StateStore> | StateStore): void {
  it("round-trips JSON values per scope", async () => {
    const s = await make();
    await s.set("global", "a", { n: 1, list: [1, 2.5, "x", null, true] });
    await s.set("other", "a", "different");
    expect(await s.get("global", "a")).toEqual({ n: 1, list: [1, 2.5, "x", null, true] });
    expect(await s.get("other", "a")).toBe("different");
    expect(await s.get("global", "missing")).toBeUndefined();
  });

  it("lists keys sorted per scope, deletes, and clears", async () => {
    const s = await make();
    await s.set("sc", "b", 2);
    await s.set("sc", "a", 1);
    await s.set("sc2", "z", 3);
    expect(await s.keys("sc")).toEqual(["a", "b"]);
    expect(await s.delete("sc", "a")).toBe(true);
    expect(await s.delete("sc", "a")).toBe(false);
    expect(await s.keys("sc")).toEqual(["b"]);
    const entries = await s.entries();
    expect(entries).toEqual(
      expect.arrayContaining([
        { scope: "sc", key: "b", value: 2 },
        { scope: "sc2", key: "z", value: 3 },
      ]),
    );
    await s.clear();
    expect(await s.entries()).toEqual([]);
  });

  it("returns copies, not live references", async () => {
    const s = await make();
    const v = { inner: [1] };
    await s.set("g", "k", v);
    v.inner.push(2);
    const got = (await s.get("g", "k")) as { inner: number[] };
    expect(got.inner).toEqual([1]);
  });

  it("treats __proto__, constructor and other Object.prototype names as ordinary scopes and keys", async () => {
    const s = await make();
    const names = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];
    for (const scope of names) for (const key of names) await s.set(scope, key, { polluted: `${scope}.${key}` });
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    for (const scope of names) {
      expect(await s.keys(scope)).toEqual([...names].sort());
      for (const key of names) expect(await s.get(scope, key)).toEqual({ polluted: `${scope}.${key}` });
    }
    expect(await s.get("fresh", "__proto__")).toBeUndefined();
    expect(await s.keys("fresh")).toEqual([]);
    expect(await s.delete("__proto__", "__proto__")).toBe(true);
    expect(await s.get("__proto__", "__proto__")).toBeUndefined();
    expect((await s.entries()).length).toBe(names.length * names.length - 1);
  });
}
