/**
 * Two runs of one spell side by side: what each printed and returned, its tokens, cost and time, a word diff of
 * the two outputs, and the two traces aligned by step. Steps are the trace's spans in tree order, matched on
 * their kind and name (a model call matches a model call whatever the model), so a step one run has and the
 * other lacks shows as a gap rather than shifting every row after it. The diffs are the `diff` package's.
 */
import { diffArrays, diffWordsWithSpace, type ChangeObject } from "diff";
import type { ExecutionResult } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import type { TraceKind } from "@/lib/core/events";
import { consoleText, countTokens, totalCost, type RunView } from "./run-view";

/** One side of a comparison as it ran. */
export interface CompareSide {
  /** What this side ran with, e.g. `openai/gpt-4o-mini` or `mock/echo · ARGS {"n":2}`. */
  label: string;
  view: RunView;
  result: ExecutionResult | null;
}

export interface SideSummary {
  label: string;
  output: string;
  value?: JsonValue;
  error?: string;
  tokens: { input: number; output: number };
  costUsd?: number;
  durationMs?: number;
}

export interface TraceStep {
  depth: number;
  kind: TraceKind;
  name: string;
  model?: string;
  tokens?: { input: number; output: number };
  durationMs?: number;
}

/** One row of the aligned traces: a step both runs took, or one only the left or the right run took. */
export interface AlignedStep {
  left?: TraceStep;
  right?: TraceStep;
}

export interface Comparison {
  sides: [SideSummary, SideSummary];
  /** Word diff from the left output to the right one. */
  outputDiff: ChangeObject<string>[];
  steps: AlignedStep[];
}

function summarizeSide(side: CompareSide): SideSummary {
  const { view, result } = side;
  const tokens = countTokens(view);
  const summary: SideSummary = {
    label: side.label,
    output: consoleText(view.lines.filter((l) => l.kind !== "error")),
    tokens: { input: tokens.input, output: tokens.output },
  };
  const cost = totalCost(view);
  if (cost !== undefined) summary.costUsd = cost;
  if (result) {
    summary.durationMs = result.stats.durationMs;
    if (result.ok) summary.value = result.value;
    else summary.error = `${result.error.kind}: ${result.error.message}`;
  }
  return summary;
}

/** The trace's spans in tree order (each parent before its children, siblings in start order). */
function traceSteps(view: RunView): TraceStep[] {
  const steps: TraceStep[] = [];
  const visit = (id: string, depth: number) => {
    const n = view.nodes[id];
    if (!n) return;
    const step: TraceStep = { depth, kind: n.kind, name: n.name };
    if (n.model) step.model = n.model;
    if (n.tokens) step.tokens = n.tokens;
    if (n.durationMs !== undefined) step.durationMs = n.durationMs;
    steps.push(step);
    const children = [...n.children].sort((a, b) => (view.nodes[a]?.start ?? 0) - (view.nodes[b]?.start ?? 0));
    for (const c of children) visit(c, depth + 1);
  };
  for (const root of view.roots) visit(root, 0);
  return steps;
}

/** What makes two steps the same step: kind, depth and name (any model call is a model call). */
const stepKey = (s: TraceStep) => `${s.depth}:${s.kind}:${s.kind === "model" ? "" : s.name}`;

export function alignSteps(left: TraceStep[], right: TraceStep[]): AlignedStep[] {
  const rows: AlignedStep[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(left.map(stepKey), right.map(stepKey))) {
    for (let k = 0; k < part.value.length; k++) {
      if (part.added) rows.push({ right: right[j++] });
      else if (part.removed) rows.push({ left: left[i++] });
      else rows.push({ left: left[i++], right: right[j++] });
    }
  }
  return rows;
}

export function compareSides(left: CompareSide, right: CompareSide): Comparison {
  const sides: [SideSummary, SideSummary] = [summarizeSide(left), summarizeSide(right)];
  return {
    sides,
    outputDiff: diffWordsWithSpace(sides[0].output, sides[1].output),
    steps: alignSteps(traceSteps(left.view), traceSteps(right.view)),
  };
}
