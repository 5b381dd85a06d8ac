/**
 * Stream one model call through the AI SDK's `streamLanguageModelCall` as our typed parts, whatever the provider does: every stream ends with exactly one
 * `finish` or `error` part, timeouts and aborts end it promptly, and no error message carries a secret.
 */
import { APICallError } from "@ai-sdk/provider";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import {
  experimental_streamLanguageModelCall as streamLanguageModelCall,
  jsonSchema,
  NoSuchToolError,
  Output,
  type JSONSchema7,
  type LanguageModelStreamPart,
} from "ai";
import type { JsonValue } from "@/lib/core/json";
import type { GatewayCaps } from "./caps";
import { capMaxTokens } from "./request-schema";
import { toModelMessages, toToolSet } from "./prompt";
import type { FinishReason, LlmErrorKind, LlmRequest, SamplingParams, StreamPart } from "./types";
import { MOCK_PROVIDER } from "./mock";
import { pickSamplingParams } from "./model-params";

export interface StreamModelOptions {
  caps: GatewayCaps;
  /** The caller's signal: a disconnecting client or a cancelled run. */
  signal?: AbortSignal;
  /** Keys to scrub from any message (the key used for this call). */
  secrets?: string[];
}

type StopReason = { kind: "timeout"; message: string } | { kind: "cancelled"; message: string };

/** Remove keys and bearer tokens from a message and keep it short. */
function scrubSecrets(message: string, secrets: string[] = []): string {
  let out = message;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  out = out.replace(/\bsk-[A-Za-z0-9_*.-]{3,}/g, "[redacted]").replace(/Bearer\s+\S+/gi, "Bearer [redacted]");
  return out.length > 300 ? `${out.slice(0, 299)}…` : out;
}

function statusMessage(status: number, detail: string): { kind: LlmErrorKind; message: string } {
  if (status === 401 || status === 403)
    return {
      kind: "auth",
      message: `The provider rejected the API key (${status}). Check OPENAI_API_KEY or the key you brought.`,
    };
  if (status === 429)
    return {
      kind: "rate_limited",
      message: `The provider is rate limiting requests (429). Wait and try again.${detail ? ` ${detail}` : ""}`,
    };
  if (status === 404)
    return {
      kind: "unknown_model",
      message: `The provider does not know this model (404).${detail ? ` ${detail}` : ""}`,
    };
  if (status >= 500)
    return { kind: "upstream", message: `The provider failed (${status}).${detail ? ` ${detail}` : ""}` };
  return { kind: "bad_request", message: `The provider refused the request (${status}).${detail ? ` ${detail}` : ""}` };
}

/** Turn anything a provider throws or streams into an error part with a clear message and no secrets. */
function errorPartOf(error: unknown, secrets: string[] = []): Extract<StreamPart, { type: "error" }> {
  if (APICallError.isInstance(error)) {
    const detail = scrubSecrets(error.message, secrets);
    if (error.statusCode !== undefined) {
      const retryAfter = error.responseHeaders?.["retry-after"];
      const extra =
        error.statusCode === 429 && retryAfter && /^\d{1,6}$/.test(retryAfter)
          ? ` (the provider asks to retry after ${retryAfter} s)`
          : "";
      const { kind, message } = statusMessage(
        error.statusCode,
        error.statusCode === 401 || error.statusCode === 403 ? "" : detail + extra,
      );
      return { type: "error", kind, message };
    }
    return { type: "error", kind: "upstream", message: `Could not reach the provider: ${detail}` };
  }
  const name = error instanceof Error ? error.name : "";
  const raw =
    error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error ?? null);
  const text = scrubSecrets(raw, secrets);
  if (
    /JSONParseError|TypeValidationError|InvalidResponseDataError|EmptyResponseBodyError/.test(name) ||
    /AI_JSONParseError|AI_TypeValidationError/.test(String((error as { name?: string })?.name))
  ) {
    return { type: "error", kind: "malformed", message: `The provider sent a malformed stream: ${text}` };
  }
  if (error && typeof error === "object" && "message" in error && !(error instanceof Error)) {
    // Errors streamed by the provider as JSON objects ({ message, type, code }).
    return { type: "error", kind: "upstream", message: `The provider reported an error: ${text}` };
  }
  return { type: "error", kind: "upstream", message: `The model call failed: ${text}` };
}

/** A transport failure with no HTTP status: reset, refused or closed socket. */
function isConnectionDrop(error: unknown): boolean {
  return APICallError.isInstance(error) && error.statusCode === undefined && error.isRetryable;
}

/**
 * The sampling parameters a provider reports it received, from its metadata (`{ mock: { received } }`: the mock
 * echoes them, ./mock-model.ts); each kept only when it is a finite number.
 */
function receivedOf(metadata: unknown): SamplingParams | undefined {
  return pickSamplingParams(
    (metadata as { [MOCK_PROVIDER]?: { received?: unknown } } | undefined)?.[MOCK_PROVIDER]?.received,
  );
}

const FINISH: Record<string, FinishReason> = {
  stop: "stop",
  length: "length",
  "tool-calls": "tool-calls",
  "content-filter": "content-filter",
  error: "error",
  other: "other",
};

