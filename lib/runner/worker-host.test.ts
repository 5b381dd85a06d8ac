import { describe, expect, it } from "vitest";
import { JAVASCRIPT_DIALECT } from "@/lib/core/dialect";
import type { ExecuteOptions, ScriptEngine } from "@/lib/core/engine";
import type { ExecutionResult } from "@/lib/core/events";
import { createRunOutput, finishRun, streamExecution } from "@/lib/core/run-output";
import { createMockLlmClient } from "@/lib/llm/mock";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import type { DoneMessage, WorkerMessage } from "./protocol";
import { startWorkerHost, type WorkerHostDeps } from "./worker-host";

/** Engine whose source is "log:x", "spin" (reads signal.aborted synchronously until it is set) or "wait". */
function makeEngine(): ScriptEngine {
  const execute = async (source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> => {
    const out = createRunOutput(opts);
    if (source.startsWith("log:")) out.log("log", source.slice(4));
    if (source === "wait") await new Promise((r) => setTimeout(r, 50));
    if (source === "spin") {
      const until = performance.now() + 2000;
      while (!opts.signal?.aborted && performance.now() < until) {
        // busy, like a spell loop with an interrupt hook
      }
      if (opts.signal?.aborted)
        return finishRun(
          out,
          { ok: false, error: { kind: "cancelled", message: "c" } },
          { engine: "fake" },
          opts.onEvent,
        );
    }
    return finishRun(out, { ok: true, value: source }, { engine: "fake" }, opts.onEvent);
  };
  return {
    name: "fake",
    dialect: JAVASCRIPT_DIALECT,
    features: { streaming: true, async: true, modules: false, memoryLimit: false, interrupt: true },
    execute,
    executeStreaming: (s, o) => streamExecution(execute, s, o),
    dispose() {},
  };
}

function setup(overrides: Partial<WorkerHostDeps> = {}) {
  const sent: WorkerMessage[] = [];
  let deliver: (m: unknown) => void = () => {};
  const ready = startWorkerHost({
    port: { post: (m) => sent.push(m), onMessage: (l) => (deliver = l) },
    createLlm: () => createMockLlmClient(),
    createState: async () => ({ store: createMemoryStateStore() }),
    createEngine: async () => makeEngine(),
    warmEngineNames: ["fake"],
    ...overrides,
  });
  const done = (id: number) =>
    new Promise<DoneMessage>((resolve) => {
      const check = () => {
        const d = sent.find((m): m is DoneMessage => m.type === "done" && m.id === id);
        if (d) resolve(d);
        else setTimeout(check, 2);
      };
      check();
    });
  return { sent, send: (m: unknown) => deliver(m), ready, done };
}

describe("worker host", () => {
  it("warms its engines, says ready, then runs and streams events before done", async () => {
    const w = setup();
    await w.ready;
    expect(w.sent[0]).toMatchObject({ type: "ready", engines: ["fake"] });
    w.send({ type: "run", id: 1, request: { engine: "fake", source: "log:hi" } });
    const d = await w.done(1);
    expect(d.result).toMatchObject({ ok: true, value: "log:hi" });
    const forRun = w.sent
      .filter((m) => "id" in m && m.id === 1)
      .map((m) => (m.type === "event" ? m.event.type : m.type));
    expect(forRun).toEqual(["log", "result", "done"]);
  });

  it("refuses a second run while one is active", async () => {
    const w = setup();
    w.send({ type: "run", id: 1, request: { engine: "fake", source: "wait" } });
    w.send({ type: "run", id: 2, request: { engine: "fake", source: "x" } });
    const busy = await w.done(2);
    expect(!busy.result.ok && busy.result.error.message).toMatch(/already running/);
    expect((await w.done(1)).result.ok).toBe(true);
  });

  it("reports a message it does not understand", async () => {
    const w = setup();
    await w.ready;
    w.send({ type: "launch-missiles" });
    expect(w.sent.at(-1)).toMatchObject({ type: "fatal" });
  });

  it("cancels a busy run through the shared flag (no event loop turn needed)", async () => {
    const w = setup();
    await w.ready;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    w.send({ type: "init", cancelFlag: flag });
    // The controller (another thread in real life) marks run 7 cancelled; run 6 is not affected.
    Atomics.store(flag, 0, 7);
    w.send({ type: "run", id: 6, request: { engine: "fake", source: "x" } });
    expect((await w.done(6)).result.ok).toBe(true);
    w.send({ type: "run", id: 7, request: { engine: "fake", source: "spin" } });
    const d = await w.done(7);
    // Without the flag the spin runs to its safety limit and returns ok, so "cancelled" means the flag was read.
    expect(!d.result.ok && d.result.error.kind).toBe("cancelled");
  });

  it("a State warning becomes a log line of the run; a failing store falls back to memory", async () => {
    const w = setup({ createState: async () => Promise.reject(new Error("disk full")) });
    w.send({ type: "run", id: 3, request: { engine: "fake", source: "x" } });
    const d = await w.done(3);
    expect(d.result.ok).toBe(true);
    expect(d.result.logs[0]).toEqual({ level: "warn", text: "State is kept in memory for this run: disk full" });
    expect(w.sent.some((m) => m.type === "event" && m.event.type === "log" && m.event.text.includes("disk full"))).toBe(
      true,
    );
  });

  it("still says ready when an engine fails to load, and reports the failure", async () => {
    const w = setup({ createEngine: async () => Promise.reject(new Error("wasm missing")) });
    await w.ready;
    expect(w.sent).toContainEqual({ type: "fatal", message: "engine fake failed to load: wasm missing" });
    expect(w.sent.find((m) => m.type === "ready")).toMatchObject({ engines: [] });
  });
});
