/**
 * The request handler behind `POST /api/embed`, built from options so tests can give it small caps, a test
 * environment and their own limiter; the route file binds it to `process.env` and the deployment's limiter.
 *
 * Order: rate limit (429 + Retry-After) → body size (413) → JSON (400) → BYOK header (lib/llm/route-guards.ts)
 * → shape and caps (400 naming the field) → provider (400 unknown model, 503 unavailable) → `embedTexts`
 * (502 when the provider fails, 504 past the time cap) → `{ model, embeddings, usage }`. The brought key is
 * used for that one call and never logged, stored or echoed; provider messages have every key scrubbed out.
 */
import type { RateLimiter } from "@/lib/ratelimit";
import { EMBED_CAPS, type EmbedCaps } from "./caps";
import { embedTexts } from "./embed";
import { validateEmbedRequest } from "./embed-request";
import type { Env } from "./providers";
import { llmError, readGuardedRequest } from "./route-guards";
import type { LlmErrorKind } from "./types";
import type { EmbedResponseBody } from "./wire";

export interface EmbedRouteOptions {
  env: Env;
  caps?: EmbedCaps;
  /** Per-client limiter; none means unlimited. */
  limiter?: RateLimiter | null;
  /** Wall-clock time for one provider call (default 60 s). */
  maxRequestMs?: number;
}

const STATUS: Partial<Record<LlmErrorKind, number>> = {
  bad_request: 400,
  unknown_model: 400,
  unavailable: 503,
  timeout: 504,
  cancelled: 499,
};

export function createEmbedPostHandler(options: EmbedRouteOptions): (request: Request) => Promise<Response> {
  const caps = options.caps ?? EMBED_CAPS;
  const maxRequestMs = options.maxRequestMs ?? 60_000;
  return async (request) => {
    const guarded = await readGuardedRequest(request, {
      limiter: options.limiter,
      maxBodyBytes: caps.maxBodyBytes,
      calls: "embedding calls",
    });
    if (!guarded.ok) return guarded.response;
    const checked = validateEmbedRequest(guarded.body, caps);
    if (!checked.ok) return llmError(400, "bad_request", checked.message, checked.field);
    const { model, texts } = checked.request;

    const deadline = AbortSignal.timeout(maxRequestMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    const result = await embedTexts(model, texts, {
      env: options.env,
      ...(guarded.byokKey ? { byokKey: guarded.byokKey } : {}),
      signal,
    });
    if (!result.ok) {
      if (deadline.aborted) return llmError(504, "timeout", `The embedding call took longer than ${maxRequestMs} ms.`);
      const field = result.kind === "unknown_model" || result.kind === "unavailable" ? "model" : undefined;
      return llmError(STATUS[result.kind] ?? 502, result.kind, result.message, field);
    }
    const body: EmbedResponseBody = {
      model: result.modelId,
      embeddings: result.embeddings,
      usage: { tokens: result.tokens },
    };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  };
}
