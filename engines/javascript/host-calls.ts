/**
 * The host side of a QuickJS run's calls across the bridge: the native entry points the prelude calls (log,
 * call a global's function, call a method on a handle), host values and errors as VM handles, a host promise
 * as a VM promise settled when it settles, and spell functions the host calls (each a promise the job pump
 * settles from the spell's own promise).
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from "quickjs-emscripten-core";
import { SpellError, type SpellErrorKind } from "../../lib/core/errors";
import {
  type HandleRef,
  type HostFunction,
  type HostMethod,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { type LogLevel } from "../../lib/core/events";
import { type JsonValue } from "../../lib/core/json";
import { type RunOutput } from "../../lib/core/run-output";
import { parseFromSpell, stringifyForSpell, type FunctionTable } from "./convert";
import { type Failure, type ThrownFacts } from "./errors";
import type { StopReason, VmGuard } from "./interrupts";
import type { Internals } from "./prelude";

const LOG_LEVELS: ReadonlySet<string> = new Set(["debug", "info", "log", "warn", "error"]);

/** A value for the VM, or an error for it to throw. */
type HostResult = QuickJSHandle | { error: QuickJSHandle };

/** What a spell can call on the host, by the index the manifest gave it. */
export interface Callable {
  label: string;
  /** Set for methods: the class of the receiver. */
  className?: string;
  fn: HostFunction | HostMethod;
}

/** What the host calls need from their run. */
export interface HostCallContext {
  readonly ctx: QuickJSContext | null;
  readonly internals: Internals | null;
  /** The run has ended (its context is gone or going). */
  readonly ended: boolean;
  readonly output: Pick<RunOutput, "log">;
  readonly guard: Pick<VmGuard, "inVm" | "currentStop">;
  /** The job pump: woken when a host promise settles; watches the promise a spell function returned. */
  readonly pump: {
    wakeUp(): void;
    watch(handle: QuickJSHandle, resolve: (v: JsonValue) => void, reject: (e: unknown) => void): void;
  };
  describe(errorHandle: QuickJSHandle): ThrownFacts;
  failWith(facts: ThrownFacts): Failure;
  stopOutcome(reason: StopReason, facts?: ThrownFacts): Failure;
}

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

export class JsHostCalls {
  /** What the spell can call, by the index the manifest gave it (set when the API is installed). */
  callables: Callable[] = [];
  private readonly deferreds = new Set<QuickJSDeferredPromise>();
  /** Host promises the spell was given that have not settled yet. */
  outstanding = 0;

  private readonly fnById = new Map<number, SpellFunction>();
  private readonly idByFn = new WeakMap<SpellFunction, number>();
  readonly functions: FunctionTable = {
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

  constructor(private readonly run: HostCallContext) {}

  // ---- host entry points (called from inside the VM) -----------------------------------------------------

  hostLog(levelHandle: QuickJSHandle, textHandle: QuickJSHandle): void {
    const ctx = this.run.ctx!;
    const level = ctx.getString(levelHandle);
    this.run.output.log((LOG_LEVELS.has(level) ? level : "log") as LogLevel, ctx.getString(textHandle));
  }

  hostCall(idHandle: QuickJSHandle, selfHandle: QuickJSHandle | null, argsHandle: QuickJSHandle): HostResult {
    const ctx = this.run.ctx!;
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

  // ---- host promises -------------------------------------------------------------------------------------

  private promiseFor(promise: PromiseLike<HostValue>): QuickJSHandle {
    const deferred = this.run.ctx!.newPromise();
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
    if (this.run.ended || !deferred.alive) return;
    try {
      this.run.guard.inVm(() => {
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
      this.run.pump.wakeUp();
    }
  }

  /** Dispose of the VM promises still waiting on the host (the run has ended). */
  disposeDeferreds(): void {
    for (const d of this.deferreds) if (d.alive) d.dispose();
    this.deferreds.clear();
  }

  // ---- values and errors into the VM ---------------------------------------------------------------------

  /** A host value as a VM handle (fast paths for primitives), or an error handle to throw. */
  private toVm(value: HostValue): HostResult {
    const ctx = this.run.ctx!;
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
    const decoded = ctx.callFunction(this.run.internals!.decode, ctx.undefined, textHandle);
    textHandle.dispose();
    if (decoded.error) return { error: decoded.error };
    return decoded.value;
  }

  /** A SpellError object inside the VM for a host error (host stacks never cross). */
  private errorHandle(e: unknown): QuickJSHandle {
    const ctx = this.run.ctx!;
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
    const made = ctx.callFunction(this.run.internals!.makeError, ctx.undefined, kindHandle, messageHandle, extraHandle);
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
    const run = this.run;
    if (run.ended || !run.ctx || !run.internals) {
      return Promise.reject(new SpellError("cancelled", "the spell has ended; its functions can no longer be called"));
    }
    const ctx = run.ctx;
    const internals = run.internals;
    return new Promise<JsonValue>((resolve, reject) => {
      let text: string;
      try {
        text = stringifyForSpell(args as HostValue, this.functions);
      } catch (e) {
        reject(e);
        return;
      }
      const result = run.guard.inVm(() => {
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
        const facts = run.describe(result.error);
        result.error.dispose();
        const stop = run.guard.currentStop();
        const error = stop ? run.stopOutcome(stop, facts) : run.failWith(facts);
        reject(SpellError.from(error.error));
        return;
      }
      run.pump.watch(result.value, resolve, reject);
    });
  }
}
