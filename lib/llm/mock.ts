/**
 * The built-in mock provider: deterministic (the same request always gets the same reply), streamed word
 * by word, with usage. It needs no key and no network, so every example runs offline.
 *
 * - `mock/echo` replies with the last user message.
 * - `mock/default` (and any other `mock/<name>`, see `isMockModelName`) replies with a fixed sentence built from
 *   the last user message. Only `mock/default` and `mock/echo` are listed by `/api/models`.
 * - With tools offered, it calls one of them (the one whose name best matches the user's words) with
 *   arguments built from the tool's JSON Schema; after the tool result arrives it answers using that result.
 * - With `responseFormat` (a JSON Schema), it replies with a JSON instance of the schema.
 * - `maxTokens` cuts the reply (one word is one token) and finishes with `length`.
 * - The finish part echoes the temperature, top-p and seed it received (`received`), so a test or the trace can see
 *   what reached the provider; the reply's words do not depend on them.
 *
 * This file has no runtime dependencies, so the browser can import it for "mock every model".
 */
import { DEFAULT_EMBEDDING_MODEL, DEFAULT_MODEL } from "./default-model";
import type { JsonValue } from "@/lib/core/json";
import { embedMockTexts } from "./mock-embedding";
import { createSchemaInstance } from "./schema-instance";
import type {
  ChatMessage,
  EmbedResult,
  LlmClient,
  LlmRequest,
  ProviderInfo,
  SamplingParams,
  StreamPart,
  ToolSpec,
  Usage,
} from "./types";

export const MOCK_PROVIDER = "mock";

/** A mock model name (the part after `mock/`): 1-64 letters, digits and `._:@-`, starting with a letter or digit. */
const MOCK_MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/;

/** Can `mock/<name>` be called? Any sane name can: the mock is deterministic whatever it is called. */
export function isMockModelName(name: string): boolean {
  return MOCK_MODEL_NAME_PATTERN.test(name);
}

export interface MockOptions {
  /** Wait this long before each streamed chunk (tests and benchmarks). */
  chunkDelayMs?: number;
}

/** What the mock decided to answer, before streaming. */
export type MockReply =
  | { kind: "text"; chunks: string[]; finishReason: "stop" | "length"; usage: Usage }
  | { kind: "tool-call"; toolCallId: string; toolName: string; input: JsonValue; usage: Usage };

/** FNV-1a, 32 bit, as 8 hex digits: a stable short fingerprint of a request. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Rough token count (4 characters a token), the same estimate everywhere the mock needs one. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === "user") return m.content;
  }
  return "";
}

function inputTokensOf(request: LlmRequest): number {
  let total = 0;
  for (const m of request.messages) {
    total += 4 + estimateTokens(m.role === "tool" ? JSON.stringify(m.output) : m.content);
    if (m.role === "assistant" && m.toolCalls) total += estimateTokens(JSON.stringify(m.toolCalls));
  }
  if (request.tools) total += estimateTokens(JSON.stringify(request.tools));
  if (request.responseFormat) total += estimateTokens(JSON.stringify(request.responseFormat));
  return total;
}

/** Split text into word chunks, each keeping its trailing whitespace, so joining them restores the text. */
function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

function splitJson(json: string): string[] {
  return json.match(/[^,]+,?|,/g) ?? [json];
}

function modelName(model: string): string {
  const slash = model.indexOf("/");
  return slash >= 0 ? model.slice(slash + 1) : model;
}

const STOP_WORDS = new Set([
  "the",
  "and",
  "for",
  "with",
  "from",
  "this",
  "that",
  "what",
  "are",
  "you",
  "use",
  "tool",
  "into",
  "its",
]);

