/**
 * The browser run controller: runs spells in a dedicated module Web Worker, with a pre-warmed spare so Stop
 * (which terminates a worker stuck in a long call) never leaves the page waiting. The `new Worker(new URL(...))`
 * form is what Next/Turbopack recognises to bundle the worker.
 */
import { createRunController, type ControllerIncident } from "./controller";
import { createCrashReporter } from "./crash-reporter";
import { createCancelFlag } from "./polled-signal";
import { isWorkerMessage, type WorkerTransport } from "./protocol";
import type { RunController } from "./types";

export interface BrowserRunControllerOptions {
  /** Keep a pre-warmed spare worker. Default true. */
  spare?: boolean;
  onIncident?: (incident: ControllerIncident) => void;
}

export function createBrowserRunController(opts: BrowserRunControllerOptions = {}): RunController {
  return createRunController({ spare: opts.spare, onIncident: opts.onIncident, spawn: spawnBrowserWorker });
}

function spawnBrowserWorker(): WorkerTransport {
  const worker = new Worker(new URL("./browser-worker.ts", import.meta.url), {
    type: "module",
    name: "llmspell-engine",
  });
  const crashes = createCrashReporter();
  const crash = crashes.crash;
  worker.addEventListener("error", (e: ErrorEvent) => {
    e.preventDefault();
    crash(e.message || "the engine worker failed to load");
  });
  worker.addEventListener("messageerror", () => crash("a message from the engine worker could not be read"));
  return {
    cancelFlag: createCancelFlag(),
    post: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.addEventListener("message", (e: MessageEvent) => {
        if (isWorkerMessage(e.data)) listener(e.data);
      }),
    onCrash: crashes.onCrash,
    terminate: () => {
      crashes.markTerminated();
      worker.terminate();
    },
  };
}
