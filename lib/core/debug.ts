/**
 * The debug protocol every engine speaks, and the one session object that decides when a run pauses.
 *
 * A debug run passes a {@link DebugSession} to the engine (`ExecuteOptions.debug`). The engine reports each new
 * line the spell reaches (`shouldPause` on a fast path, `decide` when something is armed); when the session
 * says to pause, the engine suspends the spell (Lua: its C hook yields the coroutine to the driver; JavaScript:
 * the rewritten source awaits, or calls a blocking client in synchronous code) and hands the client a
 * {@link DebugPause} plus a {@link DebugInspector} that reads the paused frame. The client's
 * {@link DebugAction} resumes it. Paused time is neither CPU time nor wall-clock time: {@link DebugSession.pausedMs}
 * is what every wall clock subtracts.
 *
 * Written by hand (not a DAP library): DAP's request/response wire is much larger than what a spell needs and
 * no DAP implementation runs inside a Web Worker next to a wasm VM; this keeps DAP's vocabulary (frames,
 * scopes, variables references, stepping) so a DAP adapter could sit on top.
 */
import type { CallObserver } from "./call-observer";
import { SpellError } from "./errors";
import type { TraceKind } from "./events";
import type { JsonValue } from "./json";

/** A breakpoint on a line of the spell. */
export interface Breakpoint {
  line: number;
  /** An expression in the spell's language; the breakpoint pauses only when it is truthy. */
  condition?: string;
  /** Pause only from the n-th time the line is reached (1 = every time). */
  hitCount?: number;
  /** A logpoint: log this message (with `{expr}` parts evaluated in the frame) instead of pausing. */
  logMessage?: string;
}

/** How the client resumes a paused run. */
export type DebugAction = "continue" | "stepOver" | "stepInto" | "stepOut" | "stop";

export type PauseReason = "breakpoint" | "step" | "pause";

export interface DebugFrame {
  /** 0 is the paused frame; higher ids are its callers. */
  id: number;
  /** The function's name (`main chunk` for the spell's top level, `?` when it has none). */
  name: string;
  line: number;
}

/** A value as the debugger shows it. `ref` > 0 means it has children: ask {@link DebugInspector.variables}. */
export interface DebugVariable {
  name: string;
  value: string;
  type: string;
  ref?: number;
}

export interface DebugScope {
  name: "Locals" | "Upvalues" | "Closure" | "Globals";
  ref: number;
}

/** An agent, tool, workflow or workflow step the spell is calling (a step into it) or has called (a step over it). */
export interface HostCallInfo {
  kind: TraceKind;
  /** What is called and its name: `agent helper`, `tool calculator`, `workflow pipeline`, `step summarize`. */
  name: string;
  /** `request`: paused at the call, `value` is the agent's input or the tool's params. `response`: its result. */
  phase: "request" | "response";
  /** The request or the response (`{error}` when the call failed). */
  value: JsonValue;
}

/** Calls a step can pause at (model calls, hooks and events run inside these). */
const STEPPABLE_CALLS: ReadonlySet<TraceKind> = new Set(["agent", "tool", "workflow", "step"]);

/**
 * What the engine running a session offers for a pause it does not start itself: a host call the spell API is
 * making. The engine pauses where the spell is (its frames and scopes as at the line that made the call) and
 * resolves with the client's action; null when it cannot show a frame (the call then goes on).
 */
export interface DebugEngine {
  pauseAtHostCall(call: HostCallInfo, reason: PauseReason): Promise<DebugAction> | null;
}

export interface DebugPause {
  reason: PauseReason;
  line: number;
  frames: DebugFrame[];
  /** Set when the pause is at a host call (request) or right after one (response). */
  hostCall?: HostCallInfo;
}

/** Reads the paused run; valid only until the run resumes. */
export interface DebugInspector {
  scopes(frameId: number): DebugScope[];
  variables(ref: number): DebugVariable[];
  /** Evaluate an expression in frame `frameId` (default 0). */
  evaluate(expression: string, frameId?: number): EvaluateResult;
}

export type EvaluateResult = { ok: true; value: DebugVariable } | { ok: false; error: string };

