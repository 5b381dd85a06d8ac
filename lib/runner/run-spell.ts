/**
 * One run, independent of where it happens (a browser worker, a Node worker, a test): clamp the limits, build
 * the spell runtime and API, create a fresh engine instance, execute, dispose. Both workers call this.
 */
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import { createOutputMeter, type OutputMeter } from "@/lib/core/run-output";
import { createCpuMeter, type CpuMeter } from "@/lib/core/cpu-meter";
import { SpellError, type SpellErrorData } from "@/lib/core/errors";
import { type ExecutionResult, type ExecutionStats, type RunEvent } from "@/lib/core/events";
import { type ExecuteOptions, type ScriptEngine } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import type { LlmClient } from "@/lib/llm/types";
import { createSpellApi, type SpellRuntime, type StateStore } from "@/lib/spell";
import { clampLimits, type RunLimits } from "@/lib/core/limits";
import { startWallTimer, type DebugSession } from "@/lib/core/debug";
import { combineObservers } from "@/lib/core/call-observer";
import type { Profiler } from "@/lib/core/profile";
import { sandboxRules } from "@/lib/core/sandbox";
import { restrictLlmClient } from "@/lib/llm/sandbox";
import { createRecorder, type RunRecorder } from "@/lib/recording/recorder";
import { createReplayer, type RunReplayer } from "@/lib/recording/replayer";
import { createMockLlmClient } from "@/lib/llm/mock";
import { completeRunArgs } from "@/lib/spell/params/spell-params";
import { pollAbortSignal } from "./polled-signal";
import type { RunRequest, RunResult } from "./types";

/** The registry, loaded on first use (so hosts that inject their own engine factory never load it). */
const loadRegistry = () => import("@/engines/registry");

export async function createRegisteredEngine(name: string): Promise<ScriptEngine> {
  const { createEngine } = await loadRegistry();
  return createEngine(name);
}

export interface RunSpellDeps {
  llm: LlmClient;
  state: StateStore;
  /** Every run event, in order, ending with exactly one `result` or `error` event. */
  emit: (event: RunEvent) => void;
  /** Cancels the run (the engine reports `cancelled`). */
  signal?: AbortSignal;
  /** Polled whenever the engine reads `signal.aborted`: true cancels the run even while the thread is busy. */
  pollCancel?: () => boolean;
  /** How to get a fresh engine instance; the registry by default (tests inject their own). */
  createEngine?: (name: string) => Promise<ScriptEngine>;
  /** The run's CPU meter, when the caller reads it too (the worker reports it in its heartbeats). */
  cpu?: CpuMeter;
  /** A debug session (the CLI's `debug`, the page's Debug button): the engine pauses where it says. */
  debug?: DebugSession;
  /** A profiler (`run --profile`, the page's Profile button); finished when the run ends. Not with `debug`. */
  profile?: Profiler;
}

/** Run one spell and resolve with its result. Never rejects: every failure becomes an error result. */
export async function runSpell(request: RunRequest, deps: RunSpellDeps): Promise<RunResult> {
  const engineName = request.engine;
  const makeEngine = deps.createEngine ?? ((name: string) => createRegisteredEngine(name));
  const scope = openRunScope(request, deps);
  if ("early" in scope) return scope.early;

  let engine: ScriptEngine | undefined;
  try {
    let instance: ScriptEngine;
    try {
      instance = await makeEngine(engineName);
      engine = instance;
    } catch (err) {
      return failEarly(toSpellError(err, "engine_not_found"), engineName, scope.now, deps.emit);
    }
    const runtime = spellRuntime(request, deps, instance, scope);
    runtime.calls = combineObservers([
      deps.debug?.callObserver(),
      deps.debug ? undefined : deps.profile?.callObserver(),
    ]);
    const api = createSpellApi(runtime);
    const result = await instance.execute(request.source, {
      api,
      args: scope.args,
      ...scope.executeOptions,
      ...(deps.debug ? { debug: deps.debug } : deps.profile ? { profile: deps.profile } : {}),
    });
    return scope.finalize(result);
  } catch (err) {
    // An engine that throws instead of returning an error result: still one clean error.
    return failEarly(toSpellError(err, "runtime"), engine?.name ?? engineName, scope.now, deps.emit);
  } finally {
    deps.profile?.finish();
    scope.close();
    try {
      engine?.dispose();
    } catch {
      // A failing dispose must not hide the run's result; the next run gets a fresh instance anyway.
    }
  }
}

