/**
 * The host side of a JavaScript debug run: the hooks the rewritten spell calls (./debug-rewrite.ts), the line
 * flags they read, the pause (a VM promise the client settles, or a synchronous answer in a synchronous frame),
 * and the inspector over the paused line's scopes (getters the rewrite built) and the VM's stack.
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from "quickjs-emscripten-core";
import {
  type DebugAction,
  type DebugEngine,
  type DebugFrame,
  type DebugInspector,
  type DebugScope,
  type DebugSession,
  type DebugVariable,
  type EvaluateResult,
  type HostCallInfo,
  type PauseReason,
  type StepPosition,
} from "../../lib/core/debug";
import { type CpuMeter } from "../../lib/core/cpu-meter";
import { DEBUG_GLOBAL } from "./debug-rewrite";
import type { StopReason } from "./interrupts";

/** The VM half: the hooks, the flags, and value helpers (evaluated once per debug run). */
const DEBUG_PRELUDE = String.raw`(function (host, lines) {
  "use strict";
  // One flag per line, in bounds (an out-of-bounds read of an array takes QuickJS's slow property path).
  const b = new Uint8Array(lines + 1);
  const E = Error, keys = Object.keys, isArray = Array.isArray, str = JSON.stringify, F = Function;
  function h(line, scopes) { return host.line(line, new E().stack, scopes, true); }
  function s(line, scopes) { host.line(line, new E().stack, scopes, false); }
  globalThis.${DEBUG_GLOBAL} = { b, h, s };
  function flags(all, armed) {
    b.fill(all ? 1 : 0);
    if (!all) for (const l of armed) if (l < b.length) b[l] = 1;
  }
  function short(v, depth) {
    if (v === null) return "null";
    switch (typeof v) {
      case "undefined": return "undefined";
      case "string": return str(v.length > 400 ? v.slice(0, 400) + "…" : v);
      case "number": case "boolean": case "bigint": return String(v);
      case "function": return "function " + (v.name || "(anonymous)");
      case "symbol": return String(v);
    }
    if (depth > 0) return isArray(v) ? "[…]" : "{…}";
    try {
      if (isArray(v)) {
        const parts = v.slice(0, 6).map((x) => short(x, depth + 1));
        if (v.length > 6) parts.push("…");
        return "[" + parts.join(", ") + "]";
      }
      const ks = keys(v);
      const parts = ks.slice(0, 6).map((k) => k + ": " + short(v[k], depth + 1));
      if (ks.length > 6) parts.push("…");
      return "{" + parts.join(", ") + "}";
    } catch (e) { return "{…}"; }
  }
  function kind(v) {
    if (v === null) return "null";
    if (isArray(v)) return "array";
    return typeof v;
  }
  function describe(name, v) {
    return { name, value: short(v, 0), type: kind(v), expandable: v !== null && typeof v === "object" };
  }
  // [[name, getter]...] of one scope object: each read on its own (a let in its dead zone throws).
  function read(scope) {
    const out = [];
    for (const k of keys(scope)) {
      try { out.push(describe(k, scope[k]())); }
      catch (e) { out.push({ name: k, value: "<uninitialized>", type: "uninitialized", expandable: false }); }
    }
    return out;
  }
  function get(scope, name) { return scope[name](); }
  function children(v) {
    const out = [];
    const ks = keys(v);
    for (let i = 0; i < ks.length && i < 500; i++) {
      let x;
      try { x = v[ks[i]]; } catch (e) { x = undefined; }
      out.push(describe(isArray(v) ? "[" + ks[i] + "]" : ks[i], x));
    }
    return out;
  }
  function child(v, i) { return v[keys(v)[i]]; }
  function evaluate(scopes, expr) {
    const names = [], values = [];
    for (let g = scopes.length - 1; g >= 0; g--) for (const k of keys(scopes[g])) {
      let v;
      try { v = scopes[g][k](); } catch (e) { continue; }
      const i = names.indexOf(k);
      if (i >= 0) values[i] = v; else { names.push(k); values.push(v); }
    }
    return F(...names, "return (" + expr + "\n);")(...values);
  }
  function scopeValue(scopes, g, name) { return scopes[g][name](); }
  return { flags, read, get, children, child, evaluate, describe, scopeValue };
})`;

const HELPERS = ["flags", "read", "children", "child", "evaluate", "describe", "scopeValue"] as const;
type Helpers = Record<(typeof HELPERS)[number], QuickJSHandle>;

interface VmVariable {
  name: string;
  value: string;
  type: string;
  expandable: boolean;
}

