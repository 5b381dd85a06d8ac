/**
 * The Lua side of a debug session: one C hook (a JS function in wasmoon's table through `addFunction`) that
 * replaces the count hook for the run, with the line event added while the session needs lines (a breakpoint,
 * a step, a pause request): a line event crosses from wasm into JavaScript, which alone costs about 1.5× on a
 * tight loop, so a session with no breakpoint runs on count events only. The mask is set per thread: on each
 * count event (at most 10,000 instructions apart) and before the driver resumes a thread (after a host call, a
 * breath or a pause), so a breakpoint set while the spell runs is seen from then on. Count events still go to the run's limits
 * ({@link countHook}); a line event is one array read on the fast path, and only when the session is armed (a
 * breakpoint on that line, a step, a pause request) does it read the frame's source and depth and ask the
 * session. A pause ends the hook with `lua_yield(L, 0)`: the spell's thread is suspended, the driver (or, in a
 * coroutine the spell resumes, the debug wrapper of `coroutine.resume`) awaits the client with the CPU clock
 * stopped, then resumes it. A frame that cannot yield (a metamethod, a `table.sort` comparator) keeps its pause
 * for the next line that can.
 *
 * Threads inherit the hook of the thread that creates them, and the hook is set on the main state before the
 * spell's thread exists, so the spell's coroutines and the callbacks the host calls are all covered.
 */
import {
  type DebugAction,
  type DebugEngine,
  type DebugFrame,
  type DebugPause,
  type DebugSession,
  type HostCallInfo,
  type PauseReason,
  type StepPosition,
} from "../../lib/core/debug";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import { LuaInspector, type InspectContext } from "./debug-inspect";
import { countHook, HOOK_COUNT, type InterruptContext } from "./interrupts";
import { LuaStatus, type LuaState } from "./lua-api";
import type { LuaHostCalls } from "./host-calls";
import {
  LUA_HOOKLINE,
  LUA_HOOKCOUNT,
  LUA_MASKLINE,
  LUA_MASKCOUNT,
  AR_NAME,
  AR_WHAT,
  AR_SOURCE,
  AR_CURRENTLINE,
  AR_SIZE,
} from "./lua-debug-abi";

/** How long an expression the debugger evaluates may run (conditions, watches, logpoints). */
const EVAL_BUDGET_MS = 1000;

/** Replaces `coroutine.resume` and `coroutine.wrap` so a coroutine paused by the hook waits for the client. */
const DEBUG_PRELUDE = String.raw`
local debug_wait = ...
local raw_resume, co_create = coroutine.resume, coroutine.create
local select, error, pack, unpack = select, error, table.pack, table.unpack
local function again(co, ok, ...)
  if ok and select("#", ...) == 0 and debug_wait() then return again(co, raw_resume(co)) end
  return ok, ...
end
local function resume(co, ...) return again(co, raw_resume(co, ...)) end
coroutine.resume = resume
coroutine.wrap = function(f)
  local co = co_create(f)
  return function(...)
    local r = pack(resume(co, ...))
    if r[1] then return unpack(r, 2, r.n) end
    error(r[2], 0)
  end
end
`;

/** What the debugger needs from its run. */
export interface DebugRunContext extends InterruptContext, InspectContext {
  readonly host: LuaHostCalls;
  readonly fnPointers: number[];
  readonly killWaiters: Set<() => void>;
  wallDeadline: number;
  exitVm(): void;
  enterVm(): void;
}

interface PendingPause {
  thread: LuaState;
  reason: PauseReason;
  pos: StepPosition;
  frames: DebugFrame[];
  inspector: LuaInspector;
}

export class LuaDebugger implements DebugEngine {
  private readonly ar: number;
  private readonly whatS: number;
  private readonly whatSnl: number;
  private readonly spellSource: Uint8Array;
  private pending: PendingPause | null = null;
  /** A pause a frame that cannot yield had to defer. */
  private deferred: { reason: PauseReason } | null = null;
  /** Inside an evaluation the debugger runs: no line events, a deadline of its own. */
  evaluating = false;
  evalDeadline = 0;
  private globalsAtStart = new Set<string>();
  /** The thread and position of the last line the session looked at: where a host call it pauses at was made. */
  private last: { thread: LuaState; pos: StepPosition } | null = null;
  private detach: (() => void) | null = null;
  /** The hook's function pointer (set by {@link install}). */
  private hook = 0;

