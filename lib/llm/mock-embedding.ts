/**
 * The deterministic mock embedding model (`mock/*`), an AI SDK `EmbeddingModelV4`, so `embedMany` works offline
 * with no key. Hand-written because it is ours: a text becomes a hashed bag of its words and character
 * trigrams (FNV-1a into 256 buckets, signed), L2-normalised, so texts that share words are close in cosine
 * similarity and a query finds the document that contains its words.
 */
import type { EmbeddingModelV4, EmbeddingModelV4CallOptions, EmbeddingModelV4Result } from "@ai-sdk/provider";

export const MOCK_EMBEDDING_DIMENSIONS = 256;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One text's vector: words weigh 1, their character trigrams 0.5; the sign bit of the hash spreads collisions. */
export function embedMockText(text: string, dimensions = MOCK_EMBEDDING_DIMENSIONS): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dimensions] += h & 0x80000000 ? -weight : weight;
  };
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    add(`w:${word}`, 1);
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, 0.5);
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}

/** Rough token count of a text for the mock's usage (4 characters a token, as the mock chat model counts). */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Every text's vector, in order, and the tokens the mock reports for them. */
export function embedMockTexts(
  texts: string[],
  dimensions = MOCK_EMBEDDING_DIMENSIONS,
): { embeddings: number[][]; tokens: number } {
  return {
    embeddings: texts.map((t) => embedMockText(t, dimensions)),
    tokens: texts.reduce((n, t) => n + estimateTokens(t), 0),
  };
}

export class MockEmbeddingModel implements EmbeddingModelV4 {
  readonly specificationVersion = "v4" as const;
  readonly provider = "mock";
  readonly modelId: string;
  readonly maxEmbeddingsPerCall = 2048;
  readonly supportsParallelCalls = true;

  constructor(modelName: string) {
    this.modelId = modelName;
  }

  async doEmbed(options: EmbeddingModelV4CallOptions): Promise<EmbeddingModelV4Result> {
    options.abortSignal?.throwIfAborted();
    const { embeddings, tokens } = embedMockTexts(options.values, options.dimensions ?? MOCK_EMBEDDING_DIMENSIONS);
    return { embeddings, usage: { tokens }, warnings: [] };
  }
}
