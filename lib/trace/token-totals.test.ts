import { describe, expect, it } from "vitest";
import { tokenTotals, type TokenNode } from "./token-totals";

describe("tokenTotals", () => {
  it("gives an agent the sum of its model calls' reported usage and cost", () => {
    const nodes: Record<string, TokenNode> = {
      agent: { children: ["m1", "tool", "m2"] },
      m1: { children: [], tokens: { input: 40, output: 13 }, costUsd: 0.001, output: { usage: "reported" } },
      tool: { children: [] },
      m2: { children: [], tokens: { input: 60, output: 7 }, costUsd: 0.002, output: { usage: "reported" } },
    };
    const totals = tokenTotals(nodes);
    expect(totals.get("agent")).toEqual({ input: 100, output: 20, estimated: false, summed: true, costUsd: 0.003 });
    expect(totals.get("m1")).toMatchObject({ input: 40, output: 13, summed: false });
    expect(totals.get("tool")).toBeUndefined();
  });

  it("marks a total estimated when any call under it estimated its usage, and drops an unknown cost", () => {
    const nodes: Record<string, TokenNode> = {
      wf: { children: ["step"] },
      step: { children: ["a", "b"] },
      a: { children: [], tokens: { input: 1, output: 2 }, costUsd: 0.5, output: { usage: "reported" } },
      b: { children: [], tokens: { input: 3, output: 4 }, output: { usage: "estimated" } },
    };
    const wf = tokenTotals(nodes).get("wf");
    expect(wf).toEqual({ input: 4, output: 6, estimated: true, summed: true });
  });

  it("keeps a call's own usage even when calls under it report too (no double count)", () => {
    const nodes: Record<string, TokenNode> = {
      r: { children: ["e"], tokens: { input: 7, output: 0 } },
      e: { children: [], tokens: { input: 7, output: 0 } },
    };
    expect(tokenTotals(nodes).get("r")).toMatchObject({ input: 7, output: 0, summed: false });
  });
});
