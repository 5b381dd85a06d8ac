/**
 * The Node `worker_threads` host: serves runs for {@link createNodeRunController}. Models are called directly
 * through the provider code the gateway uses; `State` lives in a JSON file when the request names one
 * (`--state FILE`), else in memory for the life of this worker.
 *
 * The provider code (the AI SDK and its providers, about a third of this worker's start-up) is imported on a
 * run's first model call, not when the worker starts: a spell that never calls a model never loads it, and the
 * CLI answers such a spell sooner.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { DirectLlmClientOptions } from "@/lib/llm/direct";
import type { LlmClient } from "@/lib/llm/types";
import type { StateStore } from "@/lib/spell";
import { createJsonFileStateStore } from "@/lib/spell/state/json-file";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { startWorkerHost } from "./worker-host";

const port = parentPort;
if (!port) throw new Error("node-worker.ts must run inside a worker thread");

const memoryState: StateStore = createMemoryStateStore();

/** The direct client, loaded on the first call of any of its methods. */
function createLazyDirectLlmClient(opts: DirectLlmClientOptions): LlmClient {
  let client: Promise<LlmClient> | undefined;
  const load = () => (client ??= import("@/lib/llm/direct").then((m) => m.createDirectLlmClient(opts)));
  return {
    async *stream(request, signal) {
      yield* (await load()).stream(request, signal);
    },
    async embed(modelId, texts, signal) {
      return (await load()).embed(modelId, texts, signal);
    },
    async listModels() {
      return (await load()).listModels();
    },
  };
}

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