/** Await `promise`, or stop early when the call is aborted (some providers ignore their abort signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/** Stream one call of `model` for `request` (already validated) as typed parts. */
export async function* streamLanguageModel(
  model: LanguageModelV4,
  request: LlmRequest,
  options: StreamModelOptions,
): AsyncGenerator<StreamPart> {
  const { caps, secrets = [] } = options;
  const controller = new AbortController();
  let stop: StopReason | undefined;
  const abortWith = (reason: StopReason) => {
    if (!stop) stop = reason;
    controller.abort(new Error(reason.message));
  };
  const onCallerAbort = () => abortWith({ kind: "cancelled", message: "The request was cancelled." });
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const total = setTimeout(
    () =>
      abortWith({
        kind: "timeout",
        message: `The model call took longer than ${caps.maxRequestMs / 1000} s and was stopped.`,
      }),
    caps.maxRequestMs,
  );
  let firstByte: ReturnType<typeof setTimeout> | undefined = setTimeout(
    () =>
      abortWith({
        kind: "timeout",
        message: `The provider sent nothing for ${caps.firstByteTimeoutMs / 1000} s; the call was stopped.`,
      }),
    caps.firstByteTimeoutMs,
  );
  const gotFirstByte = () => {
    clearTimeout(firstByte);
    firstByte = undefined;
  };
  let ended = false;
  const stopPart = (): StreamPart => ({ type: "error", kind: stop!.kind, message: stop!.message });

  try {
    // One model call through the AI SDK's `streamLanguageModelCall`: the SDK's own prompt standardization, tool
    // preparation, tool-call parsing and error normalization (what `streamText` runs for each step), without
    // the multi-step orchestration and replay buffers this route never uses. Measured in-process against the
    // local OpenAI mock: first token 0.16 ms after the provider's own `doStream`, where `streamText` took 0.8 ms
    // (bench/gateway.ts prints what the whole route adds). Tools are offered without `execute` (they run in the
    // spell's engine), so the call ends at the first tool call and the spell API sends the results back.
    const start = async () =>
      (
        await raceAbort(
          streamLanguageModelCall({
            model,
            messages: toModelMessages(request.messages),
            // A spell's conversation may hold system messages anywhere (agents keep their own).
            allowSystemInMessages: true,
            maxOutputTokens: capMaxTokens(request, caps),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            ...(request.topP !== undefined ? { topP: request.topP } : {}),
            ...(request.seed !== undefined ? { seed: request.seed } : {}),
            ...(request.tools && request.tools.length > 0
              ? { tools: toToolSet(request.tools), toolChoice: "auto" as const }
              : {}),
            ...(request.responseFormat
              ? {
                  output: Output.object({
                    schema: jsonSchema(request.responseFormat as JSONSchema7),
                    name: "response",
                  }),
                }
              : {}),
            abortSignal: controller.signal,
            // Nothing here reads the collected content (it is for the SDK's own callbacks).
            _internal: { collectContent: false },
          }),
          controller.signal,
        )
      ).stream[Symbol.asyncIterator]();
    let parts: AsyncIterator<LanguageModelStreamPart> | undefined;
    let replied = false;
    for (;;) {
      if (!parts) {
        try {
          parts = await start();
        } catch (error) {
          // A connection dropped before any response (a reused keep-alive socket the server had just closed):
          // the request never reached the provider, so one retry is safe. The SDK makes no retries here.
          if (!replied && isConnectionDrop(error) && !controller.signal.aborted) {
            replied = true;
            continue;
          }
          throw error;
        }
      }
      const { value: part, done } = await raceAbort(parts.next(), controller.signal);
      if (done) break;
      if (part.type === "error" && !replied && isConnectionDrop(part.error) && !controller.signal.aborted) {
        replied = true;
        parts = undefined;
        continue;
      }
      if (part.type !== "model-call-start" && part.type !== "model-call-response-metadata") {
        replied = true;
        gotFirstByte();
      }
      switch (part.type) {
        case "text-delta":
          if (part.text) yield { type: "text-delta", text: part.text };
          break;
        case "tool-call": {
          if (part.invalid) {
            ended = true;
            yield {
              type: "error",
              kind: "malformed",
              message: NoSuchToolError.isInstance(part.error)
                ? `The model called tool "${part.toolName}", which was not offered.`
                : `The model called tool "${part.toolName}" with arguments that are not valid JSON.`,
            };
            return;
          }
          yield {
            type: "tool-call",
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: (part.input ?? {}) as JsonValue,
          };
          break;
        }
        case "error":
          ended = true;
          yield errorPartOf(part.error, secrets);
          return;
        case "model-call-end": {
          const usage = part.usage;
          if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) {
            yield {
              type: "usage",
              usage: { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 },
            };
          }
          ended = true;
          if (part.rawFinishReason === "interrupted" || (part.finishReason as string) === "interrupted") {
            yield {
              type: "error",
              kind: "malformed",
              message: "The provider's stream ended before the model finished.",
            };
          } else {
            const received = receivedOf(part.providerMetadata);
            yield {
              type: "finish",
              finishReason: FINISH[part.finishReason] ?? "other",
              ...(received ? { received } : {}),
            };
          }
          return;
        }
        default:
          break;
      }
    }
    if (!ended) {
      ended = true;
      yield { type: "error", kind: "malformed", message: "The provider's stream ended without a finish." };
    }
  } catch (error) {
    if (!ended) {
      ended = true;
      yield stop ? stopPart() : errorPartOf(error, secrets);
    }
  } finally {
    clearTimeout(total);
    if (firstByte) clearTimeout(firstByte);
    options.signal?.removeEventListener("abort", onCallerAbort);
    if (!controller.signal.aborted && !ended) controller.abort(new Error("The consumer stopped reading."));
  }
}
