/**
 * The one provider registry. Each entry lists its models for `/api/models` and builds an AI SDK language
 * model for a call. Adding a provider is one entry in `PROVIDERS`.
 *
 * - `mock`: built in, deterministic, no key (./mock). Any `mock/<name>` works (listed: `mock/default`,
 *   `mock/echo`). `LLMSPELL_MOCK_DELAY_MS` adds a delay per chunk.
 * - `openai`: `OPENAI_API_KEY`, or a user's own key for one request (BYOK). With `OPENAI_BASE_URL` it talks to
 *   any OpenAI-compatible server (Ollama, vLLM, LM Studio); `OPENAI_MODELS` (comma-separated) names the
 *   models to list then. Always the Chat Completions API (`.chat()`), which compatible servers implement,
 *   never the Responses API. Base URLs come only from this server configuration, never from a request.
 */
// First: a blank OPENAI_BASE_URL must be gone before @ai-sdk/openai loads (see ./blank-env).
import "./blank-env";
import { createOpenAI } from "@ai-sdk/openai";
import type { EmbeddingModelV4, LanguageModelV4 } from "@ai-sdk/provider";
import { MockEmbeddingModel } from "./mock-embedding";
import { isMockModelName, mockProviderInfo, MOCK_PROVIDER } from "./mock";
import { MockLanguageModel } from "./mock-model";
import { MODEL_PRICES, splitModelId as splitModelIdOf } from "./prices";
import type { LlmErrorKind, ModelInfo, ProviderInfo } from "./types";

export { estimateCost, priceOf, splitModelId } from "./prices";

export type Env = Record<string, string | undefined>;

export interface ProviderContext {
  env: Env;
  /** A user's own key for this call only. */
  byokKey?: string;
}

export type ResolvedModel =
  | { ok: true; provider: string; modelName: string; modelId: string; model: LanguageModelV4; secrets: string[] }
  | { ok: false; kind: LlmErrorKind; message: string };

export type ResolvedEmbeddingModel =
  | { ok: true; modelId: string; model: EmbeddingModelV4; secrets: string[] }
  | { ok: false; kind: LlmErrorKind; message: string };

interface ProviderEntry {
  name: string;
  info(ctx: ProviderContext): ProviderInfo;
  /** Build the model, or say why it cannot be used. */
  languageModel(modelName: string, ctx: ProviderContext): ResolvedModel;
  /** Build an embedding model (for `embedMany`), or say why it cannot be used. */
  embeddingModel(modelName: string, ctx: ProviderContext): ResolvedEmbeddingModel;
}

const OPENAI_LABELS: Record<string, string> = {
  "gpt-4o-mini": "GPT-4o mini",
  "gpt-4o": "GPT-4o",
  "gpt-4.1": "GPT-4.1",
  "gpt-4.1-mini": "GPT-4.1 mini",
  "gpt-4.1-nano": "GPT-4.1 nano",
  "gpt-5": "GPT-5",
  "gpt-5-mini": "GPT-5 mini",
  "gpt-5-nano": "GPT-5 nano",
  "o4-mini": "o4-mini",
  "gpt-3.5-turbo": "GPT-3.5 Turbo",
};

