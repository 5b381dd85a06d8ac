/**
 * A run's trace as OpenTelemetry OTLP/JSON (`resourceSpans → scopeSpans → spans`) with the GenAI semantic
 * conventions, and back. Span names and attributes follow the conventions' agent and model spans:
 * `invoke_workflow {gen_ai.workflow.name}`, `invoke_agent {gen_ai.agent.name}`, `chat {gen_ai.request.model}`,
 * `execute_tool {gen_ai.tool.name}`, `embeddings {gen_ai.request.model}`; `gen_ai.operation.name`,
 * `gen_ai.provider.name`, `gen_ai.request.model`, `gen_ai.request.temperature`, `gen_ai.usage.input_tokens`,
 * `gen_ai.usage.output_tokens`, `gen_ai.response.finish_reasons`, and, opt-in, `gen_ai.input.messages` and
 * `gen_ai.output.messages`. What the conventions have no name for (our span id and kind, the cost, the
 * input/output of steps, hooks and events) goes under `llmspell.*`, so our own export reads back as the same tree.
 *
 * Written by hand: the OpenTelemetry SDK exports to a collector, not to a file, and the JSON mapping is small.
 */
import * as z from "zod";
import type { TraceEnd, TraceEvent, TraceKind, TraceStart } from "@/lib/core/events";
import type { SpellErrorData } from "@/lib/core/errors";
import type { JsonValue } from "@/lib/core/json";

/** OTLP span kinds (the JSON mapping writes the enum as its number). */
const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_CLIENT = 3;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } };

interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  status: { code: number; message?: string };
}

export interface OtlpTrace {
  resourceSpans: {
    resource: { attributes: KeyValue[] };
    scopeSpans: { scope: { name: string; version?: string }; spans: OtlpSpan[] }[];
  }[];
}

export interface OtlpExportOptions {
  /** When the run started (epoch ms): span times are run-relative in our events. */
  startedAtMs: number;
  /** 32 hex digits; random when absent. */
  traceId?: string;
  /** Add the opt-in content attributes: input/output messages, and every span's input and output. */
  includeContent?: boolean;
  /** `service.name` of the resource. */
  serviceName?: string;
}

const SCOPE_NAME = "llmspell-playground";

const str = (value: string): AnyValue => ({ stringValue: value });
const int = (value: number): AnyValue => ({ intValue: String(Math.round(value)) });
const num = (value: number): AnyValue => (Number.isInteger(value) ? int(value) : { doubleValue: value });

/** Epoch ms (fractional) to OTLP's decimal nanoseconds, without losing the microseconds to float rounding. */
function toUnixNano(ms: number): string {
  const micros = BigInt(Math.round(ms * 1000));
  return (micros * BigInt(1000)).toString();
}

function fromUnixNano(nanos: string): number {
  const n = BigInt(nanos);
  return Number(n / BigInt(1000)) / 1000;
}

function randomHex(bytes: number): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function splitModel(model: string): { provider: string; name: string } {
  const i = model.indexOf("/");
  return i > 0 ? { provider: model.slice(0, i), name: model.slice(i + 1) } : { provider: "openai", name: model };
}

const OPERATIONS: Partial<Record<TraceKind, string>> = {
  workflow: "invoke_workflow",
  agent: "invoke_agent",
  model: "chat",
  tool: "execute_tool",
  embedding: "embeddings",
  retrieval: "retrieval",
};

function field(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;
}

/** A chat message in the conventions' shape (`{role, parts: [{type: "text", content}]}`), from ours. */
function conventionMessage(message: JsonValue | undefined): JsonValue | undefined {
  const role = field(message, "role");
  if (typeof role !== "string") return undefined;
  if (role === "tool")
    return {
      role: "tool",
      parts: [
        {
          type: "tool_call_response",
          id: field(message, "toolCallId") ?? null,
          response: field(message, "output") ?? null,
        },
      ],
    };
  return { role, parts: [{ type: "text", content: String(field(message, "content") ?? "") }] };
}

