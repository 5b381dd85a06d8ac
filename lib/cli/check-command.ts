/**
 * `llmspell check FILE...`: the same checker as the editor (lib/check), on files, without running anything.
 * Prints `FILE:LINE:COL: severity: message [rule]` (or one JSON line per file with `--json`); exit 0 when no
 * file has an error (warnings allowed), 1 when one has, 2 on a usage error (a missing file, an unknown engine).
 */
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { canCheck, checkSpell, type Diagnostic } from "@/lib/check";
import { isSpellLanguage, type SpellLanguage } from "@/lib/core/dialect";
import { engineForFile, getEnginePlugin } from "@/engines/registry";
import type { CheckCommand } from "./args";
import type { Writable } from "./output";

interface CheckIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
}

/** The language a file is checked as: `--engine`'s dialect, or the one its extension's engine speaks. */
function languageOf(file: string, engine: string | undefined): SpellLanguage | string {
  if (engine !== undefined) {
    const plugin = getEnginePlugin(engine);
    return plugin ? plugin.dialect.language : `unknown engine "${engine}" (try lua or javascript)`;
  }
  const plugin = engineForFile(file);
  return plugin
    ? plugin.dialect.language
    : `cannot tell the language of ${file} from its extension ${extname(file) || "(none)"}; pass --engine`;
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** Check every file; the exit code. */
export async function checkCommand(cmd: CheckCommand, io: CheckIo): Promise<number> {
  let errors = 0;
  for (const file of cmd.files) {
    const language = languageOf(file, cmd.engine);
    if (!isSpellLanguage(language)) {
      io.stderr.write(`llmspell: ${language}\n`);
      return 2;
    }
    if (!canCheck(language)) {
      io.stderr.write(`llmspell: ${file}: the checker does not read ${language} spells\n`);
      return 2;
    }
    let source: string;
    try {
      source = await readFile(resolve(io.cwd, file), "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.stderr.write(`llmspell: ${code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}`}\n`);
      return 2;
    }
    const diagnostics = checkSpell(source, language);
    errors += diagnostics.filter((d) => d.severity === "error").length;
    if (cmd.json) io.stdout.write(`${JSON.stringify({ file, diagnostics })}\n`);
    else for (const d of diagnostics) io.stdout.write(`${formatDiagnostic(file, d)}\n`);
  }
  return errors > 0 ? 1 : 0;
}
