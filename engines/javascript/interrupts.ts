/**
 * What stops a QuickJS run from inside the VM: the CPU meter around every entry into the VM, the interrupt
 * handler (CPU time, wall clock, cancel), the wasm-memory growth guard (the memory backstop), and the short
 * budget a thrown value is read under.
 */
import type { QuickJSRuntime } from "quickjs-emscripten-core";
import { createCpuMeter, type CpuMeter } from "../../lib/core/cpu-meter";
import { swapGrowthGuard, type GrowthGuard } from "./quickjs-module";

/** Headroom over the memory limit before the wasm-memory backstop (for what QuickJS does not count) trips. */
const MEMORY_BACKSTOP_SLACK_BYTES = 8 * 1024 * 1024;
/** Time allowed for reading a thrown value (its getters and proxies are spell code, on the spell's clock too). */
const DESCRIBE_BUDGET_MS = 100;
/** Memory a thrown value's description may take beyond the run's limit (the message text it builds). */
const DESCRIBE_MEMORY_BYTES = 4 * 1024 * 1024;

/** Why a run stopped before its spell finished. */
export type StopReason = "timeout" | "cancelled" | "memory" | "wall";

/** The limits and the stop state of one run, and the VM entry every call into QuickJS goes through. */
export class VmGuard {
  /** Time inside the VM: spell code (the engine's setup is dropped from it with `reset`). */
  readonly cpu: CpuMeter;
  /** Set once the run must stop; the interrupt handler keeps answering true from then on. */
  stop: StopReason | null = null;
  /** The engine's own setup is running: the CPU limit does not apply. */
  settingUp = false;
  wallDeadline = Infinity;
  /** Time a debugger held the run so far: the wall clock does not run while paused. */
  pausedMs: () => number = () => 0;
  pausedNow: () => boolean = () => false;
  private suspendInterrupt = false;
  private describeDeadline = 0;
  /** Bytes the wasm memory grew by while this run was in the VM. */
  private grownBytes = 0;

  constructor(
    private readonly limits: { readonly timeoutMs: number; readonly memoryLimitBytes: number },
    private readonly signal: AbortSignal | undefined,
    cpu?: CpuMeter,
  ) {
    this.cpu = cpu ?? createCpuMeter();
  }

  /** Run `fn` inside the VM: the CPU meter runs and this run's growth guard is on (outermost entry only). */
  inVm<T>(fn: () => T): T {
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
    const allowance =
      this.limits.memoryLimitBytes + MEMORY_BACKSTOP_SLACK_BYTES + (this.suspendInterrupt ? DESCRIBE_MEMORY_BYTES : 0);
    if (this.grownBytes + bytes <= allowance) {
      this.grownBytes += bytes;
      return true;
    }
    this.stop ??= "memory";
    return false;
  };

  /** The runtime's interrupt handler: true stops the spell. */
  shouldInterrupt(): boolean {
    // Reading an error runs spell code too (getters, proxies): a short budget of its own, and never past the
    // spell's CPU limit (a run that keeps throwing values with slow getters would otherwise run free).
    if (this.suspendInterrupt)
      return performance.now() > this.describeDeadline || this.cpu.exceeds(this.limits.timeoutMs + DESCRIBE_BUDGET_MS);
    if (this.stop) return true;
    if (this.signal?.aborted) this.stop = "cancelled";
    else if (!this.settingUp && this.cpu.exceeds(this.limits.timeoutMs)) this.stop = "timeout";
    else if (performance.now() - this.pausedMs() > this.wallDeadline) this.stop = "wall";
    return this.stop !== null;
  }

  /** The stop, checked outside the VM too (a cancel or the wall clock while the run waits). */
  currentStop(): StopReason | null {
    if (this.stop) return this.stop;
    if (this.signal?.aborted) return (this.stop = "cancelled");
    if (!this.pausedNow() && performance.now() - this.pausedMs() > this.wallDeadline) return (this.stop = "wall");
    return null;
  }

  /**
   * Run `read` (reading a thrown value) with the stop relaxed to a budget of its own: its time counts on the
   * spell's CPU meter and its memory against the run's limit (plus room for the message it builds).
   */
  readThrown<T>(rt: QuickJSRuntime, read: () => T): T {
    this.suspendInterrupt = true;
    this.describeDeadline = performance.now() + DESCRIBE_BUDGET_MS;
    rt.setMemoryLimit(this.limits.memoryLimitBytes + DESCRIBE_MEMORY_BYTES);
    try {
      return this.inVm(read);
    } finally {
      rt.setMemoryLimit(this.limits.memoryLimitBytes);
      this.suspendInterrupt = false;
    }
  }
}