function spanAttributes(start: TraceStart, end: TraceEnd | undefined, includeContent: boolean): KeyValue[] {
  const attrs: KeyValue[] = [];
  const add = (key: string, value: AnyValue | undefined) => {
    if (value) attrs.push({ key, value });
  };
  const op = OPERATIONS[start.kind];
  if (op) add("gen_ai.operation.name", str(op));
  const model = end?.model ?? start.model;
  if (start.kind === "workflow") add("gen_ai.workflow.name", str(start.name));
  if (start.kind === "agent") add("gen_ai.agent.name", str(start.name));
  if (start.kind === "tool") add("gen_ai.tool.name", str(start.name));
  if (model && (start.kind === "model" || start.kind === "agent" || start.kind === "embedding")) {
    const { provider, name } = splitModel(model);
    add("gen_ai.provider.name", str(provider));
    add("gen_ai.request.model", str(name));
  }
  if (start.kind === "model") {
    // `params.temperature.value` (each parameter with its source); `temperature` in traces made before that.
    const temperature =
      field(field(field(start.input, "params"), "temperature"), "value") ?? field(start.input, "temperature");
    if (typeof temperature === "number") add("gen_ai.request.temperature", { doubleValue: temperature });
    const finish = field(end?.output, "finishReason");
    if (typeof finish === "string") add("gen_ai.response.finish_reasons", { arrayValue: { values: [str(finish)] } });
  }
  if (end?.tokens) {
    add("gen_ai.usage.input_tokens", int(end.tokens.input));
    add("gen_ai.usage.output_tokens", int(end.tokens.output));
  }
  if (end?.error) add("error.type", str(end.error.kind));
  // Ours, so the tree reads back as it was.
  add("llmspell.span.id", str(start.id));
  add("llmspell.span.kind", str(start.kind));
  add("llmspell.span.name", str(start.name));
  if (start.model) add("llmspell.model", str(start.model));
  if (end?.model) add("llmspell.response.model", str(end.model));
  if (end?.costUsd !== undefined) add("llmspell.cost_usd", num(end.costUsd));
  // The run's own measure, exactly (nanosecond times round it).
  if (end) add("llmspell.duration_ms", num(end.durationMs));
  if (end?.error) add("llmspell.error", str(JSON.stringify(end.error)));
  if (includeContent) {
    if (start.kind === "model") {
      const input = conventionMessage(field(start.input, "last"));
      if (input) add("gen_ai.input.messages", str(JSON.stringify([input])));
      const text = field(end?.output, "text");
      if (typeof text === "string") {
        const finish = field(end?.output, "finishReason");
        const output = [
          { role: "assistant", parts: [{ type: "text", content: text }], finish_reason: finish ?? "stop" },
        ];
        add("gen_ai.output.messages", str(JSON.stringify(output)));
      }
    }
    if (start.input !== undefined) add("llmspell.input", str(JSON.stringify(start.input)));
    if (end?.output !== undefined) add("llmspell.output", str(JSON.stringify(end.output)));
  }
  return attrs;
}

function spanName(start: TraceStart, model: string | undefined): string {
  switch (start.kind) {
    case "workflow":
      return `invoke_workflow ${start.name}`;
    case "agent":
      return `invoke_agent ${start.name}`;
    case "model":
      return `chat ${splitModel(model ?? start.name).name}`;
    case "tool":
      return `execute_tool ${start.name}`;
    case "embedding":
      return `embeddings ${splitModel(model ?? start.name).name}`;
    default:
      return `${start.kind} ${start.name}`;
  }
}