/**
 * Who drives a debug session: the CLI's stdin reader, the page through the worker protocol, a test script. A
 * synchronous answer works everywhere; a Promise works wherever the engine can suspend (Lua everywhere,
 * JavaScript at the top level and in async functions; a pause in a synchronous JavaScript function with an
 * asynchronous client moves to the next statement that can await).
 */
export interface DebugClient {
  /** True when `paused` always answers at once (then synchronous JavaScript frames pause where they are). */
  readonly synchronous?: boolean;
  paused(pause: DebugPause, inspector: DebugInspector): DebugAction | Promise<DebugAction>;
}

/** Where the paused frame stands, for stepping: its thread (coroutine) and its depth in that thread. */
export interface StepPosition {
  line: number;
  depth: number;
  /** Engine-defined thread identity (Lua: the coroutine's state pointer; JavaScript: 0). */
  thread: number;
  /** True when the thread is one the host drives (not a coroutine the spell resumes). */
  rootThread: boolean;
}

interface StepState {
  action: Exclude<DebugAction, "continue" | "stop">;
  from: StepPosition;
  /** Set when the step starts at a host call: how many steppable calls were open there (it included). */
  callDepth?: number;
}

/**
 * The session: breakpoints, stepping state, hit counts and the pause clock. Engines read `lineFlags` and
 * `armed` on their fast path (one array read per line) and call {@link decide} only when one is set.
 */
export class DebugSession {
  /** Non-zero at a line with a breakpoint (indexed by line). */
  lineFlags = new Uint8Array(0);
  /** Stepping or a pause request: every line must be looked at. */
  armed = false;
  stopRequested = false;
  private readonly byLine = new Map<number, Breakpoint>();
  private readonly hits = new Map<number, number>();
  private step: StepState | null = null;
  private pauseRequested = false;
  private pausedSince: number | null = null;
  private pausedTotal = 0;
  private readonly listeners = new Set<(paused: boolean) => void>();
  /** Set after a step over a host call: the response shows at the next pause. */
  pendingResponse: HostCallInfo | null = null;
  private engine: DebugEngine | null = null;
  /** Steppable host calls open now, and how many were open at the host call the client is paused at. */
  private openCalls = 0;
  private pausedAtCall: number | null = null;

  constructor(
    readonly client: DebugClient,
    breakpoints: Breakpoint[] = [],
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.setBreakpoints(breakpoints);
  }

  setBreakpoints(breakpoints: Breakpoint[]): void {
    this.byLine.clear();
    let max = 0;
    for (const bp of breakpoints) {
      if (!Number.isInteger(bp.line) || bp.line < 1) continue;
      this.byLine.set(bp.line, bp);
      if (bp.line > max) max = bp.line;
    }
    const flags = new Uint8Array(max + 1);
    for (const line of this.byLine.keys()) flags[line] = 1;
    this.lineFlags = flags;
  }

  breakpoints(): Breakpoint[] {
    return [...this.byLine.values()];
  }

  /** Pause at the next line the spell reaches (the client's Pause button). */
  requestPause(): void {
    this.pauseRequested = true;
    this.armed = true;
  }

  /** Stop the run: the engine ends it as `cancelled` at its next check. */
  requestStop(): void {
    this.stopRequested = true;
    this.armed = true;
  }

  /** Whether an engine must report lines at all: a breakpoint is set, or stepping or a pause is armed. */
  get watchesLines(): boolean {
    return this.armed || this.byLine.size > 0;
  }

  /** The fast check: does line `line` need {@link decide}? */
  shouldLook(line: number): boolean {
    return this.armed || (line < this.lineFlags.length && this.lineFlags[line] === 1);
  }

  /**
   * Whether to pause at `pos`. `evaluate` reads a condition or a logpoint's `{expr}` in the frame; `log` prints
   * a logpoint's message. Engines report a line each time the spell enters it (Lua's line event: a new line or
   * a jump back; JavaScript: the first statement of a line).
   */
  decide(
    pos: StepPosition,
    evaluate: (expression: string) => EvaluateResult,
    log: (text: string) => void,
  ): PauseReason | null {
    if (this.pauseRequested) {
      this.pauseRequested = false;
      this.rearm();
      return "pause";
    }
    const bp = this.byLine.get(pos.line);
    if (bp && this.breakpointFires(bp, evaluate, log)) return "breakpoint";
    if (this.step && this.stepArrives(this.step, pos)) return "step";
    return null;
  }

