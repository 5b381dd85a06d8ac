/**
 * What stops a Lua run from inside the VM: the count hook (CPU time, wall clock and cancel checked every
 * {@link HOOK_COUNT} instructions; a breath for the event loop in a tight loop; the KILL error once the run
 * is stopped) and the allocator that holds spell code to the memory limit.
 */
import { type CpuMeter } from "../../lib/core/cpu-meter";
import { type SpellErrorData } from "../../lib/core/errors";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import { killLine } from "./errors";
import { type EmscriptenModule, type LuaApi, type LuaState } from "./lua-api";
import type { PreludeRefs } from "./prelude";

/** Lua instructions between two limit checks (~0.05–0.1 ms of spell code). */
export const HOOK_COUNT = 10_000;
/** A tight loop gives the event loop a turn this often (so a cancel or a timer can arrive). */
const BREATHE_MS = 20;

/** What the count hook reads and sets on its run. */
export interface InterruptContext {
  readonly api: LuaApi;
  readonly refs: PreludeRefs;
  readonly chunkName: string;
  readonly cpu: CpuMeter;
  readonly timeoutMs: number;
  readonly wallTimeoutMs: number;
  readonly wallDeadline: number;
  readonly signal: AbortSignal | undefined;
  readonly killed: SpellErrorData | null;
  /** The state is closing: finalizers run, and the hook stops any of them at its next check. */
  readonly closing: boolean;
  readonly driven: ReadonlySet<LuaState>;
  /** When the event loop last had a turn (reset when the driver enters the VM). */
  lastBreath: number;
  kill(kind: "timeout" | "cancelled", message: string): void;
}

/** The count hook: check the limits, breathe, and raise KILL in a stopped run (even through `pcall`). */
export function countHook(run: InterruptContext): (L: LuaState) => void {
  const { api } = run;
  return (Lh: LuaState) => {
    if (!run.killed && !run.closing) {
      const now = performance.now();
      if (run.cpu.exceeds(run.timeoutMs)) run.kill("timeout", STOP_MESSAGES.cpu(run.timeoutMs));
      else if (now > run.wallDeadline) run.kill("timeout", STOP_MESSAGES.wall(run.wallTimeoutMs));
      else if (run.signal?.aborted) run.kill("cancelled", STOP_MESSAGES.cancelled());
      else if (now - run.lastBreath > BREATHE_MS && run.driven.has(Lh) && api.isyieldable(Lh)) {
        // Hooks may yield (with no values): the driver lets the event loop run, then resumes.
        run.lastBreath = now;
        api.yieldk(Lh, 0, 0, 0);
        return;
      }
    }
    const killed = run.killed;
    if (killed || run.closing) {
      if (killed && killed.line === undefined && !run.closing) {
        const line = killLine(api, Lh, run.chunkName);
        if (line !== undefined) killed.line = line;
      }
      api.getref(Lh, run.refs.kill);
      api.error(Lh);
    }
  };
}

/** The bytes a run's state holds, and whether an allocation was refused (the next `not enough memory`). */
export interface MemoryAccount {
  used: number;
  peak: number;
  failed: boolean;
}

/**
 * The state's allocator (`lua_Alloc`): it keeps `memory` up to date and, while `enforced()` (spell code is
 * running), refuses to grow past `limitBytes`.
 */
export function allocator(
  m: EmscriptenModule,
  memory: MemoryAccount,
  limitBytes: number,
  enforced: () => boolean,
): (ud: number, ptr: number, osize: number, nsize: number) => number {
  return (_ud, ptr, osize, nsize) => {
    if (nsize === 0) {
      if (ptr) {
        memory.used -= osize;
        m._free(ptr);
      }
      return 0;
    }
    const delta = ptr ? nsize - osize : nsize;
    if (delta > 0 && enforced() && memory.used + delta > limitBytes) {
      memory.failed = true;
      return 0;
    }
    const p = (m as unknown as { _realloc(p: number, n: number): number })._realloc(ptr, nsize);
    if (!p) {
      memory.failed = true;
      return 0;
    }
    memory.used += delta;
    if (memory.used > memory.peak) memory.peak = memory.used;
    return p;
  };
}
