/**
 * What every model route (`POST /api/llm`, `POST /api/embed`) checks before it looks at a request's meaning, in
 * this order: the client's rate limit (429 + Retry-After), the body cap (413), JSON (400), and the BYOK header
 * (400 naming the header, never echoing it). The brought key is handed on for one call only.
 */
import { errorResponse } from "@/lib/http/api-error";
import { BodyTooLarge, readCappedBody } from "@/lib/http/read-body";
import { clientKeyOf, type RateLimiter } from "@/lib/ratelimit";
import type { LlmErrorKind } from "./types";
import { BYOK_HEADER } from "./wire";

/** A refusal in the one error envelope, with the LLM error kinds. */
export function llmError(
  status: number,
  kind: LlmErrorKind,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): Response {
  return errorResponse(status, { kind, message, ...(field ? { field } : {}) }, headers);
}

/** A user's key from the BYOK header: printable ASCII, bounded length; anything else is refused unseen. */
function readByokKey(headers: Headers): { ok: true; key?: string } | { ok: false } {
  const raw = headers.get(BYOK_HEADER);
  if (raw === null || raw.trim() === "") return { ok: true };
  const key = raw.trim();
  if (key.length > 512 || !/^[\x21-\x7e]+$/.test(key)) return { ok: false };
  return { ok: true, key };
}

export interface GuardOptions {
  limiter?: RateLimiter | null;
  maxBodyBytes: number;
  /** What the client made too many of, for the 429 message ("model calls"). */
  calls: string;
}

export type GuardedRequest = { ok: true; body: unknown; byokKey?: string } | { ok: false; response: Response };

/** Rate limit, body cap, JSON and BYOK header: the parsed body and the brought key, or the refusal to send. */
export async function readGuardedRequest(request: Request, options: GuardOptions): Promise<GuardedRequest> {
  const refuse = (response: Response): GuardedRequest => ({ ok: false, response });
  if (options.limiter) {
    const verdict = await options.limiter.take(clientKeyOf(request.headers));
    if (!verdict.ok) {
      const message = `Too many ${options.calls} from this client. Retry after ${verdict.retryAfterSeconds} s.`;
      return refuse(
        llmError(429, "rate_limited", message, undefined, { "Retry-After": String(verdict.retryAfterSeconds) }),
      );
    }
  }
  let text: string;
  try {
    text = await readCappedBody(request, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return refuse(llmError(413, "bad_request", `The request body is over ${options.maxBodyBytes} bytes.`, "body"));
    return refuse(llmError(400, "bad_request", "The request body could not be read.", "body"));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(llmError(400, "bad_request", "body: the request body is not valid JSON.", "body"));
  }
  const byok = readByokKey(request.headers);
  if (!byok.ok)
    return refuse(
      llmError(
        400,
        "bad_request",
        `The ${BYOK_HEADER} header must be a printable key of at most 512 characters.`,
        BYOK_HEADER,
      ),
    );
  return { ok: true, body, ...(byok.key ? { byokKey: byok.key } : {}) };
}
