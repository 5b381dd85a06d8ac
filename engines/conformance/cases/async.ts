/**
 * Cross-engine cases for what waits: host calls that return promises (synchronous-looking in Lua, awaited
 * in JavaScript), callbacks the host calls while the spell waits, host errors through waits, handles, CPU
 * time that does not count waiting, and cancellation mid-wait.
 */
import { SpellError } from "@/lib/core/errors";
import { isSpellFunction, type ApiSurface, type HostValue } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import type { ConformanceCase } from "../../../lib/core/conformance";

/** A small API with promise-returning functions, callbacks and a counter class. */
function makeAsyncApi(delayMs = 2): ApiSurface {
  const later = <T>(f: () => T, ms = delayMs) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      }, ms),
    );
  const counters = new Map<number, number>();
  let next = 1;
  return {
    globals: {
      Async: {
        functions: {
          /** Resolves with its argument after a short delay. */
          later: (args) => later(() => args[0] ?? null),
          /** Resolves after `ms` milliseconds with "slept". */
          sleep: (args) => later(() => "slept", Number(args[0] ?? 0)),
          /** Rejects with a SpellError of the given kind. */
          fail: (args) =>
            later(() => {
              throw new SpellError(String(args[0] ?? "tool") as never, String(args[1] ?? "failed"));
            }),
          /** Calls fn(item) for each item, one after another, and resolves with the results. */
          each: async (args) => {
            const fn = args[0];
            if (!isSpellFunction(fn)) throw new SpellError("type", "each expects a function");
            const out: JsonValue[] = [];
            for (const item of (args[1] as JsonValue[]) ?? []) out.push(await fn.call(item));
            return out;
          },
          /** A new counter object (a host handle). */
          counter: (args) => {
            const id = next++;
            counters.set(id, Number(args[0] ?? 0));
            return { $handle: id, $class: "Counter" };
          },
        },
      },
    },
    classes: {
      Counter: {
        methods: {
          add: (self, args) =>
            later(() => {
              const v = (counters.get(self.$handle) ?? 0) + Number(args[0] ?? 1);
              counters.set(self.$handle, v);
              return v as HostValue;
            }),
          value: (self) => counters.get(self.$handle) ?? 0,
        },
      },
    },
  };
}

const api = () => makeAsyncApi();

