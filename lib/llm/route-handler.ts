/**
 * The request handlers behind `POST /api/llm` and `GET /api/models`, built from options so tests can give
 * them small caps, a test environment and their own limiter. The route files only bind them to
 * `process.env` and the deployment's limiter.
 *
 * `POST /api/llm` order: rate limit (429 + Retry-After) → body size (413) → JSON (400) → BYOK header
 * (lib/llm/route-guards.ts) → shape (400 naming the field) → provider (400 unknown model, 503 unavailable) → the
 * AI SDK's UI message stream (lib/llm/wire.ts). The BYOK header is used for that one call and never logged,
 * stored or echoed.
 */
import { GATEWAY_CAPS, type GatewayCaps } from "./caps";
import { prepareLlmCall } from "./gateway";
import { DEFAULT_MODEL } from "./default-model";
import { listProviders, type Env } from "./providers";
import type { RateLimiter } from "@/lib/ratelimit";
import { llmError, readGuardedRequest } from "./route-guards";
import { encodeStream, STREAM_HEADERS, type ModelsResponse } from "./wire";

export interface LlmRouteOptions {
  env: Env;
  caps?: GatewayCaps;
  /** Per-client limiter; none means unlimited. */
  limiter?: RateLimiter | null;
}

export function createLlmPostHandler(options: LlmRouteOptions): (request: Request) => Promise<Response> {
  const caps = options.caps ?? GATEWAY_CAPS;
  return async (request) => {
    const guarded = await readGuardedRequest(request, {
      limiter: options.limiter,
      maxBodyBytes: caps.maxBodyBytes,
      calls: "model calls",
    });
    if (!guarded.ok) return guarded.response;
    const call = prepareLlmCall(guarded.body, { env: options.env, caps, byokKey: guarded.byokKey });
    if (!call.ok) return llmError(call.status, call.kind, call.message, call.field);

    const abort = new AbortController();
    const onClientGone = () => abort.abort();
    request.signal?.addEventListener("abort", onClientGone, { once: true });
    const parts = call.stream(abort.signal);
    return new Response(
      encodeStream(parts, () => abort.abort()),
      { status: 200, headers: STREAM_HEADERS },
    );
  };
}

export function createModelsGetHandler(options: { env: Env }): (request: Request) => Promise<Response> {
  return async () => {
    const body: ModelsResponse = { defaultModel: DEFAULT_MODEL, providers: listProviders({ env: options.env }) };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  };
}
