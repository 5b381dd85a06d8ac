/**
 * The jq lexer: `lex` turns query text into tokens (numbers, strings with their `\(...)` interpolations already
 * parsed, `.field`s, identifiers, `$variables`, `@formats` and operators), and `describeToken` names a token for
 * syntax error messages. Interpolations are parsed by the `parseInner` callback the parser passes in, so this file
 * does not import the parser.
 */
import { JqSyntaxError } from "./errors";
import type { Node } from "./types";

export type Tok =
  | { t: "num"; v: number }
  | { t: "str"; parts: (string | Node)[] }
  | { t: "field"; v: string }
  | { t: "ident"; v: string }
  | { t: "var"; v: string }
  | { t: "format"; v: string }
  | { t: "op"; v: string }
  | { t: "eof" };

const OPS = [
  "?//",
  "|=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "//=",
  "==",
  "!=",
  "<=",
  ">=",
  "//",
  "..",
  "|",
  ",",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  ";",
  "?",
  ".",
];

/** The tokens of `src`; each string interpolation `\(...)` is parsed with `parseInner` as it is met. */
export function lex(src: string, parseInner: (src: string) => Node): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const isIdStart = (c: string) => /[a-zA-Z_]/.test(c);
  const isId = (c: string) => /[a-zA-Z0-9_]/.test(c);
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))!;
      toks.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      const [parts, end] = lexString(src, i + 1, parseInner);
      toks.push({ t: "str", parts });
      i = end;
      continue;
    }
    if (c === "." && (isIdStart(src[i + 1] ?? "") || src[i + 1] === '"')) {
      if (src[i + 1] === '"') {
        toks.push({ t: "op", v: "." });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < src.length && isId(src[j])) j++;
      toks.push({ t: "field", v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (c === "$") {
      let j = i + 1;
      if (src.startsWith("__loc__", j)) throw new JqSyntaxError("$__loc__ is not available");
      while (j < src.length && isId(src[j])) j++;
      if (j === i + 1) throw new JqSyntaxError(`unexpected '$' at ${i}`);
      toks.push({ t: "var", v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (c === "@") {
      let j = i + 1;
      while (j < src.length && isId(src[j])) j++;
      toks.push({ t: "format", v: src.slice(i + 1, j) });
      i = j;
      continue;
    }
    if (isIdStart(c)) {
      let j = i;
      while (j < src.length && (isId(src[j]) || (src[j] === ":" && src[j + 1] === ":"))) j += src[j] === ":" ? 2 : 1;
      toks.push({ t: "ident", v: src.slice(i, j) });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new JqSyntaxError(`unexpected character '${c}' at ${i}`);
    toks.push({ t: "op", v: op });
    i += op.length;
  }
  toks.push({ t: "eof" });
  return toks;
}

function lexString(src: string, start: number, parseInner: (src: string) => Node): [(string | Node)[], number] {
  const parts: (string | Node)[] = [];
  let buf = "";
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      if (buf || parts.length === 0) parts.push(buf);
      return [parts, i + 1];
    }
    if (c === "\\") {
      const n = src[i + 1];
      if (n === "(") {
        let depth = 1;
        let j = i + 2;
        let inStr = false;
        for (; j < src.length && depth > 0; j++) {
          if (inStr) {
            if (src[j] === "\\") j++;
            else if (src[j] === '"') inStr = false;
          } else if (src[j] === '"') inStr = true;
          else if (src[j] === "(") depth++;
          else if (src[j] === ")") depth--;
        }
        if (buf) parts.push(buf);
        buf = "";
        parts.push(parseInner(src.slice(i + 2, j - 1)));
        i = j;
        continue;
      }
      const map: Record<string, string> = {
        n: "\n",
        t: "\t",
        r: "\r",
        b: "\b",
        f: "\f",
        '"': '"',
        "\\": "\\",
        "/": "/",
      };
      if (n === "u") {
        buf += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (!(n in map)) throw new JqSyntaxError(`invalid escape \\${n}`);
      buf += map[n];
      i += 2;
      continue;
    }
    buf += c;
    i++;
  }
  throw new JqSyntaxError("unterminated string");
}

/** A token as syntax error messages name it. */
export function describeToken(t: Tok): string {
  switch (t.t) {
    case "eof":
      return "end of query";
    case "num":
      return `number ${t.v}`;
    case "str":
      return "string";
    case "op":
      return `'${t.v}'`;
    case "field":
      return `'.${t.v}'`;
    case "var":
      return `'$${t.v}'`;
    case "format":
      return `'@${t.v}'`;
    default:
      return `'${t.v}'`;
  }
}
