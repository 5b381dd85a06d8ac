/**
 * The browser/worker side of the gateway: POST `/api/llm`, read the AI SDK UI message stream (lib/llm/wire.ts) into typed parts,
 * abort on the caller's signal, list models through `GET /api/models`, embed through `POST /api/embed` (split
 * into requests under the server's caps). The stream never throws: transport failures, refusals (4xx/5xx) and
 * cancellation all arrive as one final `error` part; `embed` returns them as an `ok: false` result.
 */
import { EMBED_CAPS, type EmbedCaps } from "./caps";
import { createMockLlmClient, embedWithMock, type MockOptions } from "./mock";
import type { EmbedResult, LlmClient, LlmErrorKind, ProviderInfo, StreamPart } from "./types";
import type { ApiErrorBody } from "@/lib/http/api-error";
import { BYOK_HEADER, decodeStream, type EmbedRequestBody, type EmbedResponseBody, type ModelsResponse } from "./wire";

export interface HttpLlmClientOptions {
  /** Origin of the gateway, e.g. `http://127.0.0.1:3000`; empty means the page's own origin. */
  baseUrl?: string;
  /** The user's own OpenAI key, sent in a header with each model call (never with anything else). */
  byokKey?: string;
  /** Answer every call with the in-process mock (no network at all). */
  mockAll?: boolean;
  /** Options for that in-process mock. */
  mock?: MockOptions;
  /** What one `/api/embed` request may hold (the server's caps); larger embeddings are split to fit. */
  embedCaps?: EmbedCaps;
  fetch?: typeof fetch;
}

const cancelled: StreamPart = { type: "error", kind: "cancelled", message: "The request was cancelled." };

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (error instanceof Error && error.name === "AbortError");
}

async function refusalOf(response: Response): Promise<{ kind: LlmErrorKind; message: string }> {
  let kind: LlmErrorKind =
    response.status === 429 ? "rate_limited" : response.status >= 500 ? "upstream" : "bad_request";
  let message = `The gateway answered ${response.status}.`;
  try {
    const body = (await response.json()) as ApiErrorBody<LlmErrorKind>;
    if (body?.error?.message) {
      kind = body.error.kind ?? kind;
      message = body.error.message;
    }
  } catch {
    // not JSON: keep the status message
  }
  const retry = response.headers.get("retry-after");
  if (response.status === 429 && retry && !/Retry after/.test(message)) message += ` Retry after ${retry} s.`;
  return { kind, message };
}

/**
 * Texts in request-sized batches under the caps, in order; undefined when one text alone is over the
 * character cap (no request could carry it).
 */
