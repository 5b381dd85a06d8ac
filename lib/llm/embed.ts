/**
 * Embeddings through the AI SDK's `embedMany`, for any provider in the registry (`mock/*` offline and
 * deterministic, `openai/*` and OpenAI-compatible servers). Ready for RAG: the caller gets one vector per value,
 * in order, and the tokens used; errors come back as an `LlmError`-shaped value with no secret in it.
 */
import { embedMany } from "ai";
import { resolveEmbeddingModel, type ProviderContext } from "./providers";
import type { LlmErrorKind } from "./types";

export type EmbedResult =
  | { ok: true; modelId: string; embeddings: number[][]; tokens: number }
  | { ok: false; kind: LlmErrorKind; message: string };

export async function embedTexts(
  modelId: string,
  values: string[],
  ctx: ProviderContext & { signal?: AbortSignal },
): Promise<EmbedResult> {
  const resolved = resolveEmbeddingModel(modelId, ctx);
  if (!resolved.ok) return resolved;
  try {
    const { embeddings, usage } = await embedMany({
      model: resolved.model,
      values,
      maxRetries: 0,
      ...(ctx.signal ? { abortSignal: ctx.signal } : {}),
    });
    return { ok: true, modelId: resolved.modelId, embeddings, tokens: usage.tokens };
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of resolved.secrets) message = message.split(secret).join("[redacted]");
    return { ok: false, kind: "upstream", message: `The embedding call failed: ${message.slice(0, 300)}` };
  }
}