/** What the debugger needs from its run. */
export interface JsDebugContext {
  readonly ctx: QuickJSContext | null;
  readonly chunkName: string;
  readonly mapping: { lineOffset: number };
  readonly guard: {
    inVm<T>(fn: () => T): T;
    stop: StopReason | null;
    wallDeadline: number;
    readonly cpu: CpuMeter;
    pausedMs: () => number;
    pausedNow: () => boolean;
  };
  readonly host: { outstanding: number };
  readonly pump: { wakeUp(): void };
  readonly output: { log(level: "log", text: string): void };
  readonly ended: boolean;
}

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+)(?::\d+)?\)?\s*$/;
const SCOPE_NAMES = ["Locals", "Closure", "Globals"] as const;

export class JsDebugger implements DebugEngine {
  private helpers: Helpers | null = null;
  private flagsKey = "";
  private deferredReason: PauseReason | null = null;
  private readonly deferreds = new Set<QuickJSDeferredPromise>();
  /** Number of lines in the spell (every line's flag is set while stepping). */
  private readonly lineCount: number;
  /** The last line the session looked at (while armed): where a host call it pauses at was made. */
  private last: { pos: StepPosition; frames: DebugFrame[]; scopes: QuickJSHandle } | null = null;
  private detach: (() => void) | null = null;

  constructor(
    private readonly run: JsDebugContext,
    readonly session: DebugSession,
    source: string,
  ) {
    this.lineCount = source.split("\n").length;
    run.guard.pausedMs = () => session.pausedMs();
    run.guard.pausedNow = () => session.paused;
  }

  /** Define the hooks in the VM (before the rewritten spell is evaluated). */
  install(): void {
    const ctx = this.run.ctx!;
    this.run.guard.inVm(() => {
      const host = ctx.newObject();
      const line = ctx.newFunction("line", (l, stack, scopes, canAwait) =>
        this.onLine(ctx.getNumber(l), ctx.getString(stack), scopes, ctx.dump(canAwait) === true),
      );
      ctx.setProp(host, "line", line);
      line.dispose();
      const made = ctx.evalCode(DEBUG_PRELUDE, "<llmspell-debug>", { type: "global", strict: true });
      if (made.error) {
        const why = ctx.dump(made.error) as unknown;
        made.error.dispose();
        host.dispose();
        throw new Error(`the debug prelude failed: ${JSON.stringify(why)}`);
      }
      const size = ctx.newNumber(this.lineCount + this.run.mapping.lineOffset + 1);
      const r = ctx.callFunction(made.value, ctx.undefined, host, size);
      size.dispose();
      made.value.dispose();
      host.dispose();
      if (r.error) {
        r.error.dispose();
        throw new Error("the debug prelude failed");
      }
      const helpers = {} as Helpers;
      for (const name of HELPERS) helpers[name] = ctx.getProp(r.value, name);
      r.value.dispose();
      this.helpers = helpers;
    });
    this.detach = this.session.attachEngine(this);
    this.refreshFlags();
  }

  /** Set the VM's line flags from the session when they changed (breakpoints, stepping, a pause request). */
  refreshFlags(): void {
    const ctx = this.run.ctx;
    if (!ctx || !this.helpers || this.run.ended) return;
    const s = this.session;
    const all = s.armed || this.deferredReason !== null;
    const lines = all ? [] : s.breakpoints().map((b) => b.line);
    const key = all ? "all" : lines.join(",");
    if (key === this.flagsKey) return;
    this.flagsKey = key;
    const helpers = this.helpers;
    this.run.guard.inVm(() => {
      const arr = ctx.newArray();
      lines.forEach((l, i) => {
        const n = ctx.newNumber(l);
        ctx.setProp(arr, i, n);
        n.dispose();
      });
      const r = ctx.callFunction(helpers.flags, ctx.undefined, all ? ctx.true : ctx.false, arr);
      arr.dispose();
      if (r.error) r.error.dispose();
      else r.value.dispose();
    });
  }

