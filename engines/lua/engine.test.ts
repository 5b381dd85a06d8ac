import { describe, expect, it } from "vitest";
import { SpellError } from "../../lib/core/errors";
import {
  type ApiSurface,
  type ExecuteOptions,
  type HandleRef,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { createLuaEngine } from "./engine";

const engine = await createLuaEngine();
const run = (source: string, opts: ExecuteOptions = {}) => engine.execute(source, opts);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small API: sync and async functions, an erroring one, callbacks and a class with handles. */
function testApi(log: string[] = []): ApiSurface {
  let nextHandle = 1;
  const counters = new Map<number, number>();
  const stored: SpellFunction[] = [];
  return {
    globals: {
      Host: {
        functions: {
          echo: (args) => args[0] ?? null,
          args: (args) => args.map((a) => (a === undefined ? "undefined" : a)),
          later: async (args) => {
            await sleep(5);
            return args[0] ?? null;
          },
          fail: () => {
            throw new SpellError("tool", "the tool broke", { data: { code: 7 } });
          },
          failLater: async () => {
            await sleep(1);
            throw new SpellError("provider", "the model is down");
          },
          crash: () => {
            throw new TypeError("host bug");
          },
          callBack: async (args) => {
            const fn = args[0] as SpellFunction;
            return fn.call(args[1] as number);
          },
          store: (args) => {
            stored.push(args[0] as SpellFunction);
            return stored.length;
          },
          callStored: async (args) => stored[(args[0] as number) - 1].call(args[1] as number),
          counter: () => {
            const h: HandleRef = { $handle: nextHandle++, $class: "Counter" };
            counters.set(h.$handle, 0);
            return h;
          },
          note: (args) => {
            log.push(String(args[0]));
            return null;
          },
        },
        values: { VERSION: "1.0", LIMITS: { max: 3 } },
      },
    },
    classes: {
      Counter: {
        methods: {
          add: (self, args) => {
            const v = (counters.get(self.$handle) ?? 0) + ((args[0] as number) ?? 1);
            counters.set(self.$handle, v);
            return v;
          },
          addLater: async (self, args) => {
            await sleep(2);
            const v = (counters.get(self.$handle) ?? 0) + ((args[0] as number) ?? 1);
            counters.set(self.$handle, v);
            return v;
          },
          self: (self) => self as unknown as HostValue,
          id: (self) => self.$handle,
        },
      },
    },
    values: { GREETING: "hello" },
  };
}

describe("lua engine: values", () => {
  it("returns every JSON type", async () => {
    const r = await run(`return { n = 3, f = 3.5, s = "é✓", b = true, a = {1, 2, 3}, o = {x = {y = "z"}}, e = {} }`);
    expect(r).toMatchObject({
      ok: true,
      value: { n: 3, f: 3.5, s: "é✓", b: true, a: [1, 2, 3], o: { x: { y: "z" } }, e: {} },
    });
  });
  it("returns nil as null and the first of several values", async () => {
    expect((await run(`return nil`)).ok && (await run(`return nil`))).toMatchObject({ value: null });
    expect(await run(`return 1, 2`)).toMatchObject({ ok: true, value: 1 });
    expect(await run(`local x = 1`)).toMatchObject({ ok: true, value: null });
  });
  it("keeps sparse and mixed tables as objects with string keys", async () => {
    const r = await run(`return { [1] = "a", [3] = "c" }, 0`);
    expect(r).toMatchObject({ ok: true, value: { "1": "a", "3": "c" } });
    expect(await run(`return { 1, 2, x = 1 }`)).toMatchObject({ value: { "1": 1, "2": 2, x: 1 } });
  });
  it("maps NaN and infinity to null", async () => {
    expect(await run(`return { a = 0/0, b = math.huge, c = 1 }`)).toMatchObject({ value: { a: null, b: null, c: 1 } });
  });
  it("rejects a cycle, a function or a coroutine in the return value, naming the path", async () => {
    const cyc = await run(`local t = {}; t.self = t; return t`);
    expect(cyc).toMatchObject({ ok: false, error: { kind: "conversion" } });
    expect(!cyc.ok && cyc.error.message).toContain("return.self");
    const fn = await run(`return { items = { 1, 2, function() end } }`);
    expect(!fn.ok && fn.error.message).toContain("return.items[3]");
    const co = await run(`return { co = coroutine.create(function() end) }`);
    expect(!co.ok && co.error).toMatchObject({ kind: "conversion" });
  });
  it("passes ARGS and API values", async () => {
    const r = await run(`return { ARGS.name, ARGS.list[2], GREETING, Host.VERSION, Host.LIMITS.max }`, {
      args: { name: "x", list: [1, 2] },
      api: testApi(),
    });
    expect(r).toMatchObject({ ok: true, value: ["x", 2, "hello", "1.0", 3] });
    expect(await run(`return ARGS == nil`)).toMatchObject({ value: true });
  });
  it("round-trips integers, floats and nested values through the host", async () => {
    const r = await run(
      `local v = Host.echo({ i = 3, f = 3.5, big = 2^53, list = {1, {2, {3}}}, empty = {} })
       return { math.type(v.i), math.type(v.f), v.list[2][2][1], next(v.empty) == nil }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: ["integer", "float", 3, true] });
  });
  it("names the path of an argument that cannot cross", async () => {
    const r = await run(`Host.echo(1, { items = { 1, 2, coroutine.create(print) } })`, { api: testApi() });
    expect(r).toMatchObject({ ok: false, error: { kind: "conversion", line: 1 } });
    expect(!r.ok && r.error.message).toContain("args[2].items[3]");
  });
  it("keeps nil arguments in place", async () => {
    expect(await run(`return Host.args(1, nil, 3)`, { api: testApi() })).toMatchObject({ value: [1, "undefined", 3] });
  });
});

describe("lua engine: output", () => {
  it("captures print with tabs and tostring semantics", async () => {
    const r = await run(`print("a", 1, 2.0, nil, true, setmetatable({}, {__tostring = function() return "T" end}))`);
    expect(r.logs).toEqual([{ level: "log", text: "a\t1\t2.0\tnil\ttrue\tT" }]);
  });
  it("streams log events as they happen", async () => {
    const events: string[] = [];
    await run(`print("one") print("two")`, { onEvent: (e) => events.push(e.type === "log" ? e.text : e.type) });
    expect(events).toEqual(["one", "two", "result"]);
  });
  it("caps output with one note", async () => {
    const r = await run(`for i = 1, 1000 do print(string.rep("x", 100)) end return "done"`, { maxOutputBytes: 1000 });
    expect(r).toMatchObject({ ok: true, value: "done", stats: { outputTruncated: true } });
    expect(r.logs.length).toBeLessThan(20);
    expect(r.logs.at(-1)?.text).toMatch(/output truncated/);
  });
  it("executeStreaming yields events ending with the result", async () => {
    const types: string[] = [];
    for await (const e of engine.executeStreaming(`print(1) return 2`)) types.push(e.type);
    expect(types).toEqual(["log", "result"]);
  });
});

describe("lua engine: errors", () => {
  it("reports a syntax error with its line", async () => {
    const r = await run(`local a = 1\nlocal b = = 2`);
    expect(r).toMatchObject({ ok: false, error: { kind: "syntax", line: 2 } });
  });
  it("reports a runtime error with the spell's line and script frames only", async () => {
    const r = await run(`local function f()\n  return nil + 1\nend\nreturn f()`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 2 } });
    if (r.ok) return;
    expect(r.error.message).toContain("attempt to perform arithmetic");
    expect(r.error.stack).toContain("spell:2:");
    expect(r.error.stack).not.toMatch(/llmspell|\[C\]|node_modules|\.ts/);
  });
  it("uses the chunk name given", async () => {
    const r = await run(`error("boom")`, { chunkName: "demo" });
    expect(r).toMatchObject({ ok: false, error: { message: "boom", line: 1 } });
  });
  it('finds the line of error("x", 0)', async () => {
    const r = await run(`local x = 1\nerror("plain", 0)`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", message: "plain", line: 2 } });
  });
  it("keeps the fields of a thrown table in data", async () => {
    const r = await run(`error({ code = 42, msg = "x" })`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", message: "x", data: { code: 42, msg: "x" } } });
  });
  it("describes non-string, non-table error values", async () => {
    expect(await run(`error(42)`)).toMatchObject({ ok: false, error: { message: "error value: 42" } });
    expect(await run(`error()`)).toMatchObject({ ok: false, error: { message: "error value: nil" } });
  });
  it("raises host errors as tables pcall sees, with kind, message, line and __tostring", async () => {
    const r = await run(
      `local ok, e = pcall(Host.fail)
       return { ok, e.kind, e.message, e.line, tostring(e), e.data.code }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({
      ok: true,
      value: [false, "tool", "the tool broke", 1, "tool: the tool broke (line 1)", 7],
    });
  });
  it("keeps the kind of an uncaught host error, sync and async", async () => {
    expect(await run(`local a = 1\nHost.fail()`, { api: testApi() })).toMatchObject({
      ok: false,
      error: { kind: "tool", message: "the tool broke", line: 2, data: { code: 7 } },
    });
    expect(await run(`Host.failLater()`, { api: testApi() })).toMatchObject({
      ok: false,
      error: { kind: "provider", message: "the model is down", line: 1 },
    });
    const rethrown = await run(`local ok, e = pcall(Host.fail)\nerror(e)`, { api: testApi() });
    expect(rethrown).toMatchObject({ ok: false, error: { kind: "tool", line: 1 } });
  });
  it("turns a host bug into an api error without host stack frames", async () => {
    const r = await run(`Host.crash()`, { api: testApi() });
    expect(r).toMatchObject({ ok: false, error: { kind: "api", message: "host bug" } });
    expect(JSON.stringify(r)).not.toMatch(/at |\.ts:|node_modules/);
  });
  it("reports a stack overflow", async () => {
    const r = await run(`local function f(n) return 1 + f(n + 1) end return f(1)`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime" } });
    expect(!r.ok && r.error.message).toMatch(/stack overflow/);
  });
});

describe("lua engine: host calls that wait", () => {
  it("look synchronous at top level, in loops and inside pcall", async () => {
    const r = await run(
      `local sum = 0
       for i = 1, 5 do sum = sum + Host.later(i) end
       local ok, v = pcall(function() return Host.later("inside") end)
       local ok2, e = pcall(Host.failLater)
       return { sum, ok, v, ok2, e.kind }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [15, true, "inside", false, "provider"] });
  });
  it("work inside the spell's own coroutines (resume and wrap, nested)", async () => {
    const r = await run(
      `local co = coroutine.create(function(a)
         local x = Host.later(a)
         local y = coroutine.yield(x + 1)
         return Host.later(y * 2)
       end)
       local ok1, v1 = coroutine.resume(co, 10)
       local ok2, v2 = coroutine.resume(co, 4)
       local gen = coroutine.wrap(function()
         for i = 1, 3 do
           local inner = coroutine.wrap(function() coroutine.yield(Host.later(i * 100)) end)
           coroutine.yield(inner())
         end
       end)
       return { ok1, v1, ok2, v2, gen(), gen(), gen(), coroutine.status(co) }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [true, 11, true, 8, 100, 200, 300, "dead"] });
  });
  it("does not count waiting time as CPU time", async () => {
    const r = await run(`for i = 1, 4 do Host.later(i) end return "ok"`, { api: testApi(), timeoutMs: 5 });
    // Host.later(i) waits i ms: 10 ms of waiting under a 5 ms CPU limit, and no timeout.
    expect(r).toMatchObject({ ok: true, value: "ok" });
  });
  it("says clearly when a wait happens inside a C callback", async () => {
    const r = await run(`local t = {3, 1, 2}; table.sort(t, function(a, b) return Host.later(a) < b end)`, {
      api: testApi(),
    });
    expect(r).toMatchObject({ ok: false, error: { kind: "unsupported_feature" } });
  });
  it("yield outside a coroutine is an error", async () => {
    const r = await run(`coroutine.yield(1)`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 1 } });
    expect(await run(`return { coroutine.isyieldable(), select(2, coroutine.running()) }`)).toMatchObject({
      value: [false, true],
    });
  });
});

