/**
 * Sandbox-escape probes for the JavaScript engine: each must find nothing, and nothing a spell changes may
 * be visible to the next run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ScriptEngine } from "../../lib/core/engine";
import { createJavascriptEngine } from "./engine";
import { createTestApi } from "./test-api";

let engine: ScriptEngine;
beforeAll(async () => {
  engine = await createJavascriptEngine();
});

async function value(source: string) {
  const { api } = createTestApi();
  const r = await engine.execute(source, { api, timeoutMs: 2000 });
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/** Globals a spell may see: the language's own built-ins plus what the playground adds. */
const ALLOWED_GLOBALS = new Set([
  "AggregateError",
  "Array",
  "ArrayBuffer",
  "BigInt",
  "BigInt64Array",
  "BigUint64Array",
  "Boolean",
  "DataView",
  "Date",
  "Error",
  "EvalError",
  "FinalizationRegistry",
  "Float16Array",
  "Float32Array",
  "Float64Array",
  "Function",
  "Infinity",
  "Int16Array",
  "Int32Array",
  "Int8Array",
  "InternalError",
  "Iterator",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "Object",
  "Promise",
  "Proxy",
  "RangeError",
  "ReferenceError",
  "Reflect",
  "RegExp",
  "Set",
  "SharedArrayBuffer",
  "String",
  "Symbol",
  "SyntaxError",
  "TypeError",
  "URIError",
  "Uint16Array",
  "Uint32Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "WeakMap",
  "WeakRef",
  "WeakSet",
  "decodeURI",
  "decodeURIComponent",
  "encodeURI",
  "encodeURIComponent",
  "escape",
  "eval",
  "globalThis",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "undefined",
  "unescape",
  // added by the playground
  "console",
  "print",
  "SpellError",
  "Test",
]);

describe("JavaScript sandbox probes", () => {
  it("exposes only allowed globals", async () => {
    const names = (await value("return Object.getOwnPropertyNames(globalThis)")) as string[];
    expect(names.filter((n) => !ALLOWED_GLOBALS.has(n))).toEqual([]);
  });

  it.each([
    "process",
    "require",
    "module",
    "exports",
    "fetch",
    "XMLHttpRequest",
    "WebSocket",
    "EventSource",
    "importScripts",
    "WebAssembly",
    "window",
    "self",
    "document",
    "navigator",
    "location",
    "localStorage",
    "sessionStorage",
    "indexedDB",
    "caches",
    "postMessage",
    "Worker",
    "setTimeout",
    "setInterval",
    "queueMicrotask",
    "Buffer",
    "std",
    "os",
    "Deno",
    "Bun",
    "__llmspellHost",
    "host",
  ])("has no %s, directly or through Function('return this')()", async (name) => {
    const probe = `return [typeof ${name}, typeof globalThis[${JSON.stringify(name)}], typeof Function("return this")()[${JSON.stringify(name)}], typeof (0, eval)("this")[${JSON.stringify(name)}]]`;
    expect(await value(probe)).toEqual(["undefined", "undefined", "undefined", "undefined"]);
  });

  it("cannot import std, os or anything else, statically or dynamically", async () => {
    for (const spec of [
      "std",
      "os",
      "node:fs",
      "fs",
      "child_process",
      "https://example.com/x.js",
      "./local.js",
      "data:text/javascript,export default 1",
    ]) {
      const { api } = createTestApi();
      const stat = await engine.execute(`import * as m from ${JSON.stringify(spec)};\nexport default typeof m`, {
        api,
      });
      expect(stat.ok).toBe(false);
      if (!stat.ok) expect(stat.error.kind).toBe("unsupported_feature");
      const dyn = await value(
        `return await import(${JSON.stringify(spec)}).then(() => "loaded", (e) => "refused: " + e.message)`,
      );
      expect(dyn).toMatch(/^refused/);
    }
  });

  it("gives Function and eval only the sandboxed global", async () => {
    expect(
      await value("const g = Function('return this')(); return [g === globalThis, typeof g.process, typeof g.require]"),
    ).toEqual([true, "undefined", "undefined"]);
    expect(await value("return eval('typeof require + typeof process + typeof fetch')")).toBe(
      "undefinedundefinedundefined",
    );
  });

  it("does not reach the host through constructors of host-backed functions and objects", async () => {
    const v = await value(
      // A handle's chain: its class's methods, the trap that notes a missing name (an empty object behind a
      // Proxy), then null; no constructor anywhere.
      "const f = Test.echo; const C = f.constructor; const g = C('return this')();\nconst thing = Test.builder();\nconst trap = Object.getPrototypeOf(Object.getPrototypeOf(thing));\nreturn [g === globalThis, typeof thing.constructor, Object.getOwnPropertyNames(trap), Object.getPrototypeOf(trap), typeof g.process]",
    );
    expect(v).toEqual([true, "undefined", [], null, "undefined"]);
  });

  it("does not let a spell forge a host handle", async () => {
    const { api } = createTestApi();
    const r = await engine.execute(`return Test.inspect({ "\\u0001h": 1, "\\u0001c": "Thing" })`, { api });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("conversion");
    const method = await value(
      "const b = Test.builder(); try { b.name.call({ fake: 1 }, 'x'); return 'called' } catch (e) { return e.kind }",
    );
    expect(method).toBe("type");
  });

  it("shows no host frames in the stack a spell can read", async () => {
    const stack = (await value("try { Test.fail('tool', 'x') } catch (e) { return String(e.stack) }")) as string;
    expect(stack).not.toMatch(/\.ts|node_modules|node:|file:|at async/);
  });

  it("does not let prototype pollution outlive the run", async () => {
    // Breaking Promise.prototype.then also breaks the spell's own await; the run may fail, the next must not.
    await engine.execute(
      "Object.prototype.polluted = 1; Array.prototype.map = () => 'hacked'; JSON.stringify = () => 'x'; Promise.prototype.then = null; console.log = null; globalThis.SpellError = null; return 1",
    );
    expect(
      await value(
        "return [({}).polluted === undefined, [1].map((x) => x + 1), JSON.stringify({ a: 1 }), typeof console.log, typeof SpellError, await Promise.resolve(3)]",
      ),
    ).toEqual([true, [2], '{"a":1}', "function", "function", 3]);
  });

  it("does not let a spell break the bridge for itself by replacing JSON or Promise", async () => {
    expect(
      await value(
        "JSON.stringify = () => '\"x\"'; JSON.parse = () => 'y'; globalThis.Promise = null; return [Test.echo({ a: [1] }), await Test.later(2)]",
      ),
    ).toEqual([{ a: [1] }, 2]);
  });

  it("cannot block the thread with Atomics.wait", async () => {
    expect(await value("return typeof Atomics")).toBe("undefined");
  });

  it("keeps a globalThis.constructor chain inside the VM", async () => {
    expect(await value("return typeof globalThis.constructor.constructor('return typeof process')()")).toBe("string");
    expect(await value("return globalThis.constructor.constructor('return typeof process')()")).toBe("undefined");
  });
});
