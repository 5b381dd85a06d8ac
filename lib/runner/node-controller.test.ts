/**
 * The Node controller end to end with real worker threads, driven by the `hosttest` engine (see
 * testing/script-engine-plugin.ts) so each worker behaviour is exact: streaming, in-engine cancel through the
 * shared flag, terminate on an uninterruptible call, stall watchdog, crash and out-of-memory recovery.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import type { ControllerIncident } from "./controller";
import { createNodeRunController, pickWorkerEntry } from "./node-controller";
import type { RunController } from "./types";

const PLUGIN = new URL("./testing/script-engine-plugin.ts", import.meta.url).href;
async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const run = (c: RunController, source: string, extra: object = {}, onEvent?: (e: RunEvent) => void) =>
  c.run({ engine: "hosttest", source, ...extra }, onEvent);

// Spawning a worker loads every module through tsx: seconds on a loaded machine. Tests that replace a worker
// first wait until the spare is warm, and get a generous timeout.
describe("node run controller (worker threads)", { timeout: 90_000 }, () => {
  let controller: RunController;
  const incidents: ControllerIncident[] = [];

  let spawned = 0;
  let warmed = 0;
  /** Every worker spawned so far is warm (the primary and the spare). */
  const allWarm = () => warmed >= spawned;

  beforeAll(async () => {
    controller = createNodeRunController({
      plugins: [PLUGIN],
      onIncident: (i) => {
        incidents.push(i);
        if (i.type === "spawned") spawned++;
        if (i.type === "ready") warmed++;
      },
    });
    await controller.ready;
    await waitFor(allWarm);
  }, 60_000);
  afterAll(() => controller.dispose());

  it("streams events in order and resolves with the value", async () => {
    const events: RunEvent[] = [];
    const result = await run(controller, 'log first\nstream tok\ntrace step1\nlogs 200\nreturn {"n":[1,2]}', {}, (e) =>
      events.push(e),
    );
    expect(result.ok && result.value).toEqual({ n: [1, 2] });
    const texts = events.map((e) =>
      e.type === "log"
        ? e.text
        : e.type === "stream"
          ? `stream:${e.text}`
          : e.type === "trace"
            ? `trace:${e.phase}`
            : e.type,
    );
    expect(texts.slice(0, 4)).toEqual(["first", "stream:tok", "trace:start", "trace:end"]);
    expect(texts.slice(4, 204)).toEqual(Array.from({ length: 200 }, (_, i) => `line ${i}`));
    expect(texts.at(-1)).toBe("result");
    expect(result.logs).toHaveLength(201);
  });

  it("passes args through", async () => {
    const result = await run(controller, "args", { args: { topic: "cats", "1": "x" } });
    expect(result.ok && result.value).toEqual({ topic: "cats", "1": "x" });
  });

  it("cancels a busy in-engine loop through the shared flag, without terminating the worker", async () => {
    incidents.length = 0;
    const pending = run(controller, "spin");
    await new Promise((r) => setTimeout(r, 100));
    controller.cancel();
    const result = await pending;
    // Stopped in-engine (how fast is measured in bench/host.ts): the worker is neither terminated nor replaced.
    expect(!result.ok && result.error.kind).toBe("cancelled");
    expect(incidents.filter((i) => i.type === "terminated" || i.type === "spawned")).toEqual([]);
  });

  it("terminates a worker stuck in an uninterruptible call 50 ms after cancel; the next run starts at once", async () => {
    await waitFor(allWarm);
    incidents.length = 0;
    const pending = run(controller, "block forever");
    await new Promise((r) => setTimeout(r, 100));
    controller.cancel();
    const result = await pending;
    // The grace period itself is checked on a stepped clock in controller.test.ts; latency is in bench/host.ts.
    expect(!result.ok && result.error.kind).toBe("cancelled");
    expect(incidents).toContainEqual({ type: "terminated", reason: "cancel" });
    // The warm spare became the primary and a new spare is on its way; the next run goes to the warm one.
    expect(incidents).toContainEqual({ type: "spawned", role: "spare" });
    expect(incidents.filter((i) => i.type === "spawned" && i.role === "primary")).toEqual([]);
    const next = await run(controller, "return 5");
    expect(next.ok && next.value).toBe(5);
  });

  it("stops a run stuck past its CPU limit (the engine cannot interrupt it) with a timeout", async () => {
    await waitFor(allWarm);
    incidents.length = 0;
    const result = await run(controller, "block forever", { limits: { timeoutMs: 200 } });
    expect(!result.ok && result.error.kind).toBe("timeout");
    expect(!result.ok && result.error.message).toMatch(/CPU limit of 200 ms/);
    expect(incidents).toContainEqual({ type: "terminated", reason: "stall" });
    expect((await run(controller, "return 1")).ok).toBe(true);
  });

  it("honours the wall-clock limit for a run that waits", async () => {
    await waitFor(allWarm);
    incidents.length = 0;
    const result = await run(controller, "sleep 5000", { limits: { wallTimeoutMs: 300 } });
    expect(!result.ok && result.error.kind).toBe("timeout");
    expect(!result.ok && result.error.message).toMatch(/wall-clock limit of 300 ms/);
    expect(incidents.filter((i) => i.type === "terminated")).toEqual([]); // stopped in-engine, no terminate
  });

  it("a time spent waiting does not count against the CPU limit", async () => {
    const result = await run(controller, "sleep 400\nreturn 1", { limits: { timeoutMs: 100 } });
    expect(result.ok).toBe(true);
  });

  it("caps output with one note", async () => {
    const events: RunEvent[] = [];
    const result = await run(controller, "logs 1000", { limits: { maxOutputBytes: 100 } }, (e) => events.push(e));
    expect(result.ok).toBe(true);
    expect(result.stats.outputTruncated).toBe(true);
    const logs = events.filter((e) => e.type === "log");
    expect(logs.length).toBeLessThan(30);
    expect(logs.at(-1)?.type === "log" && logs.at(-1)?.text).toMatch(/output truncated/);
  });

  it("recovers from a worker crash with a clear error", async () => {
    await waitFor(allWarm);
    const result = await run(controller, "crash");
    expect(!result.ok && result.error.kind).toBe("runtime");
    expect(!result.ok && result.error.message).toMatch(/crashed on purpose/);
    expect((await run(controller, "return 2")).ok).toBe(true);
  });

  it("recovers from a worker that exits", async () => {
    await waitFor(allWarm);
    const result = await run(controller, "exit");
    expect(!result.ok && result.error.message).toMatch(/exited with code 3/);
    expect((await run(controller, "return 3")).ok).toBe(true);
  });

  it("reports an unknown engine as engine_not_found listing the known ones", async () => {
    const result = await controller.run({ engine: "cobol", source: "x" });
    expect(!result.ok && result.error.kind).toBe("engine_not_found");
    expect(!result.ok && result.error.message).toMatch(/lua, javascript/);
  });

  it("rejects a source over the size limit", async () => {
    const result = await run(controller, "return 1", { limits: { maxSourceBytes: 4 } });
    expect(!result.ok && result.error.kind).toBe("configuration");
  });
});