/** What every run (and every session entry) shares: its clock, limits, cancel, output budget and CPU meter. */
export interface RunScope {
  limits: RunLimits;
  now: () => number;
  signal: AbortSignal;
  cpu: CpuMeter;
  /** The run's ARGS: the request's, completed with the defaults of the parameters the spell declares. */
  args: JsonValue | undefined;
  /** The model client the spell API calls: the caller's (under the sandbox preset), or the recorder's or the replayer's over it. */
  llm: LlmClient;
  /** The recording's tape (non-deterministic tools), when recording or replaying. */
  tape?: SpellRuntime["tape"];
  /** The run's events, with a wall-clock stop reported as `timeout` and a replay's divergence as the error. */
  emit: (event: RunEvent) => void;
  /** The spell API's own output (streams, `Debug` logs), on the run's output budget. */
  emitApiOutput: (event: RunEvent) => void;
  /** The engine options for these limits, this budget, this meter and this signal. */
  executeOptions: ExecuteOptions;
  /** The engine's result, with the wall-clock stop, the output cut and a replay's divergence as the runner saw them (and the recording). */
  finalize(result: ExecutionResult): RunResult;
  close(): void;
}

/**
 * Start a run's scope: clamp the limits (under the sandbox preset's ceiling), check the source size and the
 * declared parameters, join the caller's cancel and the wall-clock backstop into one signal, set up recording or
 * replay. `early` is the result of a run that cannot start (its error already emitted).
 */
