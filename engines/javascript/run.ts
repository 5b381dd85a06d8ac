/**
 * One run of a spell in a fresh QuickJS runtime and context: its lifecycle (runtime and limits, setup, the
 * spell as a module, the job pump until it settles, disposal of every handle) and the error mapping shared
 * by its parts.
 *
 * The parts live beside it: ./inject.ts sets up the context and injects the API, ./interrupts.ts holds the CPU
 * meter, the interrupt handler and the memory backstop, ./host-calls.ts the host side of every call across
 * the bridge, ./job-pump.ts the loop that runs pending jobs while host promises settle, ./errors.ts the error
 * mapping.
 */
import { findTooDeepNesting, MAX_NESTING } from "./nesting";
import type { QuickJSContext, QuickJSRuntime, QuickJSWASMModule, QuickJSHandle } from "quickjs-emscripten-core";
import { type SpellErrorData } from "../../lib/core/errors";
import { type ExecuteOptions, type SessionMode } from "../../lib/core/engine";
import { type ExecutionResult, type SessionFacts } from "../../lib/core/events";
import { type JsonValue } from "../../lib/core/json";
import { createRunOutput, finishRun, type RunOutput } from "../../lib/core/run-output";
import { resolveRunLimits } from "../../lib/core/run-guard";
import {
  describeThrown,
  internalFailure,
  stopFailure,
  thrownFailure,
  type Failure,
  type SourceMapping,
  type StopLimits,
  type ThrownFacts,
} from "./errors";
import { JsHostCalls } from "./host-calls";
import { setUpContext } from "./inject";
import { VmGuard, type StopReason } from "./interrupts";
import { JobPump } from "./job-pump";
import { parseResult } from "./convert";
import { JS_REPL_SHOW } from "./repl";
import { DEFAULT_EXPORT_KEY } from "./module-script-key";
import { type Internals } from "./prelude";
import { JsDebugger } from "./debug-host";
import { instrumentForDebug } from "./debug-rewrite";
import { JsProfiler } from "./profile-host";

/** QuickJS's own stack limit; ~192 KiB was safe in a Chromium worker and turns deep recursion into an error. */
const MAX_STACK_BYTES = 192 * 1024;
/** setTimeout's largest delay; a longer wall limit is still enforced by the interrupt handler. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A spell with a top-level `return` is wrapped in an async function; this is the line the wrapper adds. */
const WRAP_PREFIX = "export default await (async () => {\n";
const WRAP_SUFFIX = "\n})();";

type Outcome = { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };

/** QuickJS eval flags for a session's sources: global code with top-level await (JS_EVAL_FLAG_ASYNC), strict. */
const ASYNC_SCRIPT = 1 << 7;
const STRICT = 1 << 3;

/** The syntax error for source nested past what the parser takes. */
function nestingFailure(at: { line: number; column: number }): Failure {
  return {
    ok: false,
    error: {
      kind: "syntax",
      message: `the spell nests brackets more than ${MAX_NESTING} levels deep; the parser cannot go further`,
      line: at.line,
      column: at.column,
      engine: "javascript",
    },
  };
}

/**
 * The run. Its fields are the shared state of the parts beside it, each of which sees it through a small
 * interface of its own (InjectContext, HostCallContext, PumpContext).
 */
export class JavascriptRun {
  output: RunOutput;
  readonly chunkName: string;
  private limits: StopLimits;
  mapping: SourceMapping;

  rt: QuickJSRuntime | null = null;
  ctx: QuickJSContext | null = null;
  internals: Internals | null = null;
  ended = false;
  private wallTimer: ReturnType<typeof setTimeout> | null = null;

  guard: VmGuard;
  readonly host: JsHostCalls = new JsHostCalls(this);
  pump: JobPump = new JobPump(this);
  /** A session's value formatter (./repl.ts), once a session opened. */
  private replShow: QuickJSHandle | null = null;
  /** A session entry broke the state (the memory backstop tripped): the session must end. */
  private sessionBroken = false;