  constructor(
    private readonly run: DebugRunContext,
    readonly session: DebugSession,
  ) {
    const m = run.api.m;
    this.ar = m._malloc(AR_SIZE);
    this.whatS = m._malloc(8);
    this.whatSnl = m._malloc(8);
    m.HEAPU8.set([83, 0], this.whatS); // "S"
    m.HEAPU8.set([83, 110, 108, 0], this.whatSnl); // "Snl"
    this.spellSource = new TextEncoder().encode(`=${run.chunkName}\0`);
  }

  /** Set the debug hook on the main state (before any spell thread exists) and patch the coroutine functions. */
  install(L: LuaState): void {
    const { api } = this.run;
    const counted = countHook(this.run);
    const m = api.m;
    const session = this.session;
    const hook = m.addFunction((Lh: LuaState, ar: number) => {
      const event = m.HEAPU32[ar >> 2];
      if (event === LUA_HOOKCOUNT) {
        if (this.evaluating && performance.now() > this.evalDeadline) {
          api.pushstring(Lh, "the expression took too long");
          api.error(Lh);
          return;
        }
        if (session.stopRequested && !this.evaluating) this.run.kill("cancelled", STOP_MESSAGES.cancelled());
        this.syncLineEvents(Lh);
        counted(Lh);
        return;
      }
      if (event !== LUA_HOOKLINE || this.evaluating) return;
      const line = m.HEAPU32[(ar + AR_CURRENTLINE) >> 2] | 0;
      if (!session.armed && !(line < session.lineFlags.length && session.lineFlags[line] === 1)) return;
      this.onLine(Lh, ar, line);
    }, "vii");
    this.run.fnPointers.push(hook);
    this.hook = hook;
    this.syncLineEvents(L);

    // The coroutine wrapper: a host function that answers "was that yield a pause?" and waits for it.
    const top = api.gettop(L);
    if (api.load(L, DEBUG_PRELUDE, "=llmspell") !== LuaStatus.Ok)
      throw new Error(`debug prelude: ${api.tostring(L, -1)}`);
    api.getref(L, this.run.refs.wrapHost);
    this.run.host.pushEntry(L, (Lc) => this.run.host.callHost(Lc, 1, () => this.coroutineWait()));
    if (api.pcall(L, 1, 1) !== LuaStatus.Ok) throw new Error(`debug prelude: ${api.tostring(L, -1)}`);
    if (api.pcall(L, 1, 0) !== LuaStatus.Ok) throw new Error(`debug prelude: ${api.tostring(L, -1)}`);
    api.settop(L, top);
    this.globalsAtStart = this.inspector(L, []).globalNames();
    this.detach = session.attachEngine(this);
  }

  /** Set `T`'s hook mask to what the session needs now: count events always, line events when it watches lines. */
  syncLineEvents(T: LuaState): void {
    const { api } = this.run;
    const mask = this.session.watchesLines ? LUA_MASKCOUNT | LUA_MASKLINE : LUA_MASKCOUNT;
    if (api.gethookmask(T) !== mask) api.sethook(T, this.hook, mask, HOOK_COUNT);
  }

  private onLine(Lh: LuaState, ar: number, line: number): void {
    const { api } = this.run;
    if (this.run.killed || this.run.closing) return;
    if (api.m._lua_getinfo(Lh, this.whatS, ar) === 0 || !this.isSpellSource(ar)) return;
    if (this.session.stopRequested) {
      this.run.kill("cancelled", STOP_MESSAGES.cancelled());
      return;
    }
    const pos: StepPosition = {
      line,
      depth: this.depth(Lh),
      thread: Lh,
      rootThread: this.run.driven.has(Lh),
    };
    this.last = { thread: Lh, pos };
    let reason: PauseReason | null;
    if (this.deferred) {
      reason = this.deferred.reason;
      this.deferred = null;
    } else {
      const frameOnly = this.inspector(Lh, []);
      reason = this.session.decide(
        pos,
        (e) => frameOnly.evaluate(e, 0),
        (text) => this.run.printed.emit("log", text),
      );
      frameOnly.dispose();
    }
    if (!reason) return;
    if (api.isyieldable(Lh) === 0) {
      this.deferred = { reason };
      return;
    }
    const frames = this.frames(Lh);
    const inspector = this.inspector(Lh, frames);
    inspector.snapshot();
    this.pending = { thread: Lh, reason, pos, frames, inspector };
    api.yieldk(Lh, 0, 0, 0);
  }

  private isSpellSource(ar: number): boolean {
    const heap = this.run.api.m.HEAPU8;
    const ptr = this.run.api.m.HEAPU32[(ar + AR_SOURCE) >> 2];
    const want = this.spellSource;
    for (let i = 0; i < want.length; i++) if (heap[ptr + i] !== want[i]) return false;
    return true;
  }

