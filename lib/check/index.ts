/**
 * The checker's entry: `checkSpell(source, language)` gives every diagnostic of a spell, without running it,
 * from the one API reference. Pure functions over text, so the page's worker and `llmspell check` share it.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { Diagnostic } from "./diagnostic";
import { extractJavascriptFacts } from "./javascript/extract";
import { canCheck } from "./languages";
import { extractLuaFacts } from "./lua/extract";
import { applyRules, type CheckOptions } from "./rules";

export { canCheck } from "./languages";

export type { Diagnostic } from "./diagnostic";
export type { CheckOptions } from "./rules";

/**
 * `-- check-ignore: rule-a, rule-b` (Lua) or `// check-ignore: rule-a` (JS) silences those rules (all rules
 * without a list) on its own line and the next: for a spell that fails on purpose, like an example of
 * error handling.
 */
function dropIgnored(source: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const ignored = new Map<number, Set<string> | "all">();
  source.split(/\r?\n/).forEach((text, i) => {
    const m = /(?:--|\/\/)\s*check-ignore\b(?::\s*([\w-]+(?:\s*,\s*[\w-]+)*))?/.exec(text);
    if (!m) return;
    const rules = m[1] ? new Set(m[1].split(/\s*,\s*/)) : "all";
    ignored.set(i + 1, rules);
    ignored.set(i + 2, rules);
  });
  if (ignored.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const rules = ignored.get(d.line);
    return !rules || (rules !== "all" && !rules.has(d.rule));
  });
}

export function checkSpell(source: string, language: SpellLanguage, options: CheckOptions = {}): Diagnostic[] {
  if (!canCheck(language)) throw new Error(`the checker does not read ${language} spells yet`);
  const facts = language === "lua" ? extractLuaFacts(source) : extractJavascriptFacts(source);
  return dropIgnored(source, applyRules(facts, language, options));
}