describe("node run controller: heap exhaustion", () => {
  it("reports a worker out of memory as a memory error and serves the next run", async () => {
    const controller = createNodeRunController({
      plugins: [PLUGIN],
      spare: false,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    try {
      await controller.ready;
      const result = await run(controller, "oom");
      expect(!result.ok && result.error.kind).toBe("memory");
      expect((await run(controller, "return 4")).ok).toBe(true);
    } finally {
      controller.dispose();
    }
  }, 120_000);
});

describe("the worker entry a node controller starts", () => {
  const fromSource = "file:///repo/lib/runner/node-controller.ts";
  const fromBuild = "file:///repo/dist/cli/llmspell.mjs";

  it("is the tsx entry beside the sources, with or without plugins", () => {
    expect(pickWorkerEntry(fromSource).href).toBe("file:///repo/lib/runner/node-worker-entry.mjs");
    expect(pickWorkerEntry(fromSource, ["file:///p.ts"]).href).toBe("file:///repo/lib/runner/node-worker-entry.mjs");
  });

  it("is the built worker beside the CLI build, unless plugins need the source registry", () => {
    expect(pickWorkerEntry(fromBuild).href).toBe("file:///repo/dist/cli/node-worker.mjs");
    expect(pickWorkerEntry(fromBuild, ["file:///p.ts"]).href).toBe("file:///repo/lib/runner/node-worker-entry.mjs");
  });
});
