import { describe, expect, it } from "vitest";
import type { ApiSurface, EngineSession } from "../../lib/core/engine";
import type { ExecutionResult } from "../../lib/core/events";
import { createJavascriptEngine } from "./engine";

const engine = await createJavascriptEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const api: ApiSurface = {
  globals: {
    Host: {
      functions: {
        later: async (args) => {
          await sleep(typeof args[1] === "number" ? args[1] : 5);
          return args[0] ?? null;
        },
      },
    },
  },
  classes: {},
};

const open = (): Promise<EngineSession> => engine.openSession!({ api, chunkName: "repl" });
const entry = (s: EngineSession, source: string, timeoutMs = 2000): Promise<ExecutionResult> =>
  s.evaluate(source, "entry", { timeoutMs });

describe("JavaScript sessions", () => {
  it("keeps declarations between entries and shows completion values as Node's REPL does", async () => {
    const s = await open();
    expect((await entry(s, "const x = 40")).session).toEqual({ display: "undefined" });
    expect((await entry(s, "x + 2")).session).toEqual({ display: "42" });
    expect((await entry(s, "let y = 'a'; y")).session).toEqual({ display: "'a'" });
    expect((await entry(s, "({ a: [1, 'b', null], 'k-2': { d: { e: { f: 1 } } }, f() {} })")).session).toEqual({
      display: "{ a: [ 1, 'b', null ], 'k-2': { d: { e: [Object] } }, f: [Function: f] }",
    });
    expect((await entry(s, "const c = {}; c.self = c; c")).session).toEqual({ display: "{ self: [Circular] }" });
    expect((await entry(s, "await Host.later(7)")).session).toEqual({ display: "7" });
    expect((await entry(s, "new Map([[1, new Set(['s'])]])")).session).toEqual({
      display: "Map(1) { 1 => Set(1) { 's' } }",
    });
    const thrown = await entry(s, "throw new TypeError('no')");
    expect(thrown.ok).toBe(false);
    if (!thrown.ok) expect(thrown.error.message).toMatch(/no/);
    expect((await entry(s, "x")).session).toEqual({ display: "40" });
    s.close();
    expect(s.alive).toBe(false);
  });

  it("stops a runaway entry at its CPU limit and keeps the session", async () => {
    const s = await open();
    await entry(s, "var kept = 'yes'");
    const runaway = await entry(s, "while (true) {}", 200);
    expect(runaway.ok).toBe(false);
    if (!runaway.ok) expect(runaway.error.kind).toBe("timeout");
    expect(s.alive).toBe(true);
    expect((await entry(s, "kept")).session).toEqual({ display: "'yes'" });
    const caught = await entry(s, "try { while (true) {} } catch (e) {}", 200);
    expect(caught.ok).toBe(false);
    expect((await entry(s, "kept + '!'")).session).toEqual({ display: "'yes!'" });
    s.close();
  });

  it("cancels an entry while it waits on the host and keeps the session", async () => {
    const s = await open();
    const ctrl = new AbortController();
    const pending = s.evaluate("var y = 1; await Host.later(1, 10000)", "entry", { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("cancelled");
    expect((await entry(s, "y")).session).toEqual({ display: "1" });
    s.close();
  });

  it("runs a whole spell strictly and keeps its top-level declarations", async () => {
    const s = await open();
    const run = await s.evaluate("const plan = ['a', 'b'];\nfunction count() { return plan.length; }", "spell", {});
    expect(run).toMatchObject({ ok: true, value: null });
    expect((await entry(s, "[plan[1], count()]")).session).toEqual({ display: "[ 'b', 2 ]" });
    const strict = await s.evaluate("undeclared = 1", "spell", {});
    expect(strict.ok).toBe(false);
    const returned = await s.evaluate("const t = 2;\nreturn t * 21;", "spell", {});
    expect(returned).toMatchObject({ ok: true, value: 42 });
    s.close();
  });

  it("runs a module spell as a script: its default export is the value, its declarations stay", async () => {
    const s = await open();
    const source = "export const a = 1;\nconst b = [a, 2];\nexport { b };\nexport default { sum: a + b[1] };";
    expect(await s.evaluate(source, "spell", {})).toMatchObject({ ok: true, value: { sum: 3 } });
    expect((await entry(s, "[a, b]")).session).toEqual({ display: "[ 1, [ 1, 2 ] ]" });
    const failing = await s.evaluate("const c = 1;\nnull.x;", "spell", {});
    expect(failing.ok).toBe(false);
    if (!failing.ok) expect(failing.error.line).toBe(2);
    expect((await entry(s, "c")).session).toEqual({ display: "1" });
    s.close();
  });
});
