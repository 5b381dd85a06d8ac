import { describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { RunController, RunRequest } from "@/lib/runner/types";
import { createRunStore } from "./run";
import { exportOtlpTrace, importOtlpTrace } from "@/lib/otel/otlp";
import type { Recording } from "@/lib/recording/schema";
import {
  applyRunEvent,
  consoleText,
  countTokens,
  createRunView,
  droppedNote,
  MAX_CONSOLE_LINES,
  traceEventsOf,
} from "./run-view";

const stats = { engine: "lua", durationMs: 5 };

/** A controller whose runs replay a script of events and resolve when told. */
function createFakeController(script: RunEvent[], final: ExecutionResult) {
  let cancelled = 0;
  let pendingResolve: ((r: ExecutionResult) => void) | null = null;
  const requests: RunRequest[] = [];
  const controller: RunController = {
    ready: Promise.resolve(),
    run(request, onEvent) {
      requests.push(request);
      for (const e of script) onEvent?.(e);
      return new Promise((resolve) => {
        pendingResolve = resolve;
        if (final.ok || final.error.kind !== "cancelled") resolve(final);
      });
    },
    cancel() {
      cancelled++;
      pendingResolve?.({ ok: false, error: { kind: "cancelled", message: "cancelled" }, logs: [], stats });
    },
    dispose() {},
  };
  return { controller, requests, cancelled: () => cancelled };
}

const agentRun: RunEvent[] = [
  { type: "log", level: "log", text: "Asking the agent...", t: 1 },
  { type: "trace", phase: "start", id: "a1", kind: "agent", name: "greeter", t: 2, model: "mock/default" },
  { type: "trace", phase: "start", id: "m1", parentId: "a1", kind: "model", name: "mock/default", t: 3 },
  { type: "stream", traceId: "m1", text: "Hello ", t: 4 },
  { type: "stream", traceId: "m1", text: "there", t: 5 },
  { type: "trace", phase: "end", id: "m1", t: 6, durationMs: 3, tokens: { input: 10, output: 2 } },
  {
    type: "trace",
    phase: "end",
    id: "a1",
    t: 7,
    durationMs: 5,
    tokens: { input: 10, output: 2 },
    output: { text: "Hello there" },
  },
  { type: "log", level: "warn", text: "careful", t: 8 },
  { type: "result", value: { ok: true }, stats },
];

describe("run view", () => {
  it("folds streamed deltas of one call into one growing line, and builds the trace tree", () => {
    const view = createRunView();
    for (const e of agentRun.slice(0, 5)) applyRunEvent(view, e);
    expect(view.lines.map((l) => l.kind)).toEqual(["log", "stream"]);
    const stream = view.lines[1];
    expect(stream).toMatchObject({ kind: "stream", text: "Hello there", done: false, label: "mock/default" });
    expect(countTokens(view)).toEqual({ input: 0, output: 0, live: 2 });
    for (const e of agentRun.slice(5)) applyRunEvent(view, e);
    expect(view.lines[1]).toMatchObject({ done: true });
    expect(view.roots).toEqual(["a1"]);
    expect(view.nodes.a1.children).toEqual(["m1"]);
    expect(view.nodes.a1.durationMs).toBe(5);
    // The agent and its model call report the same usage: counted once.
    expect(countTokens(view)).toEqual({ input: 10, output: 2, live: 0 });
    expect(view.result?.value).toEqual({ ok: true });
    expect(consoleText(view.lines)).toBe("Asking the agent...\nmock/default> Hello there\n[warn] careful");
  });

  it("shows an error with kind, message and line", () => {
    const view = createRunView();
    applyRunEvent(view, { type: "error", error: { kind: "syntax", message: "unexpected symbol", line: 3 }, stats });
    expect(view.error?.error.line).toBe(3);
    expect(consoleText(view.lines)).toBe("syntax: unexpected symbol (line 3)");
  });

  it("treats a trace whose parent is unknown as a root", () => {
    const view = createRunView();
    applyRunEvent(view, {
      type: "trace",
      phase: "start",
      id: "t1",
      parentId: "nope",
      kind: "tool",
      name: "calculator",
      t: 1,
    });
    expect(view.roots).toEqual(["t1"]);
    applyRunEvent(view, { type: "trace", phase: "end", id: "unknown", t: 2, durationMs: 1 });
    expect(Object.keys(view.nodes)).toEqual(["t1"]);
  });

  it("caps the console near MAX_CONSOLE_LINES with a note that counts every dropped line", () => {
    const view = createRunView();
    const total = 100_000;
    for (let i = 0; i < total; i++) applyRunEvent(view, { type: "log", level: "log", text: `line ${i}`, t: i });
    expect(view.lines.length).toBeGreaterThanOrEqual(MAX_CONSOLE_LINES);
    expect(view.lines.length).toBeLessThanOrEqual(MAX_CONSOLE_LINES + 500);
    const shown = view.lines.length - 1;
    expect(view.lines[0]).toMatchObject({
      kind: "system",
      level: "warn",
      text: droppedNote(total - shown),
      note: "dropped",
    });
    expect(view.lines[1]).toMatchObject({ text: `line ${total - shown}` });
    expect(view.lines[view.lines.length - 1]).toMatchObject({ text: `line ${total - 1}` });
  });

  it("says once that mock every model answered an agent that asked for another model", () => {
    const view = createRunView({ mockAll: true });
    for (const id of ["a1", "a2"])
      applyRunEvent(view, {
        type: "trace",
        phase: "start",
        id,
        kind: "agent",
        name: "writer",
        t: 1,
        model: "openai/gpt-4o",
      });
    const notes = view.lines.filter((l) => l.kind === "system");
    expect(notes).toEqual([
      expect.objectContaining({
        level: "info",
        text: 'Mock run: every model is answered by mock/default ("mock every model" is on; writer asked for openai/gpt-4o).',
      }),
    ]);
    const plain = createRunView();
    applyRunEvent(plain, {
      type: "trace",
      phase: "start",
      id: "a",
      kind: "agent",
      name: "w",
      t: 1,
      model: "openai/gpt-4o",
    });
    expect(plain.lines).toEqual([]);
  });
});

describe("run store", () => {
  const request: RunRequest = { engine: "lua", source: "print(1)", model: "mock/default" };

  it("keeps the run's recording, and shows an imported OTLP trace as the same tree", async () => {
    const recording = { format: "llmspell-recording", version: 1 } as unknown as Recording;
    const fake = createFakeController(agentRun, { ok: true, value: { ok: true }, logs: [], stats });
    const run = fake.controller.run.bind(fake.controller);
    fake.controller.run = async (r, onEvent) => ({ ...(await run(r, onEvent)), recording });
    const store = createRunStore({ createController: () => fake.controller, schedule: (f) => f() });
    await store.getState().run(request);
    expect(store.getState().recording).toBe(recording);
    const before = store.getState().view;
    const events = traceEventsOf(before);
    expect(events.filter((e) => e.phase === "start").map((e) => e.id)).toEqual(["a1", "m1"]);

    const file = JSON.parse(JSON.stringify(exportOtlpTrace(events, { startedAtMs: 1_700_000_000_000 })));
    store.getState().showTrace(importOtlpTrace(file), "Imported trace: t.json");
    const after = store.getState();
    expect(after.recording).toBeNull();
    expect(after.view.roots).toEqual(before.roots);
    for (const id of ["a1", "m1"])
      expect(after.view.nodes[id]).toMatchObject({
        kind: before.nodes[id].kind,
        name: before.nodes[id].name,
        parentId: before.nodes[id].parentId,
        tokens: before.nodes[id].tokens,
        start: before.nodes[id].start,
        end: before.nodes[id].end,
      });
    expect(after.view.lines[0]).toMatchObject({ kind: "log", text: "Imported trace: t.json" });
  });

  it("runs a spell, streams events into the view and ends done", async () => {
    const fake = createFakeController(agentRun, { ok: true, value: { ok: true }, logs: [], stats });
    const store = createRunStore({ createController: () => fake.controller, schedule: (f) => f() });
    const pending = store.getState().run(request);
    expect(store.getState().status).toBe("running");
    await pending;
    const s = store.getState();
    expect(s.status).toBe("done");
    expect(s.engine).toBe("ready");
    expect(s.view.lines).toHaveLength(3);
    expect(s.tokens).toEqual({ input: 10, output: 2, live: 0 });
    expect(s.endedAt).not.toBeNull();
    expect(fake.requests).toEqual([request]);
  });

  it("stops a running spell at once and the next run starts immediately", async () => {
    const fake = createFakeController([{ type: "log", level: "log", text: "looping", t: 1 }], {
      ok: false,
      error: { kind: "cancelled", message: "x" },
      logs: [],
      stats,
    });
    const store = createRunStore({ createController: () => fake.controller, schedule: (f) => f() });
    const first = store.getState().run(request);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().status).toBe("running");
    store.getState().stop();
    expect(store.getState().status).toBe("cancelled");
    expect(fake.cancelled()).toBe(1);
    expect(store.getState().view.error?.error.kind).toBe("cancelled");
    await first;
    expect(store.getState().status).toBe("cancelled");
    const second = store.getState().run(request);
    expect(store.getState().status).toBe("running");
    await new Promise((r) => setTimeout(r, 0));
    store.getState().stop();
    await second;
    expect(fake.requests).toHaveLength(2);
  });

  it("reports a failed run with its error", async () => {
    const error = { kind: "runtime" as const, message: "boom", line: 2 };
    const fake = createFakeController([{ type: "error", error, stats }], { ok: false, error, logs: [], stats });
    const store = createRunStore({ createController: () => fake.controller, schedule: (f) => f() });
    await store.getState().run(request);
    expect(store.getState().status).toBe("failed");
    expect(store.getState().view.error?.error).toEqual(error);
  });

  it("reports an engine that cannot start as a failed run, not a crash", async () => {
    const store = createRunStore({
      createController: () => {
        throw new Error("no workers here");
      },
      schedule: (f) => f(),
    });
    await store.getState().run(request);
    expect(store.getState().status).toBe("failed");
    expect(store.getState().engine).toBe("failed");
    expect(store.getState().view.error?.error.message).toContain("no workers here");
  });

  it("clears the console", async () => {
    const fake = createFakeController(agentRun, { ok: true, value: null, logs: [], stats });
    const store = createRunStore({ createController: () => fake.controller, schedule: (f) => f() });
    await store.getState().run(request);
    store.getState().clearConsole();
    expect(store.getState().view.lines).toEqual([]);
    expect(store.getState().view.droppedLines).toBe(0);
    expect(store.getState().view.roots).toEqual(["a1"]);
  });
});
