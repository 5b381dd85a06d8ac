/**
 * Spell parameters, declared in a spell's front matter (the run of `-- key: value` lines in Lua, `// key: value`
 * in JavaScript, that opens the file) with one line each:
 *
 *   -- param: topic (string) = "tide pools": What to write about
 *   -- param: count (integer) = 3: How many ideas
 *   -- param: verbose? (boolean): Print the prompt too            (`?`: optional with no default)
 *   -- param: audience (string): Who reads it                      (no default and no `?`: required)
 *
 * Types: string, number, integer, boolean. A string default is JSON-quoted; others are bare. ARGS values stay
 * strings (as the CLI and the page pass them); `resolveSpellArgs` checks them against the declarations, fills
 * in defaults and names the parameter in every error. Hand-written because the line format is ours.
 */
import type { JsonValue } from "@/lib/core/json";
import { frontMatterLines } from "../front-matter";

const SPELL_PARAM_TYPES = ["string", "number", "integer", "boolean"] as const;
type SpellParamType = (typeof SPELL_PARAM_TYPES)[number];

export interface SpellParam {
  name: string;
  type: SpellParamType;
  /** The default as ARGS holds it (a string), if any. */
  default?: string;
  description: string;
  required: boolean;
}

export interface ParsedSpellParams {
  params: SpellParam[];
  /** One sentence per line that could not be read, with its line number. */
  errors: string[];
}

const PARAM =
  /^([A-Za-z_][A-Za-z0-9_-]*)(\?)?\s*\(\s*([a-z]+)\s*\)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^\s:]+))?\s*(?::\s*(.*))?$/;

/** A default as ARGS would hold it, or a sentence saying why it does not fit the type. */
function readDefault(type: SpellParamType, raw: string): string | { error: string } {
  if (raw.startsWith('"')) {
    if (type !== "string")
      return { error: `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} default is written bare, not quoted` };
    try {
      return JSON.parse(raw) as string;
    } catch {
      return { error: `the default ${raw} is not a valid quoted string` };
    }
  }
  if (type === "string") return { error: `a string default is quoted: = "${raw}"` };
  const problem = checkValue(type, raw);
  return problem ? { error: `the default ${problem}` } : raw;
}

/** Why a string value does not fit a type, or undefined when it does. */
function checkValue(type: SpellParamType, value: string): string | undefined {
  switch (type) {
    case "string":
      return undefined;
    case "boolean":
      return value === "true" || value === "false" ? undefined : `must be true or false, got "${value}"`;
    case "integer":
      return /^-?\d+$/.test(value.trim()) ? undefined : `must be a whole number, got "${value}"`;
    case "number":
      return value.trim() !== "" && Number.isFinite(Number(value)) ? undefined : `must be a number, got "${value}"`;
  }
}

/** The parameters a spell's front matter declares. */
export function parseSpellParams(source: string, language: "lua" | "javascript"): ParsedSpellParams {
  const params: SpellParam[] = [];
  const errors: string[] = [];
  for (const { key, rest, line } of frontMatterLines(source, language)) {
    if (key !== "param") continue;
    const where = `line ${line}`;
    const p = PARAM.exec(rest);
    if (!p) {
      errors.push(`${where}: a parameter is written "name (type) = default: description", got "${rest}"`);
      continue;
    }
    const [, name, optional, type, rawDefault, description] = p;
    if (!(SPELL_PARAM_TYPES as readonly string[]).includes(type)) {
      errors.push(`${where}: parameter ${name} has type "${type}"; the types are ${SPELL_PARAM_TYPES.join(", ")}`);
      continue;
    }
    if (params.some((q) => q.name === name)) {
      errors.push(`${where}: parameter ${name} is declared twice`);
      continue;
    }
    const t = type as SpellParamType;
    let def: string | undefined;
    if (rawDefault !== undefined) {
      const d = readDefault(t, rawDefault);
      if (typeof d !== "string") {
        errors.push(`${where}: parameter ${name}: ${d.error}`);
        continue;
      }
      def = d;
    }
    params.push({
      name,
      type: t,
      ...(def !== undefined ? { default: def } : {}),
      description: description ?? "",
      required: def === undefined && optional !== "?",
    });
  }
  return { params, errors };
}

export type ResolvedArgs = { ok: true; args: { [key: string]: JsonValue } } | { ok: false; errors: string[] };

/**
 * Check the ARGS a run was given against the declared parameters and fill in defaults. Positional ARGS
 * (`"0"`, `"1"`, ...) pass; a named one that is not declared, a required one missing, or a value that does not
 * fit its type is an error naming the parameter. With no declarations, ARGS pass unchanged.
 */
export function resolveSpellArgs(params: SpellParam[], given: { [key: string]: JsonValue } | undefined): ResolvedArgs {
  if (params.length === 0) return { ok: true, args: { ...(given ?? {}) } };
  const errors: string[] = [];
  const args: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(given ?? {})) {
    if (/^\d+$/.test(k)) {
      args[k] = v;
      continue;
    }
    const p = params.find((q) => q.name === k);
    if (!p) {
      errors.push(`unknown parameter "${k}" (the spell declares ${params.map((q) => q.name).join(", ")})`);
      continue;
    }
    const value = typeof v === "string" ? v : JSON.stringify(v);
    const problem = checkValue(p.type, value);
    if (problem) errors.push(`parameter ${p.name} (${p.type}) ${problem}`);
    else args[k] = value;
  }
  for (const p of params) {
    if (Object.hasOwn(args, p.name) || errors.some((e) => e.startsWith(`parameter ${p.name} `))) continue;
    if (p.default !== undefined) args[p.name] = p.default;
    else if (p.required)
      errors.push(`parameter ${p.name} (${p.type}) is required: ${p.description || "no description"}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, args };
}

/**
 * The ARGS a run gets, wherever it runs (page, embed, lesson, CLI, tests): with declared parameters, the given
 * ones checked and completed with defaults; without, the given ARGS unchanged (none stays none, as in rs-llmspell).
 */
export function completeRunArgs(
  source: string,
  language: "lua" | "javascript",
  given: JsonValue | undefined,
): { ok: true; args: JsonValue | undefined } | { ok: false; errors: string[] } {
  const { params } = parseSpellParams(source, language);
  if (params.length === 0) return { ok: true, args: given };
  const named = given !== null && typeof given === "object" && !Array.isArray(given) ? given : undefined;
  return resolveSpellArgs(params, named);
}

/** The parameters as lines for `llmspell help FILE`. */
export function describeSpellParams(params: SpellParam[]): string[] {
  if (params.length === 0) return ["This spell declares no parameters."];
  const width = Math.max(...params.map((p) => p.name.length + p.type.length + 3));
  return params.map((p) => {
    const head = `${p.name} (${p.type})`.padEnd(width);
    const tail = p.default !== undefined ? ` [default: ${p.default}]` : p.required ? " [required]" : " [optional]";
    return `  --arg ${head}  ${p.description}${tail}`;
  });
}
