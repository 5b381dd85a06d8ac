/**
 * The request handlers behind `POST /api/llm` and `GET /api/models`, built from options so tests can give
 * them small caps, a test environment and their own limiter. The route files only bind them to
 * `process.env` and the deployment's limiter.
 *
 * `POST /api/llm` order: rate limit (429 + Retry-After) → body size (413) → JSON and shape (400 naming the
 * field) → provider (400 unknown model, 503 unavailable) → the AI SDK's UI message stream (lib/llm/wire.ts). The BYOK header is used
 * for that one call and never logged, stored or echoed.
 */
import { clientKeyOf, type RateLimiter } from "@/lib/ratelimit";
import { errorResponse } from "@/lib/http/api-error";
import { BodyTooLarge, readCappedBody } from "@/lib/http/read-body";
import { GATEWAY_CAPS, type GatewayCaps } from "./caps";
import { prepareLlmCall } from "./gateway";
import { DEFAULT_MODEL } from "./default-model";
import { listProviders, type Env } from "./providers";
import type { LlmErrorKind } from "./types";
import { BYOK_HEADER, encodeStream, STREAM_HEADERS, type ModelsResponse } from "./wire";

export interface LlmRouteOptions {
  env: Env;
  caps?: GatewayCaps;
  /** Per-client limiter; none means unlimited. */
  limiter?: RateLimiter | null;
}

function llmError(
  status: number,
  kind: LlmErrorKind,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): Response {
  return errorResponse(status, { kind, message, ...(field ? { field } : {}) }, headers);
}

/** A user's key from the BYOK header: printable ASCII, bounded length; anything else is refused unseen. */
function byokKeyOf(headers: Headers): { ok: true; key?: string } | { ok: false } {
  const raw = headers.get(BYOK_HEADER);
  if (raw === null || raw.trim() === "") return { ok: true };
  const key = raw.trim();
  if (key.length > 512 || !/^[\x21-\x7e]+$/.test(key)) return { ok: false };
  return { ok: true, key };
}

export function createLlmPostHandler(options: LlmRouteOptions): (request: Request) => Promise<Response> {
  const caps = options.caps ?? GATEWAY_CAPS;
  return async (request) => {
    if (options.limiter) {
      const verdict = await options.limiter.take(clientKeyOf(request.headers));
      if (!verdict.ok) {
        return llmError(
          429,
          "rate_limited",
          `Too many model calls from this client. Retry after ${verdict.retryAfterSeconds} s.`,
          undefined,
          {
            "Retry-After": String(verdict.retryAfterSeconds),
          },
        );
      }
    }
    let text: string;
    try {
      text = await readCappedBody(request, caps.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return llmError(413, "bad_request", `The request body is over ${caps.maxBodyBytes} bytes.`, "body");
      return llmError(400, "bad_request", "The request body could not be read.", "body");
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return llmError(400, "bad_request", "body: the request body is not valid JSON.", "body");
    }
    const byok = byokKeyOf(request.headers);
    if (!byok.ok)
      return llmError(
        400,
        "bad_request",
        `The ${BYOK_HEADER} header must be a printable key of at most 512 characters.`,
        BYOK_HEADER,
      );
    const call = prepareLlmCall(body, { env: options.env, caps, byokKey: byok.key });
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
