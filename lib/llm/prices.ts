/**
 * Model prices and model-id parsing, with no dependencies, so the browser (trace cost estimates) can import
 * them without pulling in the provider SDKs. `providers.ts` re-exports them.
 */
import type { Usage } from "./types";

/** The provider a bare model name (no `/`) belongs to, as in rs-llmspell. */
const DEFAULT_PROVIDER = "openai";

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
