/**
 * The page's side of spell parameters: what the current spell declares, the values the form shows (the
 * editor's ARGS, else the defaults) and what a run with them sends. The form component only renders this.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { parseSpellParams, resolveSpellArgs, type SpellParam } from "@/lib/spell/params/spell-params";

export interface SpellParamsView {
  params: SpellParam[];
  /** Problems in the declarations (front matter lines that cannot be read). */
  declarationErrors: string[];
  /** The value each parameter's input shows. */
  values: { [name: string]: string };
  /** Why the values cannot run (each names the parameter); empty when they can. */
  errors: string[];
}

const asStrings = (args: unknown): { [key: string]: JsonValue } =>
  typeof args === "object" && args !== null && !Array.isArray(args) ? (args as { [key: string]: JsonValue }) : {};

export function spellParamsView(language: SpellLanguage, source: string, args: unknown): SpellParamsView {
  const { params, errors: declarationErrors } = parseSpellParams(source, language);
  const given = asStrings(args);
  const values: { [name: string]: string } = {};
  for (const p of params) {
    const v = given[p.name];
    values[p.name] = typeof v === "string" ? v : v !== undefined && v !== null ? JSON.stringify(v) : (p.default ?? "");
  }
  const checked = resolveSpellArgs(params, formArgs(params, values));
  return { params, declarationErrors, values, errors: checked.ok ? [] : checked.errors };
}

/** The form's values as ARGS: an empty field of a number or boolean parameter is left out (its default applies). */
export function formArgs(params: SpellParam[], values: { [name: string]: string }): { [name: string]: string } {
  return Object.fromEntries(
    Object.entries(values).filter(([name, v]) => v !== "" || params.find((p) => p.name === name)?.type === "string"),
  );
}

/** The ARGS a run sends: with declared parameters, the editor's values checked and completed with defaults. */
export function runArgsOf(language: SpellLanguage, source: string, args: unknown): JsonValue | undefined {
  const { params } = parseSpellParams(source, language);
  if (params.length === 0) return args === undefined ? undefined : (args as JsonValue);
  const r = resolveSpellArgs(params, asStrings(args));
  return r.ok ? r.args : (args as JsonValue | undefined);
}
