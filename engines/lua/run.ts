/**
 * One spell run in one fresh Lua state: its lifecycle (set up, run the spell, close), its limits (memory cap,
 * CPU-time hook, wall clock, cancel) and the three ways a thread is run to its end: the spell itself, the
 * API's Lua prelude, and a spell function the host calls.
 *
 * The parts live beside it: ./inject.ts sets up the state and injects the API, ./interrupts.ts holds the count
 * hook and the allocator, ./host-calls.ts the host side of every call across the bridge, ./driver.ts the loop
 * that resumes a thread and awaits host promises with the CPU clock stopped, ./errors.ts the error mapping.
 *
 * How waiting works: a host function that returns a Promise answers Lua with (PENDING, id); the prelude
 * yields `(AWAIT, id)` up to the driver (forwarded through the spell's own coroutines by the patched
 * `coroutine.resume`), the driver awaits the promise with the CPU clock stopped, and resumes the thread with
 * `(tag, value)`.
 */
import type { LuaEngine as WasmoonEngine } from "wasmoon";
import { createCpuMeter, type CpuMeter } from "../../lib/core/cpu-meter";
import { SpellError, type SpellErrorData } from "../../lib/core/errors";
import { type ExecuteOptions } from "../../lib/core/engine";
import { type ExecutionResult } from "../../lib/core/events";
import { type JsonValue } from "../../lib/core/json";
import { createRunOutput, finishRun, type RunOutput } from "../../lib/core/run-output";
import { resolveRunLimits, STOP_MESSAGES } from "../../lib/core/run-guard";
import { startWallTimer } from "../../lib/core/debug";
import { LuaDebugger } from "./debug-hook";
import { LuaProfiler } from "./profile-hook";
import { pushHostValue, readLuaValue } from "./convert";
import { drive, type DriveOutcome } from "./driver";
import { ENGINE, memoryError, raisedError, syntaxError } from "./errors";
import { LuaHostCalls } from "./host-calls";
import { setUpState } from "./inject";
import { type MemoryAccount } from "./interrupts";
import { LuaStatus, LuaType, type LuaApi, type LuaState } from "./lua-api";
import { LuaOutput } from "./output";
import { type PreludeRefs } from "./prelude";

type Outcome = { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };

/**
 * The run. Its fields are the shared state of the parts beside it, each of which sees it through a small
 * interface of its own (InjectContext, InterruptContext, HostCallContext, DriverContext, RaisedContext).
 */
export class LuaRun {
  readonly api: LuaApi;
  private readonly engine: WasmoonEngine;
  private readonly opts: ExecuteOptions;
  readonly chunkName: string;
  private readonly output: RunOutput;
  readonly printed: LuaOutput;
  readonly timeoutMs: number;
  readonly wallTimeoutMs: number;
  readonly memoryLimit: number;
  readonly signal: AbortSignal | undefined;
  private L: LuaState = 0;

  /** Registry references to prelude internals (set once the prelude has run). */
  refs: PreludeRefs = {
    await: 0,
    kill: 0,
    runRoot: 0,
    installApi: 0,
    wrapHost: 0,
    arrayMt: 0,
    handles: 0,
    handleClass: 0,
    handleFields: 0,
    objects: 0,
    classMts: 0,
  };

  readonly host: LuaHostCalls;
  readonly fnPointers: number[] = [];

  killed: SpellErrorData | null = null;
  readonly killWaiters = new Set<() => void>();
  closing = false;
  closed = false;
  private broken = false;

  /** Time in the VM; the memory cap is enforced while it runs (the engine's own allocations are not capped). */
  readonly cpu: CpuMeter;
  readonly memory: MemoryAccount = { used: 0, peak: 0, failed: false };

  private stopWallTimer: (() => void) | undefined;
  /** The debugger of a debug run (`opts.debug`), null otherwise. */
  private debugger: LuaDebugger | null = null;
  /** The profiler's hook of a profile run (`opts.profile`), null otherwise. */
  private profiler: LuaProfiler | null = null;
  wallDeadline = Infinity;
  lastBreath = 0;
  /** Threads resumed by the driver (the only ones a hook may yield). */
  readonly driven = new Set<LuaState>();
  private readonly onAbort = () => this.kill("cancelled", STOP_MESSAGES.cancelled());

