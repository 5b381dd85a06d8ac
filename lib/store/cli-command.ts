/**
 * "Copy CLI command": the `npx llmspell run` line that runs the editor's spell as the page would, with its model,
 * "mock every model", the security preset and ARGS.
 *
 * Quoting is for POSIX shells (sh, bash, zsh): a word of only safe characters stays bare, anything else goes in
 * single quotes, where nothing is special but the quote itself (written '\''). That rule is three lines and
 * exact, so it is written here rather than taken from a package (shell-quote escapes with backslashes, which
 * reads worse for values with spaces).
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { SandboxPreset } from "@/lib/core/sandbox";
import { inputText } from "./spell-inputs";

export interface CliCommandInput {
  language: SpellLanguage;
  /** The editor's ARGS of the spell (declared parameters and free-form rows). */
  args: unknown;
  model: string;
  mockAll: boolean;
  sandbox: SandboxPreset;
}

export interface CliCommand {
  /** The line to paste into a terminal, beside a file `spell.lua` / `spell.js` holding the spell. */
  command: string;
  /** The file name the command runs. */
  file: string;
  /** ARGS entries the CLI cannot take (`--arg` needs a key without "=" or spaces); named, never silently lost. */
  skipped: string[];
}

/** Quote one word for a POSIX shell. */
export function quoteShellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function buildCliCommand(input: CliCommandInput): CliCommand {
  const file = input.language === "lua" ? "spell.lua" : "spell.js";
  const words = ["npx", "llmspell", "run", file, "--model", input.model];
  if (input.mockAll) words.push("--mock");
  if (input.sandbox !== "standard") words.push("--sandbox", input.sandbox);
  const skipped: string[] = [];
  const args = input.args;
  if (typeof args === "object" && args !== null && !Array.isArray(args)) {
    for (const [key, value] of Object.entries(args)) {
      if (key === "" || /[=\s]/.test(key)) skipped.push(key);
      // A word starting with "-" after --arg reads as a flag to the CLI's parser: join it to the flag then.
      else if (key.startsWith("-")) words.push(`--arg=${key}=${inputText(value)}`);
      else words.push("--arg", `${key}=${inputText(value)}`);
    }
  }
  return { command: words.map(quoteShellWord).join(" "), file, skipped };
}
