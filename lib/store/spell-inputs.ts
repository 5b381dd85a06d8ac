/**
 * The inputs panel's model: the spell's free-form ARGS as key/value rows. Parameters the spell declares in its
 * front matter are not rows (the parameters form shows them as typed fields); their values stay in ARGS as they
 * are. The panel keeps its rows as typed (a half-typed key may be empty or clash); `applyInputRows` decides what
 * reaches the editor's ARGS, and names each row it refuses. The component only renders this.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import { parseSpellParams } from "@/lib/spell/params/spell-params";

export interface InputRow {
  key: string;
  value: string;
}

type Args = { [key: string]: unknown };

const asObject = (args: unknown): Args =>
  typeof args === "object" && args !== null && !Array.isArray(args) ? (args as Args) : {};

/** A value as the text of its row: strings as they are, anything else (from a shared link) as JSON. */
export function inputText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

function declaredNames(language: SpellLanguage, source: string): string[] {
  return parseSpellParams(source, language).params.map((p) => p.name);
}

/** The rows the panel shows for these ARGS: every entry except the declared parameters, in order. */
export function inputRowsOf(language: SpellLanguage, source: string, args: unknown): InputRow[] {
  const declared = declaredNames(language, source);
  return Object.entries(asObject(args))
    .filter(([key]) => !declared.includes(key))
    .map(([key, value]) => ({ key, value: inputText(value) }));
}

/** Why a row cannot be an ARGS entry, or null when it can. Rows with neither key nor value are ignored. */
function rowProblem(row: InputRow, index: number, rows: InputRow[], declared: string[]): string | null {
  const key = row.key.trim();
  if (key === "") return row.value === "" ? null : "give this value a name";
  // The CLI's `--arg key=value` splits at the first `=` and takes no spaces in the key: the page takes the same.
  if (/[=\s]/.test(key)) return `the name "${key}" may not contain "=" or spaces`;
  if (rows.findIndex((r) => r.key.trim() === key) !== index) return `"${key}" is already set above`;
  if (declared.includes(key)) return `"${key}" is a parameter of this spell: set it in the parameters form`;
  if (declared.length > 0 && !/^\d+$/.test(key))
    return `this spell declares its parameters (${declared.join(", ")}) and refuses other names like "${key}"`;
  return null;
}

export interface AppliedInputs {
  /** The ARGS to keep (undefined: none), built from the declared parameters' values and the valid rows. */
  args: { [key: string]: unknown } | undefined;
  /** One entry per row: why it was left out, or null. */
  problems: (string | null)[];
}

/**
 * The ARGS these rows make: the current declared parameters' values first, then each valid row. A row whose
 * text is unchanged from a non-string value (a number from a shared link) keeps that value.
 */
export function applyInputRows(
  language: SpellLanguage,
  source: string,
  current: unknown,
  rows: InputRow[],
): AppliedInputs {
  const declared = declaredNames(language, source);
  const before = asObject(current);
  const args: Args = {};
  for (const name of declared) if (Object.hasOwn(before, name)) args[name] = before[name];
  const problems = rows.map((row, i) => rowProblem(row, i, rows, declared));
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (problems[i] !== null || key === "") return;
    const old = before[key];
    args[key] = Object.hasOwn(before, key) && inputText(old) === row.value ? old : row.value;
  });
  return { args: Object.keys(args).length > 0 ? args : undefined, problems };
}
