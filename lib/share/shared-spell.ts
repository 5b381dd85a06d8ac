/**
 * What a share link, a short link and an embed carry: one spell and how to run it, and optionally its recorded
 * run (or two, a comparison). The zod schema here is the one boundary check for every way a spell comes in from
 * outside (a link, a POST body, a stored row); each recording is read with `parseRecording` when it is opened
 * (./shared-recordings.ts), so a bad one never stops the spell from opening.
 */
import * as z from "zod";
import { SPELL_LANGUAGES, type SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { utf8Length } from "@/lib/encoding/utf8";
import { SAMPLING_PARAM_KEYS, samplingParamsSchema } from "@/lib/llm/model-params";
import type { SamplingParams } from "@/lib/llm/types";

export interface SharedSpell {
  language: SpellLanguage;
  source: string;
  /** `"provider/model"` the spell was written for, e.g. `"mock/echo"`. */
  model?: string;
  /** Script arguments (`ARGS`). */
  args?: JsonValue;
  /** Recorded runs of this spell (lib/recording), as JSON: one to replay, two to compare. */
  recordings?: JsonValue[];
  /**
   * The model settings it was shared with (temperature, max tokens, top-p, seed for agents that set none of their
   * own): only the fields that are set, and absent when none is.
   */
  modelParams?: SamplingParams;
}

/** Largest source a link or a short link may carry, in UTF-8 bytes. */
export const MAX_SOURCE_BYTES = 64 * 1024;
/** Largest `args`, as JSON text in UTF-8 bytes. */
export const MAX_ARGS_BYTES = 16 * 1024;
/** Largest recorded runs a link or a short link may carry together, as JSON text in UTF-8 bytes. */
export const MAX_RECORDINGS_BYTES = 256 * 1024;
/** Recorded runs a share carries at most: one, or the two sides of a comparison. */
export const MAX_SHARED_RECORDINGS = 2;
const MAX_MODEL_LENGTH = 200;

const modelSchema = z
  .string()
  .min(1, "model is empty")
  .max(MAX_MODEL_LENGTH, `model is longer than ${MAX_MODEL_LENGTH} characters`)
  .regex(/^[\w.:@/+-]+$/, 'model may only hold letters, digits and . : @ / + - _ (like "mock/echo")');

export const sharedSpellSchema = z
  .object({
    language: z.enum(SPELL_LANGUAGES, {
      error: `language must be ${SPELL_LANGUAGES.map((l) => `"${l}"`).join(" or ")}`,
    }),
    source: z.string({ error: "source must be a string" }),
    model: modelSchema.optional(),
    args: z.json({ error: "args must be a JSON value" }).optional(),
    recordings: z
      .array(z.json(), { error: "recordings must be a list of recorded runs" })
      .min(1, "recordings is empty")
      .max(MAX_SHARED_RECORDINGS, `a share carries at most ${MAX_SHARED_RECORDINGS} recorded runs`)
      .optional(),
    // The settings' own bounds: a value out of range is an error naming the field, never clamped on the way in.
    modelParams: samplingParamsSchema.optional(),
  })
  .strict();

/** Why a spell is too big, or undefined when it fits. Kept apart from the schema so callers can answer 413. */
export function findSizeProblem(spell: SharedSpell): string | undefined {
  const sourceBytes = utf8Length(spell.source);
  if (sourceBytes > MAX_SOURCE_BYTES) {
    return `the spell's source is ${sourceBytes} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (64 KiB)`;
  }
  if (spell.args !== undefined) {
    const argsBytes = utf8Length(JSON.stringify(spell.args));
    if (argsBytes > MAX_ARGS_BYTES) {
      return `the spell's args are ${argsBytes} bytes of JSON; the limit is ${MAX_ARGS_BYTES} bytes (16 KiB)`;
    }
  }
  return findRecordingsSizeProblem(spell.recordings);
}

/** Why recorded runs are too big to share, or undefined when they fit (or there are none). */
export function findRecordingsSizeProblem(recordings: readonly unknown[] | undefined): string | undefined {
  if (!recordings?.length) return undefined;
  const bytes = utf8Length(JSON.stringify(recordings));
  if (bytes <= MAX_RECORDINGS_BYTES) return undefined;
  const what = recordings.length === 1 ? "the recorded run is" : "the recorded runs are";
  return `${what} ${bytes.toLocaleString("en-US")} bytes of JSON; the limit is ${MAX_RECORDINGS_BYTES.toLocaleString("en-US")} bytes (256 KiB)`;
}

/** Drops absent optional fields so equal spells compare (and hash) equal. */
export function normalizeSpell(spell: SharedSpell): SharedSpell {
  const out: SharedSpell = { language: spell.language, source: spell.source };
  if (spell.model !== undefined) out.model = spell.model;
  if (spell.args !== undefined && spell.args !== null) out.args = spell.args;
  if (spell.recordings?.length) out.recordings = spell.recordings;
  const modelParams = pickSetModelParams(spell.modelParams);
  if (modelParams) out.modelParams = modelParams;
  return out;
}

/** The model settings that are set, in their usual order, or undefined when none is. */
export function pickSetModelParams(params: SamplingParams | undefined): SamplingParams | undefined {
  if (!params) return undefined;
  const out: SamplingParams = {};
  for (const key of SAMPLING_PARAM_KEYS) if (params[key] !== undefined) out[key] = params[key];
  return Object.keys(out).length > 0 ? out : undefined;
}

export type SharedSpellCheck = { success: true; data: SharedSpell } | { success: false; error: z.ZodError };

/**
 * Validates a spell that came in as parsed JSON. The result keeps the args exactly as given: zod copies objects
 * key by key, which silently drops an own `"__proto__"` key from the args.
 */
export function checkSharedSpell(value: unknown): SharedSpellCheck {
  const parsed = sharedSpellSchema.safeParse(value);
  if (!parsed.success) return { success: false, error: parsed.error };
  const data = parsed.data as SharedSpell;
  if (data.args !== undefined) data.args = (value as { args: JsonValue }).args;
  return { success: true, data };
}
