/**
 * An LlmClient that calls providers in-process through the same registry and caps as the gateway
 * (the CLI, the Node worker, route handlers), and embeds through `embedTexts` as `/api/embed` does. Keys come from `env` (default `process.env`) or `byokKey`.
 */
import type { GatewayCaps } from "./caps";
import { DEFAULT_EMBEDDING_MODEL } from "./default-model";
import { embedTexts } from "./embed";
import { prepareLlmCall } from "./gateway";
import { isMockModel } from "./mock";
import { listProviders, type Env } from "./providers";
import type { LlmClient, StreamPart } from "./types";

export interface DirectLlmClientOptions {
  mockAll?: boolean;
  env?: Env;
  byokKey?: string;
  caps?: GatewayCaps;
}

export function createDirectLlmClient(opts: DirectLlmClientOptions = {}): LlmClient {
  const env = opts.env ?? process.env;
  return {
    async *stream(request, signal): AsyncGenerator<StreamPart> {
      const call = prepareLlmCall(request, { env, caps: opts.caps, byokKey: opts.byokKey, mockAll: opts.mockAll });
      if (!call.ok) {
        yield { type: "error", kind: call.kind, message: call.message };
        return;
      }
      yield* call.stream(signal);
    },
    embed(modelId, texts, signal) {
      const model = opts.mockAll && !isMockModel(modelId) ? DEFAULT_EMBEDDING_MODEL : modelId;
      return embedTexts(model, texts, { env, ...(opts.byokKey ? { byokKey: opts.byokKey } : {}), signal });
    },
    async listModels() {
      return listProviders({ env, byokKey: opts.byokKey });
    },
  };
}
