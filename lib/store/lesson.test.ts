import { describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { Lesson } from "@/lib/lesson/schema";
import type { RunRequest } from "@/lib/runner/types";
import { createLessonStore, currentSource, currentStep, isStepPassed, type StepRun } from "./lesson";
import { createFakeStorage } from "./test-storage";

const stats = { engine: "lua", durationMs: 1 };

const lesson: Lesson = {
  version: 1,
  title: "T",
  languages: ["lua", "javascript"],
  steps: [
    {
      id: "one",
      title: "One",
      prose: "",
      start: { lua: "-- start", javascript: "// start" },
      solution: { lua: 'print("hi")', javascript: 'print("hi");' },
      args: { who: "x" },
      checks: [{ kind: "output-contains", text: "hi", message: "Say hi." }],
    },
    { id: "two", title: "Two", prose: "", start: { lua: "", javascript: "" }, model: "mock/echo", checks: [] },
  ],
};

/** A runner that "prints" the spell's first string literal, like print("...") would. */
function fakeRunner() {
  const requests: RunRequest[] = [];
  const runStep = async (request: RunRequest): Promise<StepRun> => {
    requests.push(request);
    const text = /"([^"]*)"/.exec(request.source)?.[1];
    const events: RunEvent[] = text ? [{ type: "log", level: "log", text, t: 1 }] : [];
    const result: ExecutionResult = { ok: true, value: null, logs: [], stats };
    return { result, events };
  };
  return { requests, runStep };
}

describe("the lesson store", () => {
  it("runs the editor's code with the step's args and model, checks it, and records the pass", async () => {
    const runner = fakeRunner();
    const store = createLessonStore({ lesson, storage: null, runStep: runner.runStep });
    expect(currentSource(store.getState())).toBe("-- start");
    const failed = await store.getState().runAndCheck();
    expect(failed!.map((r) => r.pass)).toEqual([false]);
    expect(isStepPassed(store.getState(), "one")).toBe(false);
    store.getState().showSolution();
    expect(currentSource(store.getState())).toBe('print("hi")');
    const passed = await store.getState().runAndCheck();
    expect(passed!.map((r) => r.pass)).toEqual([true]);
    expect(isStepPassed(store.getState(), "one")).toBe(true);
    expect(runner.requests[1]).toMatchObject({
      engine: "lua",
      source: 'print("hi")',
      args: { who: "x" },
      model: "mock/default",
      stateNamespace: "llmspell-learn",
    });
    // Passing in Lua says nothing about JavaScript.
    store.getState().setLanguage("javascript");
    expect(isStepPassed(store.getState(), "one")).toBe(false);
    expect(store.getState().checks).toBeNull();
  });

  it("keeps code per step and language; reset brings the start back", () => {
    const store = createLessonStore({ lesson, storage: null, runStep: fakeRunner().runStep });
    store.getState().edit("print(1)");
    store.getState().setLanguage("javascript");
    expect(currentSource(store.getState())).toBe("// start");
    store.getState().setLanguage("lua");
    expect(currentSource(store.getState())).toBe("print(1)");
    store.getState().goTo("two");
    expect(currentStep(store.getState()).id).toBe("two");
    expect(currentSource(store.getState())).toBe("");
    store.getState().goTo("one");
    store.getState().resetStep();
    expect(currentSource(store.getState())).toBe("-- start");
    expect(store.getState().sources).toEqual({});
  });

  it("a step without checks passes when its run succeeds, with the step's model", async () => {
    const runner = fakeRunner();
    const store = createLessonStore({ lesson, storage: null, runStep: runner.runStep, initialStep: "two" });
    expect(await store.getState().runAndCheck()).toEqual([]);
    expect(isStepPassed(store.getState(), "two")).toBe(true);
    expect(runner.requests[0].model).toBe("mock/echo");
  });

  it("saves progress (step, language, code, passes) and a new store reads it back", async () => {
    const storage = createFakeStorage();
    const a = createLessonStore({ lesson, storage, progressKey: "t", runStep: fakeRunner().runStep });
    a.getState().setLanguage("javascript");
    a.getState().showSolution();
    await a.getState().runAndCheck();
    a.getState().goTo("two");
    expect([...storage.data.keys()]).toEqual(["llmspell.lesson.t"]);
    const b = createLessonStore({ lesson, storage, progressKey: "t", runStep: fakeRunner().runStep });
    const s = b.getState();
    expect(s.language).toBe("javascript");
    expect(currentStep(s).id).toBe("two");
    expect(s.passed).toEqual({ one: ["javascript"] });
    expect(s.sources.one.javascript).toBe('print("hi");');
    // An explicit step (the URL) wins over the saved one.
    const c = createLessonStore({
      lesson,
      storage,
      progressKey: "t",
      runStep: fakeRunner().runStep,
      initialStep: "one",
    });
    expect(currentStep(c.getState()).id).toBe("one");
  });

  it("ignores unreadable saved progress and an unknown step or language", () => {
    const storage = createFakeStorage();
    storage.data.set("llmspell.lesson.t", "{not json");
    const store = createLessonStore({
      lesson: { ...lesson, languages: ["lua"] },
      storage,
      progressKey: "t",
      runStep: fakeRunner().runStep,
      initialStep: "nope",
      initialLanguage: "javascript",
    });
    expect(store.getState()).toMatchObject({ stepIndex: 0, language: "lua", passed: {} });
    store.getState().setLanguage("javascript");
    expect(store.getState().language).toBe("lua");
  });

  it("a run that did not finish leaves no results", async () => {
    const store = createLessonStore({ lesson, storage: null, runStep: async () => null });
    expect(await store.getState().runAndCheck()).toBeNull();
    expect(store.getState()).toMatchObject({ checks: null, checking: false });
  });
});
