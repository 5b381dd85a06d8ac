/**
 * The recorded run: one versioned JSON format (`llmspell-recording`, version 1) that holds everything a replay
 * needs to give the same output and trace with no network and no key: the spell, each model call in order (a
 * digest of its request, the streamed parts with their timing), each embedding call, each tool result that is not
 * a pure function of its input, the clock values the spell read and the seed of its random generator.
 *
 * Documented in README.md ("Recorded runs"); `parseRecording` is the one way in for a file, a link or a worker.
 */
import * as z from "zod";
import { providerInfoSchema } from "@/lib/llm/provider-schema";
import type { JsonValue } from "@/lib/core/json";
import { LLM_ERROR_KINDS } from "@/lib/llm/types";
import { samplingParamsSchema } from "@/lib/llm/model-params";

export const RECORDING_FORMAT = "llmspell-recording";
export const RECORDING_VERSION = 1;

const json: z.ZodType<JsonValue> = z.json();

/** One message of a model request, summarised: enough to say which message differs, not the whole text. */
const messageSummarySchema = z.object({
  role: z.enum(["system", "user", "assistant", "tool"]),
  /** sha-256 (hex) of the message's canonical JSON. */
  digest: z.string(),
  /** The message's text (or tool output) cut to {@link PREVIEW_CHARS} characters, for the divergence message. */
  preview: z.string(),
});

/** A model request as the recording keeps it: its digest, its parameters, and one summary per message. */
const requestSummarySchema = z.object({
  /**
   * sha-256 (hex) of the request's canonical JSON without `maxTokens` (which the run's token budget lowers as
   * calls side by side finish, in an order that may differ): same digest, same request but for that limit.
   */
  digest: z.string(),
  model: z.string(),
  temperature: z.number().optional(),
  maxTokens: z.number().optional(),
  topP: z.number().optional(),
  seed: z.number().optional(),
  /** Names of the tools offered, in order. */
  tools: z.array(z.string()),
  /** sha-256 of the tools' schemas (names alone do not catch a changed description or parameter). */
  toolsDigest: z.string(),
  responseFormatDigest: z.string().optional(),
  messages: z.array(messageSummarySchema),
});

const usageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() });

const llmErrorKind = z.enum(LLM_ERROR_KINDS);

/** One streamed part of a model reply (lib/llm/types.ts `StreamPart`). */
const streamPartSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text-delta"), text: z.string() }),
  z.object({ type: z.literal("tool-call"), toolCallId: z.string(), toolName: z.string(), input: json }),
  z.object({ type: z.literal("usage"), usage: usageSchema }),
  z.object({
    type: z.literal("finish"),
    finishReason: z.enum(["stop", "length", "tool-calls", "content-filter", "error", "other"]),
    /** The sampling parameters the provider echoed (the mock does); absent in older recordings. */
    received: samplingParamsSchema.optional(),
  }),
  z.object({
    type: z.literal("error"),
    kind: llmErrorKind,
    message: z.string(),
  }),
]);

const modelCallSchema = z.object({
  request: requestSummarySchema,
  /** ms since the run started when the call was made. */
  startedMs: z.number().nonnegative(),
  /** Every part in order; `dt` is the ms since the previous part (the first: since the call started). */
  chunks: z.array(z.object({ dt: z.number().nonnegative(), part: streamPartSchema })),
});

const embedCallSchema = z.object({
  model: z.string(),
  /** sha-256 of the texts' canonical JSON. */
  textsDigest: z.string(),
  count: z.number().int().nonnegative(),
  result: z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      modelId: z.string(),
      embeddings: z.array(z.array(z.number())),
      tokens: z.number(),
    }),
    z.object({ ok: z.literal(false), kind: llmErrorKind, message: z.string() }),
  ]),
});

const toolResultSchema = z.object({
  name: z.string(),
  /** sha-256 of the parameters' canonical JSON. */
  paramsDigest: z.string(),
  result: json,
});

const clockReadSchema = z.object({
  /** `time`: the wall clock (epoch ms); `cpu`: the spell's CPU clock (Lua `os.clock`, in s). */
  kind: z.enum(["time", "cpu"]),
  value: z.number(),
});

const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  /** ISO 8601 time the run started. */
  recordedAt: z.string(),
  spell: z.object({
    /** The engine that ran it: `lua`, `javascript`. */
    engine: z.string(),
    source: z.string(),
    args: json.optional(),
    /** The default model for agents that name none. */
    model: z.string(),
    mockAll: z.boolean().optional(),
    /** The page's model settings (or the CLI's flags) the run used for agents that set none; a replay reuses them. */
    modelParams: samplingParamsSchema.optional(),
  }),
  /** The model list the run saw (`listModels`: prices for trace costs, `Provider.list`), so a replay sees it too. */
  providers: z.array(providerInfoSchema),
  calls: z.array(modelCallSchema),
  embeds: z.array(embedCallSchema),
  tools: z.array(toolResultSchema),
  clock: z.array(clockReadSchema),
  /** Seeds the spell's random generator (Lua `math.random`, JS `Math.random`) and the API's random ids. */
  randomSeed: z.number().int().nonnegative().max(0xffffffff),
  /** How the recorded run ended. */
  result: z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), value: json, durationMs: z.number() }),
    z.object({
      ok: z.literal(false),
      error: z.object({ kind: z.string(), message: z.string() }),
      durationMs: z.number(),
    }),
  ]),
});

export type Recording = z.infer<typeof recordingSchema>;
export type RecordedCall = Recording["calls"][number];
export type RequestSummary = RecordedCall["request"];

/** How many characters of a message a recording keeps to describe it. */
export const PREVIEW_CHARS = 160;

/**
 * Read a recording from untrusted JSON (a file, a link, a message): the value, or a message naming what is
 * wrong (the first problem's path), never a half-read recording.
 */
export function parseRecording(value: unknown): { ok: true; recording: Recording } | { ok: false; message: string } {
  if (typeof value === "object" && value !== null) {
    const v = value as { format?: unknown; version?: unknown };
    if (v.format !== RECORDING_FORMAT) return { ok: false, message: `not an ${RECORDING_FORMAT} file (no "format")` };
    if (v.version !== RECORDING_VERSION)
      return {
        ok: false,
        message: `recording version ${String(v.version)} is not supported (this build reads version ${RECORDING_VERSION})`,
      };
  }
  const r = recordingSchema.safeParse(value);
  if (r.success) return { ok: true, recording: r.data };
  const issue = r.error.issues[0];
  const path = issue?.path.length ? issue.path.join(".") : "(top level)";
  return { ok: false, message: `the recording is not valid at ${path}: ${issue?.message ?? "unknown problem"}` };
}