  private breakpointFires(bp: Breakpoint, evaluate: (e: string) => EvaluateResult, log: (t: string) => void) {
    if (bp.condition) {
      const r = evaluate(bp.condition);
      if (!r.ok || !isTruthy(r.value)) return false;
    }
    const n = (this.hits.get(bp.line) ?? 0) + 1;
    this.hits.set(bp.line, n);
    if (bp.hitCount !== undefined && n < bp.hitCount) return false;
    if (bp.logMessage !== undefined) {
      log(interpolateLogMessage(bp.logMessage, evaluate));
      return false;
    }
    return true;
  }

  private stepArrives(step: StepState, pos: StepPosition): boolean {
    const from = step.from;
    if (step.action === "stepInto") return true;
    if (pos.thread !== from.thread) {
      // Leaving a coroutine for the thread the host drives is a step out of it; entering another one is not.
      return !from.rootThread && pos.rootThread;
    }
    return step.action === "stepOver" ? pos.depth <= from.depth : pos.depth < from.depth;
  }

  /** Is a step into a host call in progress (pause at the call and show its request)? */
  get steppingInto(): boolean {
    return this.step?.action === "stepInto";
  }

  /** Is a step over in progress (show a host call's response at the next pause)? */
  get steppingOver(): boolean {
    return this.step !== null && this.step.action !== "stepInto";
  }

  /**
   * Hand the pause to the client with the clock stopped; the action it answers sets the stepping state. A sync
   * answer comes back sync (so a synchronous JavaScript frame can pause with a blocking client).
   */
  pause(pause: DebugPause, inspector: DebugInspector, at: StepPosition | null): DebugAction | Promise<DebugAction> {
    if (this.pendingResponse && !pause.hostCall) pause = { ...pause, hostCall: this.pendingResponse };
    this.pendingResponse = null;
    this.beginPause();
    let answer: DebugAction | Promise<DebugAction>;
    try {
      answer = this.client.paused(pause, inspector);
    } catch (e) {
      this.endPause("stop", at);
      throw e;
    }
    if (typeof answer === "string") return this.endPause(answer, at);
    return answer.then(
      (a) => this.endPause(a, at),
      (e: unknown) => {
        this.endPause("stop", at);
        throw e;
      },
    );
  }

  private beginPause(): void {
    this.pausedSince = this.clock();
    for (const l of this.listeners) l(true);
  }

  private endPause(action: DebugAction, at: StepPosition | null): DebugAction {
    if (this.pausedSince !== null) this.pausedTotal += this.clock() - this.pausedSince;
    this.pausedSince = null;
    this.step = null;
    if (action === "stop") this.stopRequested = true;
    else if (action !== "continue" && at)
      this.step = { action, from: at, ...(this.pausedAtCall !== null ? { callDepth: this.pausedAtCall } : {}) };
    else if (action !== "continue")
      this.step = { action: "stepInto", from: { line: 0, depth: 0, thread: 0, rootThread: true } };
    this.pausedAtCall = null;
    this.rearm();
    for (const l of this.listeners) l(false);
    return action;
  }

  private rearm(): void {
    this.armed = this.step !== null || this.pauseRequested || this.stopRequested;
  }

  /** The engine running the session announces itself (for pauses at host calls). Returns a detach. */
  attachEngine(engine: DebugEngine): () => void {
    this.engine = engine;
    return () => {
      if (this.engine === engine) this.engine = null;
    };
  }

