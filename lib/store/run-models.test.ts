import { describe, expect, it } from "vitest";
import { applyRunEvent, createRunView } from "./run-view";
import { modelsNamedIn, spellModelLabel } from "./run-models";

describe("spellModelLabel", () => {
  const echoSpell =
    'local a = Agent.builder():name("e"):model("mock/echo"):build()\nprint(a:execute({text = "hi"}).text)';

  it("names the models the spell's source names before it has run", () => {
    expect(spellModelLabel(createRunView(), echoSpell, "mock/default")).toEqual({ text: "mock/echo", from: "source" });
    expect(spellModelLabel(createRunView(), 'print("no agent")', "mock/default")).toEqual({
      text: "mock/default",
      from: "default",
    });
  });

  it("names the models the last run's trace shows answering", () => {
    const view = createRunView();
    applyRunEvent(view, { type: "trace", phase: "start", id: "a", kind: "agent", name: "e", t: 0 });
    applyRunEvent(view, {
      type: "trace",
      phase: "start",
      id: "m",
      parentId: "a",
      kind: "model",
      name: "mock/echo",
      model: "mock/echo",
      t: 1,
    });
    expect(spellModelLabel(view, 'print("source says nothing")', "mock/default")).toEqual({
      text: "mock/echo",
      from: "run",
    });
  });
});

describe("modelsNamedIn", () => {
  it("finds model ids in both languages' ways of naming one, once each", () => {
    const src = [
      ':model("mock/echo")',
      ".model('openai/gpt-4o-mini')",
      'model = "mock/default"',
      'model: "mock/echo"',
      'print("model is mock/none")',
    ].join("\n");
    expect(modelsNamedIn(src)).toEqual(["mock/echo", "openai/gpt-4o-mini", "mock/default"]);
  });

  it("shortens a long list", () => {
    const src = ['model("a/1")', 'model("b/2")', 'model("c/3")'].join("\n");
    expect(spellModelLabel(createRunView(), src, "mock/default").text).toBe("a/1, b/2 +1");
  });
});