  /** The debugger of a debug run (`opts.debug`), null otherwise. */
  private debugger: JsDebugger | null = null;
  /** The profiler's host side of a profile run (`opts.profile`, not in a debug run), null otherwise. */
  private profiler: JsProfiler | null = null;
  private readonly source: string;

  /** True when the wasm module aborted during this run; the engine must load a fresh one. */
  moduleBroken = false;

  constructor(
    private readonly module: QuickJSWASMModule,
    source: string,
    readonly opts: ExecuteOptions,
  ) {
    this.source = opts.debug ? instrumentOrKeep(source) : source;
    this.output = createRunOutput(opts);
    this.chunkName = opts.chunkName ?? "spell";
    const limits = resolveRunLimits(opts);
    this.limits = {
      timeoutMs: limits.timeoutMs,
      wallTimeoutMs: limits.wallTimeoutMs,
      memoryLimitBytes: limits.memoryLimitBytes,
    };
    this.guard = new VmGuard(this.limits, opts.signal, opts.cpu);
    this.mapping = { chunkName: this.chunkName, lineOffset: 0, source, surface: opts.api };
  }

  /** Run the spell to its end. Never throws: every failure becomes an error result. */
  async execute(): Promise<ExecutionResult> {
    let outcome: Outcome;
    const onAbort = () => this.pump.wakeUp();
    this.opts.signal?.addEventListener("abort", onAbort);
    try {
      outcome = await this.runToEnd();
    } catch (e) {
      outcome = { ok: false, error: internalFailure(e) };
    } finally {
      this.opts.signal?.removeEventListener("abort", onAbort);
    }
    const memoryBytes = this.readMemoryInUse();
    try {
      this.teardown();
    } catch (e) {
      // Disposal failed (a leaked handle makes QuickJS abort): the module is unusable from now on.
      this.moduleBroken = true;
      if (outcome.ok) outcome = { ok: false, error: internalFailure(e) };
    }
    return finishRun(
      this.output,
      outcome,
      {
        engine: "javascript",
        cpuMs: Math.round(this.guard.cpu.elapsedMs() * 1000) / 1000,
        ...(memoryBytes !== undefined ? { memoryBytes } : {}),
      },
      this.opts.onEvent,
    );
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------

  private async runToEnd(): Promise<Outcome> {
    if (this.opts.signal?.aborted) return this.stopOutcome("cancelled");
    this.armWallClock();
    const setupError = this.setUpRuntime();
    if (setupError) return setupError;
    if (this.opts.debug) {
      this.debugger = new JsDebugger(this, this.opts.debug, this.source);
      this.debugger.install();
    } else if (this.opts.profile) {
      this.profiler = new JsProfiler(this, this.opts.profile, this.source);
      this.profiler.install();
    }

    const started = this.startModule();
    if ("error" in started) return started.error;
    const done = await this.pump.runModule(started.module);
    // The spell is done: its profile ends here.
    this.opts.profile?.finish();
    return done;
  }

  /** The wall clock of the run or entry starting now: the interrupt handler and the pump watch the deadline. */
  private armWallClock(): void {
    this.guard.wallDeadline = performance.now() + this.limits.wallTimeoutMs;
    this.wallTimer = setTimeout(() => this.pump.wakeUp(), Math.min(this.limits.wallTimeoutMs + 1, MAX_TIMER_MS));
  }

  /** A runtime and context with the prelude and the API: once per run, or once per session. */
  private setUpRuntime(): Failure | null {
    const rt = this.module.newRuntime();
    this.rt = rt;
    rt.setMemoryLimit(this.limits.memoryLimitBytes);
    rt.setMaxStackSize(MAX_STACK_BYTES);
    rt.setInterruptHandler(() => {
      this.profiler?.onInterrupt();
      return this.guard.shouldInterrupt();
    });
    this.ctx = rt.newContext();

    this.guard.settingUp = true;
    const setupError = setUpContext(this);
    this.guard.settingUp = false;
    // The CPU limit is for spell code: the engine's own setup (prelude, API globals) does not count.
    this.guard.cpu.reset();
    return setupError;
  }

  // ---- sessions (the REPL): one context, many entries -------------------------------------------------------

  /** True while the session's context can run entries. */
  get alive(): boolean {
    return this.ctx !== null && !this.moduleBroken && !this.sessionBroken;
  }

  /** Set up the session's runtime and context (prelude, API, the REPL's formatter). Null, or why it failed. */
  openSession(): SpellErrorData | null {
    let failure: Failure | null;
    try {
      failure = this.setUpRuntime();
      if (!failure) failure = this.loadReplShow();
    } catch (e) {
      failure = { ok: false, error: internalFailure(e) };
    }
    // Between entries no host answer reaches the context.
    this.ended = true;
    return failure ? failure.error : null;
  }

  /** Run one source in the session with `opts`'s limits (see EngineSession.evaluate). Never throws. */
  async evaluate(source: string, mode: SessionMode, opts: ExecuteOptions): Promise<ExecutionResult> {
    this.beginEntry(opts);
    let facts: SessionFacts = {};
    let outcome: Outcome;
    const onAbort = () => this.pump.wakeUp();
    opts.signal?.addEventListener("abort", onAbort);
    try {
      if (opts.signal?.aborted) outcome = this.stopOutcome("cancelled");
      else {
        this.armWallClock();
        const ran = await this.runSource(source, mode);
        outcome = ran.outcome;
        facts = ran.facts;
      }
    } catch (e) {
      outcome = { ok: false, error: internalFailure(e) };
    } finally {
      opts.signal?.removeEventListener("abort", onAbort);
    }
    const memoryBytes = this.readMemoryInUse();
    this.endEntry();
    // The memory backstop refused to grow the wasm heap mid-call: QuickJS may be half-way through an
    // allocation, so the state is not trusted again.
    if (this.guard.stop === "memory") this.sessionBroken = true;
    if (!this.alive) {
      this.closeSession();
      facts = { ...facts, session: "lost" };
    }
    const result = finishRun(
      this.output,
      outcome,
      {
        engine: "javascript",
        cpuMs: Math.round(this.guard.cpu.elapsedMs() * 1000) / 1000,
        ...(memoryBytes !== undefined ? { memoryBytes } : {}),
      },
      opts.onEvent,
    );
    return Object.keys(facts).length > 0 ? { ...result, session: facts } : result;
  }

  /** Dispose of the session's runtime and context. */
  closeSession(): void {
    if (!this.rt) return;
    try {
      this.teardown();
    } catch {
      this.moduleBroken = true;
    }
  }

  /** Per-entry state: limits, output, the stop state and the job pump start afresh. */
  private beginEntry(opts: ExecuteOptions): void {
    const limits = resolveRunLimits({ ...opts, memoryLimitBytes: this.limits.memoryLimitBytes });
    this.limits = {
      timeoutMs: limits.timeoutMs,
      wallTimeoutMs: limits.wallTimeoutMs,
      memoryLimitBytes: this.limits.memoryLimitBytes,
    };
    this.output = createRunOutput(opts);
    this.guard = new VmGuard(this.limits, opts.signal, opts.cpu);
    this.pump = new JobPump(this);
    this.ended = false;
  }

  /** The entry is over: its timer, its waits and its promise go; the context stays. */
  private endEntry(): void {
    this.ended = true;
    if (this.wallTimer) clearTimeout(this.wallTimer);
    this.wallTimer = null;
    this.pump.rejectWatchers();
    this.host.disposeDeferreds();
    this.pump.disposeModule();
  }

  /**
   * Evaluate `source` as a global script with top-level await (QuickJS's async eval), so its top-level
   * declarations stay for the next entry. An `entry` is sloppy code, as in a browser console or Node's REPL, and
   * its completion value is shown; a `spell` is strict, as a module is, and a top-level `return` makes it run
   * wrapped in an async function (its value is the run's; its declarations are then not kept).
   */
  private async runSource(source: string, mode: SessionMode): Promise<{ outcome: Outcome; facts: SessionFacts }> {
    const ctx = this.ctx!;
    const tooDeep = findTooDeepNesting(source);
    if (tooDeep) return { outcome: nestingFailure(tooDeep), facts: {} };
    const written = source;
    if (mode === "spell") {
      // A spell may be written as a module (`export default value`): run it as a script so its globals stay.
      const { moduleToScript } = await import("./module-script");
      source = moduleToScript(source) ?? source;
    }
    this.setMapping(0, undefined, written);
    const flags = mode === "spell" ? ASYNC_SCRIPT | STRICT : ASYNC_SCRIPT;
    let wrapped = false;
    let result = this.guard.inVm(() => ctx.evalCode(source, this.chunkName, flags));
    if (result.error && mode === "spell") {
      const facts = this.describe(result.error);
      const topLevelReturn = facts.name === "SyntaxError" && /return not in a function/.test(facts.message);
      if (!topLevelReturn || this.guard.currentStop()) {
        result.error.dispose();
        return { outcome: this.failWith(facts), facts: {} };
      }
      result.error.dispose();
      this.setMapping(1, source.split("\n").length, written);
      wrapped = true;
      result = this.guard.inVm(() => ctx.evalCode(`await (async () => {\n${source}\n})()`, this.chunkName, flags));
    }
    if (result.error) {
      const facts = this.describe(result.error);
      result.error.dispose();
      return { outcome: this.failWith(facts), facts: {} };
    }
    let display: string | undefined;
    const outcome = await this.pump.runPromise(result.value, (completion) => {
      const value = mode === "spell" && !wrapped ? this.takeDefaultExport() : ctx.getProp(completion, "value");
      try {
        const call = mode === "spell" ? this.internals!.encodeResult : this.replShow!;
        const out = this.guard.inVm(() => ctx.callFunction(call, ctx.undefined, value));
        if (out.error) {
          const facts = this.describe(out.error);
          out.error.dispose();
          return this.failWith(facts);
        }
        const text = ctx.getString(out.value);
        out.value.dispose();
        if (mode === "spell") return { ok: true, value: parseResult(text) };
        display = text;
        return { ok: true, value: null };
      } finally {
        value.dispose();
      }
    });
    return { outcome, facts: display !== undefined ? { display } : {} };
  }

  /** The value a converted module spell exported as default (./module-script.ts), removed from the global. */
  private takeDefaultExport(): QuickJSHandle {
    const ctx = this.ctx!;
    const key = JSON.stringify(DEFAULT_EXPORT_KEY);
    const r = this.guard.inVm(() =>
      ctx.evalCode(
        `(() => { const k = Symbol.for(${key}); const v = globalThis[k]; delete globalThis[k]; return v; })()`,
        "session",
        { type: "global", strict: true },
      ),
    );
    if (r.error) {
      r.error.dispose();
      return ctx.undefined;
    }
    return r.value;
  }

  /** Where the spell's lines start in what QuickJS compiled (1 when wrapped), for error positions. */
  private setMapping(lineOffset: number, lastLine: number | undefined, source: string): void {
    const same = this.mapping.lineOffset === lineOffset && this.mapping.lastLine === lastLine;
    this.mapping = {
      chunkName: this.chunkName,
      lineOffset,
      ...(lastLine !== undefined ? { lastLine } : {}),
      source,
      surface: this.opts.api,
    };
    if (same) return;
    const ctx = this.ctx!;
    this.guard.inVm(() => {
      const offset = ctx.newNumber(lineOffset);
      const last = ctx.newNumber(lastLine ?? Infinity);
      const r = ctx.callFunction(this.internals!.setMapping, ctx.undefined, offset, last);
      offset.dispose();
      last.dispose();
      if (r.error) r.error.dispose();
      else r.value.dispose();
    });
  }

  /** Compile the REPL's value formatter (./repl.ts) in the session's context. */
  private loadReplShow(): Failure | null {
    const ctx = this.ctx!;
    const r = this.guard.inVm(() => ctx.evalCode(JS_REPL_SHOW, "repl-show", { type: "global", strict: true }));
    if (r.error) {
      const facts = this.describe(r.error);
      r.error.dispose();
      return {
        ok: false,
        error: { kind: "configuration", message: `the REPL formatter failed: ${facts.message}`, engine: "javascript" },
      };
    }
    this.replShow = r.value;
    return null;
  }

  /** Evaluate the spell as a module (wrapped in an async function when it uses a top-level `return`). */
  private startModule(): { module: QuickJSHandle } | { error: Failure } {
    const ctx = this.ctx!;
    const tooDeep = findTooDeepNesting(this.source);
    if (tooDeep) return { error: nestingFailure(tooDeep) };
    let result = this.guard.inVm(() => ctx.evalCode(this.source, this.chunkName, { type: "module" }));
    if (result.error) {
      const facts = this.describe(result.error);
      result.error.dispose();
      const topLevelReturn = facts.name === "SyntaxError" && /return not in a function/.test(facts.message);
      if (!topLevelReturn || this.guard.currentStop()) return { error: this.failWith(facts) };
      this.mapping.lineOffset = 1;
      this.mapping.lastLine = this.source.split("\n").length;
      this.guard.inVm(() => {
        const offset = ctx.newNumber(1);
        const last = ctx.newNumber(this.mapping.lastLine!);
        const r = ctx.callFunction(this.internals!.setMapping, ctx.undefined, offset, last);
        offset.dispose();
        last.dispose();
        if (r.error) r.error.dispose();
        else r.value.dispose();
      });
      result = this.guard.inVm(() =>
        ctx.evalCode(WRAP_PREFIX + this.source + WRAP_SUFFIX, this.chunkName, { type: "module" }),
      );
      if (result.error) {
        const wrappedFacts = this.describe(result.error);
        result.error.dispose();
        return { error: this.failWith(wrappedFacts) };
      }
    }
    return { module: result.value };
  }

  /**
   * The bytes QuickJS holds for this run's runtime (objects, strings, atoms, bytecode) as the run ends; for a
   * run that ends normally this is close to its peak. Undefined when the runtime is gone or unusable.
   */
  private readMemoryInUse(): number | undefined {
    const rt = this.rt;
    const ctx = this.ctx;
    if (!rt || !ctx || this.moduleBroken || !ctx.alive) return undefined;
    try {
      const usage = rt.computeMemoryUsage();
      try {
        const used = ctx.getProp(usage, "memory_used_size");
        const bytes = ctx.typeof(used) === "number" ? ctx.getNumber(used) : undefined;
        used.dispose();
        return bytes;
      } finally {
        usage.dispose();
      }
    } catch {
      return undefined;
    }
  }

  private teardown(): void {
    this.ended = true;
    if (this.wallTimer) clearTimeout(this.wallTimer);
    this.pump.rejectWatchers();
    this.debugger?.dispose();
    this.profiler?.dispose();
    this.host.disposeDeferreds();
    this.pump.disposeModule();
    if (this.replShow?.alive) this.replShow.dispose();
    this.replShow = null;
    if (this.internals) for (const h of Object.values(this.internals)) if (h.alive) h.dispose();
    this.internals = null;
    this.ctx?.dispose();
    this.rt?.dispose();
    this.ctx = null;
    this.rt = null;
  }

  // ---- errors (shared by the parts) ----------------------------------------------------------------------

  /** Facts about a thrown value, read by the prelude with interrupts and the memory cap relaxed. */
  describe(errorHandle: QuickJSHandle): ThrownFacts {
    const ctx = this.ctx!;
    return this.guard.readThrown(this.rt!, () => describeThrown(ctx, this.internals, errorHandle));
  }

  stopOutcome(reason: StopReason, facts?: ThrownFacts): Failure {
    return stopFailure(reason, this.limits, this.mapping, facts);
  }

  /** An outcome for something the spell threw; a stop (timeout, cancel) wins over the error it caused. */
  failWith(facts: ThrownFacts): Failure {
    return thrownFailure(facts, this.guard.currentStop(), this.limits, this.mapping);
  }
}

/** The debug rewrite of a spell; a spell acorn cannot parse runs as written (QuickJS reports its syntax error). */
function instrumentOrKeep(source: string): string {
  try {
    return instrumentForDebug(source);
  } catch {
    return source;
  }
}
