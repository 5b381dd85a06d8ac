/**
 * What stops a QuickJS run from inside the VM: the CPU meter around every entry into the VM, the interrupt
 * handler (CPU time, wall clock, cancel), the wasm-memory growth guard (the memory backstop), and the short
 * budget a thrown value is read under.
 */
import type { QuickJSRuntime } from "quickjs-emscripten-core";
import { createCpuMeter } from "../../lib/core/cpu-meter";
import { swapGrowthGuard, type GrowthGuard } from "./quickjs-module";

/** Headroom over the memory limit before the wasm-memory backstop (for what QuickJS does not count) trips. */
const MEMORY_BACKSTOP_SLACK_BYTES = 16 * 1024 * 1024;
/** Time allowed for reading a thrown value (its getters and proxies are spell code). */
const DESCRIBE_BUDGET_MS = 100;

/** Why a run stopped before its spell finished. */
export type StopReason = "timeout" | "cancelled" | "memory" | "wall";

/** The limits and the stop state of one run, and the VM entry every call into QuickJS goes through. */
export class VmGuard {
  /** Time inside the VM: spell code (the engine's setup is dropped from it with `reset`). */
  readonly cpu = createCpuMeter();
  /** Set once the run must stop; the interrupt handler keeps answering true from then on. */
  stop: StopReason | null = null;
  /** The engine's own setup is running: the CPU limit does not apply. */
  settingUp = false;
  wallDeadline = Infinity;
  private suspendInterrupt = false;
  private describeDeadline = 0;
  /** Bytes the wasm memory grew by while this run was in the VM. */
  private grownBytes = 0;

  constructor(
    private readonly limits: { readonly timeoutMs: number; readonly memoryLimitBytes: number },
    private readonly signal: AbortSignal | undefined,
  ) {}

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
    if (
      this.suspendInterrupt ||
      this.grownBytes + bytes <= this.limits.memoryLimitBytes + MEMORY_BACKSTOP_SLACK_BYTES
    ) {
      this.grownBytes += bytes;
      return true;
    }
    this.stop ??= "memory";
    return false;
  };

  /** The runtime's interrupt handler: true stops the spell. */
  shouldInterrupt(): boolean {
    // Reading an error runs spell code too (getters, proxies): it gets a short budget of its own.
    if (this.suspendInterrupt) return performance.now() > this.describeDeadline;
    if (this.stop) return true;
    if (this.signal?.aborted) this.stop = "cancelled";
    else if (!this.settingUp && this.cpu.exceeds(this.limits.timeoutMs)) this.stop = "timeout";
    else if (performance.now() > this.wallDeadline) this.stop = "wall";
    return this.stop !== null;
  }

  /** The stop, checked outside the VM too (a cancel or the wall clock while the run waits). */
  currentStop(): StopReason | null {
    if (this.stop) return this.stop;
    if (this.signal?.aborted) return (this.stop = "cancelled");
    if (performance.now() > this.wallDeadline) return (this.stop = "wall");
    return null;
  }

  /** Run `read` (reading a thrown value) with interrupts and the memory cap relaxed to a budget of its own. */
  readThrown<T>(rt: QuickJSRuntime, read: () => T): T {
    this.suspendInterrupt = true;
    this.describeDeadline = performance.now() + DESCRIBE_BUDGET_MS;
    rt.setMemoryLimit(this.limits.memoryLimitBytes + 4 * 1024 * 1024);
    try {
      return read();
    } finally {
      rt.setMemoryLimit(this.limits.memoryLimitBytes);
      this.suspendInterrupt = false;
    }
  }
}
