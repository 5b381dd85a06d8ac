import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import { createMockLlmClient } from "@/lib/llm/mock";
import type { LlmClient } from "@/lib/llm/types";
import { runSpell } from "@/lib/runner/run-spell";
import type { RunController, RunRequest } from "@/lib/runner/types";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { comparedRecordings, createCompareStore, readCompareArgs } from "./compare";
import { alignSteps, compareSides, type TraceStep } from "./compare-view";
import { createEditorStore } from "./editor";
import { applyRunEvent, createRunView } from "./run-view";
import { createSettingsStore } from "./settings";
import { createFakeStorage } from "./test-storage";

const SPELL = `
local a = Agent.builder():name("writer"):build()
print("says: " .. a:execute({text = "describe wasm in one line"}).text)
return ARGS
`;

function setup(llm: LlmClient) {
  const requests: RunRequest[] = [];
  const controller: RunController = {
    ready: Promise.resolve(),
    run: (request, onEvent) => {
      requests.push(request);
      return runSpell(request, { llm, state: createMemoryStateStore(), emit: (e) => onEvent?.(e) });
    },
    cancel() {},
    dispose() {},
  };
  const editor = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
  const settings = createSettingsStore({ session: createFakeStorage(), local: createFakeStorage() });
  editor.getState().openSpell({ language: "lua", source: SPELL }, "test");
  const compare = createCompareStore({ createController: () => controller, editor, settings });
  return { compare, requests };
}

describe("compare two runs of one spell", () => {
  it("runs the spell with each model, recorded, and compares outputs, tokens and traces", async () => {
    const { compare, requests } = setup(createMockLlmClient());
    await compare.getState().run({ model: "mock/echo" }, { model: "mock/default" });
    expect(requests.map((r) => [r.model, r.record])).toEqual([
      ["mock/echo", true],
      ["mock/default", true],
    ]);
    const { sides, status } = compare.getState();
    expect(status).toBe("done");
    expect(sides.map((s) => s.label)).toEqual(["mock/echo", "mock/default"]);
    const c = compareSides(sides[0], sides[1]);
    expect(c.sides[0].output).toContain("says: describe wasm in one line");
    expect(c.sides[1].output).toMatch(/\nsays: /);
    expect(c.sides[1].output).not.toBe(c.sides[0].output);
    expect(c.outputDiff.some((p) => p.added)).toBe(true);
    expect(
      c.outputDiff
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(""),
    ).toBe(c.sides[1].output);
    expect(
      c.outputDiff
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join(""),
    ).toBe(c.sides[0].output);
    expect(c.sides.every((s) => s.tokens.output > 0 && s.durationMs !== undefined)).toBe(true);
    // The same steps on both sides: the agent and its model call.
    expect(c.steps.map((r) => [r.left?.kind, r.right?.kind])).toEqual([
      ["agent", "agent"],
      ["model", "model"],
    ]);
    expect(comparedRecordings(sides).map((r) => r.spell.model)).toEqual(["mock/echo", "mock/default"]);
  });

  it("compares two ARGS and names them in the labels", async () => {
    const { compare } = setup(createMockLlmClient());
    await compare.getState().run({ model: "mock/echo", args: { n: 1 } }, { model: "mock/echo", args: { n: 2 } });
    const { sides } = compare.getState();
    expect(sides.map((s) => s.label)).toEqual(['mock/echo · ARGS {"n":1}', 'mock/echo · ARGS {"n":2}']);
    expect(sides.map((s) => (s.result?.ok ? s.result.value : null))).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("opens a shared comparison by replaying both recordings, with no model calls", async () => {
    const live = setup(createMockLlmClient());
    await live.compare.getState().run({ model: "mock/echo" }, { model: "mock/default" });
    const [a, b] = comparedRecordings(live.compare.getState().sides);
    const offline: LlmClient = {
      stream: () => {
        throw new Error("the replay used the network");
      },
      embed: () => Promise.reject(new Error("network")),
      listModels: () => Promise.reject(new Error("network")),
    };
    const shared = setup(offline);
    await shared.compare.getState().openRecordings(a, b);
    const sides = shared.compare.getState().sides;
    expect(sides.every((s) => s.result?.ok)).toBe(true);
    const before = compareSides(live.compare.getState().sides[0], live.compare.getState().sides[1]);
    const after = compareSides(sides[0], sides[1]);
    expect(after.sides.map((s) => s.output)).toEqual(before.sides.map((s) => s.output));
    expect(after.outputDiff).toEqual(before.outputDiff);
  });

  it("reads a side's ARGS as JSON, or says it is not", () => {
    expect(readCompareArgs("")).toEqual({ ok: true });
    expect(readCompareArgs('{"n": 2}')).toEqual({ ok: true, args: { n: 2 } });
    expect(readCompareArgs("{n: 2}")).toEqual({ ok: false, message: expect.stringMatching(/^ARGS must be JSON/) });
  });
});

describe("aligning two traces by step", () => {
  const step = (depth: number, kind: TraceStep["kind"], name: string): TraceStep => ({ depth, kind, name });

  it("pairs the same steps and leaves a gap where one run has a step the other lacks", () => {
    const left = [
      step(0, "agent", "a"),
      step(1, "model", "openai/x"),
      step(1, "tool", "calc"),
      step(1, "model", "openai/x"),
    ];
    const right = [step(0, "agent", "a"), step(1, "model", "mock/echo")];
    const rows = alignSteps(left, right);
    expect(rows.map((r) => [r.left?.name ?? null, r.right?.name ?? null])).toEqual([
      ["a", "a"],
      ["openai/x", "mock/echo"],
      ["calc", null],
      ["openai/x", null],
    ]);
  });

  it("walks the trace tree parent first, children in start order", () => {
    const view = createRunView();
    const events: RunEvent[] = [
      { type: "trace", phase: "start", id: "w", kind: "workflow", name: "flow", t: 0 },
      { type: "trace", phase: "start", id: "s2", parentId: "w", kind: "agent", name: "second", t: 2 },
      { type: "trace", phase: "start", id: "s1", parentId: "w", kind: "agent", name: "first", t: 1 },
    ];
    for (const e of events) applyRunEvent(view, e);
    const c = compareSides({ label: "l", view, result: null }, { label: "r", view, result: null });
    expect(c.steps.map((r) => r.left?.name)).toEqual(["flow", "first", "second"]);
  });
});
