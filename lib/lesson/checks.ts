/**
 * A lesson step's checks: what each kind asks of a run, as a zod schema (checks come in from lesson links, so
 * this is their boundary), and `evaluateCheck`, a pure function of a check and a run's outcome.
 */
import * as z from "zod";
import { SPELL_LANGUAGES, type SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { outputTextOf, spansOf, type RunOutcome, type Span } from "./outcome";
import { describeValue, findShapeMismatch, includesJson, jsonEquals } from "./shape";
import { stripComments } from "./source";

/** Longest text a check may hold (a needle, a pattern, a message, a hint). */
const MAX_CHECK_TEXT = 1000;
/** Longest regular expression; with the output cut to MAX_MATCHED_OUTPUT, a pattern cannot stall the page for long. */
const MAX_PATTERN_LENGTH = 200;
/** A regex check reads at most this much of the output. */
const MAX_MATCHED_OUTPUT = 64 * 1024;

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, `${what} is empty`)
    .max(MAX_CHECK_TEXT, `${what} is longer than ${MAX_CHECK_TEXT} characters`);

const common = {
  /** Shown when the check fails. */
  message: text("message"),
  /** Shown under the message when the check fails, for a student who is stuck. */
  hint: text("hint").optional(),
  /** Only for this language (a check on the source usually is). */
  language: z.enum(SPELL_LANGUAGES, { error: `language must be "lua" or "javascript"` }).optional(),
};

/** Every kind of check, in the order the authoring form offers them. */
export const CHECK_KINDS = [
  "output-contains",
  "output-matches",
  "value-equals",
  "value-shape",
  "tool-called",
  "agent-called",
  "workflow-succeeded",
  "run-failed",
  "source-contains",
  "source-avoids",
] as const;