  private onLine(line: number, stack: string, scopes: QuickJSHandle, canAwait: boolean): QuickJSHandle | undefined {
    const run = this.run;
    const session = this.session;
    if (session.stopRequested) {
      run.guard.stop ??= "cancelled";
      return undefined;
    }
    const frames = this.frames(line, stack);
    const pos: StepPosition = { line, depth: frames.length, thread: 0, rootThread: true };
    const inspector = new JsInspector(this, scopes, frames);
    this.remember(pos, frames, scopes);
    let reason: PauseReason | null;
    if (this.deferredReason && (canAwait || session.client.synchronous)) {
      reason = this.deferredReason;
      this.deferredReason = null;
      session.decide(
        pos,
        () => ({ ok: false, error: "" }),
        () => {},
      );
    } else {
      reason = session.decide(
        pos,
        (e) => inspector.evaluate(e, 0),
        (text) => run.output.log("log", text),
      );
    }
    if (reason && !canAwait && !session.client.synchronous) {
      // A synchronous frame and a client that answers later: pause at the next statement that can await.
      this.deferredReason ??= reason;
      reason = null;
    }
    if (!reason) {
      inspector.dispose();
      this.refreshFlags();
      return undefined;
    }
    const pause = { reason, line, frames };
    if (!canAwait) {
      const before = session.pausedMs();
      let action;
      try {
        action = session.pause(pause, inspector, pos);
      } finally {
        inspector.dispose();
      }
      if (typeof action !== "string") throw new Error("a synchronous debug client answered with a promise");
      const paused = session.pausedMs() - before;
      // The client held the VM from inside a host call: that time is not the spell's CPU.
      run.guard.cpu.discount(paused);
      this.afterPause(action);
      return undefined;
    }
    // Wait where the spell can: a VM promise the client settles (the pump sleeps, no CPU is counted).
    const ctx = run.ctx!;
    inspector.retain();
    const deferred = ctx.newPromise();
    this.deferreds.add(deferred);
    run.host.outstanding++;
    const settle = (action: string) => {
      inspector.dispose();
      run.host.outstanding--;
      this.afterPause(action);
      this.deferreds.delete(deferred);
      if (!run.ended && deferred.alive) {
        run.guard.inVm(() => deferred.resolve(ctx.undefined));
        deferred.dispose();
      }
      run.pump.wakeUp();
    };
    void Promise.resolve()
      .then(() => session.pause(pause, inspector, pos))
      .then(settle, () => settle("stop"));
    return deferred.handle;
  }

  /** Keep the line's scopes while stepping (a step into a host call made on it pauses there). */
  private remember(pos: StepPosition, frames: DebugFrame[], scopes: QuickJSHandle): void {
    this.forget();
    if (this.session.armed || this.session.lineFlags[pos.line] === 1) this.last = { pos, frames, scopes: scopes.dup() };
  }

  private forget(): void {
    if (this.last?.scopes.alive) this.last.scopes.dispose();
    this.last = null;
  }

  /** Pause at a host call the spell is making: the VM is idle (the spell awaits the call), its scopes as at the call's line. */
  pauseAtHostCall(call: HostCallInfo, reason: PauseReason): Promise<DebugAction> | null {
    const last = this.last;
    if (!last || this.run.ended || !last.scopes.alive) return null;
    const inspector = new JsInspector(this, last.scopes, last.frames);
    inspector.retain();
    const pause = { reason, line: last.pos.line, frames: last.frames, hostCall: call };
    return Promise.resolve()
      .then(() => this.session.pause(pause, inspector, last.pos))
      .then(
        (action) => action,
        () => "stop" as const,
      )
      .then((action) => {
        inspector.dispose();
        this.afterPause(action);
        this.run.pump.wakeUp();
        return action;
      });
  }

  private afterPause(action: string): void {
    const run = this.run;
    if (action === "stop") run.guard.stop ??= "cancelled";
    this.refreshFlags();
  }

  /** The spell's frames of a VM stack, innermost first, in the spell's line numbers. */
  private frames(line: number, stack: string): DebugFrame[] {
    const out: DebugFrame[] = [];
    for (const text of stack.split("\n")) {
      const m = FRAME.exec(text);
      if (!m || m[2] !== this.run.chunkName) continue;
      const l = Number(m[3]) - this.run.mapping.lineOffset;
      // The module's own line that calls the wrapper of a spell with a top-level return is not the spell's.
      if (l < 1 || l > this.lineCount) continue;
      const raw = m[1] ?? "";
      const name = raw === "" || raw === "<anonymous>" || raw === "<eval>" ? "?" : raw;
      out.push({ id: out.length, name, line: out.length === 0 ? line : l });
    }
    // The outermost spell frame is the top level.
    if (out.length > 0) out[out.length - 1].name = "main chunk";
    return out;
  }

  callHelper(
    name: (typeof HELPERS)[number],
    ...args: QuickJSHandle[]
  ): { value: unknown; handle?: QuickJSHandle; error?: string } {
    const ctx = this.run.ctx!;
    return this.run.guard.inVm(() => {
      const r = ctx.callFunction(this.helpers![name], ctx.undefined, ...args);
      if (r.error) {
        const e = ctx.dump(r.error) as { message?: string } | string;
        r.error.dispose();
        return { value: undefined, error: typeof e === "object" && e?.message ? e.message : String(e) };
      }
      const value = ctx.dump(r.value) as unknown;
      return { value, handle: r.value };
    });
  }

