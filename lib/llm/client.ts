/**
 * The browser/worker side of the gateway: POST `/api/llm`, read the AI SDK UI message stream (lib/llm/wire.ts) into typed parts,
 * abort on the caller's signal, list models through `GET /api/models`. The stream never throws: transport
 * failures, refusals (4xx/5xx) and cancellation all arrive as one final `error` part.
 */
import { createMockLlmClient, type MockOptions } from "./mock";
import type { LlmClient, LlmErrorKind, ProviderInfo, StreamPart } from "./types";
import type { ApiErrorBody } from "@/lib/http/api-error";
import { BYOK_HEADER, decodeStream, type ModelsResponse } from "./wire";

export interface HttpLlmClientOptions {
  /** Origin of the gateway, e.g. `http://127.0.0.1:3000`; empty means the page's own origin. */
  baseUrl?: string;
  /** The user's own OpenAI key, sent in a header with each model call (never with anything else). */
  byokKey?: string;
  /** Answer every call with the in-process mock (no network at all). */
  mockAll?: boolean;
  /** Options for that in-process mock. */
  mock?: MockOptions;
  fetch?: typeof fetch;
}

const cancelled: StreamPart = { type: "error", kind: "cancelled", message: "The request was cancelled." };

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (error instanceof Error && error.name === "AbortError");
}

async function refusalOf(response: Response): Promise<StreamPart> {
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
  if (response.status === 429 && retry) message += ` Retry after ${retry} s.`;
  return { type: "error", kind, message };
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
      yield await refusalOf(response);
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

  return {
    stream,
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
      p.name === "openai" ? { name: p.name, models: p.models, available: true } : p,
    ),
  };
}