/** The trace events of one run as one OTLP/JSON trace. Spans still open get the last time seen as their end. */
export function exportOtlpTrace(events: readonly TraceEvent[], opts: OtlpExportOptions): OtlpTrace {
  const traceId = opts.traceId ?? randomHex(16);
  const ends = new Map<string, TraceEnd>();
  let lastT = 0;
  for (const e of events) {
    lastT = Math.max(lastT, e.t);
    if (e.phase === "end") ends.set(e.id, e);
  }
  const spanIds = new Map<string, string>();
  let n = 0;
  const starts = events.filter((e): e is TraceStart => e.phase === "start");
  for (const s of starts) spanIds.set(s.id, (++n).toString(16).padStart(16, "0"));
  const spans: OtlpSpan[] = starts.map((start) => {
    const end = ends.get(start.id);
    const parent = start.parentId ? spanIds.get(start.parentId) : undefined;
    return {
      traceId,
      spanId: spanIds.get(start.id)!,
      ...(parent ? { parentSpanId: parent } : {}),
      name: spanName(start, end?.model ?? start.model),
      kind: start.kind === "model" || start.kind === "embedding" ? SPAN_KIND_CLIENT : SPAN_KIND_INTERNAL,
      startTimeUnixNano: toUnixNano(opts.startedAtMs + start.t),
      endTimeUnixNano: toUnixNano(opts.startedAtMs + (end ? end.t : lastT)),
      attributes: spanAttributes(start, end, opts.includeContent ?? false),
      status: end?.error ? { code: STATUS_ERROR, message: end.error.message } : { code: STATUS_OK },
    };
  });
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: "service.name", value: str(opts.serviceName ?? "llmspell") },
            { key: "llmspell.run.start_unix_nano", value: str(toUnixNano(opts.startedAtMs)) },
          ],
        },
        scopeSpans: [{ scope: { name: SCOPE_NAME }, spans }],
      },
    ],
  };
}

// ---- import --------------------------------------------------------------------------------------------------

const anyValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.object({ stringValue: z.string() }),
    z.object({ boolValue: z.boolean() }),
    z.object({ intValue: z.union([z.string(), z.number()]) }),
    z.object({ doubleValue: z.number() }),
    z.object({ arrayValue: z.object({ values: z.array(anyValueSchema).optional() }) }),
    z.object({ kvlistValue: z.unknown() }),
    z.object({ bytesValue: z.string() }),
    z.object({}),
  ]),
);
const keyValueSchema = z.object({ key: z.string(), value: anyValueSchema.optional() });
const spanSchema = z.object({
  spanId: z.string().min(1),
  parentSpanId: z.string().optional(),
  name: z.string(),
  startTimeUnixNano: z.union([z.string().regex(/^\d+$/), z.number()]),
  endTimeUnixNano: z.union([z.string().regex(/^\d+$/), z.number()]),
  attributes: z.array(keyValueSchema).optional(),
  status: z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).optional(),
});
const otlpSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: z.array(keyValueSchema).optional() }).optional(),
      scopeSpans: z.array(z.object({ spans: z.array(spanSchema).optional() })).optional(),
    }),
  ),
});

type ImportedSpan = z.infer<typeof spanSchema>;

function plain(value: unknown): unknown {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if ("stringValue" in v) return v.stringValue;
  if ("boolValue" in v) return v.boolValue;
  if ("intValue" in v) return Number(v.intValue);
  if ("doubleValue" in v) return v.doubleValue;
  if ("arrayValue" in v) return ((v.arrayValue as { values?: unknown[] }).values ?? []).map(plain);
  return undefined;
}

const KINDS_BY_OPERATION: Record<string, TraceKind> = {
  invoke_workflow: "workflow",
  invoke_agent: "agent",
  create_agent: "agent",
  chat: "model",
  text_completion: "model",
  generate_content: "model",
  execute_tool: "tool",
  embeddings: "embedding",
  retrieval: "retrieval",
};
const TRACE_KINDS: readonly TraceKind[] = [
  "agent",
  "tool",
  "workflow",
  "step",
  "hook",
  "event",
  "model",
  "embedding",
  "retrieval",
];

