/**
 * "The source contains or avoids a call": checks read the spell's code, not its comments, so a starting spell
 * may say `-- TODO: call Tool.execute here` without passing the check. A small scanner (strings kept, comments
 * blanked) is enough for that; it is not a parser (lib/check has those, and a lesson's check must also work on
 * code that does not parse yet).
 */
import type { SpellLanguage } from "@/lib/core/dialect";

/** The source with every comment replaced by spaces (line breaks kept), strings left as they are. */
export function stripComments(source: string, language: SpellLanguage): string {
  return language === "lua" ? stripLua(source) : stripJs(source);
}

const blank = (text: string) => text.replace(/[^\n]/g, " ");

/** `[[`, `[=[`, ... at `i`: the closing bracket it needs, or undefined. */
function longBracketAt(s: string, i: number): string | undefined {
  const m = /^\[(=*)\[/.exec(s.slice(i, i + 64));
  return m ? `]${m[1]}]` : undefined;
}

function stripLua(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "-" && s[i + 1] === "-") {
      const close = longBracketAt(s, i + 2);
      const end = close ? endOf(s, s.indexOf(close, i + 2), close.length) : endOfLine(s, i);
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === "[" && longBracketAt(s, i)) {
      const close = longBracketAt(s, i)!;
      const end = endOf(s, s.indexOf(close, i + 2), close.length);
      out += s.slice(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const end = endOfQuoted(s, i, c);
      out += s.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function stripJs(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "/" && s[i + 1] === "/") {
      const end = endOfLine(s, i);
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === "/" && s[i + 1] === "*") {
      const end = endOf(s, s.indexOf("*/", i + 2), 2);
      out += blank(s.slice(i, end));
      i = end;
    } else if (c === '"' || c === "'" || c === "`") {
      const end = endOfQuoted(s, i, c);
      out += s.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function endOf(s: string, found: number, length: number): number {
  return found < 0 ? s.length : found + length;
}

function endOfLine(s: string, i: number): number {
  const nl = s.indexOf("\n", i);
  return nl < 0 ? s.length : nl;
}

/** The index after the string that opens at `i` (an unclosed one ends at the line's end, or the text's for `). */
function endOfQuoted(s: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (c === "\\") j += 2;
    else if (c === quote) return j + 1;
    else if (c === "\n" && quote !== "`") return j;
    else j++;
  }
  return s.length;
}
