/**
 * The direct client (./direct.ts), loaded on the first call of any of its methods. The provider code (the AI SDK
 * and its providers) is about a third of a Node run's start-up: a spell that never calls a model never loads it.
 * Used by the Node worker and by the CLI's in-process runs.
 */
import type { DirectLlmClientOptions } from "./direct";
import type { LlmClient } from "./types";

export function createLazyDirectLlmClient(opts: DirectLlmClientOptions): LlmClient {
  let client: Promise<LlmClient> | undefined;
  const load = () => (client ??= import("./direct").then((m) => m.createDirectLlmClient(opts)));
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