function parseJson(text: unknown): JsonValue | undefined {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Read an OTLP/JSON trace file (ours or another tool's) into trace events, start and end per span, ordered by
 * time, with times relative to the earliest span. Our own `llmspell.*` attributes restore the ids, kinds, names,
 * inputs and outputs; for other files the GenAI attributes say the kind and name. Throws an Error naming what is
 * wrong when the file is not OTLP/JSON.
 */
export function importOtlpTrace(value: unknown): TraceEvent[] {
  const parsed = otlpSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new Error(`not an OTLP/JSON trace: ${path}: ${issue?.message ?? "unexpected shape"}`);
  }
  const spans: ImportedSpan[] = parsed.data.resourceSpans.flatMap((r) =>
    (r.scopeSpans ?? []).flatMap((s) => s.spans ?? []),
  );
  if (spans.length === 0) return [];
  let base: number | undefined;
  for (const r of parsed.data.resourceSpans) {
    const start = r.resource?.attributes?.find((a) => a.key === "llmspell.run.start_unix_nano");
    const v = plain(start?.value);
    if (typeof v === "string" && /^\d+$/.test(v)) base = fromUnixNano(v);
  }
  const startMs = (s: ImportedSpan) => fromUnixNano(String(s.startTimeUnixNano));
  const endMs = (s: ImportedSpan) => fromUnixNano(String(s.endTimeUnixNano));
  base ??= Math.min(...spans.map(startMs));
  const round = (ms: number) => Math.round(ms * 1000) / 1000;

  const ids = new Map<string, string>();
  const info = spans.map((span) => {
    const attrs = new Map((span.attributes ?? []).map((a) => [a.key, plain(a.value)]));
    const get = (k: string) => attrs.get(k);
    const operation = get("gen_ai.operation.name");
    const ownKind = get("llmspell.span.kind");
    const kind: TraceKind =
      typeof ownKind === "string" && (TRACE_KINDS as readonly string[]).includes(ownKind)
        ? (ownKind as TraceKind)
        : (typeof operation === "string" && KINDS_BY_OPERATION[operation]) || "step";
    const provider = get("gen_ai.provider.name");
    const requestModel = get("gen_ai.request.model");
    const model =
      typeof requestModel === "string"
        ? typeof provider === "string"
          ? `${provider}/${requestModel}`
          : requestModel
        : undefined;
    const conventionName =
      get("gen_ai.workflow.name") ?? get("gen_ai.agent.name") ?? get("gen_ai.tool.name") ?? model ?? span.name;
    const name = String(get("llmspell.span.name") ?? conventionName);
    const own = get("llmspell.span.id");
    const id = typeof own === "string" ? own : `${kind}-${span.spanId}`;
    ids.set(span.spanId, id);
    return { span, attrs: get, kind, name, model, id };
  });

  const events: TraceEvent[] = [];
  for (const { span, attrs, kind, name, model, id } of info) {
    const parentId = span.parentSpanId ? ids.get(span.parentSpanId) : undefined;
    const t0 = round(startMs(span) - base);
    const t1 = round(endMs(span) - base);
    const ownModel = attrs("llmspell.model");
    const start: TraceStart = { type: "trace", phase: "start", id, kind, name, t: t0 };
    if (parentId) start.parentId = parentId;
    const input = parseJson(attrs("llmspell.input"));
    if (input !== undefined) start.input = input;
    const startModel = typeof ownModel === "string" ? ownModel : kind === "model" ? model : undefined;
    if (startModel) start.model = startModel;
    const ownDuration = attrs("llmspell.duration_ms");
    const durationMs = typeof ownDuration === "number" ? ownDuration : round(Math.max(0, t1 - t0));
    const end: TraceEnd = { type: "trace", phase: "end", id, t: t1, durationMs };
    const output = parseJson(attrs("llmspell.output"));
    if (output !== undefined) end.output = output;
    const responseModel = attrs("llmspell.response.model");
    const endModel =
      typeof responseModel === "string"
        ? responseModel
        : typeof ownModel !== "string" && kind === "model"
          ? model
          : undefined;
    if (endModel) end.model = endModel;
    const inTok = attrs("gen_ai.usage.input_tokens");
    const outTok = attrs("gen_ai.usage.output_tokens");
    if (typeof inTok === "number" || typeof outTok === "number")
      end.tokens = { input: Number(inTok ?? 0), output: Number(outTok ?? 0) };
    const cost = attrs("llmspell.cost_usd");
    if (typeof cost === "number") end.costUsd = cost;
    const ownError = parseJson(attrs("llmspell.error")) as SpellErrorData | undefined;
    const code = span.status?.code;
    if (ownError && typeof ownError === "object") end.error = ownError;
    else if (code === STATUS_ERROR || code === "STATUS_CODE_ERROR")
      end.error = { kind: "runtime", message: span.status?.message ?? String(attrs("error.type") ?? "error") };
    events.push(start, end);
  }
  // In time order; at the same time a start comes before an end, a parent's start before its children's.
  const order = new Map(events.map((e, i) => [e, i]));
  return events.sort(
    (a, b) => a.t - b.t || (a.phase === b.phase ? order.get(a)! - order.get(b)! : a.phase === "start" ? -1 : 1),
  );
}
