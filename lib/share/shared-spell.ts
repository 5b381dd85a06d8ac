/**
 * What a share link, a short link and an embed carry: one spell and how to run it. The zod schema here is the
 * one boundary check for every way a spell comes in from outside (a link, a POST body, a stored row).
 */
import * as z from "zod";
import { SPELL_LANGUAGES, type SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { utf8Length } from "@/lib/encoding/utf8";

export interface SharedSpell {
  language: SpellLanguage;
  source: string;
  /** `"provider/model"` the spell was written for, e.g. `"mock/echo"`. */
  model?: string;
  /** Script arguments (`ARGS`). */
  args?: JsonValue;
}

/** Largest source a link or a short link may carry, in UTF-8 bytes. */
export const MAX_SOURCE_BYTES = 64 * 1024;
/** Largest `args`, as JSON text in UTF-8 bytes. */
export const MAX_ARGS_BYTES = 16 * 1024;
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
  return undefined;
}

/** Drops absent optional fields so equal spells compare (and hash) equal. */
export function normalizeSpell(spell: SharedSpell): SharedSpell {
  const out: SharedSpell = { language: spell.language, source: spell.source };
  if (spell.model !== undefined) out.model = spell.model;
  if (spell.args !== undefined && spell.args !== null) out.args = spell.args;
  return out;
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