describe("lua engine: callbacks and host objects", () => {
  it("lets the host call a Lua function, also while the spell waits", async () => {
    const r = await run(
      `local seen = {}
       local n = Host.store(function(x) seen[#seen + 1] = x; return Host.later(x * 2) end)
       local a = Host.callStored(n, 5)
       local b = Host.callBack(function(x) return x + 1 end, 41)
       return { a, b, seen[1] }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [10, 42, 5] });
  });
  it("rejects the host's call when the Lua function fails", async () => {
    const r = await run(
      `local ok, e = pcall(Host.callBack, function() error("inner") end, 1)
       return { ok, e.kind, e.message }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [false, "runtime", "inner"] });
  });
  it("hands the host one SpellFunction per Lua function, and refuses calls after the run", async () => {
    const seen: SpellFunction[] = [];
    const api: ApiSurface = {
      globals: { H: { functions: { keep: (args) => (seen.push(args[0] as SpellFunction), null) } } },
      classes: {},
    };
    const r = await run(`local f = function(x) return x end H.keep(f) H.keep(f) H.keep(print) return 1`, { api });
    expect(r.ok).toBe(true);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    await expect(seen[0].call(1)).rejects.toMatchObject({ kind: "cancelled" });
  });
  it("makes a callable from elsewhere (another run or engine) callable from Lua", async () => {
    const foreign: SpellFunction = { __spellFunction: true, call: async (...args) => (args[0] as number) * 3 };
    const api: ApiSurface = {
      globals: { H: { functions: { get: () => foreign, give: (args) => args[0] === foreign } } },
      classes: {},
    };
    const r = await run(`local f = H.get() local ok, e = pcall(f, "x") return { f(14), H.give(f), H.get() == f }`, {
      api,
    });
    expect(r).toMatchObject({ ok: true, value: [42, true, true] });
  });
  it("wraps handles as objects with colon-called methods", async () => {
    const r = await run(
      `local c = Host.counter()
       c:add(2); c:add(3)
       local v = c:addLater(10)
       local same = c:self() == c
       return { v, c:id(), same, tostring(c):match("^Counter") ~= nil, Host.echo(c) == c }`,
      { api: testApi() },
    );
    expect(r).toMatchObject({ ok: true, value: [15, 1, true, true, true] });
  });
  it("turns handles inside API values into objects too", async () => {
    const api = testApi();
    api.values = { DEFAULT_COUNTER: { $handle: 99, $class: "Counter" } };
    api.globals.Host.values = { ...api.globals.Host.values, MAIN: { $handle: 98, $class: "Counter" } };
    const r = await run(`return { DEFAULT_COUNTER:id(), Host.MAIN:id() }`, { api });
    expect(r).toMatchObject({ ok: true, value: [99, 98] });
  });
  it("passes a handle back to the host as a HandleRef", async () => {
    const r = await run(`return Host.counter()`, { api: testApi() });
    expect(r).toMatchObject({ ok: true, value: { $handle: 1, $class: "Counter" } });
  });
  it("explains a dot call on a method", async () => {
    const r = await run(`local c = Host.counter()\nc.add(1)`, { api: testApi() });
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 2 } });
    expect(!r.ok && r.error.message).toMatch(/colon/);
  });
  it("evaluates the API's Lua prelude after injection", async () => {
    const api = testApi();
    api.preludes = { lua: `function Host.twice(x) return Host.echo(x) * 2 end` };
    expect(await run(`return Host.twice(21)`, { api })).toMatchObject({ ok: true, value: 42 });
  });
});

