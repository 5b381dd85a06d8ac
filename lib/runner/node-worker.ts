/**
 * The Node `worker_threads` host: serves runs for {@link createNodeRunController}. Models are called directly
 * through the provider code the gateway uses; `State` lives in a JSON file when the request names one
 * (`--state FILE`), else in memory for the life of this worker.
 *
 * The provider code is imported on a run's first model call, not when the worker starts (lib/llm/lazy-direct.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createLazyDirectLlmClient } from "@/lib/llm/lazy-direct";
import type { StateStore } from "@/lib/spell";
import { createJsonFileStateStore } from "@/lib/spell/state/json-file";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { startWorkerHost } from "./worker-host";

const port = parentPort;
if (!port) throw new Error("node-worker.ts must run inside a worker thread");

const memoryState: StateStore = createMemoryStateStore();

void startWorkerHost({
  warmEngineNames: (workerData as { warmEngines?: string[] } | null)?.warmEngines,
  port: {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on("message", listener),
  },
  createLlm: (request) => createLazyDirectLlmClient({ mockAll: request.mockAll, env: process.env }),
  createState: async (request) =>
    request.stateNamespace ? { store: createJsonFileStateStore(request.stateNamespace) } : { store: memoryState },
});
