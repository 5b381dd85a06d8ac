import { describe, expect, it } from "vitest";
import { describeRunStatus, type RunStatusFacts } from "./run-status";

const base: RunStatusFacts = {
  status: "idle",
  engine: "ready",
  elapsedMs: 0,
  tokens: { input: 0, output: 0, live: 0 },
};

describe("describeRunStatus", () => {
  it.each<[Partial<RunStatusFacts>, string]>([
    [{}, "Ready"],
    [{ engine: "warming" }, "Starting the engine…"],
    [{ engine: "failed", engineError: "no wasm" }, "Engine failed: no wasm"],
    [{ status: "running", elapsedMs: 1500, tokens: { input: 3, output: 2, live: 4 } }, "Running 1.50 s · 9 tokens"],
    [
      { status: "done", elapsedMs: 431, tokens: { input: 10, output: 5, live: 0 }, costUsd: 0 },
      "Done in 431 ms · 15 tokens · $0",
    ],
    [{ status: "done", elapsedMs: 20 }, "Done in 20 ms"],
    [{ status: "failed", elapsedMs: 12 }, "Failed after 12 ms"],
    [{ status: "cancelled", elapsedMs: 0.5 }, "Stopped after <1 ms"],
    // Once ended, the run's own time (the Result panel's "wall"), not the page's clock.
    [{ status: "done", elapsedMs: 431, runMs: 262 }, "Done in 262 ms"],
    [{ status: "failed", elapsedMs: 431, runMs: 262 }, "Failed after 262 ms"],
    [{ status: "running", elapsedMs: 431, runMs: 262 }, "Running 431 ms · 0 tokens"],
  ])("%j → %s", (facts, text) => {
    expect(describeRunStatus({ ...base, ...facts })).toBe(text);
  });
});
