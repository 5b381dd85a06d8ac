import { describe, expect, it } from "vitest";
import { JAVASCRIPT_DIALECT } from "@/lib/core/dialect";
import type { ExecuteOptions, ScriptEngine } from "@/lib/core/engine";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import {
  OUTPUT_ENTRY_OVERHEAD_BYTES,
  createOutputMeter,
  createRunOutput,
  finishRun,
  streamExecution,
} from "@/lib/core/run-output";
import { createMockLlmClient } from "@/lib/llm/mock";
import { DEFAULT_LIMITS } from "@/lib/core/limits";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { createApiOutput, runSpell, warmEngines } from "./run-spell";

/** A fake engine that records what it was given and runs `behaviour`. */
function fakeEngine(behaviour: (opts: ExecuteOptions) => Promise<ExecutionResult> | ExecutionResult) {
  const seen: { opts?: ExecuteOptions; source?: string; disposed: boolean } = { disposed: false };
  const engine: ScriptEngine = {
    name: "fake",
    dialect: JAVASCRIPT_DIALECT,
    features: { streaming: true, async: true, modules: false, memoryLimit: true, interrupt: true },
    async execute(source, opts = {}) {
      seen.source = source;
      seen.opts = opts;
      return behaviour(opts);
    },
    executeStreaming(source, opts) {
      return streamExecution((s, o) => this.execute(s, o), source, opts);
    },
    dispose() {
      seen.disposed = true;
    },
  };
  return { engine, seen };
}

const okResult = (opts: ExecuteOptions, value = 1) => {
  const out = createRunOutput(opts);
  return finishRun(out, { ok: true, value }, { engine: "fake" }, opts.onEvent);
};

function deps(engine: ScriptEngine, events: RunEvent[] = [], signal?: AbortSignal) {
  return {
    llm: createMockLlmClient(),
    state: createMemoryStateStore(),
    emit: (e: RunEvent) => events.push(e),
    signal,
    createEngine: async () => engine,
  };
}

