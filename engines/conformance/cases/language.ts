/**
 * Conformance: the language layer every engine must agree on: return values of every JSON type, output,
 * ARGS, value conversion, errors (syntax, runtime, thrown values, host errors), limits (CPU timeout, memory,
 * cancel, output cap), host calls that wait, callbacks, host objects, and sandbox probes.
 *
 * Each case has a Lua source and a JavaScript source and one expected result. The API used here is a small
 * hand-written {@link ApiSurface} (`Host.*`), not the spell API.
 */
import { expect as vexpect } from "vitest";
import { SpellError, type SpellErrorKind } from "@/lib/core/errors";
import { isHandleRef, isSpellFunction, type ApiSurface, type HostValue } from "@/lib/core/engine";
import { type ErrorEvent, type LogEvent } from "@/lib/core/events";
import type { ConformanceCase } from "../../../lib/core/conformance";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Host.*`: sync and async functions, failures, callbacks, and a Counter class behind handles. */
function makeHostApi(): ApiSurface {
  const counters = new Map<number, number>();
  let next = 1;
  const counterOf = (v: HostValue): number => {
    if (!isHandleRef(v) || v.$class !== "Counter" || !counters.has(v.$handle)) {
      throw new SpellError("type", "expected a Counter");
    }
    return v.$handle;
  };
  return {
    globals: {
      Host: {
        functions: {
          echo: (args) => args[0] ?? null,
          later: async (args) => {
            await sleep(1);
            return args[0] ?? null;
          },
          sleep: async (args) => {
            await sleep(Number(args[0] ?? 0));
            return "slept";
          },
          fail: (args) => {
            throw new SpellError(String(args[0] ?? "tool") as SpellErrorKind, String(args[1] ?? "failed"), {
              data: { code: 7 },
            });
          },
          failLater: async (args) => {
            await sleep(1);
            throw new SpellError(String(args[0] ?? "tool") as SpellErrorKind, String(args[1] ?? "failed"));
          },
          call: async (args) => {
            const fn = args[0];
            if (!isSpellFunction(fn)) throw new SpellError("type", "call expects a function");
            return fn.call(...(args.slice(1) as never[]));
          },
          counter: () => {
            const h = { $handle: next++, $class: "Counter" };
            counters.set(h.$handle, 0);
            return h;
          },
          counterValue: (args) => counters.get(counterOf(args[0])) ?? null,
        },
        values: { NAME: "host" },
      },
    },
    classes: {
      Counter: {
        methods: {
          add: (self, args) => {
            const id = counterOf(self);
            const v = (counters.get(id) ?? 0) + Number(args[0] ?? 1);
            counters.set(id, v);
            return v;
          },
          value: (self) => counters.get(counterOf(self)) ?? null,
        },
      },
    },
  };
}

const host: Pick<ConformanceCase, "makeApi"> = { makeApi: () => makeHostApi() };

function errorEvent(events: { type: string }[]): ErrorEvent {
  const e = events.find((x) => x.type === "error") as ErrorEvent | undefined;
  vexpect(e, "an error event").toBeDefined();
  return e!;
}

export const cases: ConformanceCase[] = [
  // ---- values ---------------------------------------------------------------------------------------------------
  { name: "value: a string", lua: `return "hello"`, js: `return "hello";`, expect: { value: "hello" } },
  {
    name: "value: integers and floats keep their values",
    lua: `return { 3, 3.5, -7, 0.25, 0 }`,
    js: `return [3, 3.5, -7, 0.25, 0];`,
    expect: { value: [3, 3.5, -7, 0.25, 0] },
  },
  {
    name: "value: booleans",
    lua: `return { true, false }`,
    js: `return [true, false];`,
    expect: { value: [true, false] },
  },
  { name: "value: nil / null is null", lua: `return nil`, js: `return null;`, expect: { value: null } },
  { name: "value: no return value is null", lua: `local x = 1`, js: `const x = 1;`, expect: { value: null } },
  {
    name: "value: nested objects and arrays",
    lua: `return { name = "x", tags = { "a", "b" }, meta = { n = 1, deep = { ok = true } } }`,
    js: `return { name: "x", tags: ["a", "b"], meta: { n: 1, deep: { ok: true } } };`,
    expect: { value: { name: "x", tags: ["a", "b"], meta: { n: 1, deep: { ok: true } } } },
  },
  { name: "value: an empty table / object is {}", lua: `return {}`, js: `return {};`, expect: { value: {} } },
  {
    name: "value: an array of objects",
    lua: `return { { id = 1 }, { id = 2, extra = "y" } }`,
    js: `return [{ id: 1 }, { id: 2, extra: "y" }];`,
    expect: { value: [{ id: 1 }, { id: 2, extra: "y" }] },
  },
  {
    name: "value: unicode strings survive",
    lua: `return { "héllo ✓ 日本 🎉", string.upper("abc") }`,
    js: `return ["héllo ✓ 日本 🎉", "abc".toUpperCase()];`,
    expect: { value: ["héllo ✓ 日本 🎉", "ABC"] },
  },
  {
    name: "value: NaN and infinity become null",
    lua: `return { 0/0, 1/0, 1 }`,
    js: `return [NaN, Infinity, 1];`,
    expect: { value: [null, null, 1] },
  },
  {
    name: "value: integer division and float division",
    lua: `return { 7 // 2, 7 / 2, 2^3 }`,
    js: `return [Math.floor(7 / 2), 7 / 2, 2 ** 3];`,
    expect: { value: [3, 3.5, 8] },
  },
  {
    name: "value: a table with holes becomes an object with string keys",
    lua: `return { [1] = "a", [3] = "c" }`,
    js: `return { "1": "a", "3": "c" };`,
    expect: { value: { "1": "a", "3": "c" } },
  },
  {
    name: "value: integral numbers from the host are integers, fractional ones floats",
    lua: `local v = Host.echo({ a = 3, b = 2.5 })
return { math.type(v.a), math.type(v.b) }`,
    js: `const v = await Host.echo({ a: 3, b: 2.5 });
return [Number.isInteger(v.a) ? "integer" : "float", Number.isInteger(v.b) ? "integer" : "float"];`,
    ...host,
    expect: { value: ["integer", "float"] },
  },
  {
    name: "value: a large structure round-trips through the host",
    lua: `local t = {}
for i = 1, 1000 do t[i] = { i = i, s = "x" .. i } end
local back = Host.echo(t)
return { #back, back[1000].s, back[1].i }`,
    js: `const t = [];
for (let i = 1; i <= 1000; i++) t.push({ i, s: "x" + i });
const back = await Host.echo(t);
return [back.length, back[999].s, back[0].i];`,
    ...host,
    expect: { value: [1000, "x1000", 1] },
  },
  {
    name: "value: global values and table values of the API",
    lua: `return Host.NAME`,
    js: `return Host.NAME;`,
    ...host,
    expect: { value: "host" },
  },

  // ---- output ---------------------------------------------------------------------------------------------------
  {
    name: "print: lines in order",
    lua: `print("hello")
print("n=" .. 3)
print("done")`,
    js: `console.log("hello");
print("n=" + 3);
console.log("done");`,
    expect: { logs: ["hello", "n=3", "done"], value: null },
  },
  {
    name: "print: strings of booleans and numbers",
    lua: `print(tostring(true) .. " " .. tostring(12) .. " " .. tostring(1.5))`,
    js: `print(String(true) + " " + String(12) + " " + String(1.5));`,
    expect: { logs: ["true 12 1.5"] },
  },
  {
    name: "print: a warning is logged at warn level",
    lua: `warn("careful")`,
    js: `console.warn("careful");`,
    expect: {
      check: ({ events }) => {
        const logs = events.filter((e): e is LogEvent => e.type === "log");
        vexpect(logs.map((l) => [l.level, l.text])).toEqual([["warn", "careful"]]);
      },
    },
  },
  {
    name: "print: output over the cap is cut with a note",
    lua: `for i = 1, 200 do print(string.rep("x", 50)) end
return "done"`,
    js: `for (let i = 0; i < 200; i++) console.log("x".repeat(50));
return "done";`,
    maxOutputBytes: 500,
    expect: {
      value: "done",
      check: ({ logs }) => {
        vexpect(logs.length).toBeLessThanOrEqual(12);
        vexpect(logs.at(-1)).toMatch(/output truncated/);
      },
    },
  },

  // ---- ARGS -----------------------------------------------------------------------------------------------------
  {
    name: "args: ARGS fields are readable",
    lua: `return ARGS.name .. #ARGS.list`,
    js: `return ARGS.name + ARGS.list.length;`,
    args: { name: "Ada", list: [1, 2, 3] },
    expect: { value: "Ada3" },
  },
  {
    name: "args: ARGS is absent without arguments",
    lua: `return ARGS == nil`,
    js: `return typeof ARGS === "undefined";`,
    expect: { value: true },
  },
  {
    name: "args: an integral argument is an integer, a fractional one a float",
    lua: `return { math.type(ARGS.n), math.type(ARGS.f) }`,
    js: `return [Number.isInteger(ARGS.n) ? "integer" : "float", Number.isInteger(ARGS.f) ? "integer" : "float"];`,
    args: { n: 3, f: 2.5 },
    expect: { value: ["integer", "float"] },
  },

  // ---- errors ---------------------------------------------------------------------------------------------------
  {
    name: "error: a syntax error has its line",
    lua: `local a = 1
local b = = 2`,
    js: `const a = 1;
const b = = 2;`,
    expect: { error: { kind: "syntax", line: 2 } },
  },
  {
    name: "error: a runtime error has its line",
    lua: `local t = nil
local x = 1
return t.x`,
    js: `const t = null;
const x = 1;
return t.x;`,
    expect: { error: { kind: "runtime", line: 3 } },
  },
  {
    name: "error: a raised message keeps its text and line",
    lua: `local x = 1
error("boom")`,
    js: `const x = 1;
throw new Error("boom");`,
    expect: { error: { kind: "runtime", line: 2, messageIncludes: "boom" } },
  },
  {
    name: "error: a thrown table / object keeps its fields",
    lua: `error({ code = 42, msg = "x" })`,
    js: `throw { code: 42, msg: "x" };`,
    expect: {
      error: { kind: "runtime" },
      check: ({ events }) => vexpect(errorEvent(events).error.data).toEqual({ code: 42, msg: "x" }),
    },
  },
  {
    name: "error: caught in the spell (pcall / try-catch)",
    lua: `local ok, e = pcall(function() error({ code = 1 }) end)
return { ok, e.code }`,
    js: `try { throw { code: 1 }; } catch (e) { return [false, e.code]; }`,
    expect: { value: [false, 1] },
  },
  {
    name: "error: a host error caught in the spell keeps kind and message",
    lua: `local ok, e = pcall(Host.fail, "tool", "broken")
return { ok, e.kind, e.message }`,
    js: `try { await Host.fail("tool", "broken"); return [true]; } catch (e) { return [false, e.kind, e.message]; }`,
    ...host,
    expect: { value: [false, "tool", "broken"] },
  },
  {
    name: "error: a host error reads as kind: message (line N)",
    lua: `local ok, e = pcall(Host.fail, "tool", "broken")
return tostring(e)`,
    js: `try { await Host.fail("tool", "broken"); } catch (e) { return String(e); }`,
    ...host,
    expect: { value: "tool: broken (line 1)" },
  },
  {
    name: "error: an uncaught host error keeps its kind, line and data",
    lua: `local x = 1
Host.fail("not_found", "no such thing")`,
    js: `const x = 1;
await Host.fail("not_found", "no such thing");`,
    ...host,
    expect: {
      error: { kind: "not_found", line: 2, messageIncludes: "no such thing" },
      check: ({ events }) => vexpect(errorEvent(events).error.data).toEqual({ code: 7 }),
    },
  },
  {
    name: "error: a rejected host promise is caught like any error",
    lua: `local ok, e = pcall(Host.failLater, "provider", "down")
return { ok, e.kind, e.message }`,
    js: `try { await Host.failLater("provider", "down"); return [true]; } catch (e) { return [false, e.kind, e.message]; }`,
    ...host,
    expect: { value: [false, "provider", "down"] },
  },
  {
    name: "error: deep recursion is a stack overflow, not a crash",
    lua: `local function f(n) return 1 + f(n + 1) end
return f(1)`,
    js: `function f(n) { return 1 + f(n + 1); }
return f(1);`,
    expect: { error: { kind: "runtime", messageIncludes: "stack overflow" } },
  },

  // ---- limits ---------------------------------------------------------------------------------------------------
  {
    name: "limit: an infinite loop stops at the CPU timeout",
    lua: `while true do end`,
    js: `while (true) {}`,
    timeoutMs: 100,
    expect: { error: { kind: "timeout" }, check: ({ durationMs }) => vexpect(durationMs).toBeLessThan(3000) },
  },
  {
    name: "limit: the timeout cannot be caught",
    lua: `while true do pcall(function() while true do end end) end`,
    js: `while (true) { try { while (true) {} } catch (e) {} }`,
    timeoutMs: 100,
    expect: { error: { kind: "timeout" } },
  },
  {
    name: "limit: a memory bomb stops at the memory cap",
    lua: `local t = {}
for i = 1, 1e8 do t[i] = string.rep("x", 100) .. i end`,
    js: `const t = [];
for (let i = 0; i < 1e8; i++) t.push("x".repeat(100) + i);`,
    memoryLimitBytes: 8 * 1024 * 1024,
    timeoutMs: 10_000,
    expect: { error: { kind: "memory" } },
  },
  {
    // Busy work between short host waits: every engine sees the cancel at the latest at its next wait. (A pure
    // tight loop is stopped by terminating the worker; the Lua engine also stops one in-thread.)
    name: "limit: a running spell is cancelled",
    lua: `local i = 0
while true do
  i = i + 1
  if i % 1000 == 0 then Host.later(i) end
end`,
    js: `let i = 0;
while (true) {
  i++;
  if (i % 1000 === 0) await Host.later(i);
}`,
    ...host,
    timeoutMs: 10_000,
    cancelAfterMs: 50,
    expect: { error: { kind: "cancelled" }, check: ({ durationMs }) => vexpect(durationMs).toBeLessThan(3000) },
  },
  {
    name: "limit: a spell waiting on the host is cancelled",
    lua: `Host.sleep(10000)`,
    js: `await Host.sleep(10000);`,
    ...host,
    cancelAfterMs: 30,
    expect: { error: { kind: "cancelled" }, check: ({ durationMs }) => vexpect(durationMs).toBeLessThan(3000) },
  },
  {
    name: "limit: waiting on the host does not count as CPU time",
    lua: `for i = 1, 5 do Host.sleep(10) end
return "ok"`,
    js: `for (let i = 0; i < 5; i++) await Host.sleep(10);
return "ok";`,
    ...host,
    timeoutMs: 20,
    expect: { value: "ok", check: ({ durationMs }) => vexpect(durationMs).toBeGreaterThanOrEqual(45) },
  },

  // ---- host calls that wait, callbacks, host objects ------------------------------------------------------------
  {
    name: "async: host calls that wait, in a loop",
    lua: `local sum = 0
for i = 1, 5 do sum = sum + Host.later(i) end
return sum`,
    js: `let sum = 0;
for (let i = 1; i <= 5; i++) sum += await Host.later(i);
return sum;`,
    ...host,
    expect: { value: 15 },
  },
  {
    name: "async: a host call that waits inside pcall / try",
    lua: `local ok, v = pcall(function() return Host.later("inside") end)
return { ok, v }`,
    js: `let r;
try { r = [true, await Host.later("inside")]; } catch (e) { r = [false, String(e)]; }
return r;`,
    ...host,
    expect: { value: [true, "inside"] },
  },
  {
    name: "async: host calls inside a coroutine (Lua) / an async function (JS)",
    lua: `local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(Host.later(i * 10)) end
end)
return { gen(), gen(), gen() }`,
    js: `async function gen(i) { return await Host.later(i * 10); }
return [await gen(1), await gen(2), await gen(3)];`,
    ...host,
    expect: { value: [10, 20, 30] },
  },
  {
    name: "async: the host calls the spell's function",
    lua: `return Host.call(function(x) return x * 2 end, 21)`,
    js: `return await Host.call((x) => x * 2, 21);`,
    ...host,
    expect: { value: 42 },
  },
  {
    name: "async: a callback that itself waits on the host",
    lua: `return Host.call(function(x) return Host.later(x) + 1 end, 1)`,
    js: `return await Host.call(async (x) => (await Host.later(x)) + 1, 1);`,
    ...host,
    expect: { value: 2 },
  },
  {
    name: "async: an error in a callback reaches the spell as a caught error",
    lua: `local ok, e = pcall(Host.call, function() error("inner") end)
return { ok, e.message }`,
    js: `try { await Host.call(() => { throw new Error("inner"); }); return [true]; } catch (e) { return [false, e.message]; }`,
    ...host,
    expect: {
      check: ({ value }) => {
        const [ok, message] = value as [boolean, string];
        vexpect(ok).toBe(false);
        vexpect(message).toContain("inner");
      },
    },
  },
  {
    name: "handles: host objects with methods",
    lua: `local c = Host.counter()
c:add(2)
c:add(3)
return c:value()`,
    js: `const c = await Host.counter();
await c.add(2);
await c.add(3);
return await c.value();`,
    ...host,
    expect: { value: 5 },
  },
  {
    name: "handles: an object passed back to the host is the same object",
    lua: `local c = Host.counter()
c:add(4)
return Host.counterValue(c)`,
    js: `const c = await Host.counter();
await c.add(4);
return await Host.counterValue(c);`,
    ...host,
    expect: { value: 4 },
  },

  // ---- conversion -----------------------------------------------------------------------------------------------
  {
    name: "conversion: a function in the return value names its path",
    lua: `return { items = { 1, 2, function() end } }`,
    js: `return { items: [1, 2, () => {}] };`,
    expect: { error: { kind: "conversion", messageIncludes: "items" } },
  },
  {
    name: "conversion: a cyclic return value is an error",
    lua: `local t = {}
t.self = t
return t`,
    js: `const t = {};
t.self = t;
return t;`,
    expect: { error: { kind: "conversion", messageIncludes: "self" } },
  },
  {
    name: "conversion: a value that cannot cross into a host call names the argument path",
    lua: `Host.echo({ list = { 1, coroutine.create(print) } })`,
    js: `await Host.echo({ list: [1, Symbol("x")] });`,
    ...host,
    expect: { error: { kind: "conversion", line: 1, messageIncludes: "list" } },
  },

  // ---- sandbox --------------------------------------------------------------------------------------------------
  {
    name: "sandbox: no files, processes, network or modules",
    lua: `return { io.open == nil, os.execute == nil, require == nil, os.getenv == nil, dofile == nil, package == nil }`,
    js: `return [typeof require === "undefined", typeof process === "undefined", typeof fetch === "undefined",
  typeof globalThis.std === "undefined", typeof XMLHttpRequest === "undefined", typeof importScripts === "undefined"];`,
    expect: { value: [true, true, true, true, true, true] },
  },
  {
    name: "sandbox: no bytecode (Lua) and no module imports (JS)",
    lua: `local f = load("\\27Lua", "x", "b")
return string.dump == nil and f == nil`,
    js: `let blocked = false;
try { await import("fs"); } catch (e) { blocked = true; }
return blocked;`,
    expect: { value: true },
  },
  {
    name: "sandbox: the engine's globals are not reachable",
    lua: `return { debug == nil, getmetatable("") == nil, collectgarbage("count") > 0 }`,
    js: `return [typeof globalThis.host === "undefined", typeof globalThis.os === "undefined", typeof globalThis.WebAssembly === "undefined"];`,
    expect: { value: [true, true, true] },
  },
];