export const cases: ConformanceCase[] = [
  {
    name: "async: a host promise is awaited and its value returned",
    makeApi: api,
    lua: `return Async.later({a = 1, b = {"x", "y"}})`,
    js: `return await Async.later({ a: 1, b: ["x", "y"] })`,
    expect: { value: { a: 1, b: ["x", "y"] } },
  },
  {
    name: "async: host promises awaited in a loop keep their order",
    makeApi: api,
    lua: `local out = {}\nfor i = 1, 5 do out[#out + 1] = Async.later(i * 10) end\nreturn out`,
    js: `const out = [];\nfor (let i = 1; i <= 5; i++) out.push(await Async.later(i * 10));\nreturn out`,
    expect: { value: [10, 20, 30, 40, 50] },
  },
  {
    name: "async: a rejected host promise is catchable with its kind and message",
    makeApi: api,
    lua: `local ok, err = pcall(function() return Async.fail("provider", "model down") end)\nreturn {ok, err.kind, err.message}`,
    js: `try { await Async.fail("provider", "model down"); return [true] } catch (e) { return [false, e.kind, e.message] }`,
    expect: { value: [false, "provider", "model down"] },
  },
  {
    name: "async: an uncaught rejected host promise ends the run with its kind and line",
    makeApi: api,
    lua: `local x = 1\nAsync.fail("tool", "bad params")\nreturn x`,
    js: `const x = 1;\nawait Async.fail("tool", "bad params");\nreturn x`,
    expect: { error: { kind: "tool", line: 2, messageIncludes: "bad params" } },
  },
  {
    name: "async: the host calls a spell callback for each item while the spell waits",
    makeApi: api,
    lua: `local seen = {}\nlocal res = Async.each(function(x) seen[#seen + 1] = x; return x * 2 end, {1, 2, 3})\nreturn {res = res, seen = seen}`,
    js: `const seen = [];\nconst res = await Async.each((x) => { seen.push(x); return x * 2 }, [1, 2, 3]);\nreturn { res, seen }`,
    expect: { value: { res: [2, 4, 6], seen: [1, 2, 3] } },
  },
  {
    name: "async: a callback can itself wait on a host promise",
    makeApi: api,
    lua: `return Async.each(function(x) return Async.later(x) .. "!" end, {"a", "b"})`,
    js: `return await Async.each(async (x) => (await Async.later(x)) + "!", ["a", "b"])`,
    expect: { value: ["a!", "b!"] },
  },
  {
    name: "async: an error in a callback reaches the spell as a catchable error",
    makeApi: api,
    lua: `local ok, err = pcall(function() return Async.each(function(x) error("no " .. x) end, {"way"}) end)\nreturn {ok, string.find(tostring(err.message or err), "no way") ~= nil}`,
    js: `try { await Async.each((x) => { throw new Error("no " + x) }, ["way"]); return [true] } catch (e) { return [false, e.message.includes("no way")] }`,
    expect: { value: [false, true] },
  },
  {
    name: "async: a host object's methods wait and keep state",
    makeApi: api,
    lua: `local c = Async.counter(5)\nc:add(2)\nc:add(3)\nreturn {c:value(), c:add(0)}`,
    js: `const c = Async.counter(5);\nawait c.add(2);\nawait c.add(3);\nreturn [c.value(), await c.add(0)]`,
    expect: { value: [10, 10] },
  },
  {
    name: "async: time spent waiting does not count against the CPU timeout",
    makeApi: api,
    timeoutMs: 150,
    lua: `for i = 1, 4 do Async.sleep(60) end\nreturn "done"`,
    js: `for (let i = 0; i < 4; i++) await Async.sleep(60);\nreturn "done"`,
    expect: {
      value: "done",
      check: ({ durationMs }) => {
        if (durationMs < 200) throw new Error(`expected the run to wait ~240 ms, it took ${durationMs} ms`);
      },
    },
  },
  {
    name: "async: a run cancelled while it waits ends as cancelled",
    makeApi: api,
    cancelAfterMs: 50,
    lua: `Async.sleep(5000)\nreturn "not reached"`,
    js: `await Async.sleep(5000);\nreturn "not reached"`,
    expect: {
      error: { kind: "cancelled" },
      check: ({ durationMs }) => {
        if (durationMs > 2000) throw new Error(`cancel took ${durationMs} ms`);
      },
    },
  },
  {
    name: "async: logs printed between waits keep their order",
    makeApi: api,
    lua: `print("a")\nAsync.later(1)\nprint("b")\nAsync.each(function(x) print("item " .. x) end, {1, 2})\nprint("c")`,
    js: `print("a");\nawait Async.later(1);\nprint("b");\nawait Async.each((x) => { print("item " + x) }, [1, 2]);\nprint("c");`,
    expect: { logs: ["a", "b", "item 1", "item 2", "c"] },
  },
  {
    name: "async: a wait inside the spell's own coroutine or async generator",
    makeApi: api,
    lua: `local co = coroutine.wrap(function(a)\n  local v = Async.later(a)\n  coroutine.yield(v)\n  return v * 2\nend)\nreturn {co(3), co()}`,
    js: `async function* gen(a) {\n  const v = await Async.later(a);\n  yield v;\n  return v * 2;\n}\nconst it = gen(3);\nreturn [(await it.next()).value, (await it.next()).value]`,
    expect: { value: [3, 6] },
  },
  {
    name: "async: waits inside error handlers inside a loop",
    makeApi: api,
    lua: `local out = {}\nfor i = 1, 3 do\n  local ok, err = pcall(function()\n    if i == 2 then Async.fail("tool", "two") end\n    return Async.later(i)\n  end)\n  out[#out + 1] = ok and err or err.kind\nend\nreturn out`,
    js: `const out = [];\nfor (let i = 1; i <= 3; i++) {\n  try {\n    if (i === 2) await Async.fail("tool", "two");\n    out.push(await Async.later(i));\n  } catch (e) {\n    out.push(e.kind);\n  }\n}\nreturn out`,
    expect: { value: [1, "tool", 3] },
  },
];
