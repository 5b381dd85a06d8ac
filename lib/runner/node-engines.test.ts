/**
 * The real engines (Lua and JavaScript) through the Node controller: stop latency, uninterruptible C calls,
 * limits end to end, bad input, and the host staying usable afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { ControllerIncident } from "./controller";
import { createNodeRunController } from "./node-controller";
import type { RunController, RunRequest } from "./types";

async function waitFor(check: () => boolean, timeoutMs = 80_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const errorKind = (r: ExecutionResult) => (r.ok ? "ok" : r.error.kind);

describe("real engines through the node controller", { timeout: 90_000 }, () => {
  let controller: RunController;
  const incidents: ControllerIncident[] = [];
  let spawned = 0;
  let warmed = 0;
  const allWarm = () => warmed >= spawned;
  const terminations = () => incidents.filter((i) => i.type === "terminated").length;
  const run = (request: Partial<RunRequest> & { source: string }, onEvent?: (e: RunEvent) => void) =>
    controller.run({ engine: "lua", ...request }, onEvent);

  /**
   * Start a run, cancel it after `afterMs`, and report the result and whether a worker was terminated for it.
   * How long stopping takes is measured in bench/host.ts, not asserted here.
   */
  async function cancelAfter(request: Partial<RunRequest> & { source: string }, afterMs = 150) {
    await waitFor(allWarm);
    const before = terminations();
    const pending = run(request);
    await new Promise((r) => setTimeout(r, afterMs));
    controller.cancel();
    const result = await pending;
    return { result, terminated: terminations() > before };
  }

  beforeAll(async () => {
    controller = createNodeRunController({
      // Whether a stop happens in the engine or by terminating the worker is what these tests look at, not how
      // fast (bench/host.ts measures that): a grace well above the 50 ms default keeps a loaded machine from
      // turning a slow in-engine stop (or a late heartbeat) into a termination.
      cancelGraceMs: 1500,
      stallGraceMs: 2000,
      onIncident: (i) => {
        incidents.push(i);
        if (i.type === "spawned") spawned++;
        if (i.type === "ready") warmed++;
      },
    });
    await controller.ready;
    await waitFor(allWarm);
  }, 120_000);
  afterAll(() => controller.dispose());

  it("Lua: `while true do end` is stopped in-engine on cancel", async () => {
    const { result, terminated } = await cancelAfter({ source: "while true do end" });
    expect(errorKind(result)).toBe("cancelled");
    expect(terminated).toBe(false);
  });

  it("JavaScript: `while (true) {}` is stopped in-engine on cancel", async () => {
    const { result, terminated } = await cancelAfter({ engine: "javascript", source: "while (true) {}" });
    expect(errorKind(result)).toBe("cancelled");
    expect(terminated).toBe(false);
  });

  it("Lua: a long C call (catastrophic pattern match) is stopped by terminating the worker; the next run starts at once", async () => {
    const spawnedBefore = spawned;
    const { result, terminated } = await cancelAfter({
      source: 'local s = string.rep("a", 3000)\nreturn s:find(".-.-.-.-.-b")',
    });
    expect(errorKind(result)).toBe("cancelled");
    expect(terminated).toBe(true);
    // The warm spare took over and one new spare was started (not a new primary to wait for).
    expect(spawned).toBe(spawnedBefore + 1);
    expect(incidents.at(-1)).toEqual({ type: "spawned", role: "spare" });
    const next = await run({ source: "return 40 + 2" });
    expect(next.ok && next.value).toBe(42);
  });

  it("streams events in order from both engines", async () => {
    for (const [engine, source] of [
      ["lua", "for i = 1, 300 do print(i) end\nreturn 'done'"],
      ["javascript", "for (let i = 1; i <= 300; i++) console.log(i);\nexport default 'done';"],
    ] as const) {
      const events: RunEvent[] = [];
      const result = await run({ engine, source }, (e) => events.push(e));
      expect(result.ok && result.value).toBe("done");
      const logs = events.filter((e) => e.type === "log").map((e) => (e.type === "log" ? e.text : ""));
      expect(logs).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
      expect(events.at(-1)?.type).toBe("result");
    }
  });

  it("CPU timeout ends a busy loop in both engines", async () => {
    for (const [engine, source] of [
      ["lua", "while true do end"],
      ["javascript", "while (true) {}"],
    ] as const) {
      const before = terminations();
      const result = await run({ engine, source, limits: { timeoutMs: 200 } });
      expect(errorKind(result)).toBe("timeout");
      // The engine's own CPU check stopped it: the watchdog did not have to terminate the worker.
      expect(terminations()).toBe(before);
    }
  });

  it("a long C call past the CPU limit ends with a timeout (watchdog) and the host stays usable", async () => {
    await waitFor(allWarm);
    const result = await run({
      source: 'local s = string.rep("a", 3000)\nreturn s:find(".-.-.-.-.-b")',
      limits: { timeoutMs: 200 },
    });
    expect(errorKind(result)).toBe("timeout");
    await waitFor(allWarm);
    expect((await run({ source: "return 1" })).ok).toBe(true);
  });

  it("memory limit in both engines", async () => {
    for (const [engine, source] of [
      ["lua", "local t = {}\nfor i = 1, 1e8 do t[i] = string.rep('x', 64) .. i end"],
      ["javascript", "const t = [];\nfor (let i = 0; i < 1e8; i++) t.push('x'.repeat(64) + i);"],
    ] as const) {
      await waitFor(allWarm);
      const result = await run({ engine, source, limits: { memoryLimitBytes: 8 * 1024 * 1024 } });
      expect(errorKind(result)).toBe("memory");
    }
  });

  it("caps a spell that prints 10 MB, with a note, and stays usable", async () => {
    for (const [engine, source] of [
      ["lua", "local line = string.rep('y', 1000)\nfor i = 1, 10000 do print(line) end"],
      ["javascript", "const line = 'y'.repeat(1000);\nfor (let i = 0; i < 10000; i++) console.log(line);"],
    ] as const) {
      let bytes = 0;
      const result = await run({ engine, source }, (e) => {
        if (e.type === "log") bytes += e.text.length;
      });
      expect(result.stats.outputTruncated).toBe(true);
      expect(bytes).toBeLessThan(1.1 * 1024 * 1024);
      expect(result.logs.at(-1)?.text).toMatch(/output truncated/);
    }
  });

  it("syntax and runtime errors carry the spell's line", async () => {
    const syntax = await run({ source: "local x = 1\nlocal = 2" });
    expect(!syntax.ok && syntax.error).toMatchObject({ kind: "syntax", line: 2 });
    const runtime = await run({ engine: "javascript", source: "const a = 1;\n\nnull.x;" });
    expect(!runtime.ok && runtime.error).toMatchObject({ line: 3 });
  });

  it("bad input ends with a result or a clear error and the host stays usable", async () => {
    const cases: Partial<RunRequest>[] = [
      { source: "" },
      { engine: "javascript", source: "" },
      { source: "\u0000\u0001\u00ff\ufffd garbage \u0007" },
      { engine: "javascript", source: "\u0000\u0001\u00ff\ufffd garbage \u0007" },
      { source: `-- ${"x".repeat(1024 * 1024 - 10)}\nreturn 1` },
      { source: `-- ${"x".repeat(1024 * 1024 + 10)}\nreturn 1` },
      { source: "error({code = 7})" },
      { engine: "javascript", source: "throw 42;" },
      { source: "local t = {}\nt.self = t\nreturn t" },
    ];
    for (const c of cases) {
      const result = await run({ source: "", ...c });
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }
    const big = await run({ source: `-- ${"x".repeat(1024 * 1024 + 10)}\nreturn 1` });
    expect(errorKind(big)).toBe("configuration");
    expect((await run({ source: "return 'still fine'" })).ok).toBe(true);
  });

  it("passes ARGS to both engines", async () => {
    const lua = await run({ source: "return ARGS.topic", args: { topic: "cats" } });
    expect(lua.ok && lua.value).toBe("cats");
    const js = await run({ engine: "javascript", source: "export default ARGS.topic;", args: { topic: "dogs" } });
    expect(js.ok && js.value).toBe("dogs");
  });
});
