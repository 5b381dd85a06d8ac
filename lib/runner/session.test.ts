/**
 * Sessions through a real worker thread and the Node controller: the spell API kept between entries, per-entry
 * limits, and "session restarted" when the controller had to replace the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import { createNodeRunController } from "./node-controller";
import type { RunController, RunRequest, RunResult } from "./types";

describe("sessions in a worker", { timeout: 120_000 }, () => {
  let controller: RunController;
  beforeAll(async () => {
    controller = createNodeRunController({ spare: false, warmEngines: [] });
    await controller.ready;
  }, 60_000);
  afterAll(() => controller.dispose());

  const entry = (
    engine: string,
    source: string,
    extra: Partial<RunRequest> & { fresh?: boolean; mode?: "spell" | "entry" } = {},
  ): Promise<ExecutionResult> => {
    const { fresh, mode, ...rest } = extra;
    return controller.run({
      engine,
      source,
      mockAll: true,
      session: { id: `test-${engine}`, mode: mode ?? "entry", fresh },
      ...rest,
    });
  };

  it("keeps globals and the spell API's objects between entries (Lua)", async () => {
    expect((await entry("lua", "n = 1", { fresh: true })).session).toEqual({ session: "opened" });
    await entry("lua", 'a = Agent.builder():name("helper"):model("mock/echo"):build()');
    const r = await entry("lua", 'n + 1, a:execute({ text = "hello" }).text');
    expect(r.session).toEqual({ display: "2\thello", session: "kept" });
  });

  it("keeps declarations and agents between entries (JavaScript)", async () => {
    await entry("javascript", "const n = 1", { fresh: true });
    await entry("javascript", 'const a = Agent.builder().name("helper").model("mock/echo").build()');
    const r = await entry("javascript", '[n + 1, (await a.execute({ text: "hello" })).text]');
    expect(r.session).toEqual({ display: "[ 2, 'hello' ]", session: "kept" });
  });

  it("holds a whole spell's globals after it runs in the session", async () => {
    const run = await entry("lua", 'plan = { steps = { "draft", "review" } }\nreturn #plan.steps', {
      fresh: true,
      mode: "spell",
    });
    expect(run).toMatchObject({ ok: true, value: 2, session: { session: "opened" } });
    expect((await entry("lua", "plan.steps[2]")).session).toEqual({ display: "review", session: "kept" });
  });

  it("records a run that opens the session (the page records its runs), model calls included", async () => {
    const run = (await entry(
      "lua",
      'plan = Agent.builder():model("mock/echo"):build():execute({ text = "hi" }).text\nreturn plan',
      { fresh: true, mode: "spell", record: true },
    )) as RunResult;
    expect(run).toMatchObject({ ok: true, value: "hi", session: { session: "opened" } });
    expect(run.recording?.calls).toHaveLength(1);
    expect((await entry("lua", "plan")).session).toEqual({ display: "hi", session: "kept" });
  });

  it("applies the CPU limit per entry and keeps the session", async () => {
    await entry("javascript", "var kept = 1", { fresh: true });
    const runaway = await entry("javascript", "while (true) {}", { limits: { timeoutMs: 300 } });
    expect(runaway.ok).toBe(false);
    if (!runaway.ok) expect(runaway.error.kind).toBe("timeout");
    expect((await entry("javascript", "kept")).session).toEqual({ display: "1", session: "kept" });
  });

  it("says the session restarted when the worker had to be replaced", async () => {
    await entry("lua", "kept = 1", { fresh: true });
    // A pattern that backtracks for ever inside one C call: no hook runs, the watchdog replaces the worker.
    const stuck = await entry("lua", 'string.rep("a", 40):find(string.rep("a*", 30) .. "b")', {
      limits: { timeoutMs: 300 },
    });
    expect(stuck.ok).toBe(false);
    const next = await entry("lua", "kept");
    expect(next.session).toEqual({ display: "nil", session: "restarted" });
    expect(next.logs[0]?.text).toMatch(/^session restarted/);
  });
});