export function openRunScope(request: RunRequest, deps: RunSpellDeps): RunScope | { early: ExecutionResult } {
  const started = performance.now();
  const now = () => Math.round((performance.now() - started) * 1000) / 1000;
  // The preset sets the ceiling of every limit; the request may only lower them.
  const limits = clampLimits(request.limits, sandboxRules(request.sandbox).limits);
  const engineName = request.engine;
  const early = (error: SpellError) => ({ early: failEarly(error, engineName, now, deps.emit) });

  const sourceBytes = new TextEncoder().encode(request.source).length;
  if (sourceBytes > limits.maxSourceBytes)
    return early(
      new SpellError("configuration", `the spell is ${sourceBytes} bytes; the limit is ${limits.maxSourceBytes} bytes`),
    );

  // Declared parameters arrive in ARGS with their defaults, in every host; a value that does not fit is named.
  let args = request.args;
  if (engineName === "lua" || engineName === "javascript") {
    const completed = completeRunArgs(request.source, engineName, request.args);
    if (!completed.ok)
      return early(new SpellError("configuration", `the spell's parameters: ${completed.errors.join("; ")}`));
    args = completed.args;
  }

  // One signal for the whole run: the caller's cancel, or the wall-clock limit (engines also enforce it; this
  // is the backstop that also aborts the spell API's pending model calls).
  const run = new AbortController();
  if (deps.pollCancel) pollAbortSignal(run, deps.pollCancel);
  let wallExpired = false;
  const onOuterAbort = () => run.abort(deps.signal?.reason);
  if (deps.signal?.aborted) run.abort(deps.signal.reason);
  deps.signal?.addEventListener("abort", onOuterAbort, { once: true });
  // Paused time (a debugger holding the run) does not count.
  const stopWallTimer = startWallTimer(
    limits.wallTimeoutMs + WALL_GRACE_MS,
    () => {
      wallExpired = true;
      run.abort(new SpellError("timeout", wallMessage(limits)));
    },
    deps.debug,
  );
  const close = () => {
    stopWallTimer();
    deps.signal?.removeEventListener("abort", onOuterAbort);
  };
  if (run.signal.aborted) {
    close();
    return early(new SpellError("cancelled", "the run was cancelled before it started"));
  }

  const output = createOutputMeter(limits.maxOutputBytes);
  // One CPU meter for the run: the engine counts its VM on it, the spell API charges tools' host work to it.
  const cpu = deps.cpu ?? createCpuMeter();
  // A replay answers from the recording (and stops at a divergence); a recorded run observes the real client.
  let replayer: RunReplayer | undefined;
  let recorder: RunRecorder | undefined;
  // The preset refuses models it does not allow before a request leaves (a replay sends none: it needs no check).
  const restricted = restrictLlmClient(deps.llm, request.sandbox);
  const spell = {
    engine: engineName,
    source: request.source,
    ...(args !== undefined ? { args } : {}),
    model: request.model ?? DEFAULT_MODEL,
    ...(request.mockAll ? { mockAll: true } : {}),
  };
  if (request.replay) {
    const fork = request.replay.fork;
    replayer = createReplayer(request.replay.recording, {
      speed: request.replay.speed,
      onDiverge: (error) => run.abort(error),
      ...(fork
        ? {
            fork: {
              live: fork.live === "mock" ? createMockLlmClient() : restricted,
              ...(fork.atStep !== undefined ? { atStep: fork.atStep } : {}),
            },
          }
        : {}),
    });
    // A fork is a new run: recorded over the replay it continues.
    if (fork && request.record) recorder = createRecorder(replayer.llm, spell, now, replayer.tape);
  } else if (request.record) {
    recorder = createRecorder(restricted, spell, now);
  }
  const tape = recorder?.tape ?? replayer?.tape;

  const emit = (event: RunEvent) => {
    const diverged = replayer?.divergence();
    if (diverged && event.type === "error") {
      deps.emit({ ...event, error: diverged.toJSON() });
      return;
    }
    if (wallExpired && event.type === "error" && event.error.kind === "cancelled") {
      deps.emit({ ...event, error: { ...event.error, kind: "timeout", message: wallMessage(limits) } });
      return;
    }
    deps.emit(event);
  };
  return {
    limits,
    now,
    signal: run.signal,
    cpu,
    args,
    llm: recorder?.llm ?? replayer?.llm ?? restricted,
    ...(tape ? { tape } : {}),
    emit,
    emitApiOutput: createApiOutput(output, now, emit),
    executeOptions: {
      timeoutMs: limits.timeoutMs,
      wallTimeoutMs: limits.wallTimeoutMs,
      memoryLimitBytes: limits.memoryLimitBytes,
      maxOutputBytes: limits.maxOutputBytes,
      ...(request.sandbox ? { sandbox: request.sandbox } : {}),
      output,
      cpu,
      signal: run.signal,
      chunkName: "spell",
      onEvent: emit,
    },
    finalize(result) {
      const final = finalize(result, wallExpired, limits, output.truncated, replayer?.divergence());
      return recorder ? { ...final, recording: recorder.finish(final) } : final;
    },
    close,
  };
}

/** The spell API's view of where it runs, for one run's scope. */
function spellRuntime(request: RunRequest, deps: RunSpellDeps, engine: ScriptEngine, scope: RunScope): SpellRuntime {
  return {
    llm: scope.llm,
    state: deps.state,
    emit: scope.emitApiOutput,
    now: scope.now,
    signal: scope.signal,
    limits: scope.limits,
    ...(request.sandbox ? { sandbox: request.sandbox } : {}),
    defaultModel: request.model ?? DEFAULT_MODEL,
    mockAll: request.mockAll,
    args: scope.args,
    engine: engine.name,
    dialect: engine.dialect,
    cpu: scope.cpu,
    ...(scope.tape ? { tape: scope.tape } : {}),
  };
}

