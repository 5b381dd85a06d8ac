/**
 * The CPU meter both engines use: it counts the time a run spends inside its VM (spell code), not the time it
 * waits on the host. The engine calls `enter()` before it hands control to the VM and `exit()` when the VM
 * returns; calls nest (a host call inside the VM can re-enter it), and only the outermost pair opens and
 * closes a slice. The engine's interrupt check (Lua's count hook, QuickJS's interrupt handler) reads
 * `elapsedMs()`, which includes the slice still open.
 */

export interface CpuMeter {
  /** Going into the VM. True when this opened the slice (the outermost enter). */
  enter(): boolean;
  /** Back from the VM. True when this closed the slice (the outermost exit); an unmatched exit does nothing. */
  exit(): boolean;
  /** True between the outermost enter and its exit. */
  readonly running: boolean;
  /** Time counted so far, the open slice included. */
  elapsedMs(): number;
  /** True when the time counted so far is more than `limitMs`. */
  exceeds(limitMs: number): boolean;
  /** Forget the time counted so far (an open slice starts again from now). */
  reset(): void;
  /** Count `ms` of host work done for the spell outside the VM (a tool's computation): it is the spell's CPU. */
  charge(ms: number): void;
  /** Take back `ms` the open slice counted that was not the spell's (a debugger holding the VM at a pause). */
  discount(ms: number): void;
}

/** A meter that reads `clock` (milliseconds; `performance.now` unless a test gives its own). */
export function createCpuMeter(clock: () => number = () => performance.now()): CpuMeter {
  let depth = 0;
  let sliceStart = 0;
  let counted = 0;
  const elapsedMs = () => counted + (depth > 0 ? clock() - sliceStart : 0);
  return {
    enter() {
      if (depth++ > 0) return false;
      sliceStart = clock();
      return true;
    },
    exit() {
      if (depth === 0) return false;
      if (--depth > 0) return false;
      counted += clock() - sliceStart;
      return true;
    },
    get running() {
      return depth > 0;
    },
    elapsedMs,
    exceeds: (limitMs) => elapsedMs() > limitMs,
    reset() {
      counted = 0;
      if (depth > 0) sliceStart = clock();
    },
    charge(ms) {
      if (ms > 0 && Number.isFinite(ms)) counted += ms;
    },
    discount(ms) {
      if (ms > 0 && Number.isFinite(ms)) counted -= ms;
    },
  };
}