describe("runSpell", () => {
  it("clamps limits (lower is kept, higher is cut to the default) and passes them to the engine", async () => {
    const { engine, seen } = fakeEngine((o) => okResult(o));
    const result = await runSpell(
      {
        engine: "fake",
        source: "s",
        limits: { timeoutMs: 50, memoryLimitBytes: 10 * DEFAULT_LIMITS.memoryLimitBytes, maxOutputBytes: -1 },
      },
      deps(engine),
    );
    expect(result.ok).toBe(true);
    expect(seen.opts).toMatchObject({
      timeoutMs: 50,
      memoryLimitBytes: DEFAULT_LIMITS.memoryLimitBytes,
      maxOutputBytes: DEFAULT_LIMITS.maxOutputBytes,
      wallTimeoutMs: DEFAULT_LIMITS.wallTimeoutMs,
      chunkName: "spell",
    });
    expect(seen.opts?.api).toBeDefined();
    expect(seen.disposed).toBe(true);
  });

  it("passes args to the engine, which exposes them as ARGS (the API does not set ARGS too)", async () => {
    const { engine, seen } = fakeEngine((o) => okResult(o));
    await runSpell({ engine: "fake", source: "s", args: { topic: "x" } }, deps(engine));
    expect(seen.opts?.args).toEqual({ topic: "x" });
    expect(seen.opts?.api?.values?.ARGS).toBeUndefined();
  });

  it("turns an unknown engine into an engine_not_found error event and result", async () => {
    const events: RunEvent[] = [];
    const result = await runSpell(
      { engine: "nope", source: "s" },
      {
        ...deps(fakeEngine((o) => okResult(o)).engine, events),
        createEngine: async () => {
          throw new Error("no such engine");
        },
      },
    );
    expect(!result.ok && result.error).toMatchObject({ kind: "engine_not_found", message: "no such engine" });
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe("error");
  });

  it("rejects a source over maxSourceBytes before creating an engine", async () => {
    let created = false;
    const result = await runSpell(
      { engine: "fake", source: "ééé", limits: { maxSourceBytes: 5 } },
      {
        ...deps(fakeEngine((o) => okResult(o)).engine),
        createEngine: async () => ((created = true), fakeEngine((o) => okResult(o)).engine),
      },
    );
    expect(!result.ok && result.error.kind).toBe("configuration");
    expect(!result.ok && result.error.message).toMatch(/6 bytes; the limit is 5 bytes/);
    expect(created).toBe(false);
  });

  it("an engine that throws still gives one error result and is disposed", async () => {
    const { engine, seen } = fakeEngine(() => {
      throw new Error("engine bug");
    });
    const events: RunEvent[] = [];
    const result = await runSpell({ engine: "fake", source: "s" }, deps(engine, events));
    expect(!result.ok && result.error).toMatchObject({ kind: "runtime", message: "engine bug" });
    expect(events.map((e) => e.type)).toEqual(["error"]);
    expect(seen.disposed).toBe(true);
  });

  it("a cancelled signal reaches the engine", async () => {
    const abort = new AbortController();
    const { engine, seen } = fakeEngine(async (o) => {
      await new Promise((r) => setTimeout(r, 20));
      const out = createRunOutput(o);
      return o.signal?.aborted
        ? finishRun(out, { ok: false, error: { kind: "cancelled", message: "stop" } }, { engine: "fake" }, o.onEvent)
        : okResult(o);
    });
    const pending = runSpell({ engine: "fake", source: "s" }, deps(engine, [], abort.signal));
    abort.abort();
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe("cancelled");
    expect(seen.opts?.signal?.aborted).toBe(true);
  });

  it("pollCancel aborts the engine's signal when it is read, even with no event loop turn", async () => {
    let flag = false;
    const { engine } = fakeEngine((o) => {
      flag = true;
      const seenAborted = o.signal?.aborted; // read synchronously, as an interrupt hook does
      const out = createRunOutput(o);
      return finishRun(
        out,
        seenAborted ? { ok: false, error: { kind: "cancelled", message: "x" } } : { ok: true, value: 1 },
        { engine: "fake" },
        o.onEvent,
      );
    });
    const result = await runSpell({ engine: "fake", source: "s" }, { ...deps(engine), pollCancel: () => flag });
    expect(!result.ok && result.error.kind).toBe("cancelled");
  });

  it("past the wall-clock limit the run is aborted and reported as a timeout", async () => {
    const { engine } = fakeEngine(
      (o) =>
        new Promise((resolve) =>
          o.signal?.addEventListener("abort", () =>
            resolve(
              finishRun(
                createRunOutput(o),
                { ok: false, error: { kind: "cancelled", message: "aborted" } },
                { engine: "fake" },
                o.onEvent,
              ),
            ),
          ),
        ),
    );
    const events: RunEvent[] = [];
    const result = await runSpell({ engine: "fake", source: "s", limits: { wallTimeoutMs: 50 } }, deps(engine, events));
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout" });
    expect(events.at(-1)).toMatchObject({ type: "error", error: { kind: "timeout" } });
  });

  it("caps streamed model text the API emits on the budget the engine's logs share, with one note", () => {
    const events: RunEvent[] = [];
    const meter = createOutputMeter(4 * OUTPUT_ENTRY_OVERHEAD_BYTES + 15); // "12345", "abcd", "abcd", "ab"
    const engineOutput = createRunOutput({ output: meter, onEvent: (e) => events.push(e) });
    const forward = createApiOutput(
      meter,
      () => 0,
      (e) => events.push(e),
    );
    engineOutput.log("log", "12345");
    for (let i = 0; i < 10; i++) forward({ type: "stream", text: "abcd", t: 0 });
    forward({ type: "trace", phase: "start", id: "t", kind: "agent", name: "a", t: 0 });
    engineOutput.log("log", "after");
    const texts = events.map((e) => (e.type === "stream" || e.type === "log" ? e.text : e.type));
    expect(texts).toEqual([
      "12345",
      "abcd",
      "abcd",
      "ab",
      "[output truncated: the run printed more than 143 bytes; the rest was dropped]",
      "trace", // non-text events still flow
    ]);
    expect(meter.truncated).toBe(true);
    expect(engineOutput.truncated).toBe(true);
  });
});

describe("warmEngines", () => {
  it("loads every named engine once and reports failures without throwing", async () => {
    const created: string[] = [];
    const r = await warmEngines(["a", "b", "bad"], async (name) => {
      if (name === "bad") throw new Error("no wasm");
      created.push(name);
      return fakeEngine((o) => okResult(o)).engine;
    });
    expect(r).toEqual({ loaded: ["a", "b"], failed: [{ engine: "bad", message: "no wasm" }] });
    expect(created).toEqual(["a", "b"]);
  });
});