function mockDelay(env: Env): number {
  const ms = Number(env.LLMSPELL_MOCK_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

const mockEntry: ProviderEntry = {
  name: MOCK_PROVIDER,
  info: () => mockProviderInfo(),
  languageModel(modelName, ctx) {
    if (!isMockModelName(modelName)) {
      return {
        ok: false,
        kind: "unknown_model",
        message: `Unknown model "mock/${modelName}": a mock model name is 1-64 letters, digits and "._:@-" (for example mock/default or mock/echo).`,
      };
    }
    return {
      ok: true,
      provider: MOCK_PROVIDER,
      modelName,
      modelId: `mock/${modelName}`,
      model: new MockLanguageModel(modelName, { chunkDelayMs: mockDelay(ctx.env) }),
      secrets: [],
    };
  },
  embeddingModel(modelName) {
    if (!isMockModelName(modelName))
      return { ok: false, kind: "unknown_model", message: `Unknown embedding model "mock/${modelName}".` };
    return { ok: true, modelId: `mock/${modelName}`, model: new MockEmbeddingModel(modelName), secrets: [] };
  },
};

function openaiModels(env: Env): ModelInfo[] {
  const configured = (env.OPENAI_MODELS ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  const names = configured.length > 0 ? configured : env.OPENAI_BASE_URL ? [] : Object.keys(OPENAI_LABELS);
  return names.map((name) => {
    const id = `openai/${name}`;
    const price = MODEL_PRICES[id];
    return { id, ...(OPENAI_LABELS[name] ? { label: OPENAI_LABELS[name] } : {}), ...(price ? { price } : {}) };
  });
}

/**
 * Upstream calls skip Next's fetch instrumentation (its data cache and tracing are of no use for a streamed
 * POST to a provider); outside Next this is the plain global fetch.
 */
const upstreamFetch: typeof fetch = (input, init) => {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return (current._nextOriginalFetch ?? current)(input, init);
};

const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** The OpenAI (or compatible) client for a call: the server's key or the one brought for this call. */
function openaiClientOf(
  ctx: ProviderContext,
):
  | { ok: true; provider: ReturnType<typeof createOpenAI>; secrets: string[] }
  | { ok: false; kind: LlmErrorKind; message: string } {
  const apiKey = ctx.byokKey || ctx.env.OPENAI_API_KEY;
  const baseURL = ctx.env.OPENAI_BASE_URL || undefined;
  if (!apiKey && !baseURL) {
    return {
      ok: false,
      kind: "unavailable",
      message: "OpenAI models need a key: the server has no OPENAI_API_KEY and no key was brought for this request.",
    };
  }
  // Local OpenAI-compatible servers usually ignore the key, but the client library requires one. The base URL
  // is always given: left out, the library reads process.env.OPENAI_BASE_URL itself, and an empty one fails there.
  const provider = createOpenAI({
    apiKey: apiKey || "not-needed",
    baseURL: baseURL ?? OPENAI_DEFAULT_BASE_URL,
    fetch: upstreamFetch,
  });
  return { ok: true, provider, secrets: apiKey ? [apiKey] : [] };
}

const openaiEntry: ProviderEntry = {
  name: "openai",
  info(ctx) {
    const hasKey = Boolean(ctx.env.OPENAI_API_KEY || ctx.byokKey);
    const compatible = Boolean(ctx.env.OPENAI_BASE_URL);
    const available = hasKey || compatible;
    return {
      name: "openai",
      available,
      models: openaiModels(ctx.env),
      ...(compatible ? { server: "openai-compatible" as const } : {}),
      ...(available
        ? {}
        : { reason: "OPENAI_API_KEY is not set on the server; bring your own key to use OpenAI models." }),
    };
  },
  languageModel(modelName, ctx) {
    const client = openaiClientOf(ctx);
    if (!client.ok) return client;
    return {
      ok: true,
      provider: "openai",
      modelName,
      modelId: `openai/${modelName}`,
      model: client.provider.chat(modelName),
      secrets: client.secrets,
    };
  },
  embeddingModel(modelName, ctx) {
    const client = openaiClientOf(ctx);
    if (!client.ok) return client;
    return {
      ok: true,
      modelId: `openai/${modelName}`,
      model: client.provider.embedding(modelName),
      secrets: client.secrets,
    };
  },
};

const PROVIDERS: ProviderEntry[] = [mockEntry, openaiEntry];

/** Find the provider and build the model for a `"provider/model"` id. */
export function resolveModel(modelId: string, ctx: ProviderContext): ResolvedModel {
  const { provider, modelName } = splitModelIdOf(modelId);
  const entry = PROVIDERS.find((p) => p.name === provider);
  if (!entry) {
    return {
      ok: false,
      kind: "unknown_model",
      message: `Unknown provider "${provider}" in model "${modelId}". Providers: ${PROVIDERS.map((p) => p.name).join(", ")}.`,
    };
  }
  if (!modelName)
    return { ok: false, kind: "unknown_model", message: `Model "${modelId}" names no model after "${provider}/".` };
  return entry.languageModel(modelName, ctx);
}

/** Find the provider and build the embedding model for a `"provider/model"` id. */
export function resolveEmbeddingModel(modelId: string, ctx: ProviderContext): ResolvedEmbeddingModel {
  const { provider, modelName } = splitModelIdOf(modelId);
  const entry = PROVIDERS.find((p) => p.name === provider);
  if (!entry || !modelName)
    return { ok: false, kind: "unknown_model", message: `Unknown embedding model "${modelId}".` };
  return entry.embeddingModel(modelName, ctx);
}

/** Every provider with its models and whether it can be used now (for `/api/models`). */
export function listProviders(ctx: ProviderContext): ProviderInfo[] {
  return PROVIDERS.map((p) => p.info(ctx));
}
