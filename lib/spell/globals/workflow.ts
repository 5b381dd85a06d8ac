/**
 * Workflow: sequential, parallel (really concurrent, up to max_concurrency), conditional (on shared data)
 * and loop (range or collection) workflows of tool, agent and nested-workflow steps, with error strategies,
 * timeouts, placeholder interpolation, hooks and trace spans. The result has rs-llmspell's shape:
 * `{text, metadata = {execution_time_ms, extra = {workflow_type, total_steps, ..., step_outputs, agent_outputs}}}`.
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import { type HandleRef, type HostValue } from "@/lib/core/engine";
import { setOwnValue, type JsonValue } from "@/lib/core/json";
import { deadlineSignal, raceSignal } from "../core/budget";
import type { SpellContext } from "../core/context";
import { handleOf, nonEmptyStr, nonNegInt, posInt, str } from "../core/validate";
import {
  errorMessage,
  formatPathKey,
  isPlainObject,
  randomUuid,
  shortHex,
  textOf,
  toJson,
  type JsonObject,
} from "../core/values";
import type { AgentInstance, AgentRunner } from "./agent";
import { inputText, interpolate, type InterpolationScope } from "./interpolate";
import type { GlobalModule } from "./module";

const WORKFLOW_TYPES = ["sequential", "parallel", "conditional", "loop"] as const;
type WorkflowType = (typeof WORKFLOW_TYPES)[number];
/** Hard cap on loop iterations, whatever the range says. */
export const MAX_LOOP_ITERATIONS = 10_000;
/** Attempts and backoff of the "retry" error strategy. */
const RETRY_ATTEMPTS = 3;
const RETRY_BACKOFF_MS = 100;
const DEFAULT_MAX_CONCURRENCY = 8;

const stepSchema = z.looseObject({
  name: nonEmptyStr,
  type: z.enum(["tool", "agent", "workflow"]),
  tool: z.string().min(1).optional(),
  agent: z.union([nonEmptyStr, handleOf("Agent")]).optional(),
  workflow: handleOf("Workflow").optional(),
  input: z.unknown().optional(),
  timeout_ms: posInt.optional(),
  retry_count: nonNegInt.optional(),
});

interface Step {
  name: string;
  type: "tool" | "agent" | "workflow";
  tool?: string;
  agent?: string | HandleRef;
  workflow?: HandleRef;
  input?: JsonValue;
  timeoutMs?: number;
  retryCount?: number;
}

const conditionSchema = z.looseObject({
  type: z.enum(["shared_data_equals", "shared_data_exists", "always", "never"]),
  key: z.string().optional(),
  value: z.unknown().optional(),
});
type Condition = z.output<typeof conditionSchema>;

interface WorkflowConfig {
  name: string;
  description: string;
  type?: WorkflowType;
  steps: Step[];
  thenSteps: Step[];
  elseSteps: Step[];
  condition?: Condition;
  errorStrategy: "fail_fast" | "continue" | "retry";
  timeoutMs?: number;
  maxConcurrency?: number;
  range?: { start: number; end: number; step: number };
  collection?: JsonValue[];
  maxIterations?: number;
}

interface WorkflowInstance {
  id: string;
  config: WorkflowConfig;
  shared: Map<string, JsonValue>;
  last?: { executionId: string; outputs: Map<string, JsonValue> };
}

interface RunState {
  scope: InterpolationScope;
  stepOutputs: JsonObject;
  agentOutputs: JsonObject;
  errors: JsonObject;
  successful: number;
  failed: number;
  skipped: number;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
}

