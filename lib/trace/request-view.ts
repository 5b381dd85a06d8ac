/**
 * The request view of one model call: what the model was sent (system prompt, every message in order with tool
 * calls and tool results, the tool schemas offered, each sampling parameter and where it came from, the response
 * format) and what came back (the raw text, tool calls, finish reason, time to the first token, tokens, cost).
 * A pure function of the model span the spell API traces (lib/spell/core/models.ts), so the trace panel, its tests
 * and "Copy as JSON" read it the same way. Traces made before the span carried all of this (only `last`, tool
 * names, a top-level `temperature`) still read: what they lack is shown as not recorded.
 */
import type { JsonValue } from "@/lib/core/json";
import { GATEWAY_CAPS } from "@/lib/llm/caps";
import {
  PARAM_SOURCES,
  SAMPLING_PARAM_BOUNDS,
  SAMPLING_PARAM_KEYS,
  type ParamSource,
  type SamplingParamKey,
} from "@/lib/llm/model-params";

/** The part of a trace node the view reads (lib/store/run-view.ts `TraceNode` is one). */
export interface ModelSpan {
  name: string;
  model?: string;
  input?: JsonValue;
  output?: JsonValue;
  error?: { kind: string; message: string };
  tokens?: { input: number; output: number };
  costUsd?: number;
  durationMs?: number;
}

interface ViewToolCall {
  id?: string;
  name: string;
  /** The arguments as the model sent them. */
  arguments: JsonValue;
}

export type ViewMessage =
  | { role: "system" | "user"; text: string }
  | { role: "assistant"; text: string; toolCalls: ViewToolCall[] }
  | { role: "tool"; toolName: string; toolCallId: string; result: JsonValue };

interface ViewTool {
  name: string;
  description: string;
  /** The JSON Schema of its parameters. */
  schema: JsonValue;
}

export interface ViewParam {
  key: SamplingParamKey;
  label: string;
  /** Undefined: not sent, so the provider's default applies. */
  value?: number;
  /** Where the value came from; `default` when it was not sent. */
  source: ParamSource | "default";
  /** What the provider reports it received, when it does (the mock echoes temperature, top-p and seed). */
  received?: number;
  /** What happened to it on the way (a max tokens above the gateway's cap is lowered to the cap). */
  note?: string;
}

export interface RequestView {
  /** `provider/model` actually called. */
  model: string;
  /** The system prompt (the first system message), if any. */
  systemPrompt?: string;
  /** Every message in order, the system prompt included. */
  messages: ViewMessage[];
  /** False for a trace that kept only the last message (older recordings). */
  complete: boolean;
  tools: ViewTool[];
  params: ViewParam[];
  responseFormat?: JsonValue;
  response: {
    text: string;
    toolCalls: ViewToolCall[];
    finishReason?: string;
    /** ms from the call to its first text (or tool call). */
    firstTokenMs?: number;
    error?: { kind: string; message: string };
  };
  /** Tokens in and out; `estimated` when the provider reported none (the spell API counted 4 characters a token). */
  usage?: { input: number; output: number; estimated: boolean };
  costUsd?: number;
  durationMs?: number;
}

const SOURCE_LABELS: Record<ParamSource | "default", string> = {
  call: "this execute call's parameters",
  agent: "the agent's config",
  settings: "the page's model settings",
  budget: "the run's token budget",
  default: "provider default (not sent)",
};

/** How a parameter's source reads in the view. */
export function sourceLabel(source: ViewParam["source"]): string {
  return SOURCE_LABELS[source];
}

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

function toolCallsOf(v: JsonValue | undefined): ViewToolCall[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((c) => ({
    ...(str(c.id) ? { id: str(c.id) } : {}),
    name: str(c.name) ?? "?",
    arguments: c.input ?? null,
  }));
}

function messageOf(m: JsonValue): ViewMessage | undefined {
  if (!isObject(m)) return undefined;
  switch (m.role) {
    case "system":
    case "user":
      return { role: m.role, text: str(m.content) ?? "" };
    case "assistant":
      return { role: "assistant", text: str(m.content) ?? "", toolCalls: toolCallsOf(m.toolCalls) };
    case "tool":
      return {
        role: "tool",
        toolName: str(m.toolName) ?? "?",
        toolCallId: str(m.toolCallId) ?? "",
        result: m.output ?? null,
      };
    default:
      return undefined;
  }
}

function toolOf(t: JsonValue): ViewTool | undefined {
  // Older traces list tool names only.
  if (typeof t === "string") return { name: t, description: "", schema: null };
  if (!isObject(t)) return undefined;
  return { name: str(t.name) ?? "?", description: str(t.description) ?? "", schema: t.parameters ?? null };
}

