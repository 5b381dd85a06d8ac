/**
 * The wire between `/api/llm` and `createHttpLlmClient`, defined once for both ends: the AI SDK's UI message
 * stream protocol (server-sent events of `UIMessageChunk`s, written as `JsonToSseTransformStream` does on the server,
 * `parseJsonEventStream` with the SDK's own `uiMessageChunkSchema` on the client).
 *
 * Our parts map onto the protocol's chunks: text → `text-start`/`text-delta`/`text-end`, a tool call →
 * `tool-input-available`, the end → `finish` (with its finish reason). The protocol's `error` chunk carries
 * only text, and token usage has no chunk of its own, so both travel as `message-metadata` (our `usage`, and
 * the error's kind just before the `error` chunk). A request refused before streaming starts gets a JSON body
 * `{ error: { kind, message, field? } }` with a 4xx/5xx status instead (the envelope every API route uses).
 *
 * `/api/embed` is plain JSON both ways: {@link EmbedRequestBody} in, {@link EmbedResponseBody} out.
 */
import { parseJsonEventStream, UI_MESSAGE_STREAM_HEADERS, uiMessageChunkSchema } from "ai";
import type { UIMessageChunk } from "ai";
import type { JsonValue } from "@/lib/core/json";
import { pickSamplingParams } from "./model-params";
import {
  LLM_ERROR_KINDS,
  type FinishReason,
  type LlmErrorKind,
  type ProviderInfo,
  type SamplingParams,
  type StreamPart,
  type Usage,
} from "./types";

/** Header carrying a user's own OpenAI key for one request (BYOK). Never logged, stored or echoed. */
export const BYOK_HEADER = "x-llmspell-openai-key";

/** The SDK's stream headers, plus those that keep proxies from buffering or compressing the stream. */
export const STREAM_HEADERS: Record<string, string> = {
  ...UI_MESSAGE_STREAM_HEADERS,
  "cache-control": "no-cache, no-transform",
  "content-encoding": "identity",
};

/** The body of `GET /api/models`. */
export interface ModelsResponse {
  /** The model a spell uses when it names none (`mock/default`). */
  defaultModel: string;
  providers: ProviderInfo[];
}

/** The body of `POST /api/embed` (plain JSON both ways, not a stream). */
export interface EmbedRequestBody {
  /** An embedding model, `"provider/model"`. */
  model: string;
  texts: string[];
}

/** The answer of `POST /api/embed`: one vector per text, in order, and the tokens the provider counted. */
export interface EmbedResponseBody {
  model: string;
  embeddings: number[][];
  usage: { tokens: number };
}

/** What our parts put in `message-metadata` chunks. */
interface WireMetadata {
  usage?: Usage;
  /** The finish part's `received` (sent just before the protocol's finish chunk, which has no room for it). */
  received?: SamplingParams;
  errorKind?: LlmErrorKind;
}

const TEXT_ID = "text";
const ERROR_KINDS: ReadonlySet<string> = new Set<LlmErrorKind>(LLM_ERROR_KINDS);

/** Our parts as the protocol's chunks, in order (text is opened before its first delta and closed at the end). */
function toWireChunks(part: StreamPart, state: { textOpen: boolean }): UIMessageChunk<WireMetadata>[] {
  const closeText = (): UIMessageChunk<WireMetadata>[] => {
    if (!state.textOpen) return [];
    state.textOpen = false;
    return [{ type: "text-end", id: TEXT_ID }];
  };
  switch (part.type) {
    case "text-delta": {
      const open: UIMessageChunk<WireMetadata>[] = state.textOpen ? [] : [{ type: "text-start", id: TEXT_ID }];
      state.textOpen = true;
      return [...open, { type: "text-delta", id: TEXT_ID, delta: part.text }];
    }
    case "tool-call":
      return [
        ...closeText(),
        { type: "tool-input-available", toolCallId: part.toolCallId, toolName: part.toolName, input: part.input },
      ];
    case "usage":
      return [{ type: "message-metadata", messageMetadata: { usage: part.usage } }];
    case "finish":
      return [
        ...closeText(),
        ...(part.received ? [{ type: "message-metadata" as const, messageMetadata: { received: part.received } }] : []),
        { type: "finish", finishReason: part.finishReason },
      ];
    case "error":
      return [
        ...closeText(),
        { type: "message-metadata", messageMetadata: { errorKind: part.kind } },
        { type: "error", errorText: part.message },
      ];
  }
}