const patternSchema = z
  .string({ error: "pattern must be text" })
  .min(1, "pattern is empty")
  .max(MAX_PATTERN_LENGTH, `pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
const flagsSchema = z
  .string()
  .regex(/^[imsu]*$/, "flags may only be i, m, s and u")
  .optional();
const countSchema = z.int({ error: "times must be a whole number" }).min(0, "times is negative").max(1000).optional();

export const checkSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("output-contains"), text: text("text"), ...common }).strict(),
      z.object({ kind: z.literal("output-matches"), pattern: patternSchema, flags: flagsSchema, ...common }).strict(),
      z.object({ kind: z.literal("value-equals"), value: z.json(), ...common }).strict(),
      z.object({ kind: z.literal("value-shape"), shape: z.json(), ...common }).strict(),
      z
        .object({
          kind: z.literal("tool-called"),
          tool: text("tool"),
          /** The call's params must hold at least these (objects compared by their listed keys). */
          params: z.record(z.string(), z.json()).optional(),
          /** Exactly this many matching calls; at least one when absent. */
          times: countSchema,
          ...common,
        })
        .strict(),
      z
        .object({
          kind: z.literal("agent-called"),
          /** The agent's name; any agent when absent. */
          agent: text("agent").optional(),
          times: countSchema,
          /** A model call of the agent was sent a system prompt holding this text. */
          systemPromptContains: text("systemPromptContains").optional(),
          ...common,
        })
        .strict(),
      z.object({ kind: z.literal("workflow-succeeded"), workflow: text("workflow").optional(), ...common }).strict(),
      z.object({ kind: z.literal("run-failed"), errorKind: text("errorKind").optional(), ...common }).strict(),
      z.object({ kind: z.literal("source-contains"), text: text("text"), ...common }).strict(),
      z.object({ kind: z.literal("source-avoids"), text: text("text"), ...common }).strict(),
    ],
    {
      error: (issue) => (issue.code === "invalid_union" ? `kind must be one of ${CHECK_KINDS.join(", ")}` : undefined),
    },
  )
  .superRefine((check, ctx) => {
    if (check.kind !== "output-matches") return;
    try {
      new RegExp(check.pattern, check.flags);
    } catch (e) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message: `pattern is not a valid regular expression (${(e as Error).message})`,
      });
    }
  });

export type Check = z.infer<typeof checkSchema>;
export type CheckKind = Check["kind"];
// Every kind of the schema is listed in CHECK_KINDS, and no other.
type _SameKinds = [CheckKind] extends [(typeof CHECK_KINDS)[number]]
  ? [(typeof CHECK_KINDS)[number]] extends [CheckKind]
    ? true
    : never
  : never;
const _kindsListed: _SameKinds = true;
void _kindsListed;

export interface CheckResult {
  check: Check;
  pass: boolean;
  /** What was seen, in a few words (for a failed check, why; for a passed one, what matched). */
  detail: string;
}

/** The checks of a step that apply to a language. */
function checksFor(checks: readonly Check[], language: SpellLanguage): Check[] {
  return checks.filter((c) => c.language === undefined || c.language === language);
}

/** Evaluate every check that applies to the outcome's language. */
export function evaluateChecks(checks: readonly Check[], outcome: RunOutcome): CheckResult[] {
  return checksFor(checks, outcome.language).map((c) => evaluateCheck(c, outcome));
}

export function evaluateCheck(check: Check, outcome: RunOutcome): CheckResult {
  const verdict = judge(check, outcome);
  return { check, pass: verdict.pass, detail: verdict.detail };
}

type Verdict = { pass: boolean; detail: string };
const pass = (detail: string): Verdict => ({ pass: true, detail });
const fail = (detail: string): Verdict => ({ pass: false, detail });

function judge(check: Check, outcome: RunOutcome): Verdict {
  // The switch covers every kind (a new kind without a case fails the type check at the end).
  const { result } = outcome;
  switch (check.kind) {
    case "output-contains": {
      const out = outputTextOf(outcome);
      return out.includes(check.text)
        ? pass(`the output contains ${JSON.stringify(check.text)}`)
        : fail(`the output was ${showOutput(out)}; it does not contain ${JSON.stringify(check.text)}`);
    }
    case "output-matches": {
      const out = outputTextOf(outcome).slice(0, MAX_MATCHED_OUTPUT);
      const m = new RegExp(check.pattern, check.flags).exec(out);
      return m
        ? pass(`the output matches: ${JSON.stringify(m[0].slice(0, 80))}`)
        : fail(`the output was ${showOutput(out)}; it does not match /${check.pattern}/${check.flags ?? ""}`);
    }
    case "value-equals": {
      if (!result.ok)
        return fail(`the run failed (${result.error.kind}: ${result.error.message}), so it returned nothing`);
      return jsonEquals(result.value, check.value as JsonValue)
        ? pass(`the spell returned ${describeValue(result.value)}`)
        : fail(`the spell returned ${describeValue(result.value)}, not ${describeValue(check.value as JsonValue)}`);
    }
    case "value-shape": {
      if (!result.ok)
        return fail(`the run failed (${result.error.kind}: ${result.error.message}), so it returned nothing`);
      const mismatch = findShapeMismatch(result.value, check.shape as JsonValue);
      return mismatch ? fail(mismatch) : pass(`the spell returned ${describeValue(result.value)}`);
    }
    case "tool-called":
      return judgeToolCalled(check, spansOf(outcome));
    case "agent-called":
      return judgeAgentCalled(check, spansOf(outcome));
    case "workflow-succeeded":
      return judgeWorkflow(check, spansOf(outcome));
    case "run-failed": {
      if (result.ok) return fail("the run succeeded");
      if (check.errorKind !== undefined && result.error.kind !== check.errorKind)
        return fail(
          `the run failed with a ${result.error.kind} error, not ${check.errorKind}: ${result.error.message}`,
        );
      return pass(`the run failed with a ${result.error.kind} error: ${result.error.message}`);
    }
    case "source-contains":
    case "source-avoids": {
      const code = stripComments(outcome.source, outcome.language);
      const found = code.includes(check.text);
      const wanted = check.kind === "source-contains";
      const says = found
        ? `the code uses ${JSON.stringify(check.text)}`
        : `the code does not use ${JSON.stringify(check.text)}`;
      return found === wanted ? pass(says) : fail(says);
    }
    default:
      return unreachable(check);
  }
}

function unreachable(check: never): never {
  throw new Error(`unknown check kind ${JSON.stringify((check as { kind?: unknown }).kind)}`);
}

function judgeToolCalled(check: Extract<Check, { kind: "tool-called" }>, spans: Span[]): Verdict {
  const byName = spans.filter((s) => s.kind === "tool" && s.name === check.tool);
  const matching = check.params ? byName.filter((s) => includesJson(s.input, check.params as JsonValue)) : byName;
  const n = matching.length;
  const called = check.params
    ? `the tool ${check.tool} was called ${times(n)} with params holding ${describeValue(check.params as JsonValue)}`
    : `the tool ${check.tool} was called ${times(n)}`;
  if (check.params && n === 0 && byName.length > 0)
    return fail(`${called}; its params were ${byName.map((s) => describeValue(s.input)).join(", ")}`);
  const ok = check.times === undefined ? n > 0 : n === check.times;
  return ok ? pass(called) : fail(check.times === undefined ? called : `${called}, expected ${times(check.times)}`);
}

function judgeAgentCalled(check: Extract<Check, { kind: "agent-called" }>, spans: Span[]): Verdict {
  const agents = spans.filter((s) => s.kind === "agent" && (check.agent === undefined || s.name === check.agent));
  const who = check.agent === undefined ? "an agent" : `the agent ${check.agent}`;
  const n = agents.length;
  if (check.times !== undefined && n !== check.times)
    return fail(`${who} was called ${times(n)}, expected ${times(check.times)}`);
  if (check.times === undefined && n === 0) return fail(`${who} was never called`);
  if (check.systemPromptContains !== undefined) {
    const ids = new Set(agents.map((a) => a.id));
    const prompts = spans
      .filter((s) => s.kind === "model" && s.parentId !== undefined && ids.has(s.parentId))
      .map((s) => systemPromptOf(s.input))
      .filter((p): p is string => p !== undefined);
    const needle = check.systemPromptContains;
    if (!prompts.some((p) => p.includes(needle)))
      return fail(
        prompts.length === 0
          ? `${who} made no model call with a system prompt`
          : `${who}'s system prompt ${describeValue(prompts[0])} does not contain ${JSON.stringify(needle)}`,
      );
  }
  return pass(`${who} was called ${times(n)}`);
}

