import { beforeAll, describe, expect, it } from "vitest";
import type { ExecuteOptions, ScriptEngine } from "../../lib/core/engine";
import type { ExecutionResult, RunEvent } from "../../lib/core/events";
import type { SpellErrorData } from "../../lib/core/errors";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import { createJavascriptEngine } from "./engine";
import { javascriptPlugin } from "./plugin";
import { createTestApi } from "./test-api";

let engine: ScriptEngine;
beforeAll(async () => {
  engine = await createJavascriptEngine();
});

async function run(source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
  return engine.execute(source, opts);
}
async function value(source: string, opts: ExecuteOptions = {}) {
  const r = await run(source, opts);
  if (!r.ok) throw new Error(`expected a value, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
async function failure(source: string, opts: ExecuteOptions = {}): Promise<SpellErrorData> {
  const r = await run(source, opts);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}
async function withApi(source: string, opts: ExecuteOptions = {}) {
  const { api, recorder } = createTestApi();
  const r = await run(source, { api, ...opts });
  return { r, recorder };
}

describe("plugin", () => {
  it("describes the engine and creates it lazily", async () => {
    expect(javascriptPlugin.name).toBe("javascript");
    expect(javascriptPlugin.dialect.extensions).toEqual(["js", "mjs"]);
    const e = await javascriptPlugin.create();
    expect(e.name).toBe("javascript");
    const r = await e.execute("export default 40 + 2");
    expect(r).toMatchObject({ ok: true, value: 42, stats: { engine: "javascript" } });
  });
});

describe("result value", () => {
  it("is the module's export default", async () => {
    expect(await value("export default { a: 1 }")).toEqual({ a: 1 });
  });
  it("is the top-level return", async () => {
    expect(await value("const x = 2;\nreturn x * 3")).toBe(6);
  });
  it("is null when the spell returns nothing, and for an empty spell", async () => {
    expect(await value("const x = 1")).toBeNull();
    expect(await value("")).toBeNull();
  });
  it("works with top-level await in both forms", async () => {
    expect(await value("const v = await Promise.resolve(5);\nexport default v + 1")).toBe(6);
    expect(await value("const v = await Promise.resolve(5);\nreturn v + 2")).toBe(7);
  });
  it("waits for a promise given as export default or returned", async () => {
    const { api } = createTestApi();
    expect(await value("export default Test.later('later')", { api })).toBe("later");
    expect(await value("export default Promise.resolve(3)")).toBe(3);
    expect(await value("return Test.later([1])", { api })).toEqual([1]);
    const e = await failure("\nexport default Promise.reject(new Error('no'))");
    expect(e.message).toContain("no");
  });
  it("returns an inner function's return, not a top-level one", async () => {
    expect(await value("function f() { return 1 }\nexport default f() + 1")).toBe(2);
  });
});

describe("value conversion", () => {
  it("keeps every JSON type and nesting", async () => {
    const v = await value("return [1, 2.5, -0.25, 'x', true, false, null, { a: { b: [[], {}] } }]");
    expect(v).toEqual([1, 2.5, -0.25, "x", true, false, null, { a: { b: [[], {}] } }]);
  });
  it("keeps integers and floats apart on the way to the host", async () => {
    const { r } = await withApi("return Test.isInteger(1, 1.5, 3.0, 2 ** 40)");
    expect(r).toMatchObject({ ok: true, value: [true, false, true, true] });
  });
  it("tells arrays from objects", async () => {
    const { r } = await withApi("return Test.kinds([], {}, [1], { 0: 'a' }, null)");
    expect(r).toMatchObject({ ok: true, value: ["array", "object", "array", "object", "null"] });
  });
  it("drops undefined object fields and turns undefined array items into null", async () => {
    expect(await value("return { a: undefined, b: 1, c: [undefined, 2] }")).toEqual({ b: 1, c: [null, 2] });
    expect(await value("return undefined")).toBeNull();
  });
  it("keeps unicode intact both ways", async () => {
    const text = "héllo 🌍 中文 \u0000 \ud83d\ude00";
    const { r } = await withApi(`return [Test.echo(${JSON.stringify(text)}), "ü".length]`);
    expect(r).toMatchObject({ ok: true, value: [text, 1] });
  });
  it("passes values from the host: objects, arrays and nested values", async () => {
    const { r } = await withApi(
      "const v = Test.echo({ list: [1, { x: 'y' }], n: null }); return [v.list[1].x, Array.isArray(v.list), v.n]",
    );
    expect(r).toMatchObject({ ok: true, value: ["y", true, null] });
  });
  it("exposes ARGS only when there are args", async () => {
    expect(await value("return ARGS", { args: { a: [1, 2], s: "x" } })).toEqual({ a: [1, 2], s: "x" });
    expect(await value("return typeof ARGS")).toBe("undefined");
  });
  it("turns Date and toJSON objects into their JSON form", async () => {
    expect(await value("return { d: new Date(0) }")).toEqual({ d: "1970-01-01T00:00:00.000Z" });
  });
  it.each([
    ["a cycle", "const a = { items: [] }; a.items.push(a); return a", "result.items[0]", "cyclic"],
    ["a function", "return { fn: () => 1 }", "result.fn", "function"],
    ["a symbol", "return [1, Symbol('s')]", "result[1]", "symbol"],
    ["a BigInt", "return { big: 10n }", "result.big", "BigInt"],
    ["a promise", "return { p: Promise.resolve(1) }", "result.p", "Promise"],
  ])("rejects %s in the result with the path", async (_name, source, path, what) => {
    const e = await failure(source);
    expect(e.kind).toBe("conversion");
    expect(e.message).toContain(path);
    expect(e.message).toContain(what);
  });
  it("rejects values that cannot cross in host call arguments, naming the path", async () => {
    const { r } = await withApi("Test.echo({ items: [1, 2, 10n] })");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("conversion");
      expect(r.error.message).toContain("args[0].items[2]");
      expect(r.error.line).toBe(1);
    }
  });
  it("lets the spell catch a conversion error", async () => {
    const { r } = await withApi(
      "const a = {}; a.a = a; try { Test.echo(a) } catch (e) { return [e.kind, e instanceof SpellError] }",
    );
    expect(r).toMatchObject({ ok: true, value: ["conversion", true] });
  });
  it("rejects values nested too deep", async () => {
    const e = await failure("let v = 1; for (let i = 0; i < 200; i++) v = [v]; return v");
    expect(e.kind).toBe("conversion");
  });
});

describe("output", () => {
  it("captures console levels and print", async () => {
    const r = await run(
      "console.log('a', 1); console.info('i'); console.warn('w'); console.error('e'); console.debug('d'); print('p', true)",
    );
    expect(r.logs).toEqual([
      { level: "log", text: "a 1" },
      { level: "info", text: "i" },
      { level: "warn", text: "w" },
      { level: "error", text: "e" },
      { level: "debug", text: "d" },
      { level: "log", text: "p true" },
    ]);
  });
  it("formats objects readably, like JSON, and survives cycles", async () => {
    const r = await run(
      "const o = { a: [1, 'x'], b: { c: null } }; o.self = o; console.log(o, undefined, null, () => 1, new Error('boom'))",
    );
    expect(r.logs[0].text).toBe(
      '{"a":[1,"x"],"b":{"c":null},"self":[Circular]} undefined null [Function anonymous] Error: boom',
    );
  });
  it("keeps a line with a NUL character whole, showing the NUL escaped", async () => {
    const r = await run("console.log('a\\u0000b')");
    expect(r.logs).toEqual([{ level: "log", text: "a\\u0000b" }]);
  });
  it("sends log events as they happen, then the result", async () => {
    const events: RunEvent[] = [];
    await run("console.log('one'); return 2", { onEvent: (e) => events.push(e) });
    expect(events.map((e) => e.type)).toEqual(["log", "result"]);
  });
  it("caps output with one note and reports truncation", async () => {
    const r = await run("for (let i = 0; i < 10000; i++) console.log('line ' + i); return 'done'", {
      maxOutputBytes: 1000,
    });
    expect(r.ok).toBe(true);
    expect(r.stats.outputTruncated).toBe(true);
    const total = r.logs.filter((l) => !l.text.startsWith("[output truncated")).reduce((n, l) => n + l.text.length, 0);
    expect(total).toBeLessThanOrEqual(1000);
    expect(r.logs.filter((l) => l.text.startsWith("[output truncated"))).toHaveLength(1);
  });
  it("streams events through executeStreaming", async () => {
    const events: RunEvent[] = [];
    for await (const e of engine.executeStreaming("console.log('x'); return 1")) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: "result", value: 1 });
    expect(events[0]).toMatchObject({ type: "log", text: "x" });
  });
});

describe("errors", () => {
  it("reports a syntax error with line and column", async () => {
    const e = await failure("const a = 1;\nconst b = ;\n");
    expect(e).toMatchObject({ kind: "syntax", line: 2, engine: "javascript" });
    expect(e.column).toBeGreaterThan(0);
  });
  it("reports a syntax error after a top-level return with the spell's own line", async () => {
    const e = await failure("return 1;\n\nlet = = 2;");
    expect(e).toMatchObject({ kind: "syntax", line: 3 });
  });
  it("reports a runtime error with the spell's line and a spell-only stack", async () => {
    const e = await failure(
      "function inner() {\n  return null.field;\n}\nfunction outer() { return inner() }\nouter();",
    );
    expect(e.kind).toBe("runtime");
    expect(e.line).toBe(2);
    expect(e.message).toContain("TypeError");
    expect(e.stack).toContain("at inner (spell:2:");
    expect(e.stack).toContain("at outer (spell:4:");
    expect(e.stack).not.toMatch(/llmspell|node_modules|\.ts|quickjs/i);
  });
  it("keeps lines right for spells that use a top-level return", async () => {
    const e = await failure("const x = 1;\nif (x) {\n  undefinedFunction();\n}\nreturn x;");
    expect(e).toMatchObject({ kind: "runtime", line: 3 });
    expect(e.stack).toContain("spell:3:");
  });
  it("uses the chunk name", async () => {
    const e = await failure("\nthrow new Error('x')", { chunkName: "demo.js" });
    expect(e.stack).toContain("demo.js:2:");
    expect(e.line).toBe(2);
  });
  it("keeps the fields of a thrown object in data", async () => {
    const e = await failure("throw { code: 42, reason: 'nope' }");
    expect(e.kind).toBe("runtime");
    expect(e.data).toEqual({ code: 42, reason: "nope" });
  });
  it("survives a thrown value whose getters never return or throw", async () => {
    const looping = await failure("throw new Proxy({}, { get() { while (true) {} } })", { timeoutMs: 5000 });
    expect(looping.kind).toBe("runtime");
    const throwing = await failure(
      "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 1 } }); throw e",
    );
    expect(throwing.kind).toBe("runtime");
    expect(await value("return 'next run fine'")).toBe("next run fine");
  });
  it("keeps a thrown string as the message", async () => {
    const e = await failure("throw 'plain text'");
    expect(e.message).toBe("plain text");
  });
  it("keeps extra fields of a thrown Error in data", async () => {
    const e = await failure("const err = new Error('with fields'); err.code = 7; throw err");
    expect(e).toMatchObject({ message: "with fields", data: { code: 7 } });
  });
  it("turns a rejected top-level await into the run's error with its line", async () => {
    const e = await failure("\n\nawait Promise.reject(new RangeError('late'))");
    expect(e.message).toContain("late");
    expect(e.line).toBe(3);
  });
  it("raises host SpellErrors as catchable Error objects with kind and message", async () => {
    const { r } = await withApi(
      "try { Test.fail('tool', 'bad input') } catch (e) { return [e instanceof Error, e instanceof SpellError, e.kind, e.message, e.data, String(e)] }",
    );
    expect(r).toMatchObject({
      ok: true,
      value: [true, true, "tool", "bad input", { reason: "test" }, "tool: bad input (line 1)"],
    });
  });
  it("keeps the host error's kind and the spell's line when uncaught", async () => {
    const { r } = await withApi("const a = 1;\nTest.fail('not_found', 'no such tool');");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ kind: "not_found", message: "no such tool", line: 2, data: { reason: "test" } });
  });
  it("rejects an awaited host promise with the host error, catchable and with a line when uncaught", async () => {
    const caught = await withApi("try { await Test.failLater('down') } catch (e) { return [e.kind, e.message] }");
    expect(caught.r).toMatchObject({ ok: true, value: ["provider", "down"] });
    const uncaught = await withApi("\nawait Test.failLater('down')");
    expect(uncaught.r.ok).toBe(false);
    if (!uncaught.r.ok) expect(uncaught.r.error).toMatchObject({ kind: "provider", message: "down", line: 2 });
  });
  it("never leaks a host stack from a host bug", async () => {
    const { r } = await withApi("Test.crash()");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("api");
      expect(r.error.message).toBe("a host bug");
      expect(r.error.stack ?? "").not.toMatch(/\.ts|node_modules|at async/);
    }
  });
  it("reports an unknown API function as an api error", async () => {
    const { r } = await withApi("return typeof Test.nothing");
    expect(r).toMatchObject({ ok: true, value: "undefined" });
  });
  it("stops a spell that waits on a promise that can never settle", async () => {
    const e = await failure("await new Promise(() => {})");
    expect(e.kind).toBe("runtime");
    expect(e.message).toContain("never settle");
  });
});

describe("limits", () => {
  it("stops `while (true) {}` at the CPU timeout", async () => {
    const e = await failure("let i = 0;\nwhile (true) { i = Math.max(i, 1) }", { timeoutMs: 150 });
    expect(e.kind).toBe("timeout");
    expect(e.line).toBe(2);
  });
  it("does not let the spell catch a timeout", async () => {
    const e = await failure("try { while (true) {} } catch (e) { }\nreturn 'escaped'", { timeoutMs: 100 });
    expect(e.kind).toBe("timeout");
  });
  it("stops an endless chain of async jobs at the timeout", async () => {
    const e = await failure("async function spin() { while (true) await null }\nawait spin()", { timeoutMs: 150 });
    expect(e.kind).toBe("timeout");
  });
  it("does not count time spent waiting on host promises as CPU time", async () => {
    const { api } = createTestApi({ delayMs: 60 });
    const r = await run("for (let i = 0; i < 5; i++) await Test.later(i); return 'ok'", { api, timeoutMs: 100 });
    // Five 60 ms waits: 300 ms of waiting under a 100 ms CPU limit, and no timeout.
    expect(r).toMatchObject({ ok: true, value: "ok" });
  });
  it("has a separate wall-clock limit that covers waiting", async () => {
    const { api } = createTestApi({ delayMs: 400 });
    const r = await run("await Test.later(1); return 'late'", { api, wallTimeoutMs: 100 });
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout", message: STOP_MESSAGES.wall(100) } });
  });
  it("is cancelled by an abort signal raised before the run", async () => {
    const ac = new AbortController();
    ac.abort();
    const e = await failure("return 1", { signal: ac.signal });
    expect(e.kind).toBe("cancelled");
  });
  it("stops a tight loop quickly when aborted (abort raised from inside a host call)", async () => {
    const ac = new AbortController();
    const api = {
      globals: { Ctl: { functions: { cancelNow: () => (ac.abort(), null) } } },
      classes: {},
    };
    const e = await failure("Ctl.cancelNow();\nwhile (true) {}", { api, signal: ac.signal, timeoutMs: 5000 });
    expect(e.kind).toBe("cancelled");
  });
  it("is cancelled while awaiting a host promise", async () => {
    const ac = new AbortController();
    const { api } = createTestApi({ delayMs: 5000 });
    setTimeout(() => ac.abort(), 50);
    const e = await failure("await Test.later(1)", { api, signal: ac.signal });
    expect(e.kind).toBe("cancelled");
  });
  it("is cancelled during a busy async loop (the pump lets abort events through)", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 60);
    const e = await failure("async function spin() { while (true) await null }\nawait spin()", {
      signal: ac.signal,
      timeoutMs: 5000,
    });
    expect(e.kind).toBe("cancelled");
  });
  it.each([
    ["a huge string", "const s = 'x'.repeat(200 * 1024 * 1024); return s.length", /16 MiB/],
    ["doubling strings", "let s = 'xxxxxxxx'; while (true) s = s + s + '!'", /16 MiB|string longer/],
    ["a growing array", "const a = []; while (true) a.push({ n: a.length, s: 'item' + a.length })", /16 MiB/],
    ["many 1 MiB strings", "const a = []; for (let i = 0; ; i++) a.push('x'.repeat(1024 * 1024) + i)", /16 MiB/],
    ["a big typed array", "const b = new Uint8Array(100 * 1024 * 1024); return b.length", /16 MiB/],
  ])("stops a memory bomb: %s", async (_name, source, message) => {
    const memory = (await import("./quickjs-module")).loadQuickJs().then((m) => m.getWasmMemory());
    const before = (await memory).buffer.byteLength;
    const e = await failure(source, { memoryLimitBytes: 16 * 1024 * 1024, timeoutMs: 5000 });
    expect(e.kind).toBe("memory");
    expect(e.message).toMatch(message);
    // The wasm heap grew by at most the limit plus the guard's slack.
    expect((await memory).buffer.byteLength - before).toBeLessThanOrEqual(48 * 1024 * 1024);
  });
  it("ignores limits that are not positive numbers and keeps the defaults", async () => {
    const r = await run("return 1", { timeoutMs: -1, memoryLimitBytes: 0, wallTimeoutMs: Number.NaN });
    expect(r).toMatchObject({ ok: true, value: 1 });
  });
  it("reports a small memory limit as a memory error", async () => {
    const e = await failure("const a = []; for (let i = 0; i < 1e6; i++) a.push([i]); return a.length", {
      memoryLimitBytes: 256 * 1024,
    });
    expect(e.kind).toBe("memory");
  });
  it("turns deep recursion into a clean error", async () => {
    const e = await failure("function down(n) { return down(n + 1) + 1 }\ndown(0)");
    expect(e.kind).toBe("runtime");
    expect(e.message).toMatch(/stack overflow/);
    expect(e.line).toBe(1);
    expect((e.stack ?? "").split("\n").length).toBeLessThan(40);
  });
  it("keeps working after every limit was hit", async () => {
    await failure("while (true) {}", { timeoutMs: 50 });
    await failure("'x'.repeat(1e9)", { memoryLimitBytes: 8 * 1024 * 1024 });
    await failure("function f() { f() } f()");
    expect(await value("return 'still fine'")).toBe("still fine");
  });
});

describe("the API bridge", () => {
  it("injects globals with functions and values", async () => {
    const { r, recorder } = await withApi("return [Test.add(2, 3), Test.VERSION, Test.LIMITS.max, typeof Test.echo]");
    expect(r).toMatchObject({ ok: true, value: [5, "1.0", 3, "function"] });
    expect(recorder.calls).toEqual([{ fn: "add", args: [2, 3] }]);
  });
  it("gives the spell a Promise for an async host function and a plain value for a sync one", async () => {
    const { r } = await withApi(
      "const p = Test.later('x'); const v = Test.echo('y'); return [p instanceof Promise, v, await p]",
    );
    expect(r).toMatchObject({ ok: true, value: [true, "y", "x"] });
  });
  it("wraps handles as objects with methods and passes them back as handles", async () => {
    const { r } = await withApi(
      "const thing = Test.builder().name('alpha').build();\nconst d = thing.describe();\nconst ran = await thing.run('in');\nreturn [d.name, ran, thing.same(thing), String(thing), Test.inspect(thing)]",
    );
    expect(r).toMatchObject({
      ok: true,
      value: [
        "alpha",
        { ran: "alpha", input: "in" },
        true,
        expect.stringMatching(/^\[Thing #\d+\]$/),
        ["<handle Thing>"],
      ],
    });
  });
  it("refuses a method called on something that is not its object", async () => {
    const { r } = await withApi("const b = Test.builder(); const f = b.name; f.call({}, 'x')");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("type");
  });
  it("makes an object with asyncIteratorNext iterable with for await", async () => {
    const { r } = await withApi(
      "const out = [];\nfor await (const chunk of Test.stream('one two three')) out.push(chunk.text);\nreturn out",
    );
    expect(r).toMatchObject({ ok: true, value: ["one", "two", "three"] });
  });
  it("hands spell functions to the host, which can call them (sync and async)", async () => {
    const { r } = await withApi(
      "const a = await Test.callBack((x, y) => x * y, 6, 7);\nconst b = await Test.callBack(async (x) => (await Test.later(x)) + '!', 'hi');\nreturn [a, b]",
    );
    expect(r).toMatchObject({ ok: true, value: [42, "hi!"] });
  });
  it("runs callbacks while the spell itself awaits a host promise", async () => {
    const { r } = await withApi(
      "const seen = [];\nconst res = await Test.callEach(async (x) => { seen.push(x); await Test.later(0); return x * 10 }, [1, 2, 3]);\nreturn { res, seen }",
    );
    expect(r).toMatchObject({ ok: true, value: { res: [10, 20, 30], seen: [1, 2, 3] } });
  });
  it("turns an error in a callback into a rejection the spell can catch", async () => {
    const { r } = await withApi(
      "try { await Test.callBack(() => { throw new SpellError('tool', 'cb said no') }) } catch (e) { return [e.kind, e.message] }",
    );
    expect(r).toMatchObject({ ok: true, value: ["tool", "cb said no"] });
  });
  it("passes functions and handles inside data to the host", async () => {
    const { r } = await withApi("return Test.inspect({ execute: () => 1, thing: Test.builder(), n: 1 })");
    expect(r).toMatchObject({ ok: true, value: [{ execute: "<function>", thing: "<handle Builder>", n: 1 }] });
  });
  it("evaluates the API's JavaScript prelude after injection", async () => {
    const { api } = createTestApi();
    api.preludes = { javascript: "globalThis.double = (x) => Test.add(x, x);", lua: "error('not me')" };
    expect(await value("return double(21)", { api })).toBe(42);
  });
  it("reports a broken API prelude as an api error", async () => {
    const { api } = createTestApi();
    api.preludes = { javascript: "this is not javascript" };
    const e = await failure("return 1", { api });
    expect(e.kind).toBe("api");
  });
  it("rejects late callback calls after the run ended", async () => {
    let saved: { call: (...a: never[]) => Promise<unknown> } | null = null;
    const api = {
      globals: { Keep: { functions: { fn: (args: unknown[]) => ((saved = args[0] as typeof saved), null) } } },
      classes: {},
    };
    await value("Keep.fn(() => 1); return 1", { api });
    expect(saved).not.toBeNull();
    await expect(saved!.call()).rejects.toMatchObject({ kind: "cancelled" });
  });
});

describe("isolation and robustness", () => {
  it("runs many varied spells in one process without leaking handles", async () => {
    const sources = [
      "return 1",
      "throw new Error('x')",
      "return await Test.later({ a: [1, 2] })",
      "const t = Test.builder().name('n').build(); return await t.run(1)",
      "return await Test.callBack(async (x) => x + 1, 1)",
      "try { Test.fail('tool', 'no') } catch (e) { return e.kind }",
      "await Test.failLater('x')",
      "const out = []; for await (const c of Test.stream('a b')) out.push(c.text); return out",
      "const a = {}; a.a = a; return a",
      "Test.later(1); Test.callBack(() => 1); return 'left promises behind'",
      "console.log({ x: 1 }); return [1, 'two', { three: 3 }]",
      "while (true) {}",
      "function f() { f() } f()",
      "syntax error here",
    ];
    for (let round = 0; round < 15; round++) {
      for (const source of sources) {
        const { api } = createTestApi();
        const r = await engine.execute(source, { api, timeoutMs: 30 });
        expect(r.stats.engine).toBe("javascript");
      }
    }
    expect(await value("return 'alive'")).toBe("alive");
  });
  it("runs two spells concurrently in one process", async () => {
    const { api: api1 } = createTestApi({ delayMs: 5 });
    const { api: api2 } = createTestApi({ delayMs: 3 });
    const spell = (tag: string) =>
      `const out = [];\nfor (let i = 0; i < 10; i++) out.push(await Test.later('${tag}' + i));\nreturn await Test.callBack(async (xs) => xs.join(','), out)`;
    const [a, b] = await Promise.all([
      engine.execute(spell("a"), { api: api1 }),
      engine.execute(spell("b"), { api: api2 }),
    ]);
    expect(a).toMatchObject({ ok: true, value: "a0,a1,a2,a3,a4,a5,a6,a7,a8,a9" });
    expect(b).toMatchObject({ ok: true, value: "b0,b1,b2,b3,b4,b5,b6,b7,b8,b9" });
  });
  it("keeps a spell's changes to shared prototypes out of the next run", async () => {
    await value("Object.prototype.polluted = 'yes'; Array.prototype.push = null; globalThis.leftover = 1; return 1");
    expect(await value("return [({}).polluted ?? null, typeof [].push, typeof leftover]")).toEqual([
      null,
      "function",
      "undefined",
    ]);
  });
  it("refuses runs after dispose", async () => {
    const e = await createJavascriptEngine();
    e.dispose();
    expect(await e.execute("return 1")).toMatchObject({ ok: false, error: { kind: "configuration" } });
  });
  it.each([
    ["binary garbage", "\u0000\u0001\u0002\uffff\ud800garbage{{{"],
    ["a lone brace", "}"],
  ])("ends %s with a clear error", async (_name, source) => {
    const e = await failure(source);
    expect(e.kind).toBe("syntax");
  });
  it("ends a spell that prints 10 MB in one call with capped output", async () => {
    const r = await run("print('x'.repeat(10 * 1024 * 1024)); return 'printed'");
    expect(r).toMatchObject({ ok: true, value: "printed", stats: { outputTruncated: true } });
    expect(r.logs.reduce((n, l) => n + l.text.length, 0)).toBeLessThan(1.1 * 1024 * 1024);
  });
  it("ends a spell that returns a huge structure with a result or a clear error, and stays usable", async () => {
    const r = await run("return Array.from({ length: 300000 }, (_, i) => ({ i, s: 'item ' + i }))", {
      memoryLimitBytes: 32 * 1024 * 1024,
    });
    if (r.ok) expect((r.value as unknown[]).length).toBe(300000);
    else expect(["memory", "timeout"]).toContain(r.error.kind);
    expect(await value("return 'usable'")).toBe("usable");
  });
  it("runs a 1 MiB spell", async () => {
    const big = "// " + "x".repeat(1024 * 1024) + "\nreturn 'big'";
    expect(await value(big)).toBe("big");
  });
  it("reports cpu time in the stats", async () => {
    const r = await run("let s = 0; for (let i = 0; i < 1e5; i++) s += i; return s");
    expect(r.stats.cpuMs).toBeGreaterThan(0);
    expect(r.stats.cpuMs!).toBeLessThanOrEqual(r.stats.durationMs + 1);
  });
  it("reports the memory the run holds as it ends", async () => {
    const small = await run("return 1");
    const big = await run("globalThis.keep = Array.from({ length: 50000 }, (_, i) => 'item ' + i); return 1");
    expect(small.stats.memoryBytes).toBeGreaterThan(10_000);
    expect(big.stats.memoryBytes! - small.stats.memoryBytes!).toBeGreaterThan(50000 * 8);
    expect(await value("return 'usable'")).toBe("usable");
  });
});
