/**
 * The model-call protocol shared by the spell API (the caller), the gateway route, the CLI and the providers.
 * Messages and stream parts are our own small JSON shapes; the gateway maps them to the AI SDK.
 */
import type { JsonValue } from "@/lib/core/json";

export interface ToolCall {
  id: string;
  name: string;
  input: JsonValue;
}

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; toolName: string; output: JsonValue };

/** A tool offered to the model: schema only, the server never runs it. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the tool's parameters. */
  parameters: { [key: string]: JsonValue };
}

/** The sampling parameters of a model call (bounds in ./model-params.ts). */
export interface SamplingParams {
  temperature?: number;
  maxTokens?: number;
  /** Nucleus sampling, 0 to 1. */
  topP?: number;
  /** An integer seed, for providers that sample reproducibly with one. */
  seed?: number;
}

export interface LlmRequest extends SamplingParams {
  /** `"provider/model"`; a bare name means the default provider. */
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** JSON Schema the reply must satisfy (structured output). */
  responseFormat?: { [key: string]: JsonValue };
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export type FinishReason = "stop" | "length" | "tool-calls" | "content-filter" | "error" | "other";

/** Every kind of model-call failure, once (the wire protocol and recordings validate against it). */
export const LLM_ERROR_KINDS = [
  "bad_request",
  "unknown_model",
  "unavailable",
  "auth",
  "rate_limited",
  "upstream",
  "timeout",
  "malformed",
  "cancelled",
] as const;

export type LlmErrorKind = (typeof LLM_ERROR_KINDS)[number];

/** One typed part of a streamed model reply. */
export type StreamPart =
  | { type: "text-delta"; text: string }
  | { type: "tool-call"; toolCallId: string; toolName: string; input: JsonValue }
  | { type: "usage"; usage: Usage }
  /** `received`: the sampling parameters the provider reports it got (the mock echoes them, so tests can see them). */
  | { type: "finish"; finishReason: FinishReason; received?: SamplingParams }
  | { type: "error"; kind: LlmErrorKind; message: string };

/** Vectors for texts, one per text in order, or why there are none (never with a secret in the message). */
export type EmbedResult =
  | { ok: true; modelId: string; embeddings: number[][]; tokens: number }
  | { ok: false; kind: LlmErrorKind; message: string };

/**
 * How the spell API calls models: over HTTP to `/api/llm` and `/api/embed` in the browser, straight to providers
 * in the CLI.
 */
export interface LlmClient {
  stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamPart>;
  /** Embed `texts` with an embedding model (`"provider/model"`); never throws. */
  embed(modelId: string, texts: string[], signal?: AbortSignal): Promise<EmbedResult>;
  /** Models the user can pick, and whether each is usable now. */
  listModels(): Promise<ProviderInfo[]>;
}

export interface ModelInfo {
  id: string; // "provider/model"
  label?: string;
  /** USD per million tokens, when known (for trace cost estimates). */
  price?: { input: number; output: number };
}

export interface ProviderInfo {
  name: string;
  available: boolean;
  models: ModelInfo[];
  /** Why it is unavailable (for example "OPENAI_API_KEY is not set"), never a secret. */
  reason?: string;
  /** Set when the deployment points this provider at its own OpenAI-compatible server (OPENAI_BASE_URL). */
  server?: "openai-compatible";
}
