import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import { checkSchema, evaluateCheck, type CheckKind } from "./checks";
import type { RunOutcome } from "./outcome";
import { shapeOf, suggestCheck } from "./suggest";

const stats = { engine: "lua", durationMs: 1 };
const events: RunEvent[] = [
  { type: "log", level: "log", text: "first", t: 0 },
  { type: "trace", phase: "start", id: "w", kind: "workflow", name: "flow", t: 1 },
  { type: "trace", phase: "start", id: "a", kind: "agent", name: "helper", t: 1, parentId: "w" },
  {
    type: "trace",
    phase: "start",
    id: "t",
    kind: "tool",
    name: "calculator",
    t: 2,
    input: { input: "1+1" },
    parentId: "a",
  },
  { type: "trace", phase: "end", id: "t", t: 3, durationMs: 1 },
  { type: "trace", phase: "end", id: "a", t: 3, durationMs: 1 },
  {
    type: "trace",
    phase: "end",
    id: "w",
    t: 4,
    durationMs: 1,
    output: { success: true, metadata: { extra: { failed_steps: 0 } } },
  },
  { type: "log", level: "log", text: "total: 2 (ok?)", t: 5 },
];
const ok: RunOutcome = {
  language: "lua",
  source: "",
  events,
  result: { ok: true, value: { total: 2, ratio: 0.5, tags: ["a"], none: null }, logs: [], stats },
};

describe("suggestCheck", () => {
  const kinds: CheckKind[] = [
    "output-contains",
    "output-matches",
    "value-equals",
    "value-shape",
    "tool-called",
    "agent-called",
    "workflow-succeeded",
  ];

  it.each(kinds)("%s: the suggested check passes on the run it came from", (kind) => {
    const fields = suggestCheck(kind, ok);
    expect(fields).not.toHaveProperty("problem");
    const check = checkSchema.parse({ ...fields, message: "m" });
    expect(evaluateCheck(check, ok).pass).toBe(true);
  });

  it("takes the last output line, the value's shape, the first tool with its params", () => {
    expect(suggestCheck("output-contains", ok)).toEqual({ kind: "output-contains", text: "total: 2 (ok?)" });
    expect(suggestCheck("output-matches", ok)).toEqual({ kind: "output-matches", pattern: "total: 2 \\(ok\\?\\)" });
    expect(suggestCheck("tool-called", ok)).toEqual({
      kind: "tool-called",
      tool: "calculator",
      params: { input: "1+1" },
    });
    expect(suggestCheck("agent-called", ok)).toEqual({ kind: "agent-called", agent: "helper", times: 1 });
    expect(shapeOf({ total: 2, ratio: 0.5, tags: ["a"], none: null, deep: [[]] })).toEqual({
      total: "integer",
      ratio: "number",
      tags: ["string"],
      none: "null",
      deep: [[]],
    });
  });

  it("says when the run has nothing for a kind", () => {
    const failed: RunOutcome = {
      language: "lua",
      source: "",
      events: [],
      result: { ok: false, error: { kind: "timeout", message: "t" }, logs: [], stats },
    };
    expect(suggestCheck("output-contains", failed)).toEqual({ problem: "the last run printed nothing" });
    expect(suggestCheck("value-equals", failed)).toEqual({ problem: "the last run failed, so it returned nothing" });
    expect(suggestCheck("tool-called", failed)).toEqual({ problem: "the last run called no tool" });
    expect(suggestCheck("run-failed", failed)).toEqual({ kind: "run-failed", errorKind: "timeout" });
    expect(suggestCheck("run-failed", ok)).toEqual({ problem: "the last run succeeded" });
    expect(suggestCheck("source-avoids", ok)).toHaveProperty("problem");
  });
});
