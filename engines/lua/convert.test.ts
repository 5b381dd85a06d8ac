/** Conversion through a real Lua state: what crosses, what does not, and the paths named in errors. */
import { describe, expect, it } from "vitest";
import type { ApiSurface, HostValue } from "../../lib/core/engine";
import { formatPath } from "./convert";
import { createLuaEngine } from "./engine";

const engine = await createLuaEngine();

function echoApi(reply?: HostValue): ApiSurface {
  return {
    globals: {
      H: {
        functions: {
          echo: (args) => (reply === undefined ? (args[0] ?? null) : reply),
          kinds: (args) => args.map((a) => (Array.isArray(a) ? "array" : a === null ? "null" : typeof a)),
        },
      },
    },
    classes: {},
  };
}

describe("lua conversion", () => {
  it("formats paths like Lua code", () => {
    expect(formatPath({ root: "args[1]" })).toBe("args[1]");
    expect(formatPath({ parent: { parent: { root: "args[2]" }, key: "items" }, key: 3 })).toBe("args[2].items[3]");
    expect(formatPath({ parent: { root: "return" }, key: "a b" })).toBe('return["a b"]');
    let deep: Parameters<typeof formatPath>[0] = { root: "return" };
    for (let i = 0; i < 50; i++) deep = { parent: deep, key: "n" };
    expect(formatPath(deep)).toMatch(/^return\.n\.n\.n…\(39 more\)…(\.n){8}$/);
  });

  it("sends sequences as arrays, other tables and empty tables as objects", async () => {
    const r = await engine.execute(`return H.kinds({1, 2}, {}, {a = 1}, {[2] = 1}, "s", 1, true)`, { api: echoApi() });
    expect(r).toMatchObject({
      ok: true,
      value: ["array", "object", "object", "object", "string", "number", "boolean"],
    });
  });

  it("brings host values in: integral numbers as integers, null dropped from objects, holes in arrays", async () => {
    const api = echoApi({
      i: 3,
      f: 3.5,
      big: 2 ** 60,
      n: null,
      list: [1, null, 3],
      s: "ünï",
      nested: { deep: [{ x: true }] },
    });
    const r = await engine.execute(
      `local v = H.echo()
       return { math.type(v.i), math.type(v.f), math.type(v.big), v.n == nil, v.list[1], v.list[2] == nil, v.list[3], v.s, utf8.len(v.s), v.nested.deep[1].x }`,
      { api },
    );
    expect(r).toMatchObject({ ok: true, value: ["integer", "float", "float", true, 1, true, 3, "ünï", 3, true] });
  });

  it("sends an empty array from the host back as [] (and a spell's own empty table as {})", async () => {
    const api = echoApi({ nodes: [], edges: [[]], obj: {} });
    const r = await engine.execute(
      `local g = H.echo()
       local emptied = H.echo({ list = {} })
       return { g = g, mine = {}, n = #g.nodes }`,
      { api },
    );
    expect(r).toMatchObject({ ok: true, value: { g: { nodes: [], edges: [[]], obj: {} }, mine: {}, n: 0 } });
    const filled = await engine.execute(`local g = H.echo() table.insert(g.nodes, "a") g.obj.x = 1 return g`, { api });
    expect(filled).toMatchObject({ ok: true, value: { nodes: ["a"], obj: { x: 1 } } });
  });

  it("keeps unicode, empty strings and embedded zeros", async () => {
    const r = await engine.execute(`return { H.echo("日本語 🎉"), H.echo(""), #H.echo("a\\0b") }`, { api: echoApi() });
    expect(r).toMatchObject({ ok: true, value: ["日本語 🎉", "", 3] });
  });

  it("rejects table keys that JSON cannot hold", async () => {
    const r = await engine.execute(`return H.echo({ [true] = 1 })`, { api: echoApi() });
    expect(r).toMatchObject({ ok: false, error: { kind: "conversion" } });
    expect(!r.ok && r.error.message).toMatch(/key of type boolean at args\[1\]/);
  });

  it("rejects a host value nested too deeply (or cyclic)", async () => {
    const cyclic: Record<string, HostValue> = {};
    cyclic.self = cyclic;
    const r = await engine.execute(`local ok, e = pcall(H.echo) return { ok, e.kind }`, { api: echoApi(cyclic) });
    expect(r).toMatchObject({ ok: true, value: [false, "conversion"] });
  });

  it("stops a shared structure that would expand as a tree, naming the bound", async () => {
    const shared =
      "local t = {} for i = 1, 30 do t[i] = i end for d = 1, 6 do local n = {} for i = 1, 30 do n[i] = t end t = n end";
    const r = await engine.execute(`${shared} return t`);
    expect(r).toMatchObject({ ok: false, error: { kind: "conversion" } });
    expect(!r.ok && r.error.message).toContain("more than 1000000 parts");
    const arg = await engine.execute(`${shared} return H.echo(t)`, { api: echoApi("fine") });
    expect(arg).toMatchObject({ ok: false, error: { kind: "conversion" } });
  });
  it("keeps a __proto__ key as a key, not a prototype", async () => {
    const r = await engine.execute('return H.echo({ ["__proto__"] = { x = 1 }, y = 2 })', { api: echoApi() });
    expect(r.ok && Object.keys(r.value as object)).toEqual(["__proto__", "y"]);
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });
  it("converts float keys and integer keys of objects to strings", async () => {
    const r = await engine.execute(`return { [1.5] = "a", [2] = "b", x = "c" }`);
    expect(r).toMatchObject({ ok: true, value: { "1.5": "a", "2": "b", x: "c" } });
  });
});
