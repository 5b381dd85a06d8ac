/**
 * Argument validation at the API boundary (zod). A wrong argument raises a `type` SpellError that names the
 * method and the argument in the script's own words:
 *   `Agent.builder():temperature expects a number, got string`
 *   `Tool.execute expects params to be a table, got string`
 *   `Workflow.builder():add_step expects step.type to be one of "tool", "agent", "workflow", got "x"`
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import type { SpellDialect } from "@/lib/core/dialect";
import { isHandleRef, isSpellFunction, type HandleRef, type SpellFunction } from "@/lib/core/engine";
import { getPath, scriptTypeName } from "./values";

/** zod schemas for the values that cross the bridge. */
export const spellFunction = z.custom<SpellFunction>((v) => isSpellFunction(v), { message: "function" });
export const handleOf = (cls: string) =>
  z.custom<HandleRef>((v) => isHandleRef(v) && v.$class === cls, { message: `handle:${cls}` });
/** Any JSON-shaped table/object (Lua table with string keys; JS object). */
export const table = z.record(z.string(), z.unknown());
/** A finite number. */
export const num = z.number().refine(Number.isFinite, { message: "finite number" });
export const posInt = z.number().int().positive();
export const nonNegInt = z.number().int().nonnegative();

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function expectedWord(expected: string, dialect: SpellDialect): string {
  switch (expected) {
    case "record":
    case "object":
      return article(dialect.typeWords.object);
    case "array":
      return dialect.typeWords.expectedList;
    case "int":
      return "an integer";
    case "function":
      return "a function";
    case "nonoptional":
      return "a value";
    default:
      if (expected.startsWith("handle:")) return article(expected.slice(7));
      if (expected === "handle") return "an object returned by the API";
      return article(expected);
  }
}

function describeGot(v: unknown, dialect: SpellDialect): string {
  if (typeof v === "number") return Number.isInteger(v) ? `number ${v}` : `number ${v}`;
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  return scriptTypeName(v, dialect);
}

/**
 * Check `value` against `schema`. `where` is the call as the script wrote it (`Tool.execute`,
 * `Agent.builder():temperature`), `name` the argument's name (omit it for single-argument setters).
 */
function check<S extends z.ZodType>(
  dialect: SpellDialect,
  where: string,
  name: string | undefined,
  schema: S,
  value: unknown,
): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.map(String);
  const argPath = [name, ...path].filter(Boolean).join(".");
  const at = getPath(value, path);
  let expected: string;
  let got = scriptTypeName(at, dialect);
  if (issue.code === "invalid_type") {
    expected = expectedWord(issue.expected, dialect);
    if (issue.expected === "int" && typeof at === "number") got = `number ${at}`;
  } else if (issue.code === "invalid_value") {
    expected = `one of ${issue.values.map((x) => JSON.stringify(x)).join(", ")}`;
    got = describeGot(at, dialect);
  } else if (issue.code === "custom") {
    expected = expectedWord(issue.message, dialect);
  } else if (issue.code === "too_small" || issue.code === "too_big") {
    if (issue.code === "too_small") {
      expected = `a value >= ${String(issue.minimum)}`;
      if (issue.origin === "number" && Number(issue.minimum) === 0 && issue.inclusive === false)
        expected = "a positive number";
      if (issue.origin === "string")
        expected =
          Number(issue.minimum) <= 1
            ? "a non-empty string"
            : `a string of at least ${String(issue.minimum)} characters`;
    } else {
      expected = `a value <= ${String(issue.maximum)}`;
      if (issue.origin === "string") expected = `a string of at most ${String(issue.maximum)} characters`;
    }
    got = describeGot(at, dialect);
  } else {
    expected = issue.message;
    got = describeGot(at, dialect);
  }
  const subject = argPath ? ` ${argPath} to be` : "";
  throw new SpellError("type", `${where} expects${subject} ${expected}, got ${got}`);
}

/** A `check` bound to one dialect. */
export type Checker = <S extends z.ZodType>(
  where: string,
  name: string | undefined,
  schema: S,
  value: unknown,
) => z.output<S>;

export function createChecker(dialect: SpellDialect): Checker {
  return (where, name, schema, value) => check(dialect, where, name, schema, value);
}

/** Shared schemas (building a zod schema per call is slow on hot paths). */
export const str = z.string();
export const nonEmptyStr = z.string().min(1);
