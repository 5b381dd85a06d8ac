/**
 * Request digests and divergence: a model request summarised for the recording (sha-256 of its canonical JSON,
 * per-message digests and previews), and the first difference between a recorded request and a new one, in words.
 * Canonical JSON (keys sorted) is written here because JSON.stringify keeps insertion order, which two runs of
 * the same spell need not share; the hash is SHA-256, synchronous (./sha256.ts says why).
 */
import type { JsonValue } from "@/lib/core/json";
import type { ChatMessage, LlmRequest } from "@/lib/llm/types";
import { PREVIEW_CHARS, type RequestSummary } from "./schema";
import { sha256Hex } from "./sha256";

/** JSON with object keys sorted at every level; `undefined` members are left out as JSON.stringify does. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 of a value's canonical JSON, as 64 hex digits. */
export function digestOf(value: unknown): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(value)));
}

function previewOf(message: ChatMessage): string {
  const text =
    message.role === "tool"
      ? canonicalJson(message.output)
      : message.role === "assistant" && message.toolCalls?.length
        ? `${message.content}${message.toolCalls.map((c) => ` [${c.name}(${canonicalJson(c.input)})]`).join("")}`
        : message.content;
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** The summary of a request the recording keeps (and replay compares). */
export function summarizeRequest(request: LlmRequest): RequestSummary {
  const digest = digestOf({ ...request, maxTokens: undefined });
  const toolsDigest = digestOf(request.tools ?? []);
  const responseFormatDigest = request.responseFormat ? digestOf(request.responseFormat) : undefined;
  const messages = request.messages.map((m) => ({ role: m.role, digest: digestOf(m), preview: previewOf(m) }));
  const out: RequestSummary = {
    digest,
    model: request.model,
    tools: (request.tools ?? []).map((t) => t.name),
    toolsDigest,
    messages,
  };
  if (request.temperature !== undefined) out.temperature = request.temperature;
  if (request.maxTokens !== undefined) out.maxTokens = request.maxTokens;
  if (request.topP !== undefined) out.topP = request.topP;
  if (request.seed !== undefined) out.seed = request.seed;
  if (responseFormatDigest) out.responseFormatDigest = responseFormatDigest;
  return out;
}

/** How many leading messages two requests share (how alike they are, to pick the call a new request meant). */
export function sharedPrefix(a: RequestSummary, b: RequestSummary): number {
  let n = 0;
  while (n < a.messages.length && n < b.messages.length && a.messages[n].digest === b.messages[n].digest) n++;
  return n + (a.model === b.model ? 1 : 0);
}

const show = (v: JsonValue | undefined) => (v === undefined ? "unset" : JSON.stringify(v));

/**
 * The first difference between the recorded request and the new one, in words: the model, a parameter, the
 * number of messages, or the first message that differs (with both previews). Undefined when they are the same.
 */
export function describeDifference(recorded: RequestSummary, now: RequestSummary): string | undefined {
  if (recorded.digest === now.digest && recorded.maxTokens === now.maxTokens) return undefined;
  if (recorded.model !== now.model) return `the model differs: recorded ${recorded.model}, now ${now.model}`;
  for (const key of ["temperature", "maxTokens", "topP", "seed"] as const) {
    if (recorded[key] !== now[key])
      return `the parameter ${key} differs: recorded ${show(recorded[key])}, now ${show(now[key])}`;
  }
  const count = Math.min(recorded.messages.length, now.messages.length);
  for (let i = 0; i < count; i++) {
    const r = recorded.messages[i];
    const n = now.messages[i];
    if (r.digest === n.digest) continue;
    if (r.role !== n.role) return `message ${i + 1} differs: recorded a ${r.role} message, now a ${n.role} message`;
    if (r.preview === n.preview)
      return `message ${i + 1} (${n.role}) differs after its first ${PREVIEW_CHARS} characters, which are ${JSON.stringify(n.preview)}`;
    return `message ${i + 1} (${n.role}) differs: recorded ${JSON.stringify(r.preview)}, now ${JSON.stringify(n.preview)}`;
  }
  if (recorded.messages.length !== now.messages.length)
    return `the request has ${now.messages.length} messages, the recording ${recorded.messages.length}`;
  if (recorded.toolsDigest !== now.toolsDigest)
    return recorded.tools.join(",") !== now.tools.join(",")
      ? `the tools offered differ: recorded [${recorded.tools.join(", ")}], now [${now.tools.join(", ")}]`
      : `the tools offered have the same names but different descriptions or parameters`;
  if (recorded.responseFormatDigest !== now.responseFormatDigest) return "the response format (schema) differs";
  return "the request differs in a field the recording does not describe";
}
