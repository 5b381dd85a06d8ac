/**
 * The short-link HTTP API, as plain functions over `Request`/`Response` so tests can call them without a server.
 *
 *   POST /api/share       body: SharedSpell (JSON), with its recorded runs or not  → 201 { id, path } (200 when stored)
 *   GET  /api/share/<id>                            → 200 SharedSpell, or 404
 *
 * Errors are the API error envelope `{ error: { kind, message } }` (lib/http/api-error.ts) naming the problem: 400 bad body, 413 too large, 415 not JSON, 429 rate limited.
 * There is deliberately no way to list stored spells.
 */
import { errorResponse } from "@/lib/http/api-error";
import { BodyTooLarge, readCappedBody } from "@/lib/http/read-body";
import type { RateLimiter } from "@/lib/ratelimit/types";
import { computeShareId } from "./content-id";
import { SHORT_ID_PATTERN } from "./embed";
import { describeZodError } from "./link";
import { parseRecording } from "@/lib/recording/schema";
import {
  MAX_ARGS_BYTES,
  MAX_RECORDINGS_BYTES,
  MAX_SOURCE_BYTES,
  findSizeProblem,
  checkSharedSpell,
} from "./shared-spell";
import type { ShareStore } from "./store/types";

/**
 * The largest request body: a 64 KiB source could double when JSON-escaped, plus args, recorded runs (already
 * JSON, measured as such) and room for fields.
 */
export const MAX_SHARE_BODY_BYTES = 2 * MAX_SOURCE_BYTES + 2 * MAX_ARGS_BYTES + MAX_RECORDINGS_BYTES + 1024;

export interface ShareApiDeps {
  getStore(): Promise<ShareStore>;
  /** Limits POSTs per client. */
  postLimiter: RateLimiter;
  /** Limits GETs per client (generous: it only slows down guessing). */
  getLimiter: RateLimiter;
  clientKey(request: Request): string;
  /** Called with unexpected failures (a store that is down); never with the spell's content. */
  onError?(error: unknown): void;
}

/** The share API's error kinds (the `kind` of its error envelope). */
type ShareErrorKind =
  "rate_limited" | "unsupported_media_type" | "too_large" | "bad_request" | "not_found" | "unavailable";

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function fail(status: number, kind: ShareErrorKind, message: string, headers: Record<string, string> = {}): Response {
  return errorResponse(status, { kind, message }, headers);
}

function tooMany(retryAfterSeconds: number): Response {
  return fail(
    429,
    "rate_limited",
    `Too many requests: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    { "retry-after": String(retryAfterSeconds) },
  );
}

export function createShareApi(deps: ShareApiDeps) {
  async function post(request: Request): Promise<Response> {
    const limit = await deps.postLimiter.take(deps.clientKey(request));
    if (!limit.ok) return tooMany(limit.retryAfterSeconds);

    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) {
      return fail(415, "unsupported_media_type", "Send the spell as JSON (content-type: application/json).");
    }
    let text: string;
    try {
      text = await readCappedBody(request, MAX_SHARE_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) return fail(400, "bad_request", "The request body could not be read.");
      return fail(
        413,
        "too_large",
        `The request body is over ${MAX_SHARE_BODY_BYTES} bytes; a shared spell may hold at most 64 KiB of source and 256 KiB of recorded runs.`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail(400, "bad_request", "The request body is not valid JSON.");
    }
    const parsed = checkSharedSpell(body);
    if (!parsed.success) return fail(400, "bad_request", `Invalid spell: ${describeZodError(parsed.error)}`);
    const spell = parsed.data;
    const sizeProblem = findSizeProblem(spell);
    if (sizeProblem) return fail(413, "too_large", `Too large: ${sizeProblem}.`);
    for (const [i, recording] of (spell.recordings ?? []).entries()) {
      const read = parseRecording(recording);
      if (!read.ok) return fail(400, "bad_request", `Invalid recorded run ${i + 1}: ${read.message}`);
    }

    try {
      const id = await computeShareId(spell);
      const store = await deps.getStore();
      const { created } = await store.put(id, spell);
      return json(created ? 201 : 200, { id, path: `/s/${id}` });
    } catch (error) {
      deps.onError?.(error);
      return fail(503, "unavailable", "The short-link store is unavailable; the long link still works.");
    }
  }

  async function get(request: Request, id: string): Promise<Response> {
    const limit = await deps.getLimiter.take(deps.clientKey(request));
    if (!limit.ok) return tooMany(limit.retryAfterSeconds);
    if (!SHORT_ID_PATTERN.test(id)) return fail(404, "not_found", `"${id.slice(0, 40)}" is not a short-link id.`);
    try {
      const spell = await (await deps.getStore()).get(id);
      if (!spell) return fail(404, "not_found", `No spell is stored under ${id}.`);
      return json(200, spell, { "cache-control": "public, max-age=31536000, immutable" });
    } catch (error) {
      deps.onError?.(error);
      return fail(503, "unavailable", "The short-link store is unavailable.");
    }
  }

  return { post, get };
}
