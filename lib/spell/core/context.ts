/**
 * The per-run context every global shares: the runtime, argument checking, handles, tracing, budgets, and
 * the registries (hooks, events, tools, agents) that must never outlive the run.
 */
import Ajv from "ajv";
import type { SpellDialect } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import type { LogLevel } from "@/lib/core/events";
import type { SpellRuntime } from "../runtime";
import { createSeededRandom } from "./seeded-random";
import { createBudget, throwIfAborted, type Budget } from "./budget";
import { createHandleTable, type HandleTable } from "./handles";
import { createModelCaller, type ModelCaller } from "./models";
import { createTracer, type Tracer } from "./trace";
import { createChecker, type Checker } from "./validate";
import { createJsonArgReader, type JsonArgReader } from "./values";

/** What a hook run decided for the operation it guards. */
export type HookOutcome =
  { action: "continue"; data: { [key: string]: JsonValue } } | { action: "skip"; data: { [key: string]: JsonValue } };

export interface HookRunner {
  run(
    point: string,
    component: { type: string; name: string },
    data: { [key: string]: JsonValue },
    parentId?: string,
  ): Promise<HookOutcome>;
}

export interface ToolRunner {
  /** Run a tool by name (built-in or spell-registered): hooks, trace, errors. */
  execute(name: string, params: unknown, parentId?: string, signal?: AbortSignal): Promise<JsonValue>;
  /** The canonical name for a name or alias, or undefined. */
  resolveName(name: string): string | undefined;
  /** The tool spec offered to a model. */
  spec(name: string): { name: string; description: string; parameters: { [key: string]: JsonValue } } | undefined;
}

export interface SpellContext {
  runtime: SpellRuntime;
  /** The language the spell is written in, as its engine declared it. */
  dialect: SpellDialect;
  check: Checker;
  /** A JSON-only argument as plain JSON; a function in it is a `conversion` error naming its path. */
  jsonArg: JsonArgReader;
  handles: HandleTable;
  tracer: Tracer;
  budget: Budget;
  models: ModelCaller;
  hooks: HookRunner;
  tools: ToolRunner;
  log(level: LogLevel, text: string): void;
  throwIfAborted(): void;
  /**
   * Run a script callback (a hook, a registered tool, a stream callback) on behalf of span `spanId`, so API
   * calls the callback makes nest under that span in the trace.
   */
  inCallback<T>(spanId: string, fn: () => Promise<T>): Promise<T>;
  /** This run's JSON Schema validator (per run, so compiled schemas never pile up in a long-lived worker). */
  ajv(): Ajv;
  /**
   * The span of the script callback running now: the only one, or the innermost when the running ones are
   * nested in one another (a tool that calls a tool). Calls are top-level when callbacks run side by side.
   */
  ambientParent(): string | undefined;
  /** A uniform number in [0, 1) for ids the API makes: seeded from the recording's seed when there is one. */
  random(): number;
  /** The wall clock (epoch ms) for timestamps the API makes: the recorded clock when there is one. */
  wallClockMs(): number;
}

export function createSpellContext(runtime: SpellRuntime): SpellContext {
  const tracer = createTracer(
    (e) => runtime.emit(e),
    () => runtime.now(),
  );
  const budget = createBudget(runtime.limits);
  const activeCallbacks = new Map<string, number>();
  let ajv: Ajv | undefined;
  const tape = runtime.tape;
  // The API's own random stream is separate from the spell's (which the engine seeds with the same seed).
  const random = tape ? createSeededRandom(tape.randomSeed ^ 0x5bd1e995) : Math.random;
  const ctx: SpellContext = {
    random,
    wallClockMs: tape ? () => tape.clock("time", Date.now) : Date.now,
    runtime,
    dialect: runtime.dialect,
    check: createChecker(runtime.dialect),
    jsonArg: createJsonArgReader(runtime.dialect),
    handles: createHandleTable(),
    tracer,
    budget,
    models: createModelCaller(runtime, tracer, budget),
    hooks: { run: async (_p, _c, data) => ({ action: "continue", data }) },
    tools: {
      execute: async () => null,
      resolveName: () => undefined,
      spec: () => undefined,
    },
    log(level, text) {
      runtime.emit({ type: "log", level, text, t: runtime.now() });
    },
    throwIfAborted() {
      throwIfAborted(runtime.signal);
    },
    async inCallback(spanId, fn) {
      activeCallbacks.set(spanId, (activeCallbacks.get(spanId) ?? 0) + 1);
      try {
        return await fn();
      } finally {
        const n = (activeCallbacks.get(spanId) ?? 1) - 1;
        if (n <= 0) activeCallbacks.delete(spanId);
        else activeCallbacks.set(spanId, n);
      }
    },
    ajv() {
      return (ajv ??= new Ajv({ strict: false, allErrors: false }));
    },
    ambientParent() {
      if (activeCallbacks.size <= 1) return activeCallbacks.keys().next().value;
      // The innermost callback whose chain of open parents holds every other running callback.
      for (const candidate of activeCallbacks.keys()) {
        let covered = 1;
        for (let p = tracer.parentOf(candidate); p !== undefined; p = tracer.parentOf(p))
          if (activeCallbacks.has(p)) covered++;
        if (covered === activeCallbacks.size) return candidate;
      }
      return undefined;
    },
  };
  return ctx;
}
