import { describe, expect, it } from "vitest";
import type { ApiSurface, EngineSession } from "../../lib/core/engine";
import type { ExecutionResult } from "../../lib/core/events";
import { createLuaEngine } from "./engine";

const engine = await createLuaEngine();
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

async function open(): Promise<EngineSession> {
  return engine.openSession!({ api, chunkName: "stdin" });
}
const entry = (s: EngineSession, source: string, timeoutMs = 2000): Promise<ExecutionResult> =>
  s.evaluate(source, "entry", { timeoutMs });

describe("Lua sessions", () => {
  it("keeps globals between entries and shows expression values as lua -i does", async () => {
    const s = await open();
    expect((await entry(s, "x = 40")).session).toBeUndefined();
    expect((await entry(s, "x + 2")).session).toEqual({ display: "42" });
    expect((await entry(s, "'a', 1, nil, true")).session).toEqual({ display: "a\t1\tnil\ttrue" });
    expect((await entry(s, "{ 1, 2, name = 'n', t = { k = {} } }")).session).toEqual({
      display: '{ 1, 2, name = "n", t = { k = {} } }',
    });
    expect((await entry(s, "local t = {}; t.self = t; return t")).session).toEqual({ display: "{ self = <cycle> }" });
    expect((await entry(s, "Host.later(7)")).session).toEqual({ display: "7" });
    s.close();
    expect(s.alive).toBe(false);
  });

  it("tells an incomplete entry from a wrong one", async () => {
    const s = await open();
    const partial = await entry(s, "function f(a)\n  return a * 2");
    expect(partial.ok).toBe(false);
    expect(partial.session).toEqual({ incomplete: true });
    expect((await entry(s, "function f(a)\n  return a * 2\nend")).ok).toBe(true);
    expect((await entry(s, "f(21)")).session).toEqual({ display: "42" });
    const wrong = await entry(s, "x = = 1");
    expect(wrong.ok).toBe(false);
    expect(wrong.session).toBeUndefined();
    if (!wrong.ok) expect(wrong.error.kind).toBe("syntax");
    s.close();
  });

  it("stops a runaway entry at its CPU limit and keeps the session", async () => {
    const s = await open();
    await entry(s, "kept = 'yes'");
    const runaway = await entry(s, "while true do end", 200);
    expect(runaway.ok).toBe(false);
    if (!runaway.ok) expect(runaway.error.kind).toBe("timeout");
    expect(s.alive).toBe(true);
    expect((await entry(s, "kept")).session).toEqual({ display: "yes" });
    const caught = await entry(s, "pcall(function() while true do end end)", 200);
    expect(caught.ok).toBe(false);
    expect((await entry(s, "kept .. '!'")).session).toEqual({ display: "yes!" });
    s.close();
  });

  it("cancels an entry while it waits on the host and keeps the session", async () => {
    const s = await open();
    const ctrl = new AbortController();
    const pending = s.evaluate("y = 1; Host.later(1, 10000)", "entry", { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("cancelled");
    expect((await entry(s, "y")).session).toEqual({ display: "1" });
    s.close();
  });

  it("runs a whole spell and keeps its globals for the entries after it", async () => {
    const s = await open();
    const run = await s.evaluate("plan = { 'a', 'b' }\nlocal hidden = 1\nreturn #plan", "spell", {});
    expect(run).toMatchObject({ ok: true, value: 2 });
    expect((await entry(s, "plan[2], hidden")).session).toEqual({ display: "b\tnil" });
    s.close();
  });
});
