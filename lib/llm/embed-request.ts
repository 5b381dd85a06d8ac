/**
 * Validation of a `POST /api/embed` body from outside: zod for the shape, then the caps (texts per request,
 * characters of all texts). Every failure names the field.
 */
import * as z from "zod";
import type { EmbedCaps } from "./caps";
import { fieldOf, MODEL_ID_PATTERN } from "./request-schema";
import type { EmbedRequestBody } from "./wire";

const embedRequestSchema = z.strictObject({
  model: z.string().min(1).max(200).regex(MODEL_ID_PATTERN, 'must look like "provider/model"'),
  texts: z.array(z.string()).min(1, "must hold at least one text"),
});

export type EmbedValidation = { ok: true; request: EmbedRequestBody } | { ok: false; field: string; message: string };

/** Check an embed request's shape and caps; returns the request or the first problem. */
export function validateEmbedRequest(body: unknown, caps: EmbedCaps): EmbedValidation {
  const parsed = embedRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
    const field = fieldOf(path);
    return { ok: false, field, message: `${field}: ${issue.message}` };
  }
  const { texts } = parsed.data;
  if (texts.length > caps.maxTexts)
    return {
      ok: false,
      field: "texts",
      message: `texts: at most ${caps.maxTexts} texts per request (got ${texts.length})`,
    };
  const chars = texts.reduce((n, t) => n + t.length, 0);
  if (chars > caps.maxTotalChars)
    return {
      ok: false,
      field: "texts",
      message: `texts: at most ${caps.maxTotalChars} characters per request, all texts together (got ${chars})`,
    };
  return { ok: true, request: parsed.data };
}
