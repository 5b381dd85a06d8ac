/**
 * The Node run controller: runs spells in `worker_threads` workers (the CLI, the bench, tests).
 * The worker entry is a small `.mjs` file that registers tsx, so the TypeScript worker loads the same way under
 * Vitest, under `tsx` and under plain `node bin/llmspell.mjs`.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";
import { createRunController, type ControllerIncident } from "./controller";
import { createCrashReporter } from "./crash-reporter";
import { createCancelFlag } from "./polled-signal";
import { isWorkerMessage, type WorkerTransport } from "./protocol";
import type { RunController } from "./types";

export interface NodeRunControllerOptions {
  /** Keep a pre-warmed spare worker for instant recovery after a terminate. Default true. */
  spare?: boolean;
  /** V8 heap limits of each worker (engine wasm memory is capped by the engine itself). */
  resourceLimits?: ResourceLimits;
  /** Module URLs (file:) the worker imports before serving runs, e.g. to `registerEngine` a plugin. */
  plugins?: string[];
  /** Engines to pre-load in each worker (others load on first use). Default: every registered engine. */
  warmEngines?: string[];
  cancelGraceMs?: number;
  stallGraceMs?: number;
  onIncident?: (incident: ControllerIncident) => void;
}

const WORKER_ENTRY = new URL("./node-worker-entry.mjs", import.meta.url);
const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512 };

export function createNodeRunController(opts: NodeRunControllerOptions = {}): RunController {
  return createRunController({
    spare: opts.spare,
    cancelGraceMs: opts.cancelGraceMs,
    stallGraceMs: opts.stallGraceMs,
    onIncident: opts.onIncident,
    spawn: () => spawnNodeWorker(opts),
  });
}

function spawnNodeWorker(opts: NodeRunControllerOptions): WorkerTransport {
  const cancelFlag = createCancelFlag();
  const worker = new Worker(WORKER_ENTRY, {
    workerData: { plugins: opts.plugins ?? [], warmEngines: opts.warmEngines },
    resourceLimits: opts.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
  });
  const crashes = createCrashReporter();
  const crash = crashes.crash;
  worker.on("error", (err: Error & { code?: string }) => crash(err.code ? `${err.code}: ${err.message}` : err.message));
  worker.on("messageerror", (err) => crash(`a message could not be read: ${err.message}`));
  worker.on("exit", (code) => crash(`the worker exited with code ${code}`));
  return {
    cancelFlag,
    post: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.on("message", (m: unknown) => {
        if (isWorkerMessage(m)) listener(m);
      }),
    onCrash: crashes.onCrash,
    terminate: () => {
      crashes.markTerminated();
      void worker.terminate();
    },
  };
}