export function createWorkflowModule(ctx: SpellContext, agents: AgentRunner): GlobalModule {
  const { check, handles } = ctx;
  const instances = new Map<string, WorkflowInstance>();
  const running = new Set<string>();

  /** `path` names the step in conversion errors: `step` (add_step) or `steps[2]` (the table form). */
  const parseStep = (where: string, raw: unknown, path = "step"): Step => {
    if (isPlainObject(raw) && raw.type === "template")
      throw new SpellError(
        "unsupported_feature",
        `${where}: template steps need rs-llmspell's templates, which the playground does not have`,
      );
    if (isPlainObject(raw) && typeof raw.type === "string" && !["tool", "agent", "workflow"].includes(raw.type))
      throw new SpellError("type", `${where}: Unknown step type '${raw.type}' (use "tool", "agent" or "workflow")`);
    const s = check(where, "step", stepSchema, raw);
    if (s.type === "tool" && !s.tool)
      throw new SpellError("type", `${where}: tool step '${s.name}' needs tool = "<tool name>"`);
    if (s.type === "agent" && !s.agent)
      throw new SpellError("type", `${where}: agent step '${s.name}' needs agent = "<agent name>" or an agent`);
    if (s.type === "workflow" && !s.workflow)
      throw new SpellError("type", `${where}: workflow step '${s.name}' needs workflow = <a built workflow>`);
    return {
      name: s.name,
      type: s.type,
      tool: s.tool,
      agent: s.agent,
      workflow: s.workflow,
      input: s.input === undefined ? undefined : ctx.jsonArg(s.input, where, `${path}.input`, "used as a step input"),
      timeoutMs: s.timeout_ms,
      retryCount: s.retry_count,
    };
  };

  /** A condition; its `value` is compared with shared data, so it must be JSON. */
  const conditionOf = (where: string, raw: unknown, name?: string, path = "value"): Condition => {
    const c = check(where, name, conditionSchema, raw);
    if (c.value === undefined) return c;
    return { ...c, value: ctx.jsonArg(c.value, where, path, "compared with shared data") };
  };

  // ------------------------------------------------------------------ execution
  async function runStepBody(
    wf: WorkflowInstance,
    step: Step,
    input: JsonValue | undefined,
    st: RunState,
    parentId: string,
    signal: AbortSignal,
  ) {
    if (step.type === "tool") {
      const params = input === undefined || input === null ? {} : input;
      if (!isPlainObject(params))
        throw new SpellError("type", `step '${step.name}': a tool step's input must be a table of parameters`);
      const spec = ctx.tools.spec(step.tool!);
      const value = await ctx.tools.execute(
        step.tool!,
        spec ? coerceToSchema(params as JsonObject, spec.parameters) : params,
        parentId,
        signal,
      );
      if (isPlainObject(value) && value.success === false) {
        const err =
          isPlainObject(value.error) && typeof value.error.message === "string"
            ? value.error.message
            : "the tool reported success = false";
        throw new SpellError("tool", `tool '${step.tool}' failed: ${err}`);
      }
      return { value, text: textOf(value) };
    }
    if (step.type === "agent") {
      const name = typeof step.agent === "string" ? step.agent : undefined;
      const agent: AgentInstance | undefined = name
        ? agents.find(name)
        : handles.tryGet<AgentInstance>(step.agent, "Agent");
      if (!agent)
        throw new SpellError(
          "not_found",
          `step '${step.name}': no agent named '${name}' (build it before running the workflow)`,
        );
      let text: string;
      if (typeof input === "string") text = input;
      else if (isPlainObject(input) && typeof input.text === "string") text = input.text;
      else text = inputText(st.scope.input);
      if (!text.trim()) throw new SpellError("api", `step '${step.name}': Agent input cannot be empty`);
      const result = await agents.execute(agent, { text }, { parentId, signal });
      st.agentOutputs[agent.config.name] = typeof result.text === "string" ? result.text : "";
      return { value: result as JsonValue, text: typeof result.text === "string" ? result.text : textOf(result) };
    }
    const nested = handles.get<WorkflowInstance>(step.workflow!, "Workflow", `step '${step.name}'`);
    const result = await executeWorkflow(nested, input === undefined ? st.scope.input : input, parentId, signal);
    return { value: result as JsonValue, text: textOf(result) };
  }

  async function runStep(
    wf: WorkflowInstance,
    step: Step,
    st: RunState,
    parentId: string,
    signal: AbortSignal,
    extra: JsonObject = {},
  ) {
    const component = { type: "workflow", name: wf.config.name };
    await ctx.tracer
      .run(
        "step",
        step.name,
        { parentId, input: { type: step.type, ...(step.tool ? { tool: step.tool } : {}), ...extra } },
        async (span) => {
          if (signal.aborted) throw signalError(signal);
          let input = step.input === undefined ? undefined : interpolate(step.input, st.scope);
          const before = await ctx.hooks.run(
            "BeforeWorkflowStage",
            component,
            { step: step.name, step_type: step.type, input: input ?? null, ...extra },
            span.id,
          );
          if (before.action === "skip") {
            st.skipped++;
            return { skipped: true };
          }
          if ("input" in before.data) input = before.data.input;
          const attempts =
            wf.config.errorStrategy === "retry"
              ? Math.max(RETRY_ATTEMPTS, (step.retryCount ?? 0) + 1)
              : (step.retryCount ?? 0) + 1;
          let out: { value: JsonValue; text: string } | undefined;
          for (let attempt = 1; ; attempt++) {
            const d = deadlineSignal(signal, step.timeoutMs);
            try {
              out = await raceSignal(runStepBody(wf, step, input, st, span.id, d.signal), d.signal, () =>
                d.timedOut()
                  ? new SpellError("timeout", `step '${step.name}' timed out after ${step.timeoutMs} ms`)
                  : signalError(signal),
              );
              break;
            } catch (e) {
              if (attempt >= attempts || signal.aborted) throw e;
              await new Promise((r) => setTimeout(r, RETRY_BACKOFF_MS * attempt));
            } finally {
              d.dispose();
            }
          }
          const after = await ctx.hooks.run(
            "AfterWorkflowStage",
            component,
            { step: step.name, output: out.value, ...extra },
            span.id,
          );
          const value = "output" in after.data ? after.data.output : out.value;
          const text = value === out.value ? out.text : textOf(value);
          st.scope.steps.set(step.name, { value, text });
          st.stepOutputs[step.name] = step.type === "agent" ? text : value;
          st.successful++;
          return value;
        },
        (v) => v as JsonValue,
      )
      .catch((e: unknown) => {
        st.failed++;
        st.errors[step.name] = errorMessage(e);
        throw e;
      });
  }

  function signalError(signal: AbortSignal): SpellError {
    const r: unknown = signal.reason;
    if (r instanceof SpellError) return r;
    return new SpellError("cancelled", "the run was cancelled");
  }

  /** Run steps in order; with "continue" a failed step is recorded and the next one runs. */
  async function runSequence(
    wf: WorkflowInstance,
    steps: Step[],
    st: RunState,
    parentId: string,
    signal: AbortSignal,
    extra?: JsonObject,
  ) {
    for (const step of steps) {
      try {
        await runStep(wf, step, st, parentId, signal, extra);
      } catch (e) {
        if (wf.config.errorStrategy === "continue" && !signal.aborted) continue;
        throw failedStep(step, e);
      }
    }
  }

  function failedStep(step: Step, e: unknown): SpellError {
    if (e instanceof SpellError && (e.kind === "cancelled" || e.message.startsWith("Step '"))) return e;
    const kind = e instanceof SpellError ? e.kind : "runtime";
    return new SpellError(kind, `Step '${step.name}' failed: ${errorMessage(e)}`);
  }

  async function runParallel(
    wf: WorkflowInstance,
    st: RunState,
    parentId: string,
    signal: AbortSignal,
  ): Promise<JsonObject> {
    const steps = wf.config.steps;
    const limit = Math.max(1, Math.min(wf.config.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, steps.length || 1));
    const failFast = wf.config.errorStrategy !== "continue";
    const stopper = new AbortController();
    const onAbort = () => stopper.abort(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    let next = 0;
    let firstError: unknown;
    const worker = async () => {
      while (next < steps.length && !stopper.signal.aborted) {
        const step = steps[next++];
        try {
          await runStep(wf, step, st, parentId, stopper.signal);
        } catch (e) {
          if (failFast && firstError === undefined) {
            firstError = failedStep(step, e);
            stopper.abort(new SpellError("cancelled", `stopped because step '${step.name}' failed`));
          }
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: limit }, worker));
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
    if (signal.aborted) throw signalError(signal);
    if (firstError !== undefined) throw firstError;
    return {
      branch_count: steps.length,
      total_branches: steps.length,
      successful_branches: st.successful,
      failed_branches: st.failed,
      max_concurrency: limit,
      fail_fast: failFast,
      stopped_early: false,
    };
  }

  function evaluateCondition(wf: WorkflowInstance): boolean {
    const c = wf.config.condition ?? { type: "always" };
    switch (c.type) {
      case "always":
        return true;
      case "never":
        return false;
      case "shared_data_exists":
        return wf.shared.has(c.key ?? "");
      case "shared_data_equals":
        return wf.shared.has(c.key ?? "") && deepEqual(wf.shared.get(c.key ?? ""), c.value);
    }
  }

  async function runLoop(
    wf: WorkflowInstance,
    st: RunState,
    parentId: string,
    signal: AbortSignal,
  ): Promise<JsonObject> {
    const c = wf.config;
    let values: JsonValue[];
    let iteratorType: string;
    if (c.collection) {
      values = c.collection;
      iteratorType = "collection";
    } else if (c.range) {
      const { start, end, step } = c.range;
      values = [];
      for (let v = start; step > 0 ? v < end : v > end; v += step) {
        values.push(v);
        if (values.length > MAX_LOOP_ITERATIONS) break;
      }
      iteratorType = "range";
    } else {
      values = Array.from({ length: c.maxIterations ?? 0 }, (_, i) => i + 1);
      iteratorType = "count";
    }
    const cap = Math.min(c.maxIterations ?? MAX_LOOP_ITERATIONS, MAX_LOOP_ITERATIONS);
    const truncated = values.length > cap;
    if (truncated) values = values.slice(0, cap);
    const iterations: JsonValue[] = [];
    let completed = 0;
    for (let i = 0; i < values.length; i++) {
      if (signal.aborted) throw signalError(signal);
      const loopIndex = i + 1;
      wf.shared.set("loop_index", loopIndex);
      wf.shared.set("loop_value", values[i]);
      wf.shared.set("iteration", loopIndex);
      st.scope.loopIndex = loopIndex;
      st.scope.loopValue = values[i];
      await runSequence(wf, c.steps, st, parentId, signal, { loop_index: loopIndex, loop_value: values[i] });
      const outputs: JsonObject = {};
      for (const s of c.steps) if (st.scope.steps.has(s.name)) outputs[s.name] = st.stepOutputs[s.name];
      iterations.push({ index: loopIndex, value: values[i], outputs });
      completed++;
    }
    return {
      iterator_type: iteratorType,
      total_iterations: values.length,
      completed_iterations: completed,
      break_reason: truncated ? "max_iterations" : "completed",
      ...(c.range ? { range_start: c.range.start, range_end: c.range.end, range_step: c.range.step } : {}),
      ...(c.collection ? { collection_size: c.collection.length } : {}),
      ...(c.maxIterations !== undefined ? { max_iterations: c.maxIterations } : {}),
      aggregated_results_count: iterations.length,
      iterations,
    };
  }

  async function executeWorkflow(
    wf: WorkflowInstance,
    rawInput: JsonValue,
    parentId?: string,
    outerSignal?: AbortSignal,
  ): Promise<JsonObject> {
    ctx.throwIfAborted();
    const c = wf.config;
    const type = c.type!;
    if (running.has(wf.id))
      throw new SpellError(
        "api",
        `workflow '${c.name}' contains itself (a workflow step runs the workflow that is already running)`,
      );
    running.add(wf.id);
    const executionId = `exec_${randomUuid(ctx.random)}`;
    const component = { type: "workflow", name: c.name };
    try {
      return await ctx.tracer.run(
        "workflow",
        c.name,
        { parentId, input: { type, input: rawInput } },
        async (span) => {
          const started = ctx.runtime.now();
          const before = await ctx.hooks.run(
            "BeforeWorkflowStart",
            component,
            { workflow: c.name, workflow_type: type, input: rawInput },
            span.id,
          );
          if (before.action === "skip")
            return {
              text: `${capital(type)} workflow '${c.name}' was skipped by a hook`,
              skipped: true,
              metadata: { execution_time_ms: 0, extra: { workflow_type: type, workflow_name: c.name } },
            } as JsonObject;
          const input = "input" in before.data ? before.data.input : rawInput;
          const st: RunState = {
            scope: { input, steps: new Map(), shared: wf.shared },
            stepOutputs: {},
            agentOutputs: {},
            errors: {},
            successful: 0,
            failed: 0,
            skipped: 0,
          };
          const d = deadlineSignal(outerSignal ?? ctx.runtime.signal, c.timeoutMs);
          let typeExtra: JsonObject = {};
          let totalSteps = c.steps.length;
          try {
            const body = async () => {
              if (type === "sequential") await runSequence(wf, c.steps, st, span.id, d.signal);
              else if (type === "parallel") typeExtra = await runParallel(wf, st, span.id, d.signal);
              else if (type === "conditional") {
                const matched = evaluateCondition(wf);
                const branch = matched ? c.thenSteps : c.elseSteps;
                totalSteps = branch.length;
                typeExtra = {
                  matched_branch: matched ? "then" : "else",
                  condition_result: matched,
                  executed_branches: branch.length > 0 ? 1 : 0,
                  total_branches: 2,
                };
                await runSequence(wf, branch, st, span.id, d.signal);
              } else {
                typeExtra = await runLoop(wf, st, span.id, d.signal);
                totalSteps = st.successful + st.failed + st.skipped;
              }
            };
            await raceSignal(body(), d.signal, () =>
              d.timedOut()
                ? new SpellError("timeout", `workflow '${c.name}' timed out after ${c.timeoutMs} ms`)
                : signalError(d.signal),
            );
          } catch (e) {
            const err = e instanceof SpellError ? e : new SpellError("runtime", errorMessage(e));
            if (err.kind !== "cancelled")
              await ctx.hooks.run(
                "WorkflowError",
                component,
                { workflow: c.name, error: { kind: err.kind, message: err.message } },
                span.id,
              );
            throw err;
          } finally {
            d.dispose();
          }
          const ms = Math.round(ctx.runtime.now() - started);
          const ok = st.failed === 0;
          const executed = st.successful + st.failed;
          const text = ok
            ? `${capital(type)} workflow '${c.name}' completed successfully. ${executed} steps executed. Duration: ${ms}ms`
            : `${capital(type)} workflow '${c.name}' completed with ${st.failed} failed of ${executed} steps. Duration: ${ms}ms`;
          wf.last = { executionId, outputs: new Map(Object.entries(st.stepOutputs)) };
          let result: JsonObject = {
            text,
            success: ok,
            metadata: {
              execution_time_ms: ms,
              extra: {
                workflow_type: type,
                workflow_name: c.name,
                execution_id: executionId,
                total_steps: totalSteps,
                successful_steps: st.successful,
                failed_steps: st.failed,
                skipped_steps: st.skipped,
                success_rate: executed === 0 ? 1 : st.successful / executed,
                step_outputs: st.stepOutputs,
                agent_outputs: st.agentOutputs,
                ...(st.failed > 0 ? { errors: st.errors } : {}),
                ...typeExtra,
              },
            },
          };
          const after = await ctx.hooks.run("AfterWorkflowComplete", component, { workflow: c.name, result }, span.id);
          if (isPlainObject(after.data.result)) result = after.data.result as JsonObject;
          return result;
        },
        (r) => ({ text: r.text ?? null, success: r.success ?? null }),
      );
    } finally {
      running.delete(wf.id);
    }
  }

  // ------------------------------------------------------------------ builder
  const WB = "WorkflowBuilder";
  const bOf = (self: HandleRef, m: string) =>
    handles.get<{ cfg: WorkflowConfig }>(self, WB, `Workflow.builder():${m}`).cfg;
  const setter =
    <S extends z.ZodType>(m: string, schema: S, apply: (cfg: WorkflowConfig, v: z.output<S>) => void) =>
    (self: HandleRef, [v]: HostValue[]) => {
      const cfg = bOf(self, m);
      apply(cfg, check(`Workflow.builder():${m}`, undefined, schema, v));
      return self;
    };
  const typeSetter =
    (t: WorkflowType, m: string = t) =>
    (self: HandleRef) => {
      bOf(self, m).type = t;
      return self;
    };
  const stepAdder =
    (m: string, pick: (c: WorkflowConfig) => Step[]) =>
    (self: HandleRef, [raw]: HostValue[]) => {
      const cfg = bOf(self, m);
      pick(cfg).push(parseStep(`Workflow.builder():${m}`, raw));
      return self;
    };

  const build = (cfg: WorkflowConfig, where: string): HandleRef => {
    if (!cfg.type)
      throw new SpellError(
        "api",
        `${where}: Workflow type not specified (call :sequential(), :parallel(), :conditional() or :loop())`,
      );
    const all = [...cfg.steps, ...cfg.thenSteps, ...cfg.elseSteps];
    const names = new Set<string>();
    for (const s of all) {
      if (names.has(s.name) && cfg.type !== "conditional")
        throw new SpellError("api", `${where}: two steps are named '${s.name}'; step names must be unique`);
      names.add(s.name);
    }
    if (cfg.type === "conditional" && cfg.thenSteps.length + cfg.elseSteps.length === 0 && cfg.steps.length > 0) {
      // rs-llmspell ignores add_step in a conditional workflow; we run them as the then-branch instead of dropping them.
      cfg.thenSteps = [...cfg.steps];
    }
    const wf: WorkflowInstance = {
      id: `workflow_${randomUuid(ctx.random)}`,
      config: structuredClone({ ...cfg, steps: [], thenSteps: [], elseSteps: [] }),
      shared: new Map(),
    };
    wf.config.steps = [...cfg.steps];
    wf.config.thenSteps = [...cfg.thenSteps];
    wf.config.elseSteps = [...cfg.elseSteps];
    instances.set(wf.id, wf);
    return handles.create("Workflow", wf, { id: wf.id, name: cfg.name, type: cfg.type });
  };

  const newConfig = (): WorkflowConfig => ({
    name: `workflow_${shortHex(ctx.random)}`,
    description: "",
    steps: [],
    thenSteps: [],
    elseSteps: [],
    errorStrategy: "fail_fast",
  });

  const rangeSchema = z.looseObject({
    start: z.number().optional(),
    end: z.number(),
    step: z
      .number()
      .refine((n) => n !== 0, { message: "non-zero step" })
      .optional(),
  });

  // ------------------------------------------------------------------ table-style constructors
  const fromTable =
    (type: WorkflowType) =>
    ([raw]: HostValue[]) => {
      const where = `Workflow.${type}`;
      const t = check(
        where,
        "config",
        z.looseObject({ name: nonEmptyStr, description: z.string().optional() }),
        raw,
      ) as Record<string, unknown>;
      const cfg = newConfig();
      cfg.type = type;
      cfg.name = t.name as string;
      if (typeof t.description === "string") cfg.description = t.description;
      if (t.error_strategy !== undefined)
        cfg.errorStrategy = check(
          where,
          "config.error_strategy",
          z.enum(["fail_fast", "continue", "retry"]),
          t.error_strategy,
        );
      if (t.timeout_ms !== undefined) cfg.timeoutMs = check(where, "config.timeout_ms", posInt, t.timeout_ms);
      if (t.max_concurrency !== undefined)
        cfg.maxConcurrency = check(where, "config.max_concurrency", posInt, t.max_concurrency);
      const item = (i: number) => formatPathKey(i, ctx.dialect);
      /** `path` is the list as the spell wrote it (`steps`, `branches[1].steps`), for conversion errors. */
      const stepsOf = (v: unknown, name: string, path: string) =>
        check(where, name, z.array(z.unknown()), v).map((s, i) => parseStep(where, s, `${path}${item(i)}`));
      if (type === "parallel" && Array.isArray(t.branches)) {
        t.branches.forEach((b, i) =>
          cfg.steps.push(
            ...stepsOf(isPlainObject(b) ? b.steps : undefined, "config.branches[].steps", `branches${item(i)}.steps`),
          ),
        );
      } else if (type === "loop") {
        cfg.steps = stepsOf(
          t.body ?? t.steps,
          "config.body",
          t.body !== undefined && t.body !== null ? "body" : "steps",
        );
        const it = isPlainObject(t.iterator) ? t.iterator : {};
        if (it.range !== undefined) {
          const r = check(where, "config.iterator.range", rangeSchema, it.range);
          cfg.range = { start: r.start ?? 1, end: r.end, step: r.step ?? 1 };
        }
        if (it.collection !== undefined)
          cfg.collection = ctx.jsonArg(
            check(where, "config.iterator.collection", z.array(z.unknown()), it.collection),
            where,
            "iterator.collection",
            "a loop value",
          ) as JsonValue[];
        const mi = it.max_iterations ?? t.max_iterations;
        if (mi !== undefined) cfg.maxIterations = check(where, "config.max_iterations", nonNegInt, mi);
      } else if (type === "conditional") {
        if (t.condition !== undefined)
          cfg.condition = conditionOf(where, t.condition, "config.condition", "condition.value");
        cfg.thenSteps =
          t.then_steps !== undefined
            ? stepsOf(t.then_steps, "config.then_steps", "then_steps")
            : t.steps !== undefined
              ? stepsOf(t.steps, "config.steps", "steps")
              : [];
        if (Array.isArray(t.branches) && cfg.thenSteps.length === 0) {
          const first = t.branches[0];
          cfg.thenSteps = stepsOf(
            isPlainObject(first) ? first.steps : [],
            "config.branches[1].steps",
            `branches${item(0)}.steps`,
          );
        }
        if (t.else_steps !== undefined) cfg.elseSteps = stepsOf(t.else_steps, "config.else_steps", "else_steps");
      } else {
        cfg.steps = stepsOf(t.steps, "config.steps", "steps");
      }
      return build(cfg, where);
    };

  const wfOf = (self: HandleRef, m: string) => handles.get<WorkflowInstance>(self, "Workflow", `workflow:${m}`);
  const needRun = (wf: WorkflowInstance, m: string) => {
    if (!wf.last) throw new SpellError("api", `workflow:${m}: No workflow execution found. Run execute() first.`);
    return wf.last;
  };

  return {
    name: "Workflow",
    classes: {
      [WB]: {
        methods: {
          name: setter("name", nonEmptyStr, (c, v) => (c.name = v)),
          description: setter("description", str, (c, v) => (c.description = v)),
          sequential: typeSetter("sequential"),
          parallel: typeSetter("parallel"),
          conditional: typeSetter("conditional"),
          loop: typeSetter("loop"),
          loop_workflow: typeSetter("loop", "loop_workflow"),
          add_step: stepAdder("add_step", (c) => c.steps),
          add_then_step: stepAdder("add_then_step", (c) => c.thenSteps),
          add_else_step: stepAdder("add_else_step", (c) => c.elseSteps),
          add_template_step: () => {
            throw new SpellError(
              "unsupported_feature",
              "Workflow.builder():add_template_step: rs-llmspell templates are not available in the playground",
            );
          },
          condition: (self, [v]) => {
            bOf(self, "condition").condition = conditionOf("Workflow.builder():condition", v);
            return self;
          },
          error_strategy: setter(
            "error_strategy",
            z.enum(["fail_fast", "continue", "retry"]),
            (c, v) => (c.errorStrategy = v),
          ),
          timeout_ms: setter("timeout_ms", posInt, (c, v) => (c.timeoutMs = v)),
          max_concurrency: setter("max_concurrency", posInt, (c, v) => (c.maxConcurrency = v)),
          with_range: setter(
            "with_range",
            rangeSchema,
            (c, v) => (c.range = { start: v.start ?? 1, end: v.end, step: v.step ?? 1 }),
          ),
          with_collection: setter(
            "with_collection",
            z.array(z.unknown()),
            (c, v) =>
              (c.collection = ctx.jsonArg(
                v,
                "Workflow.builder():with_collection",
                "collection",
                "a loop value",
              ) as JsonValue[]),
          ),
          max_iterations: setter("max_iterations", nonNegInt, (c, v) => (c.maxIterations = v)),
          build: (self) => build(bOf(self, "build"), "Workflow.builder():build"),
        },
      },
      Workflow: {
        methods: {
          execute: (self, [input]) =>
            executeWorkflow(
              wfOf(self, "execute"),
              ctx.jsonArg(input ?? {}, "workflow:execute", "input", "used as workflow input"),
              ctx.ambientParent(),
            ),
          get_info: (self) => {
            const wf = wfOf(self, "get_info");
            const c = wf.config;
            return {
              id: wf.id,
              name: c.name,
              type: c.type ?? null,
              description: c.description,
              error_strategy: c.errorStrategy,
              steps: [...c.steps, ...c.thenSteps, ...c.elseSteps].map((s) => ({ name: s.name, type: s.type })),
            };
          },
          set_shared_data: (self, [k, v]) => {
            wfOf(self, "set_shared_data").shared.set(
              check("workflow:set_shared_data", "key", str, k),
              ctx.jsonArg(v, "workflow:set_shared_data", "value", "shared"),
            );
            return true;
          },
          get_shared_data: (self, [k]) =>
            wfOf(self, "get_shared_data").shared.get(check("workflow:get_shared_data", "key", str, k)) ?? null,
          get_output: (self, [step]) =>
            needRun(wfOf(self, "get_output"), "get_output").outputs.get(
              check("workflow:get_output", "step", str, step),
            ) ?? null,
          get_all_outputs: (self) =>
            Object.fromEntries(needRun(wfOf(self, "get_all_outputs"), "get_all_outputs").outputs) as JsonObject,
          list_outputs: (self) => [...needRun(wfOf(self, "list_outputs"), "list_outputs").outputs.keys()],
          get_execution_id: (self) => needRun(wfOf(self, "get_execution_id"), "get_execution_id").executionId,
          clear_outputs: (self) => {
            const wf = wfOf(self, "clear_outputs");
            const n = wf.last?.outputs.size ?? 0;
            wf.last?.outputs.clear();
            return { deleted: n };
          },
          validate: (self) => {
            const wf = wfOf(self, "validate");
            const warnings: string[] = [];
            const errors: string[] = [];
            for (const s of [...wf.config.steps, ...wf.config.thenSteps, ...wf.config.elseSteps]) {
              if (s.type === "tool" && !ctx.tools.resolveName(s.tool!))
                errors.push(`step '${s.name}': unknown tool '${s.tool}'`);
              if (s.type === "agent" && typeof s.agent === "string" && !agents.find(s.agent))
                warnings.push(`step '${s.name}': no agent named '${s.agent}' yet`);
            }
            return { valid: errors.length === 0, workflow_id: wf.id, warnings, errors };
          },
        },
      },
    },
    global: {
      functions: {
        builder: () => handles.create(WB, { cfg: newConfig() }),
        sequential: fromTable("sequential"),
        parallel: fromTable("parallel"),
        conditional: fromTable("conditional"),
        loop: fromTable("loop"),
        types: () => [...WORKFLOW_TYPES],
        list: () =>
          [...instances.values()].map((w) => ({ id: w.id, name: w.config.name, type: w.config.type ?? null })),
        get: ([idOrName]) => {
          const key = check("Workflow.get", "id", str, idOrName);
          const wf = instances.get(key) ?? [...instances.values()].find((w) => w.config.name === key);
          return wf ? (handles.refOf(wf) ?? null) : null;
        },
        remove: ([idOrName]) => {
          const key = check("Workflow.remove", "id", str, idOrName);
          const wf = instances.get(key) ?? [...instances.values()].find((w) => w.config.name === key);
          if (!wf) return false;
          instances.delete(wf.id);
          return true;
        },
        clear: () => {
          instances.clear();
          return true;
        },
      },
    },
  };
}

/**
 * A placeholder that fills a whole string keeps its value's type (`"{{loop_value}}"` → 3). Make top-level tool
 * parameters fit the tool's schema again: numbers and booleans become text where a string is expected, and
 * numeric text becomes a number where a number is expected.
 */
export function coerceToSchema(params: JsonObject, schema: { [key: string]: JsonValue }): JsonObject {
  const props = isPlainObject(schema.properties) ? (schema.properties as Record<string, JsonValue>) : {};
  const out: JsonObject = { ...params };
  for (const [k, v] of Object.entries(params)) {
    const p = props[k];
    const type = isPlainObject(p) ? p.type : undefined;
    const types = Array.isArray(type) ? type : [type];
    if (types.includes("string") && (typeof v === "number" || typeof v === "boolean")) setOwnValue(out, k, String(v));
    else if (
      (types.includes("number") || types.includes("integer")) &&
      !types.includes("string") &&
      typeof v === "string" &&
      v.trim() !== "" &&
      Number.isFinite(Number(v))
    )
      setOwnValue(out, k, Number(v));
  }
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