function paramsOf(input: JsonObject, received: JsonObject | undefined): ViewParam[] {
  const sent = isObject(input.params) ? input.params : {};
  return SAMPLING_PARAM_KEYS.map((key): ViewParam => {
    const entry = sent[key];
    let value: number | undefined;
    let source: ViewParam["source"] = "default";
    if (isObject(entry) && num(entry.value) !== undefined) {
      value = num(entry.value);
      const s = str(entry.source);
      source = (PARAM_SOURCES as readonly string[]).includes(s ?? "") ? (s as ParamSource) : "agent";
    } else if (key === "temperature" && num(input.temperature) !== undefined) {
      value = num(input.temperature);
      source = "agent";
    }
    const echoed = received ? num(received[key]) : undefined;
    const cap = GATEWAY_CAPS.maxOutputTokens;
    const note =
      key === "maxTokens" && value !== undefined && value > cap
        ? `the gateway lowers it to its cap, ${cap.toLocaleString("en")}`
        : undefined;
    return {
      key,
      label: SAMPLING_PARAM_BOUNDS[key].label,
      ...(value !== undefined ? { value } : {}),
      source,
      ...(echoed !== undefined ? { received: echoed } : {}),
      ...(note ? { note } : {}),
    };
  });
}

/** The request view of a model span. */
export function createRequestView(span: ModelSpan): RequestView {
  const input = isObject(span.input) ? span.input : {};
  const output = isObject(span.output) ? span.output : {};
  const all = Array.isArray(input.messages) ? input.messages : undefined;
  const messages = (all ?? (input.last !== undefined ? [input.last] : []))
    .map(messageOf)
    .filter((m): m is ViewMessage => m !== undefined);
  const system = messages.find((m): m is { role: "system"; text: string } => m.role === "system");
  const tools = (Array.isArray(input.tools) ? input.tools : []).map(toolOf).filter((t): t is ViewTool => !!t);
  const received = isObject(output.received) ? output.received : undefined;
  const firstTokenMs = num(output.first_token_time_ms);
  return {
    model: span.model ?? span.name,
    ...(system ? { systemPrompt: system.text } : {}),
    messages,
    complete: all !== undefined,
    tools,
    params: paramsOf(input, received),
    ...(input.responseFormat !== undefined ? { responseFormat: input.responseFormat } : {}),
    response: {
      text: str(output.text) ?? "",
      toolCalls: toolCallsOf(output.toolCalls),
      ...(str(output.finishReason) ? { finishReason: str(output.finishReason) } : {}),
      ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
      ...(span.error ? { error: span.error } : {}),
    },
    ...(span.tokens ? { usage: { ...span.tokens, estimated: output.usage === "estimated" } } : {}),
    ...(span.costUsd !== undefined ? { costUsd: span.costUsd } : {}),
    ...(span.durationMs !== undefined ? { durationMs: span.durationMs } : {}),
  };
}

/**
 * The whole call as one JSON document ("Copy as JSON"): the request as sent (model, messages, tools, parameters
 * with their sources, response format) and the response with its timing, usage and cost.
 */
export function requestViewJson(view: RequestView): string {
  const params: JsonObject = {};
  for (const p of view.params) {
    if (p.value === undefined) continue;
    params[p.key] = { value: p.value, source: p.source, ...(p.received !== undefined ? { received: p.received } : {}) };
  }
  const doc: JsonObject = {
    model: view.model,
    request: {
      messages: view.messages.map((m): JsonValue => {
        if (m.role === "tool")
          return { role: "tool", toolName: m.toolName, toolCallId: m.toolCallId, output: m.result };
        if (m.role === "assistant")
          return {
            role: "assistant",
            content: m.text,
            ...(m.toolCalls.length > 0 ? { toolCalls: m.toolCalls.map(callJson) } : {}),
          };
        return { role: m.role, content: m.text };
      }),
      tools: view.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.schema })),
      params,
      ...(view.responseFormat !== undefined ? { responseFormat: view.responseFormat } : {}),
    },
    response: {
      text: view.response.text,
      toolCalls: view.response.toolCalls.map(callJson),
      ...(view.response.finishReason ? { finishReason: view.response.finishReason } : {}),
      ...(view.response.firstTokenMs !== undefined ? { firstTokenMs: view.response.firstTokenMs } : {}),
      ...(view.response.error ? { error: view.response.error } : {}),
    },
    ...(view.usage ? { usage: view.usage } : {}),
    ...(view.costUsd !== undefined ? { costUsd: view.costUsd } : {}),
    ...(view.durationMs !== undefined ? { durationMs: view.durationMs } : {}),
  };
  return JSON.stringify(doc, null, 2);
}

function callJson(c: ViewToolCall): JsonValue {
  return { ...(c.id ? { id: c.id } : {}), name: c.name, input: c.arguments };
}
