import { describe, expect, it } from "vitest";
import { GATEWAY_CAPS } from "./caps";
import {
  SAMPLING_PARAM_BOUNDS,
  clampModelParams,
  describeModelParams,
  pickSamplingParams,
  samplingParamsSchema,
} from "./model-params";

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

  it("name the parameter and its range when a value is refused", () => {
    const messageOf = (value: unknown) => samplingParamsSchema.safeParse(value).error?.issues[0]?.message;
    expect(messageOf({ temperature: 2.5 })).toBe("temperature must be a number from 0 to 2");
    expect(messageOf({ temperature: "hot" })).toBe("temperature must be a number from 0 to 2");
    expect(messageOf({ maxTokens: 2.5 })).toBe("max tokens must be a whole number from 1 to 4096");
    expect(messageOf({ seed: 2 ** 31 })).toBe("seed must be a whole number from 0 to 2147483647");
  });

  it("describe what is set, in their usual order", () => {
    expect(describeModelParams({ seed: 7, temperature: 0.2 })).toBe("temperature 0.2, seed 7");
    expect(describeModelParams({ maxTokens: 100, topP: 0.9 })).toBe("max tokens 100, top-p 0.9");
    expect(describeModelParams({})).toBe("");
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