  get context(): QuickJSContext {
    return this.run.ctx!;
  }

  get ended(): boolean {
    return this.run.ended;
  }

  dispose(): void {
    this.detach?.();
    this.forget();
    for (const d of this.deferreds) if (d.alive) d.dispose();
    this.deferreds.clear();
    if (this.helpers) for (const h of Object.values(this.helpers)) if (h.alive) h.dispose();
    this.helpers = null;
  }
}

type Held = { kind: "scope"; group: number } | { kind: "value"; handle: QuickJSHandle };

/** The paused line's scopes (frame 0; callers' frames show their names and lines only). */
class JsInspector implements DebugInspector {
  private scopesHandle: QuickJSHandle;
  private retained = false;
  private readonly held = new Map<number, Held>();
  private nextRef = 1;
  private disposed = false;

  constructor(
    private readonly dbg: JsDebugger,
    scopes: QuickJSHandle,
    private readonly frames: DebugFrame[],
  ) {
    this.scopesHandle = scopes;
  }

  /** Keep the scopes past the hook call (an awaited pause). */
  retain(): void {
    this.scopesHandle = this.scopesHandle.dup();
    this.retained = true;
  }

  scopes(frameId: number): DebugScope[] {
    if (frameId !== 0 || this.disposed) return [];
    return SCOPE_NAMES.map((name, group) => {
      const ref = this.nextRef++;
      this.held.set(ref, { kind: "scope", group });
      return { name, ref };
    });
  }

  variables(ref: number): DebugVariable[] {
    const h = this.held.get(ref);
    if (!h || this.disposed || this.dbg.ended) return [];
    const ctx = this.dbg.context;
    if (h.kind === "scope") {
      const group = ctx.getProp(this.scopesHandle, h.group);
      try {
        const r = this.dbg.callHelper("read", group);
        r.handle?.dispose();
        const vars = (r.value as VmVariable[] | undefined) ?? [];
        return vars.map((v) => this.withRef(v, () => this.scopeValue(h.group, v.name)));
      } finally {
        group.dispose();
      }
    }
    const r = this.dbg.callHelper("children", h.handle);
    r.handle?.dispose();
    const vars = (r.value as VmVariable[] | undefined) ?? [];
    return vars.map((v, i) => this.withRef(v, () => this.childValue(h.handle, i)));
  }

  private scopeValue(group: number, name: string): QuickJSHandle | undefined {
    const ctx = this.dbg.context;
    const g = ctx.newNumber(group);
    const n = ctx.newString(name);
    try {
      return this.dbg.callHelper("scopeValue", this.scopesHandle, g, n).handle;
    } finally {
      g.dispose();
      n.dispose();
    }
  }

  private childValue(parent: QuickJSHandle, i: number): QuickJSHandle | undefined {
    const idx = this.dbg.context.newNumber(i);
    try {
      return this.dbg.callHelper("child", parent, idx).handle;
    } finally {
      idx.dispose();
    }
  }

  private withRef(v: VmVariable, handle: () => QuickJSHandle | undefined): DebugVariable {
    const out: DebugVariable = { name: v.name, value: v.value, type: v.type };
    if (v.expandable) {
      const h = handle();
      if (h) {
        const ref = this.nextRef++;
        this.held.set(ref, { kind: "value", handle: h });
        out.ref = ref;
      }
    }
    return out;
  }

  evaluate(expression: string, frameId = 0): EvaluateResult {
    if (this.disposed || this.dbg.ended) return { ok: false, error: "the run is not paused" };
    if (frameId !== 0 && this.frames.length > 0) return { ok: false, error: "only the paused frame can evaluate" };
    const ctx = this.dbg.context;
    const expr = ctx.newString(expression);
    try {
      const r = this.dbg.callHelper("evaluate", this.scopesHandle, expr);
      if (r.error !== undefined) return { ok: false, error: r.error };
      const name = ctx.newString(expression);
      const d = this.dbg.callHelper("describe", name, r.handle!);
      name.dispose();
      d.handle?.dispose();
      const out = this.withRef(d.value as VmVariable, () => r.handle);
      if (out.ref === undefined) r.handle?.dispose();
      return { ok: true, value: out };
    } finally {
      expr.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const h of this.held.values()) if (h.kind === "value" && h.handle.alive) h.handle.dispose();
    this.held.clear();
    if (this.retained && this.scopesHandle.alive) this.scopesHandle.dispose();
  }
}