function splitIntoBatches(texts: string[], caps: EmbedCaps): string[][] | undefined {
  const batches: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (text.length > caps.maxTotalChars) return undefined;
    if (batch.length > 0 && (batch.length >= caps.maxTexts || chars + text.length > caps.maxTotalChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(text);
    chars += text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Is this a well-formed answer of `/api/embed` for `count` texts? */
function isEmbedResponse(body: unknown, count: number): body is EmbedResponseBody {
  const b = body as Partial<EmbedResponseBody> | null;
  return (
    typeof b?.model === "string" &&
    typeof b.usage?.tokens === "number" &&
    Array.isArray(b.embeddings) &&
    b.embeddings.length === count &&
    b.embeddings.every((v) => Array.isArray(v) && v.every((x) => typeof x === "number"))
  );
}

export function createHttpLlmClient(opts: HttpLlmClientOptions = {}): LlmClient {
  const base = (opts.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const mock = createMockLlmClient(opts.mock);

  async function* stream(
    request: Parameters<LlmClient["stream"]>[0],
    signal?: AbortSignal,
  ): AsyncGenerator<StreamPart> {
    if (opts.mockAll) {
      yield* mock.stream(request, signal);
      return;
    }
    let response: Response;
    try {
      response = await doFetch(`${base}/api/llm`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(opts.byokKey ? { [BYOK_HEADER]: opts.byokKey } : {}) },
        body: JSON.stringify(request),
        signal,
      });
    } catch (error) {
      yield isAbort(error, signal)
        ? cancelled
        : { type: "error", kind: "upstream", message: "Could not reach the model gateway (/api/llm)." };
      return;
    }
    if (!response.ok || !response.body) {
      yield { type: "error", ...(await refusalOf(response)) };
      return;
    }
    let ended = false;
    try {
      for await (const part of decodeStream(response.body)) {
        if (signal?.aborted) break;
        yield part;
        if (part.type === "finish" || part.type === "error") {
          ended = true;
          return;
        }
      }
    } catch (error) {
      if (!isAbort(error, signal)) {
        yield {
          type: "error",
          kind: "upstream",
          message: "The connection to the model gateway broke during the reply.",
        };
        return;
      }
    }
    if (signal?.aborted) yield cancelled;
    else if (!ended)
      yield { type: "error", kind: "malformed", message: "The model gateway's stream ended before a finish." };
  }

  /** One `/api/embed` request per batch (see {@link splitIntoBatches}), vectors joined in order. */
  async function embed(modelId: string, texts: string[], signal?: AbortSignal): Promise<EmbedResult> {
    if (opts.mockAll) return embedWithMock(modelId, texts, signal);
    const caps = opts.embedCaps ?? EMBED_CAPS;
    const batches = splitIntoBatches(texts, caps);
    if (!batches)
      return {
        ok: false,
        kind: "bad_request",
        message: `A text to embed is over ${caps.maxTotalChars} characters, more than one request to /api/embed may carry.`,
      };
    let model = modelId;
    const embeddings: number[][] = [];
    let tokens = 0;
    for (const batch of batches) {
      const body: EmbedRequestBody = { model: modelId, texts: batch };
      let response: Response;
      try {
        response = await doFetch(`${base}/api/embed`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(opts.byokKey ? { [BYOK_HEADER]: opts.byokKey } : {}) },
          body: JSON.stringify(body),
          signal,
        });
      } catch (error) {
        return isAbort(error, signal)
          ? { ok: false, kind: "cancelled", message: "The request was cancelled." }
          : { ok: false, kind: "upstream", message: "Could not reach the embedding gateway (/api/embed)." };
      }
      if (!response.ok) return { ok: false, ...(await refusalOf(response)) };
      let answer: unknown;
      try {
        answer = await response.json();
      } catch (error) {
        if (isAbort(error, signal)) return { ok: false, kind: "cancelled", message: "The request was cancelled." };
        answer = undefined;
      }
      if (!isEmbedResponse(answer, batch.length))
        return { ok: false, kind: "malformed", message: "The embedding gateway's answer is not one vector per text." };
      model = answer.model;
      embeddings.push(...answer.embeddings);
      tokens += answer.usage.tokens;
    }
    return { ok: true, modelId: model, embeddings, tokens };
  }

  return {
    stream,
    embed,
    async listModels(): Promise<ProviderInfo[]> {
      return (await fetchModels(base, doFetch, opts.byokKey)).providers;
    },
  };
}

/**
 * `GET /api/models`. With a brought key, OpenAI counts as available (the key itself is not sent here).
 * Throws an Error with a clear message when the gateway cannot be reached.
 */
export async function fetchModels(
  baseUrl = "",
  doFetch: typeof fetch = fetch,
  byokKey?: string,
): Promise<ModelsResponse> {
  const response = await doFetch(`${baseUrl.replace(/\/$/, "")}/api/models`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`Listing models failed: the gateway answered ${response.status}.`);
  const body = (await response.json()) as ModelsResponse;
  if (!byokKey) return body;
  return {
    ...body,
    providers: body.providers.map((p) =>
      p.name === "openai"
        ? { name: p.name, models: p.models, available: true, ...(p.server ? { server: p.server } : {}) }
        : p,
    ),
  };
}