describe("lua engine: limits", () => {
  it("stops an infinite loop at the CPU timeout, even under pcall", async () => {
    const r = await run(`local n = 0\nwhile true do pcall(function() while true do end end) end`, { timeoutMs: 100 });
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout", line: 2 } });
  });
  it("stops a memory bomb at the memory cap", async () => {
    const r = await run(`local t = {} for i = 1, 1e8 do t[i] = string.rep("x", 64) .. i end`, {
      memoryLimitBytes: 4 * 1024 * 1024,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: "memory" } });
    expect(r.stats.memoryBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
  it("stops a huge string.rep at the memory cap", async () => {
    const r = await run(`return #string.rep("x", 1e9)`, { memoryLimitBytes: 8 * 1024 * 1024 });
    expect(r).toMatchObject({ ok: false, error: { kind: "memory" } });
  });
  it("cancels a running spell through the signal", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const r = await run(`while true do end`, { signal: ac.signal, timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: false, error: { kind: "cancelled" } });
  });
  it("cancels a spell that is waiting on the host", async () => {
    const ac = new AbortController();
    const api = testApi();
    api.globals.Host.functions.forever = () => new Promise<HostValue>(() => {});
    setTimeout(() => ac.abort(), 20);
    const r = await run(`Host.forever()`, { signal: ac.signal, api });
    expect(r).toMatchObject({ ok: false, error: { kind: "cancelled" } });
  });
  it("enforces the wall-clock limit separately", async () => {
    const api = testApi();
    api.globals.Host.functions.forever = () => new Promise<HostValue>(() => {});
    const r = await run(`Host.forever()`, { wallTimeoutMs: 50, api });
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(!r.ok && r.error.message).toMatch(/wall/);
  });
  it("reports cancelled at once for an already-aborted signal", async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await run(`return 1`, { signal: ac.signal })).toMatchObject({ ok: false, error: { kind: "cancelled" } });
  });
  it("stays usable after a killed run", async () => {
    await run(`while true do end`, { timeoutMs: 20 });
    expect(await run(`return 1 + 1`)).toMatchObject({ ok: true, value: 2 });
  });
  it("refuses __gc finalizers (they run with hooks off, so no limit could stop them)", async () => {
    const r = await run(`setmetatable({}, { __gc = function() while true do end end }) return "ok"`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 1 } });
    expect(!r.ok && r.error.message).toMatch(/__gc/);
  });
});

