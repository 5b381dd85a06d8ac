/**
 * "Use the last run": a check of a given kind with its expected values taken from a run's outcome, for the
 * authoring form. The teacher runs the solution, picks a kind, and gets a check that the solution passes.
 */
import type { JsonValue } from "@/lib/core/json";
import type { Check, CheckKind } from "./checks";
import { outputTextOf, spansOf, type RunOutcome } from "./outcome";

/** The shape of a value, in the words of `value-shape` (types for leaves, first item for arrays). */
export function shapeOf(value: JsonValue, depth = 0): JsonValue {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 || depth > 4 ? [] : [shapeOf(value[0], depth + 1)];
  if (typeof value === "object") {
    if (depth > 4) return "object";
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = shapeOf(v, depth + 1);
    return out;
  }
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The last non-empty line of the output (what a check most often wants), cut to 200 characters. */
function lastOutputLine(outcome: RunOutcome): string | undefined {
  const lines = outputTextOf(outcome)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1)?.slice(0, 200);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The fields of a check of `kind` that the run's outcome would pass (message and hint are the author's), or a
 * reason why the run has nothing for that kind.
 */
export function suggestCheck(kind: CheckKind, outcome: RunOutcome): Partial<Check> | { problem: string } {
  const { result } = outcome;
  const spans = spansOf(outcome);
  switch (kind) {
    case "output-contains":
    case "output-matches": {
      const line = lastOutputLine(outcome);
      if (!line) return { problem: "the last run printed nothing" };
      return kind === "output-contains" ? { kind, text: line } : { kind, pattern: escapeRegExp(line.slice(0, 100)) };
    }
    case "value-equals":
    case "value-shape":
      if (!result.ok) return { problem: "the last run failed, so it returned nothing" };
      return kind === "value-equals" ? { kind, value: result.value } : { kind, shape: shapeOf(result.value) };
    case "tool-called": {
      const tool = spans.find((s) => s.kind === "tool");
      if (!tool) return { problem: "the last run called no tool" };
      const params =
        tool.input && typeof tool.input === "object" && !Array.isArray(tool.input) ? tool.input : undefined;
      return { kind, tool: tool.name, ...(params ? { params } : {}) };
    }
    case "agent-called": {
      const agent = spans.find((s) => s.kind === "agent");
      if (!agent) return { problem: "the last run called no agent" };
      return {
        kind,
        agent: agent.name,
        times: spans.filter((s) => s.kind === "agent" && s.name === agent.name).length,
      };
    }
    case "workflow-succeeded": {
      const wf = spans.find((s) => s.kind === "workflow");
      if (!wf) return { problem: "the last run ran no workflow" };
      return { kind, workflow: wf.name };
    }
    case "run-failed":
      if (result.ok) return { problem: "the last run succeeded" };
      return { kind, errorKind: result.error.kind };
    case "source-contains":
    case "source-avoids":
      return { problem: "a source check names a call by hand" };
  }
}