  private depth(Lh: LuaState): number {
    const m = this.run.api.m;
    let level = 0;
    while (m._lua_getstack(Lh, level, this.ar) !== 0) level++;
    return level;
  }

  /** The driver saw a yield with no values from `T`: the client's wait when the hook paused it, else null. */
  driverWait(T: LuaState): Promise<void> | null {
    const p = this.pending;
    if (!p || p.thread !== T) return null;
    this.pending = null;
    return this.hold(p).then(() => undefined);
  }

  /**
   * Pause at a host call the spell is making (a step into `agent:execute`...): the calling thread is suspended
   * in the call (the driver awaits it), so its frames and locals read as at the call's line.
   */
  pauseAtHostCall(call: HostCallInfo, reason: PauseReason): Promise<DebugAction> | null {
    const last = this.last;
    if (!last || this.run.killed || this.run.closing) return null;
    const levels = this.frames(last.thread);
    if (levels.length === 0) return null;
    // Ids from the calling frame (0) up; the call's own frames above it are not the spell's.
    const base = levels[0].id;
    const frames = levels.map((f) => ({ ...f, id: f.id - base }));
    const pos: StepPosition = { ...last.pos, line: frames[0].line };
    const inspector = this.inspector(last.thread, frames, base);
    return this.hold({ thread: last.thread, reason, pos, frames, inspector }, call);
  }

  /** A coroutine yielded with no values: wait for the client when the hook paused it (the Lua side asks). */
  private coroutineWait(): Promise<boolean> | boolean {
    const p = this.pending;
    if (!p) return false;
    this.pending = null;
    return this.hold(p).then(() => true);
  }

  /** Hand a pause to the client; resolves with its action when the spell may go on (or the run was stopped). */
  private async hold(p: PendingPause, hostCall?: HostCallInfo): Promise<DebugAction> {
    const run = this.run;
    const { frames, inspector } = p;
    const pause: DebugPause = { reason: p.reason, line: p.pos.line, frames, ...(hostCall ? { hostCall } : {}) };
    const before = this.session.pausedMs();
    try {
      const answer = this.session.pause(pause, inspector, p.pos);
      const action = typeof answer === "string" ? answer : await raceKill(run, answer);
      if (action === "stop" || action === null) run.kill("cancelled", STOP_MESSAGES.cancelled());
      return action ?? "stop";
    } finally {
      inspector.dispose();
      run.wallDeadline += this.session.pausedMs() - before;
    }
  }

  /** The spell's frames of `T`, innermost first. Ids are stack levels of `T`. */
  frames(T: LuaState): DebugFrame[] {
    const { api } = this.run;
    const m = api.m;
    const out: DebugFrame[] = [];
    for (let level = 0; m._lua_getstack(T, level, this.ar) !== 0; level++) {
      m._lua_getinfo(T, this.whatSnl, this.ar);
      if (!this.isSpellSource(this.ar)) continue;
      const u32 = m.HEAPU32;
      const base = this.ar >> 2;
      const line = u32[base + (AR_CURRENTLINE >> 2)] | 0;
      const what = readCString(m.HEAPU8, u32[base + (AR_WHAT >> 2)]);
      const namePtr = u32[base + (AR_NAME >> 2)];
      const name = namePtr ? readCString(m.HEAPU8, namePtr) : "";
      out.push({ id: level, name: what === "main" ? "main chunk" : name || "?", line });
    }
    return out;
  }

  inspector(T: LuaState, frames: DebugFrame[], levelBase = 0): LuaInspector {
    return new LuaInspector(this.run, this, T, frames, this.ar, this.globalsAtStart, levelBase);
  }

  /** Free the scratch memory (the run is closing). */
  dispose(): void {
    this.detach?.();
    this.last = null;
    const m = this.run.api.m;
    m._free(this.ar);
    m._free(this.whatS);
    m._free(this.whatSnl);
  }
}

async function raceKill<T>(run: DebugRunContext, p: Promise<T>): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    const onKill = () => resolve(null);
    run.killWaiters.add(onKill);
    p.then(
      (v) => {
        run.killWaiters.delete(onKill);
        resolve(v);
      },
      (e: unknown) => {
        run.killWaiters.delete(onKill);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function readCString(heap: Uint8Array, ptr: number): string {
  let end = ptr;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

/** Evaluate in an inspector with the hook quiet and a deadline (used by the inspector). */
export function withEvaluation<T>(dbg: LuaDebugger, fn: () => T): T {
  const was = dbg.evaluating;
  dbg.evaluating = true;
  dbg.evalDeadline = performance.now() + EVAL_BUDGET_MS;
  try {
    return fn();
  } finally {
    dbg.evaluating = was;
  }
}
