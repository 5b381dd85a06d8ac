import { describe, expect, it } from "vitest";
import type { ApiSurface, HandleRef } from "../../lib/core/engine";
import { createLuaEngine } from "./engine";

const engine = await createLuaEngine();

/** A class whose handles carry plain fields, one of which (`add`) has the name of a method. */
function fieldsApi(seen: HandleRef[] = []): ApiSurface {
  let next = 1;
  const make = (cls: string): HandleRef =>
    ({ $handle: next++, $class: cls, name: "n1", add: "a field", meta: { tags: ["x", "y"], n: 2 } }) as HandleRef;
  return {
    globals: {
      Host: {
        functions: {
          named: () => make("Named"),
          stranger: () => make("Undeclared"),
          take: (args) => {
            seen.push(args[0] as HandleRef);
            return (args[0] as HandleRef).$handle;
          },
        },
      },
    },
    classes: { Named: { methods: { add: (_self, args) => (args[0] as number) + 1, id: (self) => self.$handle } } },
  };
}

describe("Lua handle fields", () => {
  it("reads the plain fields a handle carries, nested ones as tables", async () => {
    const r = await engine.execute(
      `local h = Host.named()
       return { h.name, h.meta.tags[2], h.meta.n, type(h.meta), h.missing == nil, h:id() }`,
      { api: fieldsApi() },
    );
    expect(r).toMatchObject({ ok: true, value: ["n1", "y", 2, "table", true, 1] });
  });
  it("lets a method win over a field of the same name", async () => {
    const r = await engine.execute(`local h = Host.named() return { type(h.add), h:add(41) }`, { api: fieldsApi() });
    expect(r).toMatchObject({ ok: true, value: ["function", 42] });
  });
  it("keeps fields and methods read-only but lets a spell add its own keys", async () => {
    const r = await engine.execute(
      `local h = Host.named()
       local ok1, e1 = pcall(function() h.name = "other" end)
       local ok2 = pcall(function() h.add = 1 end)
       h.mine = 5
       return { ok1, tostring(e1):match("read%-only") ~= nil, ok2, h.name, h.mine }`,
      { api: fieldsApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [false, true, false, "n1", 5] });
  });
  it("lists its fields (not the one a method hides) and the spell's own keys with pairs", async () => {
    const r = await engine.execute(
      `local h = Host.named()
       h.mine = 1
       local keys = {}
       for k in pairs(h) do keys[#keys + 1] = k end
       table.sort(keys)
       return keys`,
      { api: fieldsApi() },
    );
    expect(r).toMatchObject({ ok: true, value: ["meta", "mine", "name"] });
  });
  it("passes the object back to the host as its handle", async () => {
    const seen: HandleRef[] = [];
    const r = await engine.execute(`local h = Host.named() return { Host.take(h), h }`, { api: fieldsApi(seen) });
    expect(r).toMatchObject({ ok: true, value: [1, { $handle: 1, $class: "Named" }] });
    expect(seen[0]).toMatchObject({ $handle: 1, $class: "Named" });
  });
  it("gives a handle of an undeclared class as a plain table with its fields", async () => {
    const r = await engine.execute(`local h = Host.stranger() return { h.name, h["$class"], h["$handle"] }`, {
      api: fieldsApi(),
    });
    expect(r).toMatchObject({ ok: true, value: ["n1", "Undeclared", 1] });
  });
});
