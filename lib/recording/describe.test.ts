import { describe, expect, it } from "vitest";
import { describeRecording, divergenceOf, recordedModels } from "./describe";
import { sampleRecording } from "./testing/sample-recording";

describe("a recording in words", () => {
  it("names the models that answered and the day", () => {
    expect(describeRecording(sampleRecording())).toBe("Recorded with openai/gpt-4o-mini on Dec 5, 2026");
  });

  it("lists each model once, and the spell's default when no call was made", () => {
    const r = sampleRecording();
    const two = {
      ...r,
      calls: [r.calls[0], { ...r.calls[0], request: { ...r.calls[0].request, model: "mock/echo" } }, r.calls[0]],
    };
    expect(recordedModels(two)).toEqual(["openai/gpt-4o-mini", "mock/echo"]);
    expect(recordedModels({ ...r, calls: [], spell: { ...r.spell, model: "mock/default" } })).toEqual(["mock/default"]);
  });

  it("reads the diverging step from a replay_diverged error only", () => {
    expect(divergenceOf({ kind: "replay_diverged", message: "call 3 (m): x", data: { step: 3 } })).toEqual({
      step: 3,
      message: "call 3 (m): x",
    });
    expect(divergenceOf({ kind: "runtime", message: "boom" })).toBeUndefined();
    expect(divergenceOf(undefined)).toBeUndefined();
  });
});