  /**
   * The spell API's calls as the session watches them (`SpellRuntime.calls`): stepping into an agent, tool,
   * workflow or step pauses at the call with its request; after a step over it, the next pause shows its
   * response. A stop at the call fails it as `cancelled`.
   */
  callObserver(): CallObserver {
    return {
      started: (call, input) => {
        if (!STEPPABLE_CALLS.has(call.kind)) return;
        const depth = ++this.openCalls;
        if (!this.engine || !(this.pauseRequested || this.callStepArrives(depth))) return;
        const info: HostCallInfo = {
          kind: call.kind,
          name: `${call.kind} ${call.name}`,
          phase: "request",
          value: input ?? null,
        };
        return this.pauseAtCall(info, depth);
      },
      ended: (call, outcome) => {
        if (!STEPPABLE_CALLS.has(call.kind)) return;
        this.openCalls = Math.max(0, this.openCalls - 1);
        if (this.step === null) return;
        const value = outcome.error !== undefined ? { error: outcome.error } : (outcome.output ?? null);
        this.pendingResponse = { kind: call.kind, name: `${call.kind} ${call.name}`, phase: "response", value };
      },
    };
  }

  /** A step pauses at a host call: any step into; over or out of a host call, the next one as deep or shallower. */
  private callStepArrives(depth: number): boolean {
    const step = this.step;
    if (!step) return false;
    if (step.action === "stepInto") return true;
    if (step.callDepth === undefined) return false;
    return step.action === "stepOver" ? depth <= step.callDepth : depth < step.callDepth;
  }

  private async pauseAtCall(info: HostCallInfo, depth: number): Promise<void> {
    // The spell made the call from inside its VM: let the engine suspend it (its driver awaits the call) first.
    await Promise.resolve();
    if (this.stopRequested) throw new SpellError("cancelled", "the run was cancelled");
    const reason: PauseReason = this.pauseRequested ? "pause" : "step";
    const wasRequested = this.pauseRequested;
    this.pauseRequested = false;
    // Read (and cleared) when the client answers, to step over or out of this call.
    this.pausedAtCall = depth;
    const held = this.engine?.pauseAtHostCall(info, reason);
    if (!held) {
      this.pausedAtCall = null;
      this.pauseRequested = wasRequested;
      return;
    }
    if ((await held) === "stop") throw new SpellError("cancelled", "the run was cancelled");
  }

  /** True while the client holds the run. */
  get paused(): boolean {
    return this.pausedSince !== null;
  }

  /** Time spent paused so far, the open pause included: wall clocks subtract it. */
  pausedMs(): number {
    return this.pausedTotal + (this.pausedSince !== null ? this.clock() - this.pausedSince : 0);
  }

  /** Hear pauses and resumes (the runner's wall clock; the worker's messages). Returns an unsubscribe. */
  onPauseChange(listener: (paused: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function isTruthy(v: DebugVariable): boolean {
  if (v.type === "nil" || v.type === "undefined" || v.type === "null") return false;
  if (v.type === "boolean") return v.value === "true";
  return true;
}

/** `x is {x}`: each `{expr}` evaluated in the frame; a failing one shows its error in brackets. */
function interpolateLogMessage(message: string, evaluate: (e: string) => EvaluateResult): string {
  return message.replace(/\{([^{}]+)\}/g, (_, expr: string) => {
    const r = evaluate(expr.trim());
    if (!r.ok) return `<${r.error}>`;
    return r.value.type === "string" ? unquote(r.value.value) : r.value.value;
  });
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  return s;
}

/**
 * A wall-clock timer that does not run while the session is paused: it fires `onExpire` once `ms` of unpaused
 * time have passed. Without a session it is a plain timeout.
 */
export function startWallTimer(
  ms: number,
  onExpire: () => void,
  session?: DebugSession,
  clock: () => number = () => performance.now(),
): () => void {
  const started = clock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (delay: number) => {
    timer = setTimeout(check, Math.min(Math.max(delay, 1), 2 ** 31 - 1));
  };
  const check = () => {
    const spent = clock() - started - (session?.pausedMs() ?? 0);
    if (session?.paused) return; // the resume re-arms
    if (spent >= ms) onExpire();
    else arm(ms - spent);
  };
  const off = session?.onPauseChange((paused) => {
    if (paused) clearTimeout(timer);
    else {
      clearTimeout(timer);
      arm(ms - (clock() - started - session.pausedMs()));
    }
  });
  arm(ms);
  return () => {
    clearTimeout(timer);
    off?.();
  };
}
