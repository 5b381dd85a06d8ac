/**
 * The Node run controller: runs spells in `worker_threads` workers (the CLI, the bench, tests).
 * Which worker entry, see {@link pickWorkerEntry}: from source (Vitest, tsx) a small `.mjs` file that registers
 * tsx and loads the TypeScript worker; in the CLI build (dist/cli/, scripts/build-cli.mjs) the built worker
 * beside the bundle, so no TypeScript is transpiled in either thread.
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
  /**
   * Module URLs (file:) the worker imports before serving runs, e.g. to `registerEngine` a plugin. Plugins
   * register into the engine registry of the TypeScript sources, so a worker given plugins always runs from
   * source (through tsx), even when this controller runs from the CLI build.
   */
  plugins?: string[];
  /** Engines to pre-load in each worker (others load on first use). Default: every registered engine. */
  warmEngines?: string[];
  cancelGraceMs?: number;
  stallGraceMs?: number;
  onIncident?: (incident: ControllerIncident) => void;
}

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

/**
 * The worker entry for a controller module at `controllerUrl` (its `import.meta.url`). From source (the URL
 * names node-controller.ts) it is node-worker-entry.mjs beside it. In the CLI build this module is bundled into
 * dist/cli/, and the entry is the built node-worker.mjs there, unless plugins are given: they need the source
 * worker, which sits at lib/runner/ two levels above dist/cli/.
 */
export function pickWorkerEntry(controllerUrl: string, plugins: readonly string[] = []): URL {
  if (new URL(controllerUrl).pathname.endsWith(".ts")) return new URL("./node-worker-entry.mjs", controllerUrl);
  if (plugins.length === 0) return new URL("./node-worker.mjs", controllerUrl);
  return new URL("../../lib/runner/node-worker-entry.mjs", controllerUrl);
}

function spawnNodeWorker(opts: NodeRunControllerOptions): WorkerTransport {
  const cancelFlag = createCancelFlag();
  const worker = new Worker(pickWorkerEntry(import.meta.url, opts.plugins), {
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