describe("lua engine: lifecycle", () => {
  it("a disposed engine answers with a configuration error and stops its running spells", async () => {
    const e = await createLuaEngine();
    const running = e.execute(`while true do end`, { timeoutMs: 5000 });
    await sleep(30);
    e.dispose();
    expect(await running).toMatchObject({ ok: false, error: { kind: "cancelled" } });
    expect(await e.execute(`return 1`)).toMatchObject({ ok: false, error: { kind: "configuration" } });
  });
  it("runs several spells at once on one engine, each in its own state", async () => {
    const api = testApi();
    const results = await Promise.all(
      [1, 2, 3].map((n) => run(`x = ${n} for i = 1, 3 do Host.later(i) end return x`, { api })),
    );
    expect(results.map((r) => r.ok && r.value)).toEqual([1, 2, 3]);
  });
});

describe("lua engine: bad input", () => {
  it("handles an empty spell, a shebang, a BOM and binary garbage", async () => {
    expect(await run(``)).toMatchObject({ ok: true, value: null });
    expect(await run(`#!/usr/bin/env llmspell\nreturn 1`)).toMatchObject({ ok: true, value: 1 });
    expect(await run(`\uFEFFreturn 2`)).toMatchObject({ ok: true, value: 2 });
    expect(await run(`\x1bLua\x54\x00garbage`)).toMatchObject({ ok: false, error: { kind: "syntax" } });
    expect(await run(`\u0000\u0001\u0002`)).toMatchObject({ ok: false, error: { kind: "syntax" } });
  });
  it("runs a 1 MiB spell", async () => {
    const src = `local s = 0\n` + `s = s + 1\n`.repeat(100_000) + `return s`;
    expect(src.length).toBeGreaterThan(1_000_000);
    expect(await run(src)).toMatchObject({ ok: true, value: 100_000 });
  });
  it("rejects a too deeply nested return value", async () => {
    const r = await run(`local t = {} local c = t for i = 1, 500 do c.n = {} c = c.n end return t`);
    expect(r).toMatchObject({ ok: false, error: { kind: "conversion" } });
  });
});
