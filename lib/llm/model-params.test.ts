import { describe, expect, it } from "vitest";
import { GATEWAY_CAPS } from "./caps";
import { SAMPLING_PARAM_BOUNDS, clampModelParams, pickSamplingParams, samplingParamsSchema } from "./model-params";

describe("sampling parameter bounds", () => {
  it("accept values at their bounds and refuse values past them", () => {
    const b = SAMPLING_PARAM_BOUNDS;
    expect(b.maxTokens.max).toBe(GATEWAY_CAPS.maxOutputTokens);
    const ok = { temperature: 2, maxTokens: b.maxTokens.max, topP: 0, seed: b.seed.max };
    expect(samplingParamsSchema.parse(ok)).toEqual(ok);
    for (const bad of [{ temperature: 2.01 }, { maxTokens: 0 }, { maxTokens: 1.5 }, { topP: 1.01 }, { seed: -1 }])
      expect(samplingParamsSchema.safeParse(bad).success).toBe(false);
    expect(samplingParamsSchema.safeParse({ topK: 3 }).success).toBe(false);
  });

  it("clamp typed values into range, saying what changed", () => {
    expect(clampModelParams({ temperature: 0.7, topP: 0.9 })).toEqual({
      params: { temperature: 0.7, topP: 0.9 },
      notes: [],
    });
    expect(clampModelParams({ topP: 2, maxTokens: 10_000 })).toEqual({
      params: { topP: 1, maxTokens: 4096 },
      notes: [
        "max tokens 10000 is outside 1 to 4096 (a whole number); it was set to 4096",
        "top-p 2 is outside 0 to 1; it was set to 1",
      ],
    });
    expect(clampModelParams({ seed: 3.4 })).toEqual({
      params: { seed: 3 },
      notes: ["seed 3.4 is outside 0 to 2147483647 (a whole number); it was set to 3"],
    });
  });

  it("pick only finite numbers of the known parameters from untyped data", () => {
    expect(pickSamplingParams({ temperature: 0.1, seed: "7", topP: Infinity, other: 1 })).toEqual({ temperature: 0.1 });
    expect(pickSamplingParams(null)).toBeUndefined();
    expect(pickSamplingParams([1])).toBeUndefined();
  });
});
