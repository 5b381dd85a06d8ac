/**
 * Embedding calls on behalf of `RAG`: texts go to `runtime.llm.embed` in calls of at most 256, each call an
 * `embedding` trace span with its model and tokens. Embeddings spend the run's embedding tokens
 * (limits.maxEmbeddingTokens), not its model calls or chat tokens;
 * "mock every model" sends a non-mock model to `mock/embed`, as agents go to `mock/default`. A failure raises
 * a `provider` SpellError naming the model (`cancelled` when the run was stopped).
 */
import { SpellError } from "@/lib/core/errors";
import { DEFAULT_EMBEDDING_MODEL } from "@/lib/llm/default-model";
import { isMockModel } from "@/lib/llm/mock";
import type { SpellContext } from "../core/context";

const TEXTS_PER_CALL = 256;

export interface Embedded {
  /** The model that made the vectors (after "mock every model"). */
  model: string;
  dimensions: number;
  vectors: number[][];
  tokens: number;
}

export async function embedTextsForRag(
  ctx: SpellContext,
  model: string,
  texts: string[],
  parentId: string | undefined,
): Promise<Embedded> {
  const { runtime } = ctx;
  const requested = runtime.mockAll && !isMockModel(model) ? DEFAULT_EMBEDDING_MODEL : model;
  const out: Embedded = { model: requested, dimensions: 0, vectors: [], tokens: 0 };
  for (let from = 0; from < texts.length; from += TEXTS_PER_CALL) {
    ctx.throwIfAborted();
    ctx.budget.beginEmbeddingCall(requested);
    const batch = texts.slice(from, from + TEXTS_PER_CALL);
    const chars = batch.reduce((n, t) => n + t.length, 0);
    const span = ctx.tracer.start("embedding", requested, {
      parentId,
      model: requested,
      input: { texts: batch.length, characters: chars },
    });
    const result = await runtime.llm.embed(requested, batch, runtime.signal);
    if (!result.ok) {
      const error =
        result.kind === "cancelled" || runtime.signal.aborted
          ? new SpellError("cancelled", "the run was cancelled")
          : new SpellError("provider", `${requested}: ${result.message}`);
      span.end({ error, model: requested });
      throw error;
    }
    ctx.budget.addEmbeddingTokens(result.tokens);
    const dimensions = result.embeddings[0]?.length ?? 0;
    if (
      result.embeddings.length !== batch.length ||
      dimensions === 0 ||
      result.embeddings.some((v) => v.length !== dimensions || !v.every(Number.isFinite)) ||
      (out.dimensions !== 0 && dimensions !== out.dimensions)
    ) {
      const error = new SpellError(
        "provider",
        `${result.modelId}: the embedding model did not return one vector of one length per text`,
      );
      span.end({ error, model: result.modelId });
      throw error;
    }
    span.end({
      output: { vectors: batch.length, dimensions },
      model: result.modelId,
      tokens: { input: result.tokens, output: 0 },
    });
    out.model = result.modelId;
    out.dimensions = dimensions;
    out.vectors.push(...result.embeddings);
    out.tokens += result.tokens;
  }
  return out;
}
