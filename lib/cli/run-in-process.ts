/**
 * `llmspell run` runs its spell in the CLI's own thread, through the same `runSpell` the workers use. A worker
 * thread would cost every start its boot and a second load of the runner and the engine (about 150 ms of a
 * trivial run's 300), and one run per process needs no worker to survive it. What a worker gave, this file
 * gives otherwise:
 * - A spell stuck where its engine cannot stop it (a host call that never returns) is ended by the process
 *   watchdog (lib/runner/process-watchdog.ts), as a worker would be terminated.
 * - Ctrl+C cancels the run cleanly (exit 130) whenever the thread can hear it: while the spell waits on a model,
 *   a tool or a timer, and between Lua's slices (Lua yields to the event loop every 20 ms). A signal handler
 *   runs only when the event loop turns, so once one VM slice has run longer than {@link LONG_SLICE_MS}, 250 ms (a
 *   JavaScript loop: QuickJS cannot yield) the handler is taken off and Ctrl+C ends the process at once, as
 *   for any program; it goes back on when the slice ends. (A Ctrl+C in such a slice's first 250 ms waits for a
 *   handler that is then taken off: the second press ends the process.) `State` files are written atomically,
 *   so an ended process leaves the last complete state.
 */
import { resolve } from "node:path";
import { createCpuMeter, type CpuMeter } from "@/lib/core/cpu-meter";
import type { RunEvent } from "@/lib/core/events";
import type { Profiler } from "@/lib/core/profile";
import { sandboxRules } from "@/lib/core/sandbox";
import { createLazyDirectLlmClient } from "@/lib/llm/lazy-direct";
import { startProcessWatchdog, type ProcessWatchdog } from "@/lib/runner/process-watchdog";
import { runSpell } from "@/lib/runner/run-spell";
import type { RunRequest, RunResult } from "@/lib/runner/types";
import { createJsonFileStateStore } from "@/lib/spell/state/json-file";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import type { RunCommand } from "./args";
import type { CliIo } from "./main";

/** A VM slice longer than this hands Ctrl+C back to the system (see the file comment). */
// Long enough that Lua's 20 ms slices stay short even on a busy machine (a Ctrl+C pending for the handler when it
// is taken off is lost), short enough that a person pressing Ctrl+C on a JavaScript loop sees it end at once.
const LONG_SLICE_MS = 250;
/** Silence past the CPU limit before the watchdog ends the process (the worker controller's stall grace). */
const STALL_GRACE_MS = 500;

export interface InProcessRun {
  result: RunResult;
  /** Ctrl+C cancelled the run. */
  interrupted: boolean;
}

export async function runInProcess(
  cmd: RunCommand,
  request: RunRequest,
  io: CliIo,
  onEvent: (event: RunEvent) => void,
  opts: { profile?: Profiler; watchdog?: ProcessWatchdog } = {},
): Promise<InProcessRun> {
  const { profile } = opts;
  const abort = new AbortController();
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    abort.abort();
  };
  let unsubscribe = io.onInterrupt?.(onInterrupt);
  const cpu = watchLongSlices(createCpuMeter(), LONG_SLICE_MS, {
    onLong() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
    onEnd() {
      unsubscribe ??= io.onInterrupt?.(onInterrupt);
    },
  });
  const timeoutMs = request.limits?.timeoutMs ?? sandboxRules(request.sandbox).limits.timeoutMs;
  // The CLI's own watchdog, started when the process did; one of ours when the caller has none.
  const ownWatchdog = opts.watchdog ? undefined : startProcessWatchdog();
  const unwatch = (opts.watchdog ?? ownWatchdog!).watch({
    allowanceMs: timeoutMs + STALL_GRACE_MS,
    message: `timeout: the spell ran past its CPU limit of ${timeoutMs} ms inside a call the engine cannot interrupt; llmspell stopped\n`,
  });
  try {
    const result = await runSpell(request, {
      emit: onEvent,
      signal: abort.signal,
      cpu,
      llm: createLazyDirectLlmClient({ mockAll: cmd.mock, env: process.env }),
      state: cmd.statePath ? createJsonFileStateStore(resolve(io.cwd, cmd.statePath)) : createMemoryStateStore(),
      ...(profile ? { profile } : {}),
    });
    return { result, interrupted };
  } finally {
    unwatch();
    ownWatchdog?.dispose();
    unsubscribe?.();
  }
}

/**
 * `meter`, telling `onLong` once a VM slice (outermost enter to exit) has run `longMs`, and `onEnd` when such a
 * slice ends. The engines read the meter from their interrupt checks, inside the VM: those reads are the clock.
 */
export function watchLongSlices(
  meter: CpuMeter,
  longMs: number,
  on: { onLong(): void; onEnd(): void },
  clock: () => number = () => performance.now(),
): CpuMeter {
  let sliceStart: number | undefined;
  let long = false;
  const check = () => {
    if (!long && sliceStart !== undefined && clock() - sliceStart > longMs) {
      long = true;
      on.onLong();
    }
  };
  return {
    enter() {
      const opened = meter.enter();
      if (opened) sliceStart = clock();
      return opened;
    },
    exit() {
      const closed = meter.exit();
      if (closed) {
        sliceStart = undefined;
        if (long) {
          long = false;
          on.onEnd();
        }
      }
      return closed;
    },
    get running() {
      return meter.running;
    },
    elapsedMs() {
      check();
      return meter.elapsedMs();
    },
    exceeds(limitMs) {
      check();
      return meter.exceeds(limitMs);
    },
    reset: () => meter.reset(),
    charge: (ms) => meter.charge(ms),
    discount: (ms) => meter.discount(ms),
  };
}