  constructor(engine: WasmoonEngine, api: LuaApi, opts: ExecuteOptions) {
    this.engine = engine;
    this.api = api;
    this.opts = opts;
    this.cpu = opts.cpu ?? createCpuMeter();
    this.signal = opts.signal;
    this.chunkName = opts.chunkName ?? "spell";
    this.output = createRunOutput(opts);
    const limits = resolveRunLimits(opts);
    this.printed = new LuaOutput(this.output, limits.maxOutputBytes);
    this.timeoutMs = limits.timeoutMs;
    this.memoryLimit = limits.memoryLimitBytes;
    this.wallTimeoutMs = limits.wallTimeoutMs;
    this.host = new LuaHostCalls(this);
  }

  /** Run `source` to its end and close the state. Never rejects. */
  async execute(source: string): Promise<ExecutionResult> {
    let outcome: Outcome;
    try {
      outcome = await this.runSpell(source);
    } catch (e) {
      outcome = {
        ok: false,
        error: this.killed ??
          (e instanceof SpellError ? { ...e.toJSON(), engine: ENGINE } : null) ?? {
            kind: "runtime",
            message: `internal error in the Lua engine: ${e instanceof Error ? e.message : String(e)}`,
            engine: ENGINE,
          },
      };
    }
    this.printed.flush();
    const stats = {
      engine: ENGINE,
      cpuMs: Math.round(this.cpu.elapsedMs() * 1000) / 1000,
      memoryBytes: this.memory.peak,
    };
    this.close();
    return finishRun(this.output, outcome, stats, this.opts.onEvent);
  }

  private async runSpell(source: string): Promise<Outcome> {
    const signal = this.opts.signal;
    if (signal?.aborted)
      return { ok: false, error: { kind: "cancelled", message: STOP_MESSAGES.cancelled(), engine: ENGINE } };
    signal?.addEventListener("abort", this.onAbort);
    const wall = this.wallTimeoutMs;
    this.wallDeadline = performance.now() + wall;
    this.stopWallTimer = startWallTimer(wall, () => this.kill("timeout", STOP_MESSAGES.wall(wall)), this.opts.debug);

    this.L = this.engine.global.address;
    setUpState(this, this.engine.global, this.opts.api, this.opts.args);
    if (this.opts.debug) {
      this.debugger = new LuaDebugger(this, this.opts.debug);
      this.debugger.install(this.L);
    } else if (this.opts.profile) {
      this.profiler = new LuaProfiler(this, this.opts.profile);
      this.profiler.install(this.L);
    }
    const api = this.opts.api;
    if (api?.preludes?.lua) {
      const failed = await this.runApiPrelude(api.preludes.lua);
      if (failed) return { ok: false, error: failed };
    }

    const L = this.L;
    const T = this.api.newthread(L);
    this.api.ref(L); // anchor the root thread (freed with the state)
    this.api.getref(T, this.refs.runRoot);
    const status = this.api.load(T, normaliseSource(source), `=${this.chunkName}`);
    if (status !== LuaStatus.Ok) {
      const message = this.api.type(T, -1) === LuaType.String ? this.api.tostring(T, -1) : "cannot load the spell";
      if (status === LuaStatus.ErrMem) return { ok: false, error: this.memoryError() };
      return { ok: false, error: syntaxError(message, this.chunkName, ENGINE) };
    }
    const out = await this.drive(T, 1);
    // The spell is done: its profile ends here (converting the result is not the spell's time).
    this.opts.profile?.finish();
    if (!out.ok) return out;
    if (this.api.toboolean(T, out.base) === 0) return { ok: false, error: this.raisedError(T, out.base + 1) };
    const value = readLuaValue(this.host, T, out.base + 1, "return", { functions: "reject" }) as JsonValue;
    return { ok: true, value };
  }