/** The system message of a model span's input (`{ messages: [{ role, content }], tools }`). */
function systemPromptOf(input: JsonValue | undefined): string | undefined {
  if (!input || typeof input !== "object" || Array.isArray(input)) return undefined;
  const messages = input.messages;
  if (!Array.isArray(messages)) return undefined;
  for (const m of messages) {
    if (m && typeof m === "object" && !Array.isArray(m) && m.role === "system" && typeof m.content === "string")
      return m.content;
  }
  return undefined;
}

function judgeWorkflow(check: Extract<Check, { kind: "workflow-succeeded" }>, spans: Span[]): Verdict {
  const runs = spans.filter(
    (s) => s.kind === "workflow" && (check.workflow === undefined || s.name === check.workflow),
  );
  const which = check.workflow === undefined ? "a workflow" : `the workflow ${check.workflow}`;
  if (runs.length === 0) return fail(`${which} never ran`);
  const good = runs.find((s) => s.ended && !s.error && workflowSucceeded(s.output));
  if (good) return pass(`${which} ran and every step succeeded`);
  const last = runs[runs.length - 1];
  if (last.error) return fail(`${which} failed: ${last.error.message}`);
  if (!last.ended) return fail(`${which} did not finish`);
  const failed = failedSteps(last.output);
  return fail(`${which} ran, but ${failed === undefined ? "not every step succeeded" : `${failed} step(s) failed`}`);
}

function workflowSucceeded(output: JsonValue | undefined): boolean {
  if (!output || typeof output !== "object" || Array.isArray(output)) return false;
  return output.success === true && (failedSteps(output) ?? 0) === 0;
}

function failedSteps(output: JsonValue | undefined): number | undefined {
  if (!output || typeof output !== "object" || Array.isArray(output)) return undefined;
  const meta = output.metadata;
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) return undefined;
  const extra = meta.extra;
  if (!extra || typeof extra !== "object" || Array.isArray(extra)) return undefined;
  return typeof extra.failed_steps === "number" ? extra.failed_steps : undefined;
}

function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

function showOutput(out: string): string {
  if (out.trim() === "") return "empty";
  const flat = out.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 119)}…` : flat);
}
