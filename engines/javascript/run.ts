/**
 * One run of a spell in a fresh QuickJS runtime and context: limits, API injection, the job pump that
 * drives top-level `await` while host promises settle, error mapping and disposal of every handle.
 */
import { resolveRunLimits, STOP_MESSAGES } from "../../lib/core/run-guard";
import { createCpuMeter } from "../../lib/core/cpu-meter";
import type {
  QuickJSContext,
  QuickJSDeferredPromise,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from "quickjs-emscripten-core";
import { SpellError, type SpellErrorData, type SpellErrorKind } from "../../lib/core/errors";
import {
  type ApiSurface,
  type ExecuteOptions,
  type HandleRef,
  type HostFunction,
  type HostMethod,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { type ExecutionResult, type LogLevel } from "../../lib/core/events";
import { type JsonValue } from "../../lib/core/json";
import { createRunOutput, finishRun, type RunOutput } from "../../lib/core/run-output";
import { PRELUDE_FILENAME, PRELUDE_SOURCE } from "./prelude";
import { swapGrowthGuard, type GrowthGuard } from "./quickjs-module";
import { parseFromSpell, parseResult, stringifyForSpell, type FunctionTable } from "./convert";
import { spellErrorFromFacts, type SourceMapping, type ThrownFacts } from "./errors";

/** QuickJS's own stack limit; ~192 KiB was safe in a Chromium worker and turns deep recursion into an error. */
const MAX_STACK_BYTES = 192 * 1024;
/** Headroom over the memory limit before the wasm-memory backstop (for what QuickJS does not count) trips. */
const MEMORY_BACKSTOP_SLACK_BYTES = 16 * 1024 * 1024;
/** Continuous VM time after which the job pump lets the event loop run (abort events, timers). */
const SLICE_MS = 25;
/** Time allowed for reading a thrown value (its getters and proxies are spell code). */
const DESCRIBE_BUDGET_MS = 100;
/** setTimeout's largest delay; a longer wall limit is still enforced by the interrupt handler. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A spell with a top-level `return` is wrapped in an async function; this is the line the wrapper adds. */
const WRAP_PREFIX = "export default await (async () => {\n";
const WRAP_SUFFIX = "\n})();";
const LOG_LEVELS: ReadonlySet<string> = new Set(["debug", "info", "log", "warn", "error"]);

type StopReason = "timeout" | "cancelled" | "memory" | "wall";
type Outcome = { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };
type HostResult = QuickJSHandle | { error: QuickJSHandle };

interface Internals {
  install: QuickJSHandle;
  decode: QuickJSHandle;
  encodeResult: QuickJSHandle;
  invoke: QuickJSHandle;
  makeError: QuickJSHandle;
  describe: QuickJSHandle;
  setMapping: QuickJSHandle;
}
const INTERNAL_NAMES = ["install", "decode", "encodeResult", "invoke", "makeError", "describe", "setMapping"] as const;

interface Watcher {
  handle: QuickJSHandle;
  resolve: (v: JsonValue) => void;
  reject: (e: unknown) => void;
}

/** The manifest the prelude's `install` builds the API globals from. */
interface Manifest {
  /** Function name → index into the host's callable table. */
  globals: Record<string, { functions: Record<string, number>; values?: Record<string, JsonValue> }>;
  classes: Record<string, { methods: Record<string, number>; iterator?: number }>;
  values?: Record<string, JsonValue>;
}

/** What a spell can call on the host, by the index the manifest gave it. */
export interface Callable {
  label: string;
  /** Set for methods: the class of the receiver. */
  className?: string;
  fn: HostFunction | HostMethod;
}

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

function buildManifest(
  api: ApiSurface | undefined,
  args: JsonValue | undefined,
): { manifest: Manifest; callables: Callable[] } {
  const manifest: Manifest = { globals: {}, classes: {} };
  const callables: Callable[] = [];
  if (api) {
    for (const [name, g] of Object.entries(api.globals)) {
      const functions: Record<string, number> = {};
      for (const [fnName, fn] of Object.entries(g.functions)) {
        functions[fnName] = callables.push({ label: `${name}.${fnName}`, fn }) - 1;
      }
      manifest.globals[name] = { functions, ...(g.values ? { values: g.values } : {}) };
    }
    for (const [className, c] of Object.entries(api.classes)) {
      const methods: Record<string, number> = {};
      for (const [m, fn] of Object.entries(c.methods)) {
        methods[m] = callables.push({ label: `${className}.${m}`, className, fn }) - 1;
      }
      const iterator = c.asyncIteratorNext !== undefined ? methods[c.asyncIteratorNext] : undefined;
      if (c.asyncIteratorNext !== undefined && iterator === undefined) {
        throw new SpellError(
          "api",
          `class ${className}: asyncIteratorNext names a missing method ${c.asyncIteratorNext}`,
        );
      }
      manifest.classes[className] = { methods, ...(iterator !== undefined ? { iterator } : {}) };
    }
  }
  const values: Record<string, JsonValue> = { ...(api?.values ?? {}) };
  if (args !== undefined) values.ARGS = args;
  if (Object.keys(values).length > 0) manifest.values = values;
  return { manifest, callables };
}

export class JavascriptRun {
  private readonly output: RunOutput;
  private readonly chunkName: string;
  private readonly timeoutMs: number;
  private readonly wallTimeoutMs: number;
  private readonly memoryLimitBytes: number;
  private readonly mapping: SourceMapping;

  private rt: QuickJSRuntime | null = null;
  private ctx: QuickJSContext | null = null;
  private internals: Internals | null = null;
  private moduleHandle: QuickJSHandle | null = null;
  /** True once the module exported a promise as its default and the run waits for that promise instead. */
  private awaitingDefault = false;

  private callables: Callable[] = [];
  private readonly deferreds = new Set<QuickJSDeferredPromise>();
  private readonly watchers: Watcher[] = [];
  private outstanding = 0;
  private ended = false;
  private dirty = false;
  private wake: (() => void) | null = null;

  private readonly cpu = createCpuMeter();
  private stop: StopReason | null = null;
  private suspendInterrupt = false;
  private settingUp = false;
  private describeDeadline = 0;
  private wallDeadline = Infinity;
  private wallTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bytes the wasm memory grew by while this run was in the VM. */
  private grownBytes = 0;

  /** True when the wasm module aborted during this run; the engine must load a fresh one. */
  moduleBroken = false;

  private readonly fnById = new Map<number, SpellFunction>();
  private readonly idByFn = new WeakMap<SpellFunction, number>();
  private readonly functions: FunctionTable = {
    fromId: (id) => {
      let fn = this.fnById.get(id);
      if (!fn) {
        const created: SpellFunction = { __spellFunction: true, call: (...args) => this.callSpellFunction(id, args) };
        this.fnById.set(id, created);
        this.idByFn.set(created, id);
        fn = created;
      }
      return fn;
    },
    idOf: (fn) => this.idByFn.get(fn),
  };

  constructor(
    private readonly module: QuickJSWASMModule,
    private readonly source: string,
    private readonly opts: ExecuteOptions,
  ) {
    this.output = createRunOutput(opts);
    this.chunkName = opts.chunkName ?? "spell";
    const limits = resolveRunLimits(opts);
    this.timeoutMs = limits.timeoutMs;
    this.wallTimeoutMs = limits.wallTimeoutMs;
    this.memoryLimitBytes = limits.memoryLimitBytes;
    this.mapping = { chunkName: this.chunkName, lineOffset: 0 };
  }

  /** Run the spell to its end. Never throws: every failure becomes an error result. */
  async execute(): Promise<ExecutionResult> {
    let outcome: Outcome;
    const onAbort = () => this.wakeUp();
    this.opts.signal?.addEventListener("abort", onAbort);
    try {
      outcome = await this.runToEnd();
    } catch (e) {
      outcome = { ok: false, error: this.internalFailure(e) };
    } finally {
      this.opts.signal?.removeEventListener("abort", onAbort);
    }
    const memoryBytes = this.readMemoryInUse();
    try {
      this.teardown();
    } catch (e) {
      // Disposal failed (a leaked handle makes QuickJS abort): the module is unusable from now on.
      this.moduleBroken = true;
      if (outcome.ok) outcome = { ok: false, error: this.internalFailure(e) };
    }
    return finishRun(
      this.output,
      outcome,
      {
        engine: "javascript",
        cpuMs: Math.round(this.cpu.elapsedMs() * 1000) / 1000,
        ...(memoryBytes !== undefined ? { memoryBytes } : {}),
      },
      this.opts.onEvent,
    );
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------

  private async runToEnd(): Promise<Outcome> {
    if (this.opts.signal?.aborted) return this.stopOutcome("cancelled");
    const rt = this.module.newRuntime();
    this.rt = rt;
    rt.setMemoryLimit(this.memoryLimitBytes);
    rt.setMaxStackSize(MAX_STACK_BYTES);
    this.wallDeadline = performance.now() + this.wallTimeoutMs;
    this.wallTimer = setTimeout(() => this.wakeUp(), Math.min(this.wallTimeoutMs + 1, MAX_TIMER_MS));
    rt.setInterruptHandler(() => this.shouldInterrupt());
    this.ctx = rt.newContext();

    this.settingUp = true;
    const setupError = this.setUp();
    this.settingUp = false;
    // The CPU limit is for spell code: the engine's own setup (prelude, API globals) does not count.
    this.cpu.reset();
    if (setupError) return setupError;

    const started = this.startModule();
    if (started) return started;

    while (true) {
      this.dirty = false;
      await this.pump();
      const stop = this.currentStop();
      if (stop) return this.stopOutcome(stop);
      const settled = this.checkModule();
      if (settled) return settled;
      if (this.outstanding === 0 && this.watchers.length === 0 && !rt.hasPendingJob()) {
        return {
          ok: false,
          error: {
            kind: "runtime",
            message: "the spell is waiting for a promise that can never settle (nothing it awaits is still running)",
            engine: "javascript",
          },
        };
      }
      if (!this.dirty) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
    }
  }

  private wakeUp(): void {
    this.dirty = true;
    const w = this.wake;
    this.wake = null;
    w?.();
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
    for (const w of this.watchers.splice(0)) {
      if (w.handle.alive) w.handle.dispose();
      w.reject(new SpellError("cancelled", "the spell ended before this callback finished"));
    }
    for (const d of this.deferreds) if (d.alive) d.dispose();
    this.deferreds.clear();
    if (this.moduleHandle?.alive) this.moduleHandle.dispose();
    if (this.internals) for (const h of Object.values(this.internals)) if (h.alive) h.dispose();
    this.internals = null;
    this.ctx?.dispose();
    this.rt?.dispose();
    this.ctx = null;
    this.rt = null;
  }

  // ---- CPU accounting and interrupts ---------------------------------------------------------------------

  private inVm<T>(fn: () => T): T {
    let previousGuard: GrowthGuard | null = null;
    if (this.cpu.enter()) previousGuard = swapGrowthGuard(this.growthGuard);
    try {
      return fn();
    } finally {
      if (this.cpu.exit()) swapGrowthGuard(previousGuard);
    }
  }

  /** Refuses wasm memory growth past this run's limit (QuickJS's own count misses most of the bytes). */
  private readonly growthGuard: GrowthGuard = (bytes) => {
    // Growth happens synchronously inside the VM, so it belongs to the run that is in the VM now.
    if (this.suspendInterrupt || this.grownBytes + bytes <= this.memoryLimitBytes + MEMORY_BACKSTOP_SLACK_BYTES) {
      this.grownBytes += bytes;
      return true;
    }
    this.stop ??= "memory";
    return false;
  };

  private shouldInterrupt(): boolean {
    // Reading an error runs spell code too (getters, proxies): it gets a short budget of its own.
    if (this.suspendInterrupt) return performance.now() > this.describeDeadline;
    if (this.stop) return true;
    if (this.opts.signal?.aborted) this.stop = "cancelled";
    else if (!this.settingUp && this.cpu.exceeds(this.timeoutMs)) this.stop = "timeout";
    else if (performance.now() > this.wallDeadline) this.stop = "wall";
    return this.stop !== null;
  }

  private currentStop(): StopReason | null {
    if (this.stop) return this.stop;
    if (this.opts.signal?.aborted) return (this.stop = "cancelled");
    if (performance.now() > this.wallDeadline) return (this.stop = "wall");
    return null;
  }

  private stopOutcome(reason: StopReason, facts?: ThrownFacts): Outcome {
    const override = this.stopError(reason);
    const error = facts ? spellErrorFromFacts(facts, this.mapping, override) : { ...override, engine: "javascript" };
    return { ok: false, error };
  }

  private stopError(reason: StopReason): { kind: SpellErrorKind; message: string } {
    switch (reason) {
      case "timeout":
        return { kind: "timeout", message: STOP_MESSAGES.cpu(this.timeoutMs) };
      case "wall":
        return {
          kind: "timeout",
          message: STOP_MESSAGES.wall(this.wallTimeoutMs),
        };
      case "memory":
        return {
          kind: "memory",
          message: STOP_MESSAGES.memory(this.memoryLimitBytes),
        };
      case "cancelled":
        return { kind: "cancelled", message: STOP_MESSAGES.cancelled() };
    }
  }

  /** An outcome for something the spell threw; a stop (timeout, cancel) wins over the error it caused. */
  private failWith(facts: ThrownFacts): Outcome {
    const stop = this.currentStop();
    if (stop) return this.stopOutcome(stop, facts);
    const error = spellErrorFromFacts(facts, this.mapping);
    if (error.kind === "memory") {
      error.message = /string too long/.test(error.message)
        ? `the spell built a string longer than the engine allows (${error.message})`
        : this.stopError("memory").message;
    }
    return { ok: false, error };
  }

  // ---- setup ---------------------------------------------------------------------------------------------

  private setUp(): Outcome | null {
    const ctx = this.ctx!;
    return this.inVm(() => {
      const host = ctx.newObject();
      const fns: [string, QuickJSHandle][] = [
        ["log", ctx.newFunction("log", (level, text) => this.hostLog(level, text))],
        ["call", ctx.newFunction("call", (id, args) => this.hostCall(id, null, args))],
        ["method", ctx.newFunction("method", (id, handle, args) => this.hostCall(id, handle, args))],
      ];
      for (const [name, fn] of fns) {
        ctx.setProp(host, name, fn);
        fn.dispose();
      }
      const evaluated = ctx.evalCode(PRELUDE_SOURCE, PRELUDE_FILENAME, { type: "global", strict: true });
      if (evaluated.error) {
        host.dispose();
        return this.setupFailure(evaluated.error, "the engine prelude failed");
      }
      const chunk = ctx.newString(this.chunkName);
      const made = ctx.callFunction(evaluated.value, ctx.undefined, host, chunk);
      evaluated.value.dispose();
      chunk.dispose();
      host.dispose();
      if (made.error) return this.setupFailure(made.error, "the engine prelude failed");
      const internals = {} as Internals;
      for (const name of INTERNAL_NAMES) internals[name] = ctx.getProp(made.value, name);
      made.value.dispose();
      this.internals = internals;

      const { manifest, callables } = buildManifest(this.opts.api, this.opts.args);
      this.callables = callables;
      const text = ctx.newString(JSON.stringify(manifest));
      const installed = ctx.callFunction(internals.install, ctx.undefined, text);
      text.dispose();
      if (installed.error) return this.setupFailure(installed.error, "the spell API could not be installed");
      installed.value.dispose();

      const apiPrelude = this.opts.api?.preludes?.javascript;
      if (apiPrelude) {
        const ran = ctx.evalCode(apiPrelude, "<api-prelude>", { type: "global" });
        if (ran.error) return this.setupFailure(ran.error, "the spell API prelude failed");
        ran.value.dispose();
      }
      return null;
    });
  }

  private setupFailure(errorHandle: QuickJSHandle, what: string): Outcome {
    const facts = this.describe(errorHandle);
    errorHandle.dispose();
    const stop = this.currentStop();
    if (stop) return this.stopOutcome(stop);
    const error = spellErrorFromFacts(facts, { chunkName: "\u0000none", lineOffset: 0 });
    if (error.kind !== "memory") error.kind = "api";
    error.message = `${what}: ${error.message}`;
    return { ok: false, error };
  }

  private startModule(): Outcome | null {
    const ctx = this.ctx!;
    let result = this.inVm(() => ctx.evalCode(this.source, this.chunkName, { type: "module" }));
    if (result.error) {
      const facts = this.describe(result.error);
      result.error.dispose();
      const topLevelReturn = facts.name === "SyntaxError" && /return not in a function/.test(facts.message);
      if (!topLevelReturn || this.currentStop()) return this.failWith(facts);
      this.mapping.lineOffset = 1;
      this.mapping.lastLine = this.source.split("\n").length;
      this.inVm(() => {
        const offset = ctx.newNumber(1);
        const last = ctx.newNumber(this.mapping.lastLine!);
        const r = ctx.callFunction(this.internals!.setMapping, ctx.undefined, offset, last);
        offset.dispose();
        last.dispose();
        if (r.error) r.error.dispose();
        else r.value.dispose();
      });
      result = this.inVm(() =>
        ctx.evalCode(WRAP_PREFIX + this.source + WRAP_SUFFIX, this.chunkName, { type: "module" }),
      );
      if (result.error) {
        const wrappedFacts = this.describe(result.error);
        result.error.dispose();
        return this.failWith(wrappedFacts);
      }
    }
    this.moduleHandle = result.value;
    return null;
  }

  // ---- the pump ------------------------------------------------------------------------------------------

  /** Run pending jobs until there are none, letting the event loop breathe every {@link SLICE_MS}. */
  private async pump(): Promise<void> {
    const rt = this.rt!;
    let sliceStarted = performance.now();
    while (!this.ended && rt.hasPendingJob()) {
      const r = this.inVm(() => rt.executePendingJobs(64));
      if (r.error) {
        // Only an interrupt or an engine-level failure surfaces here; the module promise carries the rest.
        r.error.dispose();
      }
      if (this.stop) break;
      if (performance.now() - sliceStarted > SLICE_MS) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStarted = performance.now();
        if (this.currentStop()) break;
      }
    }
    if (!this.ended && !this.stop) this.settleWatchers();
  }

  private checkModule(): Outcome | null {
    const ctx = this.ctx!;
    const state = ctx.getPromiseState(this.moduleHandle!);
    if (state.type === "pending") return null;
    if (state.type === "rejected") {
      const facts = this.describe(state.error);
      state.error.dispose();
      return this.failWith(facts);
    }
    const settled = state.value;
    try {
      // The module settles to its namespace; once we wait on a promised default, it settles to the value.
      const value = this.awaitingDefault ? settled.dup() : ctx.getProp(settled, "default");
      if (!this.awaitingDefault && this.isPromise(value)) {
        // `export default somePromise`: wait for it, as a top-level `return` of a promise would.
        this.awaitingDefault = true;
        this.moduleHandle!.dispose();
        this.moduleHandle = value;
        return this.checkModule();
      }
      try {
        const encoded = this.inVm(() => ctx.callFunction(this.internals!.encodeResult, ctx.undefined, value));
        if (encoded.error) {
          const facts = this.describe(encoded.error);
          encoded.error.dispose();
          return this.failWith(facts);
        }
        const text = ctx.getString(encoded.value);
        encoded.value.dispose();
        return { ok: true, value: parseResult(text) };
      } finally {
        value.dispose();
      }
    } finally {
      if (!state.notAPromise && settled.alive) settled.dispose();
    }
  }

  private isPromise(handle: QuickJSHandle): boolean {
    const state = this.ctx!.getPromiseState(handle);
    if (state.type === "fulfilled" && state.notAPromise) return false;
    if (state.type === "fulfilled") state.value.dispose();
    if (state.type === "rejected") state.error.dispose();
    return true;
  }

  private settleWatchers(): void {
    const ctx = this.ctx!;
    for (const w of [...this.watchers]) {
      const state = ctx.getPromiseState(w.handle);
      if (state.type === "pending") continue;
      this.watchers.splice(this.watchers.indexOf(w), 1);
      if (state.type === "fulfilled") {
        const text = ctx.getString(state.value);
        if (!state.notAPromise) state.value.dispose();
        w.handle.dispose();
        try {
          w.resolve(parseFromSpell(text, this.functions) as JsonValue);
        } catch (e) {
          w.reject(e);
        }
      } else {
        const facts = this.describe(state.error);
        state.error.dispose();
        w.handle.dispose();
        w.reject(SpellError.from(spellErrorFromFacts(facts, this.mapping)));
      }
    }
  }

  // ---- host entry points (called from inside the VM) -----------------------------------------------------

  private hostLog(levelHandle: QuickJSHandle, textHandle: QuickJSHandle): void {
    const ctx = this.ctx!;
    const level = ctx.getString(levelHandle);
    this.output.log((LOG_LEVELS.has(level) ? level : "log") as LogLevel, ctx.getString(textHandle));
  }

  private hostCall(idHandle: QuickJSHandle, selfHandle: QuickJSHandle | null, argsHandle: QuickJSHandle): HostResult {
    const ctx = this.ctx!;
    const callable = this.callables[ctx.getNumber(idHandle)];
    if (!callable) return { error: this.errorHandle(new SpellError("api", "unknown API function")) };
    if (callable.className !== undefined) {
      const self: HandleRef = { $handle: ctx.getNumber(selfHandle!), $class: callable.className };
      const method = callable.fn as HostMethod;
      return this.callHost((args) => method(self, args), ctx.getString(argsHandle));
    }
    const fn = callable.fn as HostFunction;
    return this.callHost((args) => fn(args), ctx.getString(argsHandle));
  }

  private callHost(invoke: (args: HostValue[]) => HostValue | Promise<HostValue>, argsText: string): HostResult {
    let result: HostValue | Promise<HostValue>;
    try {
      const args = parseFromSpell(argsText, this.functions) as HostValue[];
      result = invoke(args);
    } catch (e) {
      return { error: this.errorHandle(e) };
    }
    if (isPromiseLike(result)) return this.promiseFor(result);
    return this.toVm(result);
  }

  private promiseFor(promise: PromiseLike<HostValue>): QuickJSHandle {
    const deferred = this.ctx!.newPromise();
    this.deferreds.add(deferred);
    this.outstanding++;
    promise.then(
      (value) => this.settleDeferred(deferred, true, value),
      (error: unknown) => this.settleDeferred(deferred, false, error),
    );
    return deferred.handle;
  }

  private settleDeferred(deferred: QuickJSDeferredPromise, ok: boolean, value: unknown): void {
    this.outstanding--;
    if (this.ended || !deferred.alive) return;
    try {
      this.inVm(() => {
        const converted = ok ? this.toVm(value as HostValue) : { error: this.errorHandle(value) };
        if ("error" in converted) {
          deferred.reject(converted.error);
          converted.error.dispose();
        } else {
          deferred.resolve(converted);
          converted.dispose();
        }
      });
    } catch {
      // The context could not take the value (out of memory, interrupted): the run's loop reports why.
    } finally {
      this.deferreds.delete(deferred);
      if (deferred.alive) deferred.dispose();
      this.wakeUp();
    }
  }

  /** A host value as a VM handle (fast paths for primitives), or an error handle to throw. */
  private toVm(value: HostValue): HostResult {
    const ctx = this.ctx!;
    switch (typeof value) {
      case "undefined":
        return ctx.undefined;
      case "boolean":
        return value ? ctx.true : ctx.false;
      case "number":
        return Number.isFinite(value) ? ctx.newNumber(value) : ctx.null;
      case "string":
        // newString stops at a NUL character: such strings go through the JSON path, which escapes it.
        if (!value.includes("\u0000")) return ctx.newString(value);
    }
    if (value === null) return ctx.null;
    let text: string;
    try {
      text = stringifyForSpell(value, this.functions);
    } catch (e) {
      return { error: this.errorHandle(e) };
    }
    const textHandle = ctx.newString(text);
    const decoded = ctx.callFunction(this.internals!.decode, ctx.undefined, textHandle);
    textHandle.dispose();
    if (decoded.error) return { error: decoded.error };
    return decoded.value;
  }

  /** A SpellError object inside the VM for a host error (host stacks never cross). */
  private errorHandle(e: unknown): QuickJSHandle {
    const ctx = this.ctx!;
    let kind: SpellErrorKind = "api";
    let message: string;
    let extra: Record<string, JsonValue> | undefined;
    if (e instanceof SpellError) {
      kind = e.kind;
      message = e.message;
      extra = {};
      if (e.line !== undefined) extra.line = e.line;
      if (e.column !== undefined) extra.column = e.column;
      if (e.data !== undefined) extra.data = e.data;
    } else if (e instanceof Error) {
      message = e.message;
    } else {
      message = String(e);
    }
    const kindHandle = ctx.newString(kind);
    const messageHandle = ctx.newString(message);
    const extraHandle = extra ? ctx.newString(JSON.stringify(extra)) : ctx.undefined;
    const made = ctx.callFunction(this.internals!.makeError, ctx.undefined, kindHandle, messageHandle, extraHandle);
    kindHandle.dispose();
    messageHandle.dispose();
    extraHandle.dispose();
    if (made.error) {
      made.error.dispose();
      return ctx.newError({ name: "SpellError", message });
    }
    return made.value;
  }

  // ---- spell functions called by the host ----------------------------------------------------------------

  private callSpellFunction(id: number, args: JsonValue[]): Promise<JsonValue> {
    if (this.ended || !this.ctx || !this.internals) {
      return Promise.reject(new SpellError("cancelled", "the spell has ended; its functions can no longer be called"));
    }
    const ctx = this.ctx;
    const internals = this.internals;
    return new Promise<JsonValue>((resolve, reject) => {
      let text: string;
      try {
        text = stringifyForSpell(args as HostValue, this.functions);
      } catch (e) {
        reject(e);
        return;
      }
      const result = this.inVm(() => {
        const idHandle = ctx.newNumber(id);
        const argsHandle = ctx.newString(text);
        try {
          return ctx.callFunction(internals.invoke, ctx.undefined, idHandle, argsHandle);
        } finally {
          idHandle.dispose();
          argsHandle.dispose();
        }
      });
      if (result.error) {
        const facts = this.describe(result.error);
        result.error.dispose();
        const stop = this.currentStop();
        const error = stop ? this.stopOutcome(stop, facts) : this.failWith(facts);
        reject(SpellError.from((error as { error: SpellErrorData }).error));
        return;
      }
      this.watchers.push({ handle: result.value, resolve, reject });
      this.wakeUp();
    });
  }

  // ---- errors --------------------------------------------------------------------------------------------

  /** Facts about a thrown value, read by the prelude with interrupts and the memory cap relaxed. */
  private describe(errorHandle: QuickJSHandle): ThrownFacts {
    const ctx = this.ctx!;
    const rt = this.rt!;
    this.suspendInterrupt = true;
    this.describeDeadline = performance.now() + DESCRIBE_BUDGET_MS;
    rt.setMemoryLimit(this.memoryLimitBytes + 4 * 1024 * 1024);
    try {
      if (this.internals) {
        const r = ctx.callFunction(this.internals.describe, ctx.undefined, errorHandle);
        if (!r.error) {
          const text = ctx.getString(r.value);
          r.value.dispose();
          return JSON.parse(text) as ThrownFacts;
        }
        r.error.dispose();
      }
      const dumped: unknown = ctx.dump(errorHandle);
      if (dumped && typeof dumped === "object") {
        const d = dumped as { name?: unknown; message?: unknown; stack?: unknown };
        return {
          isError: typeof d.name === "string",
          name: typeof d.name === "string" ? d.name : undefined,
          message: typeof d.message === "string" ? d.message : "",
          stack: typeof d.stack === "string" ? d.stack : undefined,
        };
      }
      return { isError: false, message: String(dumped) };
    } catch {
      return { isError: false, message: "an error that could not be read" };
    } finally {
      rt.setMemoryLimit(this.memoryLimitBytes);
      this.suspendInterrupt = false;
    }
  }

  private internalFailure(e: unknown): SpellErrorData {
    if (e instanceof SpellError) return { ...e.toJSON(), engine: "javascript" };
    const message = e instanceof Error ? e.message : String(e);
    return { kind: "runtime", message: `the JavaScript engine failed: ${message}`, engine: "javascript" };
  }
}

/** The limit when it is a positive finite number, else the default (limits are never switched off). */
