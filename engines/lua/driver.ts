/**
 * The coroutine driver of a Lua run: it resumes a thread with the CPU meter running until the thread
 * finishes, and between resumes awaits what the thread waits for with the clock stopped: a host promise (the
 * prelude yields `(AWAIT, id)`; the thread is resumed with `(tag, value)`) or a turn of the event loop (the
 * count hook yields with no values so a cancel or a timer can arrive).
 */
import { type SpellErrorData } from "../../lib/core/errors";
import { type HostValue } from "../../lib/core/engine";
import { ENGINE } from "./errors";
import type { LuaHostCalls, Settled } from "./host-calls";
import { LuaStatus, type LuaApi, type LuaState } from "./lua-api";
import type { PreludeRefs } from "./prelude";

/** How a driven thread ended: its results at `base`..`base + nres - 1` of the thread, or the run's error. */
export type DriveOutcome = { ok: true; base: number; nres: number } | { ok: false; error: SpellErrorData };

/** What the driver needs from its run. */
export interface DriverContext {
  readonly api: LuaApi;
  readonly refs: PreludeRefs;
  readonly host: Pick<LuaHostCalls, "takePending" | "answerSettled">;
  readonly killed: SpellErrorData | null;
  readonly closed: boolean;
  /** Threads resumed by the driver (the only ones the count hook may yield). */
  readonly driven: Set<LuaState>;
  /** Called when the run is killed or closed: a wait on a host promise ends at once. */
  readonly killWaiters: Set<() => void>;
  /** Around each resume: the CPU meter runs (and the memory cap holds) only inside. */
  enterVm(): void;
  exitVm(): void;
  memoryError(): SpellErrorData;
  /** A debug run: the client's wait when the debug hook paused `T` (a yield with no values), else null. */
  debugWait?(T: LuaState): Promise<void> | null;
  /** A debug run: before each resume of `T`, turn its line events on or off as the session needs them. */
  debugSync?(T: LuaState): void;
  raisedError(T: LuaState, idx: number): SpellErrorData;
}

/** Resume `T` until it finishes; host waits happen here with the CPU clock stopped. */
export async function drive(run: DriverContext, T: LuaState, nargs: number): Promise<DriveOutcome> {
  run.driven.add(T);
  try {
    return await driveLoop(run, T, nargs);
  } finally {
    run.driven.delete(T);
  }
}

async function driveLoop(run: DriverContext, T: LuaState, nargs: number): Promise<DriveOutcome> {
  const { api } = run;
  for (;;) {
    if (run.killed) return { ok: false, error: run.killed };
    if (run.closed) return { ok: false, error: endedError() };
    run.debugSync?.(T);
    run.enterVm();
    let r: { status: number; nresults: number };
    try {
      r = api.resume(T, nargs);
    } finally {
      run.exitVm();
    }
    if (run.killed) return { ok: false, error: run.killed };
    if (r.status === LuaStatus.Yield) {
      if (r.nresults === 0) {
        // The debug hook paused the spell: wait for the client (the CPU clock is stopped).
        const paused = run.debugWait?.(T);
        if (paused) await paused;
        // The count hook asked for a breath: let timers and messages (a cancel) in, then go on.
        else await macrotask();
        nargs = 0;
        continue;
      }
      if (r.nresults === 2 && isAwaitMarker(run, T, -2)) {
        const id = api.tonumber(T, -1);
        api.pop(T, 2);
        const p = run.host.takePending(id);
        const settled = p ? await waitFor(run, p) : { ok: false as const, error: new Error("unknown host call") };
        if (settled === null || run.killed) return { ok: false, error: run.killed ?? endedError() };
        if (run.closed) return { ok: false, error: endedError() };
        run.host.answerSettled(T, settled);
        nargs = 2;
        continue;
      }
      api.pop(T, r.nresults);
      return {
        ok: false,
        error: { kind: "runtime", message: "attempt to yield from outside a coroutine", engine: ENGINE },
      };
    }
    if (r.status === LuaStatus.Ok) {
      return { ok: true, base: api.gettop(T) - r.nresults + 1, nres: r.nresults };
    }
    if (r.status === LuaStatus.ErrMem) return { ok: false, error: run.memoryError() };
    return { ok: false, error: run.raisedError(T, -1) };
  }
}

function endedError(): SpellErrorData {
  return { kind: "cancelled", message: "the run has ended", engine: ENGINE };
}

function isAwaitMarker(run: DriverContext, T: LuaState, idx: number): boolean {
  const { api } = run;
  api.getref(T, run.refs.await);
  const same = api.rawequal(T, idx - 1, -1) !== 0;
  api.pop(T, 1);
  return same;
}

/** The promise's outcome, or null when the run is killed or closed first. */
function waitFor(run: DriverContext, p: Promise<HostValue>): Promise<Settled | null> {
  return new Promise((resolve) => {
    const onKill = () => resolve(null);
    run.killWaiters.add(onKill);
    p.then(
      (value) => {
        run.killWaiters.delete(onKill);
        resolve({ ok: true, value });
      },
      (error: unknown) => {
        run.killWaiters.delete(onKill);
        resolve({ ok: false, error });
      },
    );
  });
}

/** Wait for one turn of the event loop (not just the microtask queue). */
function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => void };
  if (typeof g.setImmediate === "function") return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
