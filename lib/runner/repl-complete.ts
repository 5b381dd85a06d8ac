/**
 * Completions for a REPL line (the CLI's Tab, the page prompt's list), from the one spell API reference
 * (SPELL_API_REFERENCE, which the editor's completions and the docs use too):
 * - `Agent.bu` → the functions and values of that global; `Hook.Priority` constants included;
 * - `x:exe` (Lua) or `x.exe` on a name that is not a global → the methods of every API class (the REPL does not
 *   know the object's class);
 * - a bare word → the globals, the language's keywords, and in the CLI the dot-commands (`.he` → `.help`).
 */
import type { SpellApiReference } from "@/lib/spell/reference-types";

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Candidates for the whole word, sorted. */
  items: string[];
}

const LUA_KEYWORDS = [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local", "nil",
  "not", "or", "repeat", "return", "then", "true", "until", "while", "print", "pairs", "ipairs", "tostring",
  "tonumber", "type", "string", "table", "math", "pcall", "error", "select",
]; // prettier-ignore
const JS_KEYWORDS = [
  "await", "async", "break", "const", "continue", "else", "false", "for", "function", "if", "let", "new", "null",
  "return", "throw", "true", "try", "typeof", "undefined", "var", "while", "console", "JSON", "Math", "Object",
  "Array", "String", "Number", "Promise",
]; // prettier-ignore

/** Complete the word that ends at `cursor` (default: the end of the line). */
export function completeLine(
  reference: SpellApiReference,
  language: string,
  line: string,
  options: { cursor?: number; commands?: readonly string[] } = {},
): Completion {
  const cursor = options.cursor ?? line.length;
  const before = line.slice(0, cursor);
  if (options.commands && /^\s*\.\w*$/.test(before)) {
    const from = before.indexOf(".");
    const word = before.slice(from);
    return { from, items: options.commands.filter((c) => c.startsWith(word)).sort() };
  }
  const m = /([A-Za-z_$][\w$]*)?([.:])([A-Za-z_$][\w$]*)?$/.exec(before) ?? null;
  if (m && !(m[2] === ":" && language !== "lua")) {
    const owner = m[1];
    const partial = m[3] ?? "";
    const from = cursor - partial.length;
    const global = owner !== undefined ? reference.globals.find((g) => g.name === owner) : undefined;
    let names: string[];
    if (global && m[2] === ".") {
      names = [...global.functions.map((f) => f.name), ...(global.values ?? []).map((v) => v.name)];
    } else if (m[2] === ":" || (language !== "lua" && owner !== undefined)) {
      names = reference.classes.flatMap((c) => c.methods.map((f) => f.name));
    } else {
      names = [];
    }
    return { from, items: unique(names.filter((n) => n.startsWith(partial))) };
  }
  const word = /[A-Za-z_$][\w$]*$/.exec(before)?.[0] ?? "";
  const from = cursor - word.length;
  if (word === "") return { from, items: [] };
  const keywords = language === "lua" ? LUA_KEYWORDS : JS_KEYWORDS;
  const names = [...reference.globals.map((g) => g.name), ...keywords];
  return { from, items: unique(names.filter((n) => n.startsWith(word))) };
}

function unique(names: string[]): string[] {
  return [...new Set(names)].sort();
}