/** One SSE event per chunk, exactly as the SDK's `JsonToSseTransformStream` writes them. */
function toSseText(chunks: UIMessageChunk<WireMetadata>[]): string {
  let text = "";
  for (const chunk of chunks) text += `data: ${JSON.stringify(chunk)}\n\n`;
  return text;
}

/** The SSE event that ends the protocol's stream (what `JsonToSseTransformStream` flushes). */
const SSE_DONE = "data: [DONE]\n\n";

/**
 * Parts as an SSE byte stream of the protocol's chunks. Cancelling the response (client gone) stops the
 * generator and, through `onCancel`, its upstream call. A generator that throws ends with one error part.
 *
 * The bytes are what `JsonToSseTransformStream` piped through `TextEncoderStream` would write (`decodeStream`
 * reads them with the SDK's own parser), but in one stream: each of those two stages cost a hop per chunk,
 * measured at ~0.5 ms added to the first token in-process (bench/gateway.ts).
 */
export function encodeStream(parts: AsyncGenerator<StreamPart>, onCancel: () => void): ReadableStream<Uint8Array> {
  const state = { textOpen: false };
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toSseText([{ type: "start" }])));
    },
    async pull(controller) {
      try {
        const { value, done } = await parts.next();
        if (done) {
          controller.enqueue(encoder.encode(SSE_DONE));
          controller.close();
        } else controller.enqueue(encoder.encode(toSseText(toWireChunks(value, state))));
      } catch {
        const failed: StreamPart = { type: "error", kind: "upstream", message: "The gateway failed while streaming." };
        controller.enqueue(encoder.encode(toSseText(toWireChunks(failed, state)) + SSE_DONE));
        controller.close();
      }
    },
    async cancel() {
      onCancel();
      await parts.return(undefined);
    },
  });
}

const FINISH_REASONS: ReadonlySet<string> = new Set<FinishReason>([
  "stop",
  "length",
  "tool-calls",
  "content-filter",
  "error",
  "other",
]);

/** Read the protocol's chunks back into our parts (for the client side). Unknown or invalid chunks are errors. */
export async function* decodeStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamPart> {
  const reader = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema }).getReader();
  let errorKind: LlmErrorKind = "upstream";
  let received: SamplingParams | undefined;
  try {
    for (;;) {
      const { value: result, done } = await reader.read();
      if (done) break;
      if (!result.success) {
        yield { type: "error", kind: "malformed", message: "The gateway sent an event that is not a stream chunk." };
        return;
      }
      const chunk = result.value as UIMessageChunk<WireMetadata>;
      switch (chunk.type) {
        case "text-delta":
          yield { type: "text-delta", text: chunk.delta };
          break;
        case "tool-input-available":
          yield {
            type: "tool-call",
            toolCallId: chunk.toolCallId,
            toolName: chunk.toolName,
            input: (chunk.input ?? {}) as JsonValue,
          };
          break;
        case "message-metadata": {
          const meta = (chunk.messageMetadata ?? {}) as WireMetadata;
          if (meta.usage) yield { type: "usage", usage: meta.usage };
          if (meta.received) received = pickSamplingParams(meta.received);
          if (meta.errorKind && ERROR_KINDS.has(meta.errorKind)) errorKind = meta.errorKind;
          break;
        }
        case "finish":
          yield {
            type: "finish",
            finishReason:
              chunk.finishReason && FINISH_REASONS.has(chunk.finishReason)
                ? (chunk.finishReason as FinishReason)
                : "other",
            ...(received ? { received } : {}),
          };
          break;
        case "error":
          yield { type: "error", kind: errorKind, message: chunk.errorText };
          break;
        default:
          break;
      }
    }
  } finally {
    // Stops the body (and so the server's upstream call) when the consumer stops early.
    reader.cancel().catch(() => {});
  }
}
