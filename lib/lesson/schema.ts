/**
 * The lesson format, version 1: a title, the languages it is written for (one or both), and steps. Each step
 * has markdown prose, a starting spell per language, an optional solution, optional args and model, an
 * optional recorded run (opaque JSON here: the recorded-runs format owns its shape) and checks.
 *
 * This schema is the boundary for every lesson that comes in from outside (a lesson link, a short link, the
 * authoring store's saved draft); `parseLesson` never throws and says what is wrong with a path a person can
 * follow ("step 2 (loops), check 1: ...").
 */
import * as z from "zod";
import { SPELL_LANGUAGES } from "@/lib/core/dialect";
import { checkSchema } from "./checks";

export const LESSON_FORMAT_VERSION = 1;
export const MAX_STEPS = 60;
const MAX_CHECKS_PER_STEP = 20;
/** One spell (a start or a solution), in characters; a lesson link carries many of them. */
const MAX_SPELL_CHARS = 32 * 1024;
const MAX_PROSE_CHARS = 16 * 1024;
const MAX_TITLE_CHARS = 200;

const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const title = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`)
    .max(MAX_TITLE_CHARS, `${what} is longer than ${MAX_TITLE_CHARS} characters`);

const spellText = z
  .string({ error: "a spell must be text" })
  .max(MAX_SPELL_CHARS, `a spell is longer than ${MAX_SPELL_CHARS} characters`);

/** A spell per language: `{ "lua": "...", "javascript": "..." }`. */
const spellsSchema = z.object({ lua: spellText.optional(), javascript: spellText.optional() }).strict();

const languageSchema = z.enum(SPELL_LANGUAGES, { error: `a language must be "lua" or "javascript"` });

const modelSchema = z
  .string()
  .min(1, "model is empty")
  .max(200, "model is longer than 200 characters")
  .regex(/^[\w.:@/+-]+$/, 'model may only hold letters, digits and . : @ / + - _ (like "mock/echo")');

const stepSchema = z
  .object({
    /** The step's address: `/learn/<id>`. */
    id: z
      .string({ error: "id must be text" })
      .regex(STEP_ID_PATTERN, "id must be 1-64 lower-case letters, digits and dashes (like hello-world)"),
    title: title("title"),
    /** Markdown. */
    prose: z
      .string({ error: "prose must be text" })
      .max(MAX_PROSE_CHARS, `prose is longer than ${MAX_PROSE_CHARS} characters`),
    start: spellsSchema,
    solution: spellsSchema.optional(),
    args: z.json({ error: "args must be a JSON value" }).optional(),
    model: modelSchema.optional(),
    /** A recorded run of the step (the recorded-runs format; kept as it is). */
    recording: z.json({ error: "recording must be a JSON value" }).optional(),
    checks: z.array(checkSchema).max(MAX_CHECKS_PER_STEP, `a step may have at most ${MAX_CHECKS_PER_STEP} checks`),
  })
  .strict();

const lessonSchema = z
  .object({
    version: z.literal(LESSON_FORMAT_VERSION, { error: `version must be ${LESSON_FORMAT_VERSION}` }),
    title: title("title"),
    languages: z
      .array(languageSchema)
      .min(1, "languages is empty: name lua, javascript or both")
      .max(2, "languages may name lua and javascript once each"),
    steps: z
      .array(stepSchema)
      .min(1, "a lesson needs at least one step")
      .max(MAX_STEPS, `a lesson may have at most ${MAX_STEPS} steps`),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    if (new Set(lesson.languages).size !== lesson.languages.length)
      ctx.addIssue({ code: "custom", path: ["languages"], message: "languages names a language twice" });
    const seen = new Set<string>();
    lesson.steps.forEach((step, i) => {
      if (seen.has(step.id))
        ctx.addIssue({
          code: "custom",
          path: ["steps", i, "id"],
          message: `the id ${step.id} is used by an earlier step`,
        });
      seen.add(step.id);
      for (const language of lesson.languages) {
        if (step.start[language] === undefined)
          ctx.addIssue({ code: "custom", path: ["steps", i, "start"], message: `no starting ${language} spell` });
        if (step.solution && step.solution[language] === undefined)
          ctx.addIssue({ code: "custom", path: ["steps", i, "solution"], message: `no ${language} solution` });
      }
    });
  });

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = z.infer<typeof stepSchema>;

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; message: string };

/** Validate a lesson that came in as parsed JSON. Never throws. */
export function parseLesson(value: unknown): LessonParse {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const version = (value as { version?: unknown }).version;
    if (typeof version === "number" && version > LESSON_FORMAT_VERSION)
      return {
        ok: false,
        message: `This lesson was made by a newer version of the playground (format ${version}); this one reads format ${LESSON_FORMAT_VERSION}.`,
      };
  }
  const parsed = lessonSchema.safeParse(value);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  return { ok: false, message: `This lesson is not valid: ${describeIssues(parsed.error, value)}` };
}

/** The first few issues, each with a path a person can follow (steps by number and id, checks by number). */
function describeIssues(error: z.ZodError, value: unknown): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = describePath(issue.path, value);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return shown.join("; ") + (more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : "") + ".";
}

function describePath(path: readonly PropertyKey[], value: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === "steps" && typeof next === "number") {
      const id = stepIdAt(value, next);
      parts.push(`step ${next + 1}${id ? ` (${id})` : ""}`);
      i++;
    } else if (key === "checks" && typeof next === "number") {
      parts.push(`check ${next + 1}`);
      i++;
    } else parts.push(String(key));
  }
  return parts.join(", ");
}

function stepIdAt(value: unknown, index: number): string | undefined {
  const steps = (value as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return undefined;
  const id = (steps[index] as { id?: unknown } | null)?.id;
  return typeof id === "string" && STEP_ID_PATTERN.test(id) ? id : undefined;
}

/** A step id from a title: "Hello, world!" → "hello-world". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug || "step";
}
