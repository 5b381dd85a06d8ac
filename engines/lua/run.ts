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
import { type ExecuteOptions, type SessionMode } from "../../lib/core/engine";
import { type ExecutionResult, type SessionFacts } from "../../lib/core/events";
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
import { isIncompleteLua, LUA_REPL_HELPER } from "./repl";

type Outcome = { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };

/**
 * The run. Its fields are the shared state of the parts beside it, each of which sees it through a small
 * interface of its own (InjectContext, InterruptContext, HostCallContext, DriverContext, RaisedContext).
 */
export class LuaRun {
  readonly api: LuaApi;
  private readonly engine: WasmoonEngine;
  /** The session's options (API, args, memory limit, chunk name): set once, with the state. */
  private readonly sessionOpts: ExecuteOptions;
  /** The options of the run or entry in progress (limits, cancel, events): see {@link beginEntry}. */
  private opts: ExecuteOptions;
  readonly chunkName: string;
  private output: RunOutput;
  printed: LuaOutput;
  timeoutMs: number;
  wallTimeoutMs: number;
  readonly memoryLimit: number;
  signal: AbortSignal | undefined;
  private L: LuaState = 0;
  /** The session's REPL entry runner (engines/lua/repl.ts), once a session opened. */
  private replRef = 0;

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
  cpu: CpuMeter;
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
    this.sessionOpts = opts;
    this.opts = opts;
    this.chunkName = opts.chunkName ?? "spell";
    this.memoryLimit = resolveRunLimits(opts).memoryLimitBytes;
    this.host = new LuaHostCalls(this);
    // Set again by beginEntry for each entry of a session; these are the one-shot run's.
    this.cpu = opts.cpu ?? createCpuMeter();
    this.signal = opts.signal;
    this.output = createRunOutput(opts);
    const limits = resolveRunLimits(opts);
    this.printed = new LuaOutput(this.output, limits.maxOutputBytes);
    this.timeoutMs = limits.timeoutMs;
    this.wallTimeoutMs = limits.wallTimeoutMs;
  }

  /** Run `source` to its end and close the state. Never rejects. */
  async execute(source: string): Promise<ExecutionResult> {
    const result = await this.runEntry(async () => {
      const failed = await this.setUp();
      return failed ? { ok: false, error: failed } : this.runChunk(source);
    });
    this.close();
    return result;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Sessions: one state, many entries (the REPL)
  // -------------------------------------------------------------------------------------------------------------

  /** True while the session's state can run entries. */
  get alive(): boolean {
    return !this.closed && !this.broken;
  }

  /** Set the state up for a session (sandbox, API, prelude, the REPL helper). Null, or why it failed. */
  async openSession(): Promise<SpellErrorData | null> {
    let failed: SpellErrorData | null = null;
    await this.runEntry(async () => {
      failed = await this.setUp();
      if (!failed) failed = await this.loadReplHelper();
      return failed ? { ok: false, error: failed } : { ok: true, value: null };
    });
    return failed;
  }

  /** Run one source in the session's state with `opts`'s limits (see EngineSession.evaluate). Never rejects. */
  async evaluate(source: string, mode: SessionMode, opts: ExecuteOptions): Promise<ExecutionResult> {
    this.beginEntry(opts);
    let facts: SessionFacts = {};
    const result = await this.runEntry(async () => {
      if (mode === "spell") return this.runChunk(source);
      const entry = await this.runReplEntry(source);
      facts = entry.facts;
      return entry.outcome;
    });
    if (this.broken) {
      this.close();
      facts = { ...facts, session: "lost" };
    }
    return Object.keys(facts).length > 0 ? { ...result, session: facts } : result;
  }

  /** Close the session's state. */
  closeSession(): void {
    this.close();
  }

  /** The per-entry part of the run: limits, cancel, output and stop state start afresh. */
  private beginEntry(opts: ExecuteOptions): void {
    this.opts = opts;
    this.cpu = opts.cpu ?? createCpuMeter();
    this.signal = opts.signal;
    this.output = createRunOutput(opts);
    const limits = resolveRunLimits({ ...opts, memoryLimitBytes: this.memoryLimit });
    this.printed = new LuaOutput(this.output, limits.maxOutputBytes);
    this.timeoutMs = limits.timeoutMs;
    this.wallTimeoutMs = limits.wallTimeoutMs;
    this.killed = null;
    this.memory.peak = this.memory.used;
  }

  /**
   * Run `body` as one run or entry: arm the wall clock and the cancel, map a throw to an error, flush the output
   * and finish the result. The state stays open.
   */
  private async runEntry(body: () => Promise<Outcome>): Promise<ExecutionResult> {
    let outcome: Outcome;
    try {
      outcome = await this.armed(body);
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
    return finishRun(this.output, outcome, stats, this.opts.onEvent);
  }

  /** `body` with the entry's wall clock and cancel armed (and disarmed after it, whatever happens). */
  private async armed(body: () => Promise<Outcome>): Promise<Outcome> {
    const signal = this.opts.signal;
    if (signal?.aborted)
      return { ok: false, error: { kind: "cancelled", message: STOP_MESSAGES.cancelled(), engine: ENGINE } };
    signal?.addEventListener("abort", this.onAbort);
    const wall = this.wallTimeoutMs;
    this.wallDeadline = performance.now() + wall;
    this.stopWallTimer = startWallTimer(wall, () => this.kill("timeout", STOP_MESSAGES.wall(wall)), this.opts.debug);
    try {
      return await body();
    } finally {
      this.stopWallTimer?.();
      signal?.removeEventListener("abort", this.onAbort);
      // A wait the entry was killed in never answers now: drop it (a session's next entry starts clean).
      this.host.clearPending();
    }
  }

  /** Sandbox, API and the API's prelude, once per state. Null, or why it failed. */
  private async setUp(): Promise<SpellErrorData | null> {
    this.L = this.engine.global.address;
    setUpState(this, this.engine.global, this.sessionOpts.api, this.sessionOpts.args);
    if (this.sessionOpts.debug) {
      this.debugger = new LuaDebugger(this, this.sessionOpts.debug);
      this.debugger.install(this.L);
    } else if (this.sessionOpts.profile) {
      this.profiler = new LuaProfiler(this, this.sessionOpts.profile);
      this.profiler.install(this.L);
    }
    const api = this.sessionOpts.api;
    if (api?.preludes?.lua) return this.runApiPrelude(api.preludes.lua);
    return null;
  }

  /** Compile `source` on a new thread, run it through the prelude's run_root and read what it returns. */
  private async runChunk(source: string): Promise<Outcome> {
    return this.onThread(async (T) => {
      this.api.getref(T, this.refs.runRoot);
      const status = this.api.load(T, normaliseSource(source), `=${this.chunkName}`);
      if (status !== LuaStatus.Ok) return { ok: false, error: this.loadError(T, status) };
      const out = await this.drive(T, 1);
      // The spell is done: its profile ends here (converting the result is not the spell's time).
      this.opts.profile?.finish();
      if (!out.ok) return out;
      if (this.api.toboolean(T, out.base) === 0) return { ok: false, error: this.raisedError(T, out.base + 1) };
      const value = readLuaValue(this.host, T, out.base + 1, "return", { functions: "reject" }) as JsonValue;
      return { ok: true, value };
    });
  }

  /**
   * One REPL entry, as `lua -i` runs a line: `return <entry>` when that compiles (an expression, whose values
   * are shown), else the entry as statements. A syntax error at `<eof>` means the entry is incomplete.
   */
  private async runReplEntry(source: string): Promise<{ outcome: Outcome; facts: SessionFacts }> {
    let facts: SessionFacts = {};
    const outcome = await this.onThread(async (T): Promise<Outcome> => {
      const { api } = this;
      api.getref(T, this.refs.runRoot);
      api.getref(T, this.replRef);
      const chunk = `=${this.chunkName}`;
      let status = api.load(T, `return ${normaliseSource(source)}`, chunk);
      if (status !== LuaStatus.Ok) {
        api.pop(T, 1);
        status = api.load(T, normaliseSource(source), chunk);
      }
      if (status !== LuaStatus.Ok) {
        const error = this.loadError(T, status);
        if (error.kind === "syntax" && isIncompleteLua(error.message)) facts = { incomplete: true };
        return { ok: false, error };
      }
      const out = await this.drive(T, 2);
      if (!out.ok) return out;
      if (api.toboolean(T, out.base) === 0) return { ok: false, error: this.raisedError(T, out.base + 1) };
      if (api.type(T, out.base + 1) === LuaType.String) facts = { display: api.tostring(T, out.base + 1) };
      return { ok: true, value: null };
    });
    return { outcome, facts };
  }

  /** Run `body` with a new thread of the state, released after (a session makes one per entry). */
  private async onThread<T>(body: (T: LuaState) => Promise<T>): Promise<T> {
    const { api } = this;
    const L = this.L;
    const T = api.newthread(L);
    const tref = api.ref(L);
    try {
      return await body(T);
    } finally {
      if (!this.closed) api.unref(L, tref);
    }
  }

  private loadError(T: LuaState, status: number): SpellErrorData {
    if (status === LuaStatus.ErrMem) return this.memoryError();
    const message = this.api.type(T, -1) === LuaType.String ? this.api.tostring(T, -1) : "cannot load the spell";
    return syntaxError(message, this.chunkName, ENGINE);
  }

  /** Load the REPL's entry runner (engines/lua/repl.ts) into the registry. */
  private async loadReplHelper(): Promise<SpellErrorData | null> {
    return this.onThread(async (T) => {
      const { api } = this;
      if (api.load(T, LUA_REPL_HELPER, "=repl-helper") !== LuaStatus.Ok) {
        return { kind: "configuration", message: `the REPL helper does not compile: ${api.tostring(T, -1)}` };
      }
      if (api.pcall(T, 0, 1) !== LuaStatus.Ok) {
        return { kind: "configuration", message: `the REPL helper failed: ${api.tostring(T, -1)}` };
      }
      this.replRef = api.ref(T);
      return null;
    });
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

  debugSync(T: LuaState): void {
    this.debugger?.syncLineEvents(T);
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
