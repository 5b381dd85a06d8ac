/**
 * Embeddings through the AI SDK's `embedMany`, for any provider in the registry (`mock/*` offline and
 * deterministic, `openai/*` and OpenAI-compatible servers). The `RAG` global's vectors come from here (in-process, or behind `POST /api/embed`): the caller gets one vector per value,
 * in order, and the tokens used; errors come back as an `LlmError`-shaped value with no secret in it.
 */
import { embedMany } from "ai";
import { resolveEmbeddingModel, type ProviderContext } from "./providers";
import type { EmbedResult } from "./types";

export async function embedTexts(
  modelId: string,
  values: string[],
  ctx: ProviderContext & { signal?: AbortSignal },
): Promise<EmbedResult> {
  const resolved = resolveEmbeddingModel(modelId, ctx);
  if (!resolved.ok) return resolved;
  if (values.length === 0) return { ok: true, modelId: resolved.modelId, embeddings: [], tokens: 0 };
  try {
    const { embeddings, usage } = await embedMany({
      model: resolved.model,
      values,
      maxRetries: 0,
      ...(ctx.signal ? { abortSignal: ctx.signal } : {}),
    });
    // OpenAI-compatible servers may leave usage out.
    const tokens = Number.isFinite(usage?.tokens) ? usage.tokens : 0;
    return { ok: true, modelId: resolved.modelId, embeddings, tokens };
  } catch (error) {
    if (ctx.signal?.aborted) return { ok: false, kind: "cancelled", message: "The embedding call was cancelled." };
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of resolved.secrets) message = message.split(secret).join("[redacted]");
    return { ok: false, kind: "upstream", message: `The embedding call failed: ${message.slice(0, 300)}` };
  }
}