  private async runApiPrelude(source: string): Promise<SpellErrorData | null> {
    const { api } = this;
    const T = api.newthread(this.L);
    const tref = api.ref(this.L);
    try {
      api.getref(T, this.refs.runRoot);
      if (api.load(T, source, "=api-prelude") !== LuaStatus.Ok) {
        return {
          kind: "configuration",
          message: `the API's Lua prelude does not compile: ${api.tostring(T, -1)}`,
          engine: ENGINE,
        };
      }
      const out = await this.drive(T, 1);
      if (!out.ok) return out.error;
      if (api.toboolean(T, out.base) === 0) {
        const e = this.raisedError(T, out.base + 1);
        return { kind: "configuration", message: `the API's Lua prelude failed: ${e.message}`, engine: ENGINE };
      }
      return null;
    } finally {
      if (!this.closed) api.unref(this.L, tref);
    }
  }

  /** Call a spell function from the host (a hook, a tool's execute, a stream callback). */
  async callFunction(ref: number, args: JsonValue[]): Promise<JsonValue> {
    await null; // never run nested inside a Lua call in progress
    if (this.closed) throw new SpellError("cancelled", "the spell has finished; its functions can no longer be called");
    if (this.killed) throw SpellError.from(this.killed);
    const { api } = this;
    const L = this.L;
    const T = api.newthread(L);
    const tref = api.ref(L);
    try {
      api.getref(T, this.refs.runRoot);
      api.getref(T, ref);
      args.forEach((a, i) => pushHostValue(this.host, T, a, `callback argument ${i + 1}`));
      const out = await this.drive(T, 1 + args.length);
      if (!out.ok) throw SpellError.from(out.error);
      if (api.toboolean(T, out.base) === 0) throw SpellError.from(this.raisedError(T, out.base + 1));
      return readLuaValue(this.host, T, out.base + 1, "callback result", { functions: "reject" }) as JsonValue;
    } finally {
      if (!this.closed) api.unref(L, tref);
    }
  }

  private drive(T: LuaState, nargs: number): Promise<DriveOutcome> {
    return drive(this, T, nargs);
  }

  /** The run's main state (idle while a spell thread runs or waits). */
  get mainState(): LuaState {
    return this.L;
  }

  debugWait(T: LuaState): Promise<void> | null {
    return this.debugger?.driverWait(T) ?? null;
  }

  enterVm(): void {
    if (this.cpu.enter()) this.lastBreath = performance.now();
  }

  exitVm(): void {
    this.cpu.exit();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Limits and errors
  // -------------------------------------------------------------------------------------------------------------

  kill(kind: "timeout" | "cancelled", message: string): void {
    if (this.killed || this.closed) return;
    this.killed = { kind, message, engine: ENGINE };
    for (const wake of [...this.killWaiters]) wake();
    this.killWaiters.clear();
  }

  onPanic(): void {
    this.broken = true;
  }

  memoryError(): SpellErrorData {
    return memoryError(this.memoryLimit);
  }

  /** The run's security preset. */
  get sandbox(): ExecuteOptions["sandbox"] {
    return this.opts.sandbox;
  }

  /** The API this run injected. */
  get surface(): ExecuteOptions["api"] {
    return this.opts.api;
  }

  /** The error at `idx` of `T` (see {@link raisedError}). */
  raisedError(T: LuaState, idx: number): SpellErrorData {
    return raisedError(this, T, idx);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Closing
  // -------------------------------------------------------------------------------------------------------------

  /** Stop a run from outside (engine disposal). */
  abort(): void {
    this.kill("cancelled", "the engine was disposed");
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWallTimer?.();
    this.opts.signal?.removeEventListener("abort", this.onAbort);
    for (const wake of [...this.killWaiters]) wake();
    this.killWaiters.clear();
    this.host.clearPending();
    if (!this.broken) {
      // Finalizers (__gc) run during close; the hook stops any that loops.
      this.closing = true;
      try {
        this.engine.global.close();
      } catch {
        // a finalizer that failed badly: the state is gone either way
      }
    }
    this.debugger?.dispose();
    this.profiler?.dispose();
    for (const p of this.fnPointers) this.api.m.removeFunction(p);
    this.fnPointers.length = 0;
  }
}

/** Keep line numbers while dropping what `load` does not accept: a BOM and a `#!` first line. */
function normaliseSource(source: string): string {
  let s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (s.startsWith("#")) {
    const nl = s.indexOf("\n");
    s = nl === -1 ? "" : `--${s.slice(nl)}`;
  }
  return s;
}