/** Lower-case words of a name or sentence ("getWeather" → ["get", "weather"]), without filler words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

/** The offered tool whose name and description share the most words with the user's text (first on a tie). */
function chooseTool(tools: ToolSpec[], text: string): ToolSpec {
  const said = new Set(words(text));
  let best = tools[0];
  let bestScore = -1;
  for (const tool of tools) {
    const score =
      words(tool.name).filter((w) => said.has(w)).length * 3 +
      words(tool.description).filter((w) => said.has(w)).length;
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/** Tool results since the last assistant message (the results this turn is answering). */
function pendingToolResults(messages: ChatMessage[]): Extract<ChatMessage, { role: "tool" }>[] {
  const out: Extract<ChatMessage, { role: "tool" }>[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "tool") break;
    out.unshift(m);
  }
  return out;
}

function quote(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function textReply(request: LlmRequest, chunks: string[]): MockReply {
  const limit = request.maxTokens;
  const cut = limit !== undefined && chunks.length > limit;
  const kept = cut ? chunks.slice(0, Math.max(0, limit)) : chunks;
  return {
    kind: "text",
    chunks: kept,
    finishReason: cut ? "length" : "stop",
    usage: { inputTokens: inputTokensOf(request), outputTokens: kept.length },
  };
}

/** Decide the mock's whole reply to a request (pure and deterministic). */
export function createMockReply(request: LlmRequest): MockReply {
  const name = modelName(request.model);
  const userText = lastUserText(request.messages);
  const results = pendingToolResults(request.messages);

  if (results.length > 0) {
    const used = results.map((r) => `the ${r.toolName} tool returned ${JSON.stringify(r.output)}`).join(", and ");
    if (request.responseFormat) {
      const summary = results
        .map((r) => (typeof r.output === "string" ? r.output : JSON.stringify(r.output)))
        .join(" ");
      return textReply(
        request,
        splitJson(JSON.stringify(createSchemaInstance(request.responseFormat, { text: summary }))),
      );
    }
    return textReply(request, splitWords(`Based on the tool result, ${used}.`));
  }

  if (request.tools && request.tools.length > 0 && name !== "echo") {
    const tool = chooseTool(request.tools, userText);
    const input = createSchemaInstance(tool.parameters, { text: userText });
    const toolCallId = `call_${hashText(JSON.stringify([request.model, request.messages, tool.name]))}`;
    return {
      kind: "tool-call",
      toolCallId,
      toolName: tool.name,
      input,
      usage: { inputTokens: inputTokensOf(request), outputTokens: estimateTokens(JSON.stringify(input)) + 1 },
    };
  }

  if (request.responseFormat) {
    return textReply(
      request,
      splitJson(JSON.stringify(createSchemaInstance(request.responseFormat, { text: userText }))),
    );
  }

  if (name === "echo") return textReply(request, splitWords(userText));
  const reply = userText.trim()
    ? `This is a mock reply to: "${quote(userText)}". The mock model answers the same request with the same words.`
    : "This is a mock reply to an empty conversation.";
  return textReply(request, splitWords(reply));
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The sampling parameters of a request, as the mock echoes them back (nothing when it set none). Not `maxTokens`:
 * the gateway always sends one (its cap), and its effect shows in the reply itself (cut, finish reason `length`).
 */
export function receivedParamsOf(request: LlmRequest): { received?: SamplingParams } {
  const out: SamplingParams = {};
  if (request.temperature !== undefined) out.temperature = request.temperature;
  if (request.topP !== undefined) out.topP = request.topP;
  if (request.seed !== undefined) out.seed = request.seed;
  return Object.keys(out).length > 0 ? { received: out } : {};
}

/** Stream the mock's reply as typed parts; an abort ends it with a `cancelled` error part. */
export async function* streamMockReply(
  request: LlmRequest,
  options: MockOptions = {},
  signal?: AbortSignal,
): AsyncGenerator<StreamPart> {
  const reply = createMockReply(request);
  const delay = options.chunkDelayMs ?? 0;
  const wait = async () => (delay > 0 ? sleep(delay, signal) : !signal?.aborted);
  const cancelled: StreamPart = { type: "error", kind: "cancelled", message: "The request was cancelled." };
  if (reply.kind === "tool-call") {
    if (!(await wait())) return yield cancelled;
    yield { type: "tool-call", toolCallId: reply.toolCallId, toolName: reply.toolName, input: reply.input };
    yield { type: "usage", usage: reply.usage };
    yield { type: "finish", finishReason: "tool-calls", ...receivedParamsOf(request) };
    return;
  }
  for (const chunk of reply.chunks) {
    if (!(await wait())) return yield cancelled;
    yield { type: "text-delta", text: chunk };
  }
  yield { type: "usage", usage: reply.usage };
  yield { type: "finish", finishReason: reply.finishReason, ...receivedParamsOf(request) };
}

/** The mock provider as listed by `/api/models`. */
export function mockProviderInfo(): ProviderInfo {
  return {
    name: MOCK_PROVIDER,
    available: true,
    models: [
      { id: "mock/default", label: "Mock (deterministic, offline)", price: { input: 0, output: 0 } },
      { id: "mock/echo", label: "Mock echo (repeats the last user message)", price: { input: 0, output: 0 } },
    ],
  };
}

/** Is this model id served by the mock provider? */
export function isMockModel(model: string): boolean {
  return model.startsWith(`${MOCK_PROVIDER}/`);
}

/** The mock's embeddings for any model: a non-mock model is answered as `mock/embed`. */
export async function embedWithMock(modelId: string, texts: string[], signal?: AbortSignal): Promise<EmbedResult> {
  if (signal?.aborted) return { ok: false, kind: "cancelled", message: "The request was cancelled." };
  const model =
    isMockModel(modelId) && isMockModelName(modelId.slice(MOCK_PROVIDER.length + 1))
      ? modelId
      : DEFAULT_EMBEDDING_MODEL;
  return { ok: true, modelId: model, ...embedMockTexts(texts) };
}

/**
 * An in-process LlmClient that answers every request with the mock (whatever model it names).
 * For tests, the browser's "mock every model" mode and the CLI's `--mock`.
 */
export function createMockLlmClient(options: MockOptions = {}): LlmClient {
  return {
    stream(request, signal) {
      const model = isMockModel(request.model) ? request.model : DEFAULT_MODEL;
      return streamMockReply({ ...request, model }, options, signal);
    },
    embed: embedWithMock,
    async listModels() {
      return [mockProviderInfo()];
    },
  };
}
