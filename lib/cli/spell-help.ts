/**
 * What `llmspell help FILE` prints (a spell's title, description and declared parameters) and how `run` checks
 * `--arg`/`-- args` against those parameters (lib/spell/params/spell-params.ts).
 */
import type { JsonValue } from "@/lib/core/json";
import { frontMatterField } from "@/lib/spell/front-matter";
import { describeSpellParams, parseSpellParams, resolveSpellArgs } from "@/lib/spell/params/spell-params";

/** The language whose comment lines hold the front matter, for an engine name (plugins: none). */
function frontMatterLanguage(engine: string): "lua" | "javascript" | undefined {
  return engine === "lua" || engine === "javascript" ? engine : undefined;
}

/** The help text of a spell, or the errors in its parameter declarations. */
export function spellHelp(file: string, source: string, engine: string): { ok: boolean; text: string } {
  const language = frontMatterLanguage(engine);
  if (!language) return { ok: true, text: `${file}: ${engine} spells declare no parameters the CLI reads` };
  const { params, errors } = parseSpellParams(source, language);
  if (errors.length > 0) return { ok: false, text: errors.map((e) => `${file}: ${e}`).join("\n") };
  const title = frontMatterField(source, language, "title");
  const description = frontMatterField(source, language, "description");
  const lines = [
    ...(title ? [title] : [file]),
    ...(description ? [description] : []),
    "",
    `Usage: llmspell run ${file}${params.map((p) => (p.required ? ` --arg ${p.name}=…` : "")).join("")}`,
    "",
    "Parameters:",
    ...describeSpellParams(params),
  ];
  return { ok: true, text: lines.join("\n") };
}

/**
 * The ARGS to run with: the given ones checked against the spell's declared parameters, defaults filled in;
 * or the errors (each names the parameter). Spells that declare none get their ARGS unchanged.
 */
export function spellArgs(
  file: string,
  source: string,
  engine: string,
  given: { [key: string]: JsonValue } | undefined,
): { ok: true; args: { [key: string]: JsonValue } | undefined } | { ok: false; message: string } {
  const language = frontMatterLanguage(engine);
  if (!language) return { ok: true, args: given };
  const { params, errors } = parseSpellParams(source, language);
  if (errors.length > 0) return { ok: false, message: errors.map((e) => `${file}: ${e}`).join("\n") };
  if (params.length === 0) return { ok: true, args: given };
  const r = resolveSpellArgs(params, given);
  if (!r.ok) return { ok: false, message: `${r.errors.join("\n")}\n(see llmspell help ${file})` };
  return { ok: true, args: { "0": file, ...r.args } };
}
