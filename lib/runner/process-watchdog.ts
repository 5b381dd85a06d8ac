/**
 * The backstop for a spell run in the calling thread (the CLI's `llmspell run`), where there is no worker to
 * terminate: a watchdog thread that ends the whole process once the calling thread has stopped answering.
 *
 * While it watches a run, the calling thread proves it is alive by pushing a deadline forward from a timer
 * (`HEARTBEAT_INTERVAL_MS`), and a timer runs only while its event loop turns. A spell in its engine is stopped by
 * the engine's own limits (CPU time, memory), checked inside the VM; what can outlive them is a call the engine
 * cannot interrupt (host code that never returns). The deadline is the run's CPU limit plus a grace past the
 * last heartbeat, as the worker controller's stall rule (controller.ts); a heavy module load buys its own
 * allowance. Past it the watchdog writes the run's message to stderr and kills the process (SIGKILL: a stuck
 * thread runs no handler).
 *
 * Start it early (the CLI starts it first thing): its thread boots while the calling thread loads the CLI, and
 * costs a trivial run nothing then, against about 30 ms when it boots beside the engine's start.
 *
 * Written by hand: Node has no API for this. One thread cannot interrupt another, and a worker cannot make the
 * process exit with a code (its `process.exit` ends only the worker); it can send the process a signal. The
 * deadline is one Float64 in shared memory, written by one thread and read by the other (an aligned 8-byte
 * store is atomic on the platforms Node runs on, and a stale read only delays the check by one poll).
 */
import { Worker } from "node:worker_threads";
import { observeModuleLoads } from "@/lib/tools/internal/lazy";
import { HEARTBEAT_INTERVAL_MS, HOST_WORK_ALLOWANCE_MS } from "./protocol";

/** How often the watchdog looks at the deadline. */
const POLL_MS = 100;

const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const deadline = new Float64Array(workerData.shared);
let message = "llmspell: stopped: the spell stopped answering\\n";
parentPort.on("message", (m) => { message = m; });
setInterval(() => {
  if (deadline[0] > 0 && Date.now() > deadline[0]) {
    try { writeSync(2, message); } catch {}
    process.kill(process.pid, "SIGKILL");
  }
}, ${POLL_MS}).unref();
`;

interface WatchOptions {
  /** Silence allowed past the last heartbeat: the run's CPU limit plus a grace. */
  allowanceMs: number;
  /** Written to stderr (a whole line, newline included) before the process is killed. */
  message: string;
}

export interface ProcessWatchdog {
  /** Watch the calling thread from now until the returned function is called. One watch at a time. */
  watch(opts: WatchOptions): () => void;
  /** End the watchdog thread. */
  dispose(): void;
}

export function startProcessWatchdog(): ProcessWatchdog {
  const shared = new SharedArrayBuffer(8);
  const deadline = new Float64Array(shared);
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { shared } });
  worker.unref();
  // A watchdog that cannot start leaves the run as safe as its engine's limits make it; it must not fail the run.
  worker.on("error", () => undefined);
  return {
    watch(opts) {
      worker.postMessage(opts.message);
      const push = (extraMs = 0) => {
        deadline[0] = Math.max(deadline[0], Date.now() + opts.allowanceMs + extraMs);
      };
      push();
      const heartbeat = setInterval(() => push(), HEARTBEAT_INTERVAL_MS);
      heartbeat.unref();
      // A heavy tool module loading blocks this thread on host work, not a stuck spell.
      observeModuleLoads(() => push(HOST_WORK_ALLOWANCE_MS));
      return () => {
        deadline[0] = 0;
        clearInterval(heartbeat);
        observeModuleLoads(undefined);
      };
    },
    dispose() {
      deadline[0] = 0;
      void worker.terminate();
    },
  };
}