/** Extra time past the wall-clock limit before the host aborts a run the engine has not stopped. */
const WALL_GRACE_MS = 250;

function wallMessage(limits: RunLimits): string {
  return STOP_MESSAGES.wall(limits.wallTimeoutMs);
}

function finalize(
  result: ExecutionResult,
  wallExpired: boolean,
  limits: RunLimits,
  streamTruncated: boolean,
  diverged?: SpellError,
): ExecutionResult {
  let out = result;
  // A replay that diverged ends with the divergence, whatever the spell did with the cancelled call after it.
  if (diverged) out = { ok: false, error: diverged.toJSON(), logs: out.logs, stats: out.stats };
  if (wallExpired && !out.ok && out.error.kind === "cancelled") {
    out = { ...out, error: { ...out.error, kind: "timeout", message: wallMessage(limits) } };
  }
  if (streamTruncated && !out.stats.outputTruncated) out = { ...out, stats: { ...out.stats, outputTruncated: true } };
  return out;
}

/**
 * Streamed model text counts against the same output cap as logs. Engines cap their own logs; the host counts
 * those logs and caps the stream events that the spell API emits, with one note when the cap is reached.
 */
/**
 * The spell API's own output (streamed model tokens, `Debug` logs) metered against the run's one output
 * budget, which the engine's logs draw on too (`ExecuteOptions.output`): past it text is dropped with one note.
 */
export function createApiOutput(meter: OutputMeter, now: () => number, emit: (event: RunEvent) => void) {
  return (event: RunEvent) => {
    if (event.type !== "stream" && event.type !== "log") {
      emit(event);
      return;
    }
    const { kept, truncatedNow } = meter.admit(event.text);
    if (kept !== null) emit({ ...event, text: kept });
    if (truncatedNow) emit({ type: "log", level: "warn", text: STOP_MESSAGES.output(meter.cap), t: now() });
  };
}

/** Turn anything thrown into the plain error shape, keeping a SpellError's kind. */
export function toSpellError(err: unknown, fallbackKind: SpellErrorData["kind"]): SpellErrorData {
  if (err instanceof SpellError) return err.toJSON();
  if (typeof err === "object" && err !== null && typeof (err as SpellErrorData).kind === "string") {
    const e = err as SpellErrorData;
    return { kind: e.kind, message: String(e.message ?? "") };
  }
  return { kind: fallbackKind, message: err instanceof Error ? err.message : String(err) };
}

export function failEarly(
  error: SpellError | SpellErrorData,
  engine: string,
  now: () => number,
  emit: (event: RunEvent) => void,
): ExecutionResult {
  const data = error instanceof SpellError ? error.toJSON() : error;
  const stats: ExecutionStats = { engine, durationMs: now() };
  emit({ type: "error", error: data, stats });
  return { ok: false, error: data, logs: [], stats };
}

/**
 * Load every registered engine's module once (create and dispose an instance), so the first run in a worker
 * only pays for a fresh instance. Resolves with the engines that loaded; a failing engine is reported, not fatal.
 */
export async function warmEngines(
  engineNames?: string[],
  create: (name: string) => Promise<ScriptEngine> = createRegisteredEngine,
): Promise<{ loaded: string[]; failed: { engine: string; message: string }[] }> {
  const names = engineNames ?? (await registeredEngineNames());
  const loaded: string[] = [];
  const failed: { engine: string; message: string }[] = [];
  for (const name of names) {
    try {
      const engine = await create(name);
      // Run a trivial chunk so lazily compiled parts are warm too.
      await engine.execute("return 1", { timeoutMs: 1000 });
      engine.dispose();
      loaded.push(name);
    } catch (err) {
      failed.push({ engine: name, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { loaded, failed };
}

async function registeredEngineNames(): Promise<string[]> {
  const { listEngines } = await loadRegistry();
  return listEngines().map((entry) => entry.name);
}
