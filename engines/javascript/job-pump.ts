/**
 * The job pump of a QuickJS run: it runs the VM's pending jobs (promise reactions) until the spell's module
 * settles, sleeping while host promises are out and waking when one settles, letting the event loop breathe
 * every {@link SLICE_MS} of VM time; it settles the promises of spell functions the host called, and reads
 * the module's value (awaiting a promise given as the default export).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { SpellError, type SpellErrorData } from "../../lib/core/errors";
import { type JsonValue } from "../../lib/core/json";
import { parseFromSpell, parseResult, type FunctionTable } from "./convert";
import { spellErrorFromFacts, type Failure, type SourceMapping, type ThrownFacts } from "./errors";
import type { StopReason, VmGuard } from "./interrupts";
import type { Internals } from "./prelude";

/** Continuous VM time after which the job pump lets the event loop run (abort events, timers). */
const SLICE_MS = 25;

type Outcome = { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };

/** A spell function's promise the host is waiting on. */
interface Watcher {
  handle: QuickJSHandle;
  resolve: (v: JsonValue) => void;
  reject: (e: unknown) => void;
}

/** What the pump needs from its run. */
export interface PumpContext {
  readonly rt: QuickJSRuntime | null;
  readonly ctx: QuickJSContext | null;
  readonly internals: Internals | null;
  readonly ended: boolean;
  readonly mapping: SourceMapping;
  readonly guard: Pick<VmGuard, "inVm" | "currentStop" | "stop">;
  readonly host: { readonly outstanding: number; readonly functions: FunctionTable };
  describe(errorHandle: QuickJSHandle): ThrownFacts;
  failWith(facts: ThrownFacts): Failure;
  stopOutcome(reason: StopReason, facts?: ThrownFacts): Failure;
}

export class JobPump {
  private readonly watchers: Watcher[] = [];
  private dirty = false;
  private wake: (() => void) | null = null;
  private moduleHandle: QuickJSHandle | null = null;
  /** True once the module exported a promise as its default and the run waits for that promise instead. */
  private awaitingDefault = false;

  constructor(private readonly run: PumpContext) {}

  /** Something happened (a host promise settled, a cancel, the wall clock): the pump looks again. */
  wakeUp(): void {
    this.dirty = true;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Settle `resolve`/`reject` from the spell promise `handle` (taken over by the pump) once it settles. */
  watch(handle: QuickJSHandle, resolve: (v: JsonValue) => void, reject: (e: unknown) => void): void {
    this.watchers.push({ handle, resolve, reject });
    this.wakeUp();
  }

  /** Pump jobs until the spell's module (the promise `moduleHandle`, taken over) settles or the run stops. */
  async runModule(moduleHandle: QuickJSHandle): Promise<Outcome> {
    this.moduleHandle = moduleHandle;
    return this.runUntil(() => this.checkModule());
  }

  /**
   * Pump jobs until the promise `handle` (taken over; a session's script evaluated with top-level await) settles
   * or the run stops; `read` turns the value it fulfils with into the outcome.
   */
  async runPromise(handle: QuickJSHandle, read: (value: QuickJSHandle) => Outcome): Promise<Outcome> {
    this.moduleHandle = handle;
    return this.runUntil(() => this.checkPromise(read));
  }

  private async runUntil(check: () => Outcome | null): Promise<Outcome> {
    const rt = this.run.rt!;
    while (true) {
      this.dirty = false;
      await this.pump();
      const stop = this.run.guard.currentStop();
      if (stop) return this.run.stopOutcome(stop);
      const settled = check();
      if (settled) return settled;
      if (this.run.host.outstanding === 0 && this.watchers.length === 0 && !rt.hasPendingJob()) {
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

  /** Run pending jobs until there are none, letting the event loop breathe every {@link SLICE_MS}. */
  private async pump(): Promise<void> {
    const { run } = this;
    const rt = run.rt!;
    let sliceStarted = performance.now();
    while (!run.ended && rt.hasPendingJob()) {
      const r = run.guard.inVm(() => rt.executePendingJobs(64));
      if (r.error) {
        // Only an interrupt or an engine-level failure surfaces here; the module promise carries the rest.
        r.error.dispose();
      }
      if (run.guard.stop) break;
      if (performance.now() - sliceStarted > SLICE_MS) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStarted = performance.now();
        if (run.guard.currentStop()) break;
      }
    }
    if (!run.ended && !run.guard.stop) this.settleWatchers();
  }

  private checkModule(): Outcome | null {
    const { run } = this;
    const ctx = run.ctx!;
    const state = ctx.getPromiseState(this.moduleHandle!);
    if (state.type === "pending") return null;
    if (state.type === "rejected") {
      const facts = run.describe(state.error);
      state.error.dispose();
      return run.failWith(facts);
    }
    const settled = state.value;
    try {
      // The module settles to its namespace; once we wait on a promised default, it settles to the value.
      const value = this.awaitingDefault ? settled.dup() : ctx.getProp(settled, "default");
      if (!this.awaitingDefault && this.isPromise(ctx, value)) {
        // `export default somePromise`: wait for it, as a top-level `return` of a promise would.
        this.awaitingDefault = true;
        this.moduleHandle!.dispose();
        this.moduleHandle = value;
        return this.checkModule();
      }
      try {
        const encoded = run.guard.inVm(() => ctx.callFunction(run.internals!.encodeResult, ctx.undefined, value));
        if (encoded.error) {
          const facts = run.describe(encoded.error);
          encoded.error.dispose();
          return run.failWith(facts);
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

  private checkPromise(read: (value: QuickJSHandle) => Outcome): Outcome | null {
    const { run } = this;
    const state = run.ctx!.getPromiseState(this.moduleHandle!);
    if (state.type === "pending") return null;
    if (state.type === "rejected") {
      const facts = run.describe(state.error);
      state.error.dispose();
      return run.failWith(facts);
    }
    try {
      return read(state.value);
    } finally {
      if (!state.notAPromise && state.value.alive) state.value.dispose();
    }
  }

  private isPromise(ctx: QuickJSContext, handle: QuickJSHandle): boolean {
    const state = ctx.getPromiseState(handle);
    if (state.type === "fulfilled" && state.notAPromise) return false;
    if (state.type === "fulfilled") state.value.dispose();
    if (state.type === "rejected") state.error.dispose();
    return true;
  }

  private settleWatchers(): void {
    const { run } = this;
    const ctx = run.ctx!;
    for (const w of [...this.watchers]) {
      const state = ctx.getPromiseState(w.handle);
      if (state.type === "pending") continue;
      this.watchers.splice(this.watchers.indexOf(w), 1);
      if (state.type === "fulfilled") {
        const text = ctx.getString(state.value);
        if (!state.notAPromise) state.value.dispose();
        w.handle.dispose();
        try {
          w.resolve(parseFromSpell(text, run.host.functions) as JsonValue);
        } catch (e) {
          w.reject(e);
        }
      } else {
        const facts = run.describe(state.error);
        state.error.dispose();
        w.handle.dispose();
        w.reject(SpellError.from(spellErrorFromFacts(facts, run.mapping)));
      }
    }
  }

  /** The run has ended: the host stops waiting on spell functions. */
  rejectWatchers(): void {
    for (const w of this.watchers.splice(0)) {
      if (w.handle.alive) w.handle.dispose();
      w.reject(new SpellError("cancelled", "the spell ended before this callback finished"));
    }
  }

  /** The run has ended: let go of the module's handle. */
  disposeModule(): void {
    if (this.moduleHandle?.alive) this.moduleHandle.dispose();
  }
}
