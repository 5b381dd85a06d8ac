/**
 * The one provider registry. Each entry lists its models for `/api/models` and builds an AI SDK language
 * model for a call. Adding a provider is one entry in `PROVIDERS`.
 *
 * - `mock`: built in, deterministic, no key (./mock). `LLMSPELL_MOCK_DELAY_MS` adds a delay per chunk.
 * - `openai`: `OPENAI_API_KEY`, or a user's own key for one request (BYOK). With `OPENAI_BASE_URL` it talks to
 *   any OpenAI-compatible server (Ollama, vLLM, LM Studio); `OPENAI_MODELS` (comma-separated) names the
 *   models to list then. Always the Chat Completions API (`.chat()`), which compatible servers implement,
 *   never the Responses API. Base URLs come only from this server configuration, never from a request.
 */
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { mockProviderInfo, MOCK_MODEL_NAMES, MOCK_PROVIDER } from "./mock";
import { MockLanguageModel } from "./mock-model";
import type { LlmErrorKind, ModelInfo, ProviderInfo, Usage } from "./types";

export type Env = Record<string, string | undefined>;

export interface ProviderContext {
  env: Env;
  /** A user's own key for this call only. */
  byokKey?: string;
}

export type ResolvedModel =
  | { ok: true; provider: string; modelName: string; modelId: string; model: LanguageModelV4; secrets: string[] }
  | { ok: false; kind: LlmErrorKind; message: string };

export interface ProviderEntry {
  name: string;
  info(ctx: ProviderContext): ProviderInfo;
  /** Build the model, or say why it cannot be used. */
  languageModel(modelName: string, ctx: ProviderContext): ResolvedModel;
}

/** The provider a bare model name (no `/`) belongs to, as in rs-llmspell. */
export const DEFAULT_PROVIDER = "openai";

/** USD per million tokens (input, output), OpenAI list prices as of 2025, for trace cost estimates. */
export const MODEL_PRICES: Record<string, { input: number; output: number }> = {
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6 },
  "openai/gpt-4o": { input: 2.5, output: 10 },
  "openai/gpt-4.1": { input: 2, output: 8 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "openai/gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "openai/gpt-5": { input: 1.25, output: 10 },
  "openai/gpt-5-mini": { input: 0.25, output: 2 },
  "openai/gpt-5-nano": { input: 0.05, output: 0.4 },
  "openai/o4-mini": { input: 1.1, output: 4.4 },
  "openai/gpt-3.5-turbo": { input: 0.5, output: 1.5 },
  "mock/default": { input: 0, output: 0 },
  "mock/echo": { input: 0, output: 0 },
};

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

/** Split `"provider/model"`; a bare name belongs to the default provider. */
export function splitModelId(modelId: string): { provider: string; modelName: string } {
  const slash = modelId.indexOf("/");
  if (slash < 0) return { provider: DEFAULT_PROVIDER, modelName: modelId };
  return { provider: modelId.slice(0, slash), modelName: modelId.slice(slash + 1) };
}

/** Known price of a model, USD per million tokens. */
export function priceOf(modelId: string): { input: number; output: number } | undefined {
  const { provider, modelName } = splitModelId(modelId);
  return MODEL_PRICES[`${provider}/${modelName}`];
}

/** Estimated cost in USD of a call's usage, when the model's price is known. */
export function estimateCost(modelId: string, usage: Usage): number | undefined {
  const price = priceOf(modelId);
  if (!price) return undefined;
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

function mockDelay(env: Env): number {
  const ms = Number(env.LLMSPELL_MOCK_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

const mockEntry: ProviderEntry = {
  name: MOCK_PROVIDER,
  info: () => mockProviderInfo(),
  languageModel(modelName, ctx) {
    if (!(MOCK_MODEL_NAMES as readonly string[]).includes(modelName)) {
      return { ok: false, kind: "unknown_model", message: `Unknown model "mock/${modelName}". The mock provider has: ${MOCK_MODEL_NAMES.map((m) => `mock/${m}`).join(", ")}.` };
    }
    return { ok: true, provider: MOCK_PROVIDER, modelName, modelId: `mock/${modelName}`, model: new MockLanguageModel(modelName, { chunkDelayMs: mockDelay(ctx.env) }), secrets: [] };
  },
};

function openaiModels(env: Env): ModelInfo[] {
  const configured = (env.OPENAI_MODELS ?? "").split(",").map((m) => m.trim()).filter(Boolean);
  const names = configured.length > 0 ? configured : env.OPENAI_BASE_URL ? [] : Object.keys(OPENAI_LABELS);
  return names.map((name) => {
    const id = `openai/${name}`;
    const price = MODEL_PRICES[id];
    return { id, ...(OPENAI_LABELS[name] ? { label: OPENAI_LABELS[name] } : {}), ...(price ? { price } : {}) };
  });
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
      ...(available ? {} : { reason: "OPENAI_API_KEY is not set on the server; bring your own key to use OpenAI models." }),
    };
  },
  languageModel(modelName, ctx) {
    const apiKey = ctx.byokKey || ctx.env.OPENAI_API_KEY;
    const baseURL = ctx.env.OPENAI_BASE_URL || undefined;
    if (!apiKey && !baseURL) {
      return { ok: false, kind: "unavailable", message: "OpenAI models need a key: the server has no OPENAI_API_KEY and no key was brought for this request." };
    }
    // Local OpenAI-compatible servers usually ignore the key, but the client library requires one.
    const key = apiKey || "not-needed";
    const provider = createOpenAI({ apiKey: key, ...(baseURL ? { baseURL } : {}) });
    return { ok: true, provider: "openai", modelName, modelId: `openai/${modelName}`, model: provider.chat(modelName), secrets: apiKey ? [apiKey] : [] };
  },
};

export const PROVIDERS: ProviderEntry[] = [mockEntry, openaiEntry];

/** Find the provider and build the model for a `"provider/model"` id. */
export function resolveModel(modelId: string, ctx: ProviderContext): ResolvedModel {
  const { provider, modelName } = splitModelId(modelId);
  const entry = PROVIDERS.find((p) => p.name === provider);
  if (!entry) {
    return { ok: false, kind: "unknown_model", message: `Unknown provider "${provider}" in model "${modelId}". Providers: ${PROVIDERS.map((p) => p.name).join(", ")}.` };
  }
  if (!modelName) return { ok: false, kind: "unknown_model", message: `Model "${modelId}" names no model after "${provider}/".` };
  return entry.languageModel(modelName, ctx);
}

/** Every provider with its models and whether it can be used now (for `/api/models`). */
export function listProviders(ctx: ProviderContext): ProviderInfo[] {
  return PROVIDERS.map((p) => p.info(ctx));
}
