/**
 * The wire format between `/api/llm` and `createHttpLlmClient`, defined once for both ends:
 * the response body is NDJSON, one `StreamPart` per line. A request refused before streaming starts gets a
 * JSON body `{ error: { kind, message, field? } }` with a 4xx/5xx status instead.
 */
import type { LlmErrorKind, ProviderInfo, StreamPart } from "./types";

const LLM_STREAM_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

/** Header carrying a user's own OpenAI key for one request (BYOK). Never logged, stored or echoed. */
export const BYOK_HEADER = "x-llmspell-openai-key";

/** Headers that keep proxies and the platform from buffering or compressing the stream. */
export const STREAM_HEADERS: Record<string, string> = {
  "Content-Type": LLM_STREAM_CONTENT_TYPE,
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  "Content-Encoding": "identity",
};

/** The body of `GET /api/models`. */
export interface ModelsResponse {
  /** The model a spell uses when it names none (`mock/default`). */
  defaultModel: string;
  providers: ProviderInfo[];
}

export interface WireError {
  error: { kind: LlmErrorKind; message: string; field?: string };
}

/** One part as one NDJSON line. */
export function encodePart(part: StreamPart): string {
  return `${JSON.stringify(part)}\n`;
}

const KINDS = new Set(["text-delta", "tool-call", "usage", "finish", "error"]);

/** Parse one NDJSON line into a part; anything that is not a known part becomes a `malformed` error part. */
export function decodePart(line: string): StreamPart {
  try {
    const value = JSON.parse(line) as { type?: unknown };
    if (value && typeof value === "object" && typeof value.type === "string" && KINDS.has(value.type))
      return value as StreamPart;
  } catch {
    // fall through
  }
  return {
    type: "error",
    kind: "malformed",
    message: `The gateway sent a line that is not a stream part: ${line.slice(0, 80)}`,
  };
}

/** Split a byte stream into lines and decode each into a part (for the client side). */
export async function* decodeStream(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamPart> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) yield decodePart(line);
        newline = buffer.indexOf("\n");
      }
    }
    buffer += decoder.decode();
    if (buffer.trim()) yield decodePart(buffer.trim());
  } finally {
    // Stops the body (and so the server's upstream call) when the consumer stops early.
    reader.cancel().catch(() => {});
  }
}
