/**
 * A jq interpreter for json-processor: the core jq 1.7 language (paths, pipes, generators, object and array
 * construction, `as` bindings and destructuring, reduce/foreach, if/try, `def`, string interpolation, formats,
 * update-assignment) and ~120 builtins, evaluated lazily with generators.
 *
 * Why not jq-wasm: its I/O copies its buffers on every byte (measured: 28 KB of input takes 0.7 s, 148 KB
 * 5 s) and a running wasm call cannot be interrupted. Here every evaluation step counts against a budget
 * (steps and wall time), so `repeat(1)`, `[range(1e12)]` or `def f: f; f` stop with a clear error.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const JQ_LIMITS = {
  maxSteps: 5_000_000,
  maxMs: 5000,
  maxQueryLength: 10_000,
  maxDepth: 200,
  maxStringLength: 10_000_000,
} as const;

/** A jq runtime error (`error(...)`), catchable with `try`. */
export class JqError extends Error {
  constructor(readonly value: Json) {
    super(typeof value === "string" ? value : `${JSON.stringify(value)} (not a string)`);
  }
}

/** A budget overrun: never catchable by `try`. */
export class JqLimitError extends Error {}

/** Bad syntax in the query. */
export class JqSyntaxError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------------------------

type Tok =
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
const KEYWORDS = new Set([
  "if",
  "then",
  "elif",
  "else",
  "end",
  "as",
  "reduce",
  "foreach",
  "try",
  "catch",
  "and",
  "or",
  "def",
  "label",
  "import",
  "include",
  "__loc__",
]);

function lex(src: string): Tok[] {
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
      const [parts, end] = lexString(src, i + 1);
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

function lexString(src: string, start: number): [(string | Node)[], number] {
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
        parts.push(parse(src.slice(i + 2, j - 1)));
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

// ---------------------------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------------------------

type Pattern =
  | { k: "var"; name: string }
  | { k: "arr"; items: Pattern[] }
  | { k: "obj"; entries: { key: Node | string; pat: Pattern | null; varName?: string }[] };

export type Node =
  | { k: "id" }
  | { k: "recurse" }
  | { k: "lit"; v: Json }
  | { k: "str"; parts: (string | Node)[]; fmt?: string }
  | { k: "format"; name: string }
  | { k: "field"; target: Node; name: Node; opt: boolean }
  | { k: "slice"; target: Node; from: Node | null; to: Node | null; opt: boolean }
  | { k: "iter"; target: Node; opt: boolean }
  | { k: "try"; body: Node; handler: Node | null }
  | { k: "pipe"; left: Node; right: Node }
  | { k: "comma"; left: Node; right: Node }
  | { k: "bin"; op: string; left: Node; right: Node }
  | { k: "neg"; body: Node }
  | { k: "and" | "or" | "alt"; left: Node; right: Node }
  | { k: "assign"; op: string; left: Node; right: Node }
  | { k: "arr"; body: Node | null }
  | { k: "obj"; entries: { key: Node; value: Node | null }[] }
  | { k: "var"; name: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "if"; cond: Node; then: Node; els: Node | null }
  | { k: "as"; source: Node; pats: Pattern[]; body: Node }
  | { k: "reduce"; source: Node; pat: Pattern; init: Node; update: Node }
  | { k: "foreach"; source: Node; pat: Pattern; init: Node; update: Node; extract: Node | null }
  | { k: "def"; name: string; params: string[]; body: Node; rest: Node };

export function parse(src: string): Node {
  if (src.length > JQ_LIMITS.maxQueryLength)
    throw new JqSyntaxError(`query is longer than ${JQ_LIMITS.maxQueryLength} characters`);
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => toks[p].t === "op" && (toks[p] as { v: string }).v === v;
  const isIdent = (v: string) => toks[p].t === "ident" && (toks[p] as { v: string }).v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new JqSyntaxError(`expected '${v}' but found ${describe(toks[p])}`);
    p++;
  };
  const expectIdent = (v: string) => {
    if (!isIdent(v)) throw new JqSyntaxError(`expected '${v}' but found ${describe(toks[p])}`);
    p++;
  };

  function pipe(): Node {
    if (isIdent("def")) {
      p++;
      const nameTok = peek();
      if (nameTok.t !== "ident") throw new JqSyntaxError("expected a function name after def");
      p++;
      const params: string[] = [];
      if (isOp("(")) {
        p++;
        for (;;) {
          const t = peek();
          if (t.t === "var") params.push(`$${t.v}`);
          else if (t.t === "ident") params.push(t.v);
          else throw new JqSyntaxError("bad parameter in def");
          p++;
          if (isOp(";")) p++;
          else break;
        }
        expectOp(")");
      }
      expectOp(":");
      const body = pipe();
      expectOp(";");
      const rest = pipe();
      return { k: "def", name: nameTok.v, params, body, rest };
    }
    const left = comma();
    if (isIdent("as")) {
      p++;
      const pats = [pattern()];
      while (isOp("?//")) {
        p++;
        pats.push(pattern());
      }
      expectOp("|");
      return { k: "as", source: left, pats, body: pipe() };
    }
    if (isOp("|")) {
      p++;
      return { k: "pipe", left, right: pipe() };
    }
    return left;
  }

  function pattern(): Pattern {
    const t = peek();
    if (t.t === "var") {
      p++;
      return { k: "var", name: t.v };
    }
    if (isOp("[")) {
      p++;
      const items: Pattern[] = [];
      if (!isOp("]")) {
        items.push(pattern());
        while (isOp(",")) {
          p++;
          items.push(pattern());
        }
      }
      expectOp("]");
      return { k: "arr", items };
    }
    if (isOp("{")) {
      p++;
      const entries: { key: Node | string; pat: Pattern | null; varName?: string }[] = [];
      for (;;) {
        const k = peek();
        if (k.t === "var") {
          p++;
          entries.push({ key: k.v, pat: isOp(":") ? (p++, pattern()) : null, varName: k.v });
        } else if (k.t === "ident") {
          p++;
          expectOp(":");
          entries.push({ key: k.v, pat: pattern() });
        } else if (k.t === "str") {
          p++;
          expectOp(":");
          entries.push({ key: { k: "str", parts: k.parts }, pat: pattern() });
        } else if (isOp("(")) {
          p++;
          const key = pipe();
          expectOp(")");
          expectOp(":");
          entries.push({ key, pat: pattern() });
        } else throw new JqSyntaxError(`bad object pattern at ${describe(k)}`);
        if (isOp(",")) p++;
        else break;
      }
      expectOp("}");
      return { k: "obj", entries };
    }
    throw new JqSyntaxError(`expected a pattern, found ${describe(t)}`);
  }

  function comma(): Node {
    let left = alt();
    while (isOp(",")) {
      p++;
      left = { k: "comma", left, right: alt() };
    }
    return left;
  }

  function alt(): Node {
    const left = assign();
    if (isOp("//")) {
      p++;
      return { k: "alt", left, right: alt() };
    }
    return left;
  }

  function assign(): Node {
    const left = or();
    const t = peek();
    if (t.t === "op" && ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="].includes(t.v)) {
      p++;
      return { k: "assign", op: t.v, left, right: alt() };
    }
    return left;
  }

  function or(): Node {
    let left = and();
    while (isIdent("or")) {
      p++;
      left = { k: "or", left, right: and() };
    }
    return left;
  }

  function and(): Node {
    let left = compare();
    while (isIdent("and")) {
      p++;
      left = { k: "and", left, right: compare() };
    }
    return left;
  }

  function compare(): Node {
    const left = additive();
    const t = peek();
    if (t.t === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.v)) {
      p++;
      return { k: "bin", op: t.v, left, right: additive() };
    }
    return left;
  }

  function additive(): Node {
    let left = multiplicative();
    for (;;) {
      const t = peek();
      if (t.t === "op" && (t.v === "+" || t.v === "-")) {
        p++;
        left = { k: "bin", op: t.v, left, right: multiplicative() };
      } else return left;
    }
  }

  function multiplicative(): Node {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.t === "op" && (t.v === "*" || t.v === "/" || t.v === "%")) {
        p++;
        left = { k: "bin", op: t.v, left, right: unary() };
      } else return left;
    }
  }

  function unary(): Node {
    if (isOp("-")) {
      p++;
      return { k: "neg", body: postfix() };
    }
    return postfix();
  }

  function postfix(): Node {
    let node = primary();
    for (;;) {
      const t = peek();
      if (t.t === "field") {
        p++;
        node = { k: "field", target: node, name: { k: "lit", v: t.v }, opt: optional() };
      } else if (isOp(".") && toks[p + 1].t === "str") {
        p++;
        const s = toks[p] as { parts: (string | Node)[] };
        p++;
        node = { k: "field", target: node, name: { k: "str", parts: s.parts }, opt: optional() };
      } else if (isOp("[") || (isOp(".") && toks[p + 1].t === "op" && (toks[p + 1] as { v: string }).v === "[")) {
        if (isOp(".")) p++;
        node = bracket(node);
      } else if (isOp("?")) {
        p++;
        node = { k: "try", body: node, handler: null };
      } else if (isIdent("as") || !isOp("?")) return node;
    }
  }

  function optional(): boolean {
    if (isOp("?")) {
      p++;
      return true;
    }
    return false;
  }

  function bracket(target: Node): Node {
    expectOp("[");
    if (isOp("]")) {
      p++;
      return { k: "iter", target, opt: optional() };
    }
    if (isOp(":")) {
      p++;
      const to = pipe();
      expectOp("]");
      return { k: "slice", target, from: null, to, opt: optional() };
    }
    const idx = pipe();
    if (isOp(":")) {
      p++;
      const to = isOp("]") ? null : pipe();
      expectOp("]");
      return { k: "slice", target, from: idx, to, opt: optional() };
    }
    expectOp("]");
    return { k: "field", target, name: idx, opt: optional() };
  }

  function primary(): Node {
    const t = peek();
    switch (t.t) {
      case "num":
        p++;
        return { k: "lit", v: t.v };
      case "str":
        p++;
        return { k: "str", parts: t.parts };
      case "format": {
        p++;
        const s = peek();
        if (s.t === "str") {
          p++;
          return { k: "str", parts: s.parts, fmt: t.v };
        }
        return { k: "format", name: t.v };
      }
      case "field":
        p++;
        return { k: "field", target: { k: "id" }, name: { k: "lit", v: t.v }, opt: optional() };
      case "var":
        p++;
        return { k: "var", name: t.v };
      case "ident":
        return identTerm(t.v);
      case "op":
        if (t.v === ".") {
          p++;
          if (peek().t === "str") {
            const s = toks[p] as { parts: (string | Node)[] };
            p++;
            return { k: "field", target: { k: "id" }, name: { k: "str", parts: s.parts }, opt: optional() };
          }
          if (isOp("[")) return bracket({ k: "id" });
          return { k: "id" };
        }
        if (t.v === "..") {
          p++;
          return { k: "recurse" };
        }
        if (t.v === "(") {
          p++;
          const e = pipe();
          expectOp(")");
          return e;
        }
        if (t.v === "[") {
          p++;
          if (isOp("]")) {
            p++;
            return { k: "arr", body: null };
          }
          const body = pipe();
          expectOp("]");
          return { k: "arr", body };
        }
        if (t.v === "{") return objectCons();
        break;
    }
    throw new JqSyntaxError(`unexpected ${describe(t)}`);
  }

  function identTerm(name: string): Node {
    if (name === "if") {
      p++;
      const cond = pipe();
      expectIdent("then");
      const then = pipe();
      return { k: "if", cond, then, els: ifTail() };
    }
    if (name === "try") {
      p++;
      const body = postfix();
      let handler: Node | null = null;
      if (isIdent("catch")) {
        p++;
        handler = postfix();
      }
      return { k: "try", body, handler };
    }
    if (name === "reduce" || name === "foreach") {
      p++;
      const source = postfix();
      expectIdent("as");
      const pat = pattern();
      expectOp("(");
      const init = pipe();
      expectOp(";");
      const update = pipe();
      let extract: Node | null = null;
      if (name === "foreach" && isOp(";")) {
        p++;
        extract = pipe();
      }
      expectOp(")");
      return name === "reduce"
        ? { k: "reduce", source, pat, init, update }
        : { k: "foreach", source, pat, init, update, extract };
    }
    if (name === "import" || name === "include" || name === "label")
      throw new JqSyntaxError(`'${name}' is not available`);
    if (KEYWORDS.has(name)) throw new JqSyntaxError(`unexpected keyword '${name}'`);
    p++;
    const args: Node[] = [];
    if (isOp("(")) {
      p++;
      args.push(pipe());
      while (isOp(";")) {
        p++;
        args.push(pipe());
      }
      expectOp(")");
    }
    return { k: "call", name, args };
  }

  function ifTail(): Node | null {
    if (isIdent("elif")) {
      p++;
      const cond = pipe();
      expectIdent("then");
      const then = pipe();
      return { k: "if", cond, then, els: ifTail() };
    }
    if (isIdent("else")) {
      p++;
      const e = pipe();
      expectIdent("end");
      return e;
    }
    expectIdent("end");
    return null;
  }

  function objectCons(): Node {
    expectOp("{");
    const entries: { key: Node; value: Node | null }[] = [];
    while (!isOp("}")) {
      const t = peek();
      let key: Node;
      let shorthand: Node | null = null;
      if (t.t === "var") {
        p++;
        key = { k: "lit", v: t.v };
        shorthand = { k: "var", name: t.v };
      } else if (t.t === "ident") {
        p++;
        key = { k: "lit", v: t.v };
        shorthand = { k: "field", target: { k: "id" }, name: key, opt: false };
      } else if (t.t === "str") {
        p++;
        key = { k: "str", parts: t.parts };
        shorthand = { k: "field", target: { k: "id" }, name: key, opt: false };
      } else if (t.t === "format") {
        p++;
        key = { k: "format", name: t.v };
      } else if (t.t === "num") {
        throw new JqSyntaxError("object keys must be strings");
      } else if (isOp("(")) {
        p++;
        key = pipe();
        expectOp(")");
      } else throw new JqSyntaxError(`unexpected ${describe(t)} in object`);
      if (isOp(":")) {
        p++;
        entries.push({ key, value: objValue() });
      } else {
        if (!shorthand) throw new JqSyntaxError("expected ':' in object");
        entries.push({ key, value: shorthand });
      }
      if (isOp(",")) p++;
      else break;
    }
    expectOp("}");
    return { k: "obj", entries };
  }

  function objValue(): Node {
    let left = alt();
    while (isOp("|")) {
      p++;
      left = { k: "pipe", left, right: alt() };
    }
    return left;
  }

  const root = pipe();
  if (peek().t !== "eof") throw new JqSyntaxError(`unexpected ${describe(peek())}`);
  return root;
}

function describe(t: Tok): string {
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

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

export function typeOf(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : typeof v;
}

const ORDER: Record<string, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5 };

export function compare(a: Json, b: Json): number {
  const [ta, tb] = [typeOf(a), typeOf(b)];
  if (ta !== tb) return ORDER[ta] - ORDER[tb];
  switch (ta) {
    case "null":
      return 0;
    case "boolean":
      return Number(a) - Number(b);
    case "number":
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case "string":
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case "array": {
      const [x, y] = [a as Json[], b as Json[]];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    default: {
      const [x, y] = [a as Record<string, Json>, b as Record<string, Json>];
      const c = compare(Object.keys(x).sort(), Object.keys(y).sort());
      if (c) return c;
      for (const k of Object.keys(x).sort()) {
        const d = compare(x[k], y[k]);
        if (d) return d;
      }
      return 0;
    }
  }
}

const truthy = (v: Json) => v !== null && v !== false;

function tojson(v: Json): string {
  return JSON.stringify(v, (_k, x) =>
    typeof x === "number" && !Number.isFinite(x)
      ? Number.isNaN(x)
        ? null
        : x > 0
          ? 1.7976931348623157e308
          : -1.7976931348623157e308
      : x,
  );
}

function errDesc(v: Json): string {
  const s = tojson(v);
  return `${typeOf(v)} (${s.length > 11 ? `${s.slice(0, 10)}...` : s})`;
}

function isObj(v: Json): v is { [k: string]: Json } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function deepMerge(a: { [k: string]: Json }, b: { [k: string]: Json }): { [k: string]: Json } {
  const out = { ...a };
  for (const [k, v] of Object.entries(b))
    out[k] = isObj(out[k]) && isObj(v) ? deepMerge(out[k] as { [k: string]: Json }, v) : v;
  return out;
}

function arith(op: string, a: Json, b: Json): Json {
  const ta = typeOf(a);
  const tb = typeOf(b);
  switch (op) {
    case "+":
      if (a === null) return b;
      if (b === null) return a;
      if (ta === "number" && tb === "number") return (a as number) + (b as number);
      if (ta === "string" && tb === "string") return (a as string) + (b as string);
      if (ta === "array" && tb === "array") return [...(a as Json[]), ...(b as Json[])];
      if (ta === "object" && tb === "object") return { ...(a as object), ...(b as object) } as Json;
      break;
    case "-":
      if (ta === "number" && tb === "number") return (a as number) - (b as number);
      if (ta === "array" && tb === "array")
        return (a as Json[]).filter((x) => !(b as Json[]).some((y) => compare(x, y) === 0));
      break;
    case "*":
      if (ta === "number" && tb === "number") return (a as number) * (b as number);
      if ((ta === "string" && tb === "number") || (ta === "number" && tb === "string")) {
        const [s, n] = ta === "string" ? [a as string, b as number] : [b as string, a as number];
        if (n <= 0) return null;
        const count = Math.ceil(n);
        if (s.length * count > JQ_LIMITS.maxStringLength)
          throw new JqLimitError(`string repetition longer than ${JQ_LIMITS.maxStringLength} characters`);
        return s.repeat(count);
      }
      if (ta === "object" && tb === "object") return deepMerge(a as { [k: string]: Json }, b as { [k: string]: Json });
      break;
    case "/":
      if (ta === "number" && tb === "number") {
        if (b === 0) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be divided because the divisor is zero`);
        return (a as number) / (b as number);
      }
      if (ta === "string" && tb === "string") return (a as string).split(b as string);
      break;
    case "%":
      if (ta === "number" && tb === "number") {
        const d = Math.trunc(b as number);
        if (d === 0) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be divided because the divisor is zero`);
        const r = Math.trunc(a as number) % d;
        return r === 0 ? 0 : r;
      }
      break;
    default: {
      const c = compare(a, b);
      switch (op) {
        case "==":
          return c === 0;
        case "!=":
          return c !== 0;
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        case ">=":
          return c >= 0;
      }
    }
  }
  const verb = { "+": "added", "-": "subtracted", "*": "multiplied", "/": "divided", "%": "divided" }[op] ?? "combined";
  throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be ${verb}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------------------------

type Path = (string | number | { start: number | null; end: number | null })[];

interface Closure {
  params: string[];
  body: Node;
  env: Env;
  name: string;
}

interface Env {
  vars: Map<string, Json>;
  funcs: Map<string, Closure | { arg: Node; env: Env }>;
}

class Budget {
  steps = 0;
  readonly deadline: number;
  depth = 0;
  constructor(
    readonly maxSteps: number,
    maxMs: number,
  ) {
    this.deadline = Date.now() + maxMs;
  }
  tick(): void {
    if (++this.steps > this.maxSteps) throw new JqLimitError(`query exceeded ${this.maxSteps} evaluation steps`);
    if ((this.steps & 4095) === 0 && Date.now() > this.deadline)
      throw new JqLimitError(`query exceeded ${JQ_LIMITS.maxMs} ms`);
  }
}

function getField(v: Json, key: Json, opt: boolean): Json[] {
  if (v === null) return [null];
  if (typeof key === "string" && isObj(v)) return [Object.hasOwn(v, key) ? v[key] : null];
  if (typeof key === "number" && Array.isArray(v)) {
    const i = Math.floor(key < 0 ? v.length + key : key);
    return [i >= 0 && i < v.length ? v[i] : null];
  }
  if (Array.isArray(key) && Array.isArray(v)) return [indicesOf(v, key)];
  if (opt) return [];
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeof key === "string" ? `"${key}"` : typeOf(key)}`);
}

function indicesOf(v: Json[] | string, sub: Json[] | string): Json {
  const out: number[] = [];
  if (typeof v === "string" && typeof sub === "string") {
    if (!sub) return null;
    for (let i = v.indexOf(sub); i >= 0; i = v.indexOf(sub, i + 1)) out.push(i);
    return out;
  }
  const [a, b] = [v as Json[], sub as Json[]];
  if (!b.length) return null;
  for (let i = 0; i + b.length <= a.length; i++) if (b.every((x, j) => compare(a[i + j], x) === 0)) out.push(i);
  return out;
}

function sliceBounds(len: number, from: Json, to: Json): [number, number] {
  const norm = (x: Json, d: number) => {
    if (x === null) return d;
    if (typeof x !== "number") throw new JqError("Start and end indices of an array slice must be numbers");
    const n = Math.floor(x < 0 ? len + x : x);
    return Math.max(0, Math.min(len, n));
  };
  const s = norm(from, 0);
  return [s, Math.max(s, norm(to, len))];
}

function setPath(root: Json, path: Path, value: Json, i = 0): Json {
  if (i === path.length) return value;
  const key = path[i];
  if (typeof key === "string") {
    if (root !== null && !isObj(root)) throw new JqError(`Cannot index ${typeOf(root)} with "${key}"`);
    const o = { ...((root ?? {}) as { [k: string]: Json }) };
    o[key] = setPath(Object.hasOwn(o, key) ? o[key] : null, path, value, i + 1);
    return o;
  }
  if (typeof key === "number") {
    if (root !== null && !Array.isArray(root)) throw new JqError(`Cannot index ${typeOf(root)} with number`);
    const a = [...((root ?? []) as Json[])];
    const idx = key < 0 ? a.length + key : key;
    if (idx < 0) throw new JqError("Out of bounds negative array index");
    if (idx > 1_000_000) throw new JqLimitError("array index too large");
    while (a.length < idx) a.push(null);
    a[idx] = setPath(idx < a.length ? a[idx] : null, path, value, i + 1);
    return a;
  }
  const arr = (root ?? []) as Json[];
  if (!Array.isArray(arr)) throw new JqError(`Cannot update field at object index of ${typeOf(root)}`);
  const [s, e] = sliceBounds(arr.length, key.start, key.end);
  const repl = setPath(arr.slice(s, e), path, value, i + 1);
  if (!Array.isArray(repl)) throw new JqError("A slice of an array can only be assigned another array");
  return [...arr.slice(0, s), ...repl, ...arr.slice(e)];
}

function getPath(root: Json, path: Path): Json {
  let v = root;
  for (const key of path) {
    if (v === null) return null;
    if (typeof key === "object") {
      if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with object`);
      const [s, e] = sliceBounds(v.length, key.start, key.end);
      v = v.slice(s, e);
    } else v = getField(v, key, false)[0];
  }
  return v;
}

function deletePaths(root: Json, paths: Path[]): Json {
  const sorted = [...paths].sort((a, b) => compare(b as unknown as Json, a as unknown as Json));
  let out = root;
  for (const p of sorted) out = deletePath(out, p);
  return out;
}

function deletePath(root: Json, path: Path): Json {
  if (path.length === 0) return null;
  if (root === null) return null;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (typeof key === "string" && isObj(root)) {
      const o = { ...root };
      delete o[key];
      return o;
    }
    if (typeof key === "number" && Array.isArray(root)) {
      const idx = key < 0 ? root.length + key : key;
      return root.filter((_, i) => i !== idx);
    }
    if (typeof key === "object" && Array.isArray(root)) {
      const [s, e] = sliceBounds(root.length, key.start, key.end);
      return [...root.slice(0, s), ...root.slice(e)];
    }
    throw new JqError(`Cannot delete field at index of ${typeOf(root)}`);
  }
  const child = getPath(root, [key]);
  return setPath(root, [key], deletePath(child, rest));
}

function* recurseValues(v: Json, b: Budget): Generator<Json> {
  b.tick();
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* recurseValues(x, b);
  else if (isObj(v)) for (const x of Object.values(v)) yield* recurseValues(x, b);
}

function* recursePaths(v: Json, path: Path, b: Budget): Generator<[Json, Path]> {
  b.tick();
  yield [v, path];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* recursePaths(v[i], [...path, i], b);
  else if (isObj(v)) for (const k of Object.keys(v)) yield* recursePaths(v[k], [...path, k], b);
}

const FORMATS: Record<string, (v: Json) => string> = {
  text: (v) => (typeof v === "string" ? v : tojson(v)),
  json: (v) => tojson(v),
  html: (v) =>
    FORMATS.text(v).replace(
      /[<>&'"]/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[c]!,
    ),
  uri: (v) =>
    FORMATS.text(v).replace(/[^A-Za-z0-9\-_.~]/g, (c) =>
      Array.from(new TextEncoder().encode(c), (x) => `%${x.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
    ),
  csv: (v) => {
    if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be csv-formatted, only an array can be`);
    return v
      .map((x) =>
        typeof x === "string"
          ? `"${x.replace(/"/g, '""')}"`
          : typeof x === "number"
            ? String(x)
            : typeof x === "boolean"
              ? String(x)
              : x === null
                ? ""
                : fail(`${errDesc(x)} is not valid in a csv row`),
      )
      .join(",");
  },
  tsv: (v) => {
    if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be tsv-formatted, only an array can be`);
    return v
      .map((x) =>
        typeof x === "string"
          ? x.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!)
          : x === null
            ? ""
            : typeof x === "object"
              ? fail(`${errDesc(x)} is not valid in a tsv row`)
              : String(x),
      )
      .join("\t");
  },
  sh: (v) =>
    (Array.isArray(v) ? v : [v])
      .map((x) =>
        typeof x === "string"
          ? `'${x.replace(/'/g, "'\\''")}'`
          : typeof x === "object" && x !== null
            ? fail(`${errDesc(x)} can not be escaped for shell`)
            : String(x),
      )
      .join(" "),
  base64: (v) => {
    const bytes = new TextEncoder().encode(FORMATS.text(v));
    let bin = "";
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  },
  base64d: (v) => {
    const s = FORMATS.text(v);
    try {
      const bin = atob(s.replace(/=+$/, "").padEnd(Math.ceil(s.replace(/=+$/, "").length / 4) * 4, "="));
      return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    } catch {
      throw new JqError(`${errDesc(v)} is not valid base64 data`);
    }
  },
};

function fail(msg: string): never {
  throw new JqError(msg);
}

/** Turn a jq regex + flags into a JS RegExp (x flag strips whitespace; g handled by callers). */
export type RegexCompiler = (pattern: string, flags: string) => RegExp;

export interface RunOptions {
  maxSteps?: number;
  maxMs?: number;
  compileRegex: RegexCompiler;
  now?: () => number;
}

export class Interpreter {
  private readonly b: Budget;
  constructor(private readonly opts: RunOptions) {
    this.b = new Budget(opts.maxSteps ?? JQ_LIMITS.maxSteps, opts.maxMs ?? JQ_LIMITS.maxMs);
  }

  /** All outputs of `query` on `input`. */
  run(query: Node, input: Json): Json[] {
    const out: Json[] = [];
    for (const v of this.ev(query, input, {
      vars: new Map([
        ["ENV", {}],
        ["__prog_args", []],
      ]),
      funcs: new Map(),
    }))
      out.push(v);
    return out;
  }

  /** Every evaluation counts one step; recursion too deep for the JS stack surfaces as a RangeError. */
  private ev(n: Node, v: Json, env: Env): Generator<Json> {
    this.b.tick();
    return this.evInner(n, v, env);
  }

  private *evInner(n: Node, v: Json, env: Env): Generator<Json> {
    switch (n.k) {
      case "id":
        yield v;
        return;
      case "recurse":
        yield* recurseValues(v, this.b);
        return;
      case "lit":
        yield n.v;
        return;
      case "str":
        yield* this.evString(n.parts, v, env, n.fmt);
        return;
      case "format": {
        const f = FORMATS[n.name];
        if (!f) throw new JqError(`${n.name} is not a valid format`);
        yield f(v);
        return;
      }
      case "field":
        for (const t of this.ev(n.target, v, env)) {
          for (const key of this.ev(n.name, v, env)) {
            try {
              yield* getField(t, key, n.opt);
            } catch (e) {
              if (!(n.opt && e instanceof JqError)) throw e;
            }
          }
        }
        return;
      case "slice":
        for (const t of this.ev(n.target, v, env)) {
          for (const to of n.to ? this.ev(n.to, v, env) : [null]) {
            for (const from of n.from ? this.ev(n.from, v, env) : [null]) {
              if (t === null) {
                yield null;
                continue;
              }
              if (typeof t === "string" || Array.isArray(t)) {
                const [s, e] = sliceBounds(t.length, from, to);
                yield t.slice(s, e) as Json;
              } else if (!n.opt) throw new JqError(`Cannot index ${typeOf(t)} with object`);
            }
          }
        }
        return;
      case "iter":
        for (const t of this.ev(n.target, v, env)) {
          if (Array.isArray(t)) yield* t;
          else if (isObj(t)) yield* Object.values(t);
          else if (!n.opt) throw new JqError(`Cannot iterate over ${typeOf(t)}${t === null ? "" : ` (${tojson(t)})`}`);
        }
        return;
      case "try":
        try {
          for (const x of this.ev(n.body, v, env)) yield x;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          if (e.value !== null && typeof e.value === "object" && "__jq" in (e.value as object)) throw e; // break
          if (n.handler) yield* this.ev(n.handler, e.value, env);
        }
        return;
      case "pipe":
        for (const x of this.ev(n.left, v, env)) yield* this.ev(n.right, x, env);
        return;
      case "comma":
        yield* this.ev(n.left, v, env);
        yield* this.ev(n.right, v, env);
        return;
      case "neg":
        for (const x of this.ev(n.body, v, env)) {
          if (typeof x !== "number") throw new JqError(`${errDesc(x)} cannot be negated`);
          yield -x;
        }
        return;
      case "bin":
        for (const r of this.ev(n.right, v, env)) for (const l of this.ev(n.left, v, env)) yield arith(n.op, l, r);
        return;
      case "and":
        for (const l of this.ev(n.left, v, env)) {
          if (!truthy(l)) yield false;
          else for (const r of this.ev(n.right, v, env)) yield truthy(r);
        }
        return;
      case "or":
        for (const l of this.ev(n.left, v, env)) {
          if (truthy(l)) yield true;
          else for (const r of this.ev(n.right, v, env)) yield truthy(r);
        }
        return;
      case "alt": {
        let any = false;
        try {
          for (const x of this.ev(n.left, v, env)) {
            if (truthy(x)) {
              any = true;
              yield x;
            }
          }
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        if (!any) yield* this.ev(n.right, v, env);
        return;
      }
      case "assign":
        yield* this.evAssign(n, v, env);
        return;
      case "arr": {
        if (!n.body) {
          yield [];
          return;
        }
        const out: Json[] = [];
        for (const x of this.ev(n.body, v, env)) out.push(x);
        yield out;
        return;
      }
      case "obj":
        yield* this.evObject(n.entries, 0, v, env, {});
        return;
      case "var": {
        if (!env.vars.has(n.name)) {
          if (n.name === "ENV") {
            yield {};
            return;
          }
          throw new JqError(`$${n.name} is not defined`);
        }
        yield env.vars.get(n.name)!;
        return;
      }
      case "if":
        for (const c of this.ev(n.cond, v, env)) {
          if (truthy(c)) yield* this.ev(n.then, v, env);
          else if (n.els) yield* this.ev(n.els, v, env);
          else yield v;
        }
        return;
      case "as":
        for (const x of this.ev(n.source, v, env)) {
          let lastErr: unknown;
          let done = false;
          for (let i = 0; i < n.pats.length && !done; i++) {
            try {
              for (const e2 of this.bind(n.pats[i], x, env, n.pats)) yield* this.ev(n.body, v, e2);
              done = true;
            } catch (e) {
              if (!(e instanceof JqError) || i === n.pats.length - 1) throw e;
              lastErr = e;
            }
          }
          void lastErr;
        }
        return;
      case "reduce":
        for (const init of this.ev(n.init, v, env)) {
          let acc: Json = init;
          for (const x of this.ev(n.source, v, env)) {
            for (const e2 of this.bind(n.pat, x, env)) {
              let last: Json | undefined;
              for (const r of this.ev(n.update, acc, e2)) last = r;
              acc = last === undefined ? null : last;
            }
          }
          yield acc;
        }
        return;
      case "foreach":
        for (const init of this.ev(n.init, v, env)) {
          let acc: Json = init;
          for (const x of this.ev(n.source, v, env)) {
            for (const e2 of this.bind(n.pat, x, env)) {
              for (const r of this.ev(n.update, acc, e2)) {
                acc = r;
                if (n.extract) yield* this.ev(n.extract, r, e2);
                else yield r;
              }
            }
          }
        }
        return;
      case "def": {
        const funcs = new Map(env.funcs);
        const closure: Closure = { params: n.params, body: n.body, env: { vars: env.vars, funcs }, name: n.name };
        funcs.set(`${n.name}/${n.params.length}`, closure);
        yield* this.ev(n.rest, v, { vars: env.vars, funcs });
        return;
      }
      case "call":
        yield* this.call(n.name, n.args, v, env);
        return;
    }
  }

  private *evString(parts: (string | Node)[], v: Json, env: Env, fmt?: string, i = 0, acc = ""): Generator<Json> {
    if (i === parts.length) {
      yield acc;
      return;
    }
    const part = parts[i];
    if (typeof part === "string") {
      yield* this.evString(parts, v, env, fmt, i + 1, acc + part);
      return;
    }
    const f = FORMATS[fmt ?? "text"];
    if (!f) throw new JqError(`${fmt} is not a valid format`);
    for (const x of this.ev(part, v, env)) {
      const s = acc + f(x);
      if (s.length > JQ_LIMITS.maxStringLength)
        throw new JqLimitError(`string longer than ${JQ_LIMITS.maxStringLength} characters`);
      yield* this.evString(parts, v, env, fmt, i + 1, s);
    }
  }

  private *evObject(
    entries: { key: Node; value: Node | null }[],
    i: number,
    v: Json,
    env: Env,
    acc: { [k: string]: Json },
  ): Generator<Json> {
    if (i === entries.length) {
      yield { ...acc };
      return;
    }
    const { key, value } = entries[i];
    for (const k of this.ev(key, v, env)) {
      if (typeof k !== "string") throw new JqError(`Object keys must be strings`);
      for (const val of this.ev(value!, v, env)) yield* this.evObject(entries, i + 1, v, env, { ...acc, [k]: val });
    }
  }

  private *bind(pat: Pattern, value: Json, env: Env, all?: Pattern[]): Generator<Env> {
    const vars = new Map(env.vars);
    if (all) for (const p of all) for (const name of patternVars(p)) if (!vars.has(name)) vars.set(name, null);
    yield* this.bindInto(pat, value, { vars, funcs: env.funcs });
  }

  private *bindInto(pat: Pattern, value: Json, env: Env): Generator<Env> {
    if (pat.k === "var") {
      const vars = new Map(env.vars);
      vars.set(pat.name, value);
      yield { vars, funcs: env.funcs };
      return;
    }
    if (pat.k === "arr") {
      if (value !== null && !Array.isArray(value)) throw new JqError(`Cannot index ${typeOf(value)} with number`);
      let envs: Env[] = [env];
      pat.items.forEach((p, i) => {
        const next: Env[] = [];
        for (const e of envs)
          for (const e2 of this.bindInto(p, value === null ? null : ((value as Json[])[i] ?? null), e)) next.push(e2);
        envs = next;
      });
      yield* envs;
      return;
    }
    let envs: Env[] = [env];
    for (const entry of pat.entries) {
      const next: Env[] = [];
      for (const e of envs) {
        const keys = typeof entry.key === "string" ? [entry.key] : [...this.ev(entry.key, value, e)];
        for (const k of keys) {
          if (typeof k !== "string") throw new JqError("Cannot index object with non-string key");
          if (value !== null && !isObj(value)) throw new JqError(`Cannot index ${typeOf(value)} with "${k}"`);
          const field = value === null ? null : Object.hasOwn(value, k) ? value[k] : null;
          let base = e;
          if (entry.varName) {
            const vars = new Map(e.vars);
            vars.set(entry.varName, field);
            base = { vars, funcs: e.funcs };
          }
          if (entry.pat) for (const e2 of this.bindInto(entry.pat, field, base)) next.push(e2);
          else next.push(base);
        }
      }
      envs = next;
    }
    yield* envs;
  }

  private *evAssign(n: Extract<Node, { k: "assign" }>, v: Json, env: Env): Generator<Json> {
    const paths = () => [...this.paths(n.left, v, env)].map(([, p]) => p);
    if (n.op === "|=") {
      let out = v;
      for (const p of paths()) {
        const cur = getPath(out, p);
        const first = this.ev(n.right, cur, env).next();
        out = first.done ? deletePaths(out, [p]) : setPath(out, p, first.value);
      }
      yield out;
      return;
    }
    for (const rhs of this.ev(n.right, v, env)) {
      let out = v;
      for (const p of paths()) {
        if (n.op === "=") out = setPath(out, p, rhs);
        else if (n.op === "//=") {
          const cur = getPath(out, p);
          out = setPath(out, p, truthy(cur) ? cur : rhs);
        } else out = setPath(out, p, arith(n.op[0], getPath(out, p), rhs));
      }
      yield out;
    }
  }

  /** Paths of a path expression, with the value at each. */
  private *paths(n: Node, v: Json, env: Env, base: Path = []): Generator<[Json, Path]> {
    this.b.tick();
    switch (n.k) {
      case "id":
        yield [v, base];
        return;
      case "recurse":
        yield* recursePaths(v, base, this.b);
        return;
      case "field":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          for (const key of this.ev(n.name, v, env)) {
            if (typeof key !== "string" && typeof key !== "number") {
              if (n.opt) continue;
              throw new JqError(`Cannot index ${typeOf(t)} with ${typeOf(key)}`);
            }
            try {
              const [val] = getField(t, key, false);
              yield [val, [...p, key]];
            } catch (e) {
              if (!(n.opt && e instanceof JqError)) throw e;
            }
          }
        }
        return;
      case "slice":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          for (const to of n.to ? this.ev(n.to, v, env) : [null]) {
            for (const from of n.from ? this.ev(n.from, v, env) : [null]) {
              const key = { start: from as number | null, end: to as number | null };
              yield [t === null ? null : getPath(t, [key]), [...p, key]];
            }
          }
        }
        return;
      case "iter":
        for (const [t, p] of this.paths(n.target, v, env, base)) {
          if (Array.isArray(t)) for (let i = 0; i < t.length; i++) yield [t[i], [...p, i]];
          else if (isObj(t)) for (const k of Object.keys(t)) yield [t[k], [...p, k]];
          else if (t !== null && !n.opt) throw new JqError(`Cannot iterate over ${typeOf(t)}`);
        }
        return;
      case "pipe":
        for (const [x, p] of this.paths(n.left, v, env, base)) yield* this.paths(n.right, x, env, p);
        return;
      case "comma":
        yield* this.paths(n.left, v, env, base);
        yield* this.paths(n.right, v, env, base);
        return;
      case "if":
        for (const c of this.ev(n.cond, v, env)) {
          if (truthy(c)) yield* this.paths(n.then, v, env, base);
          else if (n.els) yield* this.paths(n.els, v, env, base);
          else yield [v, base];
        }
        return;
      case "try":
        try {
          for (const x of this.paths(n.body, v, env, base)) yield x;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        return;
      case "alt": {
        let any = false;
        try {
          for (const [x, p] of this.paths(n.left, v, env, base)) {
            if (truthy(x)) {
              any = true;
              yield [x, p];
            }
          }
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
        }
        if (!any) yield* this.paths(n.right, v, env, base);
        return;
      }
      case "as":
        for (const x of this.ev(n.source, v, env))
          for (const e2 of this.bind(n.pats[0], x, env)) yield* this.paths(n.body, v, e2, base);
        return;
      case "call": {
        const a = n.args;
        switch (`${n.name}/${a.length}`) {
          case "empty/0":
            return;
          case "select/1":
            for (const c of this.ev(a[0], v, env)) if (truthy(c)) yield [v, base];
            return;
          case "recurse/0":
            yield* recursePaths(v, base, this.b);
            return;
          case "first/1": {
            const r = this.paths(a[0], v, env, base).next();
            if (!r.done) yield r.value;
            return;
          }
          case "getpath/1":
            for (const p of this.ev(a[0], v, env)) {
              if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
              let val: Json = null;
              try {
                val = getPath(v, p as Path);
              } catch {
                val = null;
              }
              yield [val, [...base, ...(p as Path)]];
            }
            return;
          case "paths/0":
            for (const [x, p] of recursePaths(v, base, this.b)) if (p.length > base.length) yield [x, p];
            return;
          case "last/0":
            if (Array.isArray(v)) yield [v[v.length - 1] ?? null, [...base, -1]];
            return;
          case "first/0":
            yield [Array.isArray(v) ? (v[0] ?? null) : null, [...base, 0]];
            return;
        }
        const f = this.lookup(n.name, a.length, env);
        if (f && "body" in f) {
          const fenv = this.bindParams(f, a, env);
          yield* this.paths(f.body, v, fenv, base);
          return;
        }
        if (f && "arg" in f) {
          yield* this.paths(f.arg, v, f.env, base);
          return;
        }
        throw new JqError(`Invalid path expression with result ${n.name}`);
      }
      default: {
        const r = this.ev(n, v, env).next();
        throw new JqError(`Invalid path expression with result ${r.done ? "empty" : tojson(r.value).slice(0, 20)}`);
      }
    }
  }

  private lookup(name: string, arity: number, env: Env): Closure | { arg: Node; env: Env } | undefined {
    return env.funcs.get(`${name}/${arity}`);
  }

  private bindParams(f: Closure, args: Node[], callerEnv: Env): Env {
    const funcs = new Map(f.env.funcs);
    funcs.set(`${f.name}/${f.params.length}`, f);
    const vars = new Map(f.env.vars);
    f.params.forEach((p, i) => {
      if (p.startsWith("$")) {
        const r = this.ev(args[i], null, callerEnv).next();
        vars.set(p.slice(1), r.done ? null : r.value);
        funcs.set(`${p.slice(1)}/0`, { arg: { k: "var", name: p.slice(1) }, env: { vars, funcs } });
      } else funcs.set(`${p}/0`, { arg: args[i], env: callerEnv });
    });
    return { vars, funcs };
  }

  private *call(name: string, args: Node[], v: Json, env: Env): Generator<Json> {
    const f = this.lookup(name, args.length, env);
    if (f) {
      if ("arg" in f) {
        yield* this.ev(f.arg, v, f.env);
        return;
      }
      // `$param` arguments are cartesian over their outputs, as in jq.
      const dollar = f.params.map((p, i) => (p.startsWith("$") ? i : -1)).filter((i) => i >= 0);
      if (dollar.length === 0) {
        yield* this.ev(f.body, v, this.bindParams(f, args, env));
        return;
      }
      yield* this.callWithValues(f, args, v, env, dollar, 0, new Map());
      return;
    }
    yield* this.builtin(name, args, v, env);
  }

  private *callWithValues(
    f: Closure,
    args: Node[],
    v: Json,
    env: Env,
    dollar: number[],
    i: number,
    vals: Map<number, Json>,
  ): Generator<Json> {
    if (i === dollar.length) {
      const funcs = new Map(f.env.funcs);
      funcs.set(`${f.name}/${f.params.length}`, f);
      const vars = new Map(f.env.vars);
      f.params.forEach((p, j) => {
        if (p.startsWith("$")) {
          vars.set(p.slice(1), vals.get(j)!);
          funcs.set(`${p.slice(1)}/0`, { arg: { k: "lit", v: vals.get(j)! }, env });
        } else funcs.set(`${p}/0`, { arg: args[j], env });
      });
      yield* this.ev(f.body, v, { vars, funcs });
      return;
    }
    for (const x of this.ev(args[dollar[i]], v, env))
      yield* this.callWithValues(f, args, v, env, dollar, i + 1, new Map(vals).set(dollar[i], x));
  }

  /** The values of each argument, cartesian (last argument varies slowest, as jq's C builtins do). */
  private *cartesian(args: Node[], v: Json, env: Env, i = args.length - 1, acc: Json[] = []): Generator<Json[]> {
    if (i < 0) {
      yield [...acc].reverse();
      return;
    }
    for (const x of this.ev(args[i], v, env)) yield* this.cartesian(args, v, env, i - 1, [...acc, x]);
  }

  private all(n: Node, v: Json, env: Env): Json[] {
    return [...this.ev(n, v, env)];
  }

  private regex(re: Json, flags: Json): { rx: RegExp; global: boolean } {
    if (typeof re !== "string") throw new JqError(`${errDesc(re)} cannot be matched, as it is not a string`);
    const f = flags === null ? "" : String(flags);
    if (/[^gixnslp]/.test(f)) throw new JqError(`${f} is not a valid modifier string`);
    let pattern = re;
    if (f.includes("x"))
      pattern = pattern
        .replace(/\\#/g, "\u0000")
        .replace(/\s+|#.*$/gm, "")
        .replace(/\u0000/g, "\\#");
    const jsFlags = `${f.includes("i") ? "i" : ""}${f.includes("s") ? "s" : ""}gu`;
    return { rx: this.opts.compileRegex(pattern, jsFlags), global: f.includes("g") };
  }

  private matches(s: Json, re: Json, flags: Json, forceGlobal = false): Json[] {
    if (typeof s !== "string") throw new JqError(`${errDesc(s)} cannot be matched, as it is not a string`);
    const { rx, global } = this.regex(re, flags);
    const out: Json[] = [];
    const cpIndex = (i: number) => Array.from(s.slice(0, i)).length;
    for (const m of s.matchAll(rx)) {
      this.b.tick();
      const names = groupNames(rx.source);
      out.push({
        offset: cpIndex(m.index!),
        length: Array.from(m[0]).length,
        string: m[0],
        captures: m.slice(1).map((c, i) => ({
          offset: c === undefined ? -1 : cpIndex(m.index! + m[0].indexOf(c)),
          length: c === undefined ? 0 : Array.from(c).length,
          string: c ?? null,
          name: names[i] ?? null,
        })),
      });
      if (!global && !forceGlobal) break;
      if (m[0] === "") rx.lastIndex++;
    }
    return out;
  }

  private *builtin(name: string, args: Node[], v: Json, env: Env): Generator<Json> {
    const a = args;
    const key = `${name}/${a.length}`;
    const one = (n: Node) => this.all(n, v, env);
    switch (key) {
      case "empty/0":
        return;
      case "not/0":
        yield !truthy(v);
        return;
      case "error/0":
        throw new JqError(v);
      case "error/1":
        for (const m of one(a[0])) throw new JqError(m);
        return;
      case "null/0":
        yield null;
        return;
      case "true/0":
        yield true;
        return;
      case "false/0":
        yield false;
        return;
      case "length/0":
        if (v === null) yield 0;
        else if (typeof v === "boolean") throw new JqError(`boolean (${v}) has no length`);
        else if (typeof v === "number") yield Math.abs(v);
        else if (typeof v === "string") yield Array.from(v).length;
        else yield Array.isArray(v) ? v.length : Object.keys(v).length;
        return;
      case "utf8bytelength/0":
        if (typeof v !== "string") throw new JqError(`${errDesc(v)} only strings have UTF-8 byte length`);
        yield new TextEncoder().encode(v).length;
        return;
      case "keys/0":
      case "keys_unsorted/0":
        if (isObj(v)) yield name === "keys" ? Object.keys(v).sort() : Object.keys(v);
        else if (Array.isArray(v)) yield v.map((_, i) => i);
        else throw new JqError(`${errDesc(v)} has no keys`);
        return;
      case "values/0":
        if (v !== null) yield v;
        return;
      case "has/1":
        for (const k of one(a[0])) {
          if (isObj(v) && typeof k === "string") yield Object.hasOwn(v, k);
          else if (Array.isArray(v) && typeof k === "number") yield k >= 0 && k < v.length;
          else throw new JqError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`);
        }
        return;
      case "in/1":
        for (const o of one(a[0])) yield* this.builtinOn("has", o, v);
        return;
      case "map/1":
        if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        {
          const out: Json[] = [];
          for (const x of Array.isArray(v) ? v : Object.values(v)) for (const r of this.ev(a[0], x, env)) out.push(r);
          yield out;
        }
        return;
      case "map_values/1": {
        if (Array.isArray(v)) {
          const out: Json[] = [];
          for (const x of v) {
            const r = this.ev(a[0], x, env).next();
            if (!r.done) out.push(r.value);
          }
          yield out;
        } else if (isObj(v)) {
          const out: { [k: string]: Json } = {};
          for (const [k, x] of Object.entries(v)) {
            const r = this.ev(a[0], x, env).next();
            if (!r.done) out[k] = r.value;
          }
          yield out;
        } else throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        return;
      }
      case "select/1":
        for (const c of this.ev(a[0], v, env)) if (truthy(c)) yield v;
        return;
      case "recurse/0":
        yield* recurseValues(v, this.b);
        return;
      case "recurse/1": {
        const rec = function* (this: Interpreter, x: Json): Generator<Json> {
          this.b.tick();
          yield x;
          for (const y of this.ev(a[0], x, env)) yield* rec.call(this, y);
        };
        yield* rec.call(this, v);
        return;
      }
      case "recurse/2": {
        const rec = function* (this: Interpreter, x: Json): Generator<Json> {
          this.b.tick();
          yield x;
          for (const y of this.ev(a[0], x, env)) {
            if ([...this.ev(a[1], y, env)].some(truthy)) yield* rec.call(this, y);
          }
        };
        yield* rec.call(this, v);
        return;
      }
      case "add/0": {
        const items = Array.isArray(v)
          ? v
          : isObj(v)
            ? Object.values(v)
            : v === null
              ? []
              : fail(`Cannot iterate over ${typeOf(v)}`);
        let acc: Json = null;
        for (const x of items) {
          this.b.tick();
          acc = arith("+", acc, x);
        }
        yield acc;
        return;
      }
      case "add/1": {
        let acc: Json = null;
        for (const x of this.ev(a[0], v, env)) acc = arith("+", acc, x);
        yield acc;
        return;
      }
      case "any/0":
      case "all/0":
        if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        {
          const items = Array.isArray(v) ? v : Object.values(v);
          yield name === "any" ? items.some(truthy) : items.every(truthy);
        }
        return;
      case "any/1":
      case "all/1": {
        if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        const items = Array.isArray(v) ? v : Object.values(v);
        const test = (x: Json) => [...this.ev(a[0], x, env)].some(truthy);
        yield name === "any" ? items.some(test) : items.every((x) => [...this.ev(a[0], x, env)].every(truthy));
        return;
      }
      case "any/2":
      case "all/2": {
        let result = name === "all";
        for (const x of this.ev(a[0], v, env)) {
          const t = [...this.ev(a[1], x, env)].some(truthy);
          if (name === "any" && t) {
            result = true;
            break;
          }
          if (name === "all" && !t) {
            result = false;
            break;
          }
        }
        yield result;
        return;
      }
      case "flatten/0":
      case "flatten/1":
        for (const d of a.length ? one(a[0]) : [1e9]) {
          if (typeof d !== "number" || d < 0) throw new JqError("flatten depth must not be negative");
          if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
          yield (v as unknown[]).flat(d) as Json[];
        }
        return;
      case "range/1":
        for (const n of one(a[0])) {
          if (typeof n !== "number") throw new JqError("Range bounds must be numeric");
          for (let i = 0; i < n; i++) {
            this.b.tick();
            yield i;
          }
        }
        return;
      case "range/2":
      case "range/3":
        for (const [from, upto, by] of this.cartesian(a, v, env)) {
          const step = a.length === 3 ? by : 1;
          if (typeof from !== "number" || typeof upto !== "number" || typeof step !== "number")
            throw new JqError("Range bounds must be numeric");
          if (step === 0 && from >= upto) continue;
          for (let i = from; step > 0 ? i < upto : step < 0 ? i > upto : true; i += step) {
            this.b.tick();
            yield i;
          }
        }
        return;
      case "floor/0":
      case "ceil/0":
      case "round/0":
      case "sqrt/0":
      case "fabs/0":
      case "abs/0":
      case "log/0":
      case "log2/0":
      case "log10/0":
      case "exp/0":
      case "exp2/0":
      case "exp10/0":
      case "sin/0":
      case "cos/0":
      case "tan/0":
      case "asin/0":
      case "acos/0":
      case "atan/0":
      case "trunc/0":
      case "significand/0": {
        if (typeof v !== "number") throw new JqError(`${errDesc(v)} number required`);
        const fns: Record<string, (x: number) => number> = {
          floor: Math.floor,
          ceil: Math.ceil,
          round: (x) => Math.sign(x) * Math.round(Math.abs(x)),
          sqrt: Math.sqrt,
          fabs: Math.abs,
          abs: Math.abs,
          log: Math.log,
          log2: Math.log2,
          log10: Math.log10,
          exp: Math.exp,
          exp2: (x) => 2 ** x,
          exp10: (x) => 10 ** x,
          sin: Math.sin,
          cos: Math.cos,
          tan: Math.tan,
          asin: Math.asin,
          acos: Math.acos,
          atan: Math.atan,
          trunc: Math.trunc,
          significand: (x) => (x === 0 ? 0 : x / 2 ** Math.floor(Math.log2(Math.abs(x)))),
        };
        yield fns[name](v);
        return;
      }
      case "pow/2":
      case "log/2":
      case "atan2/2":
      case "fmin/2":
      case "fmax/2":
        for (const [x, y] of this.cartesian(a, v, env)) {
          if (typeof x !== "number" || typeof y !== "number") throw new JqError(`${name} requires numbers`);
          yield name === "pow"
            ? x ** y
            : name === "atan2"
              ? Math.atan2(x, y)
              : name === "fmin"
                ? Math.min(x, y)
                : name === "fmax"
                  ? Math.max(x, y)
                  : Math.log(x) / Math.log(y);
        }
        return;
      case "infinite/0":
        yield Infinity;
        return;
      case "nan/0":
        yield NaN;
        return;
      case "isinfinite/0":
        yield typeof v === "number" && !Number.isFinite(v) && !Number.isNaN(v);
        return;
      case "isnan/0":
        yield typeof v === "number" && Number.isNaN(v);
        return;
      case "isnormal/0":
        yield typeof v === "number" && Number.isFinite(v) && v !== 0;
        return;
      case "isvalid/1":
        try {
          this.ev(a[0], v, env).next();
          yield true;
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          yield false;
        }
        return;
      case "tostring/0":
        yield typeof v === "string" ? v : tojson(v);
        return;
      case "tonumber/0":
        if (typeof v === "number") yield v;
        else if (typeof v === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) yield Number(v);
        else throw new JqError(`Cannot parse ${typeof v === "string" ? `'${v}'` : errDesc(v)} as JSON`);
        return;
      case "type/0":
        yield typeOf(v);
        return;
      case "arrays/0":
      case "objects/0":
      case "iterables/0":
      case "booleans/0":
      case "numbers/0":
      case "strings/0":
      case "nulls/0":
      case "scalars/0": {
        const t = typeOf(v);
        const ok = {
          arrays: t === "array",
          objects: t === "object",
          iterables: t === "array" || t === "object",
          booleans: t === "boolean",
          numbers: t === "number",
          strings: t === "string",
          nulls: t === "null",
          scalars: t !== "array" && t !== "object",
        }[name];
        if (ok) yield v;
        return;
      }
      case "sort/0":
        if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be sorted, as it is not an array`);
        yield [...v].sort(compare);
        return;
      case "sort_by/1":
      case "group_by/1":
      case "unique_by/1":
      case "min_by/1":
      case "max_by/1": {
        if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
        const keyed = v.map((x, i) => ({ x, i, k: this.all(a[0], x, env) as Json }));
        keyed.sort((p, q) => compare(p.k, q.k) || p.i - q.i);
        if (name === "sort_by") yield keyed.map((e) => e.x);
        else if (name === "min_by") yield keyed.length ? keyed[0].x : null;
        else if (name === "max_by") {
          let best = keyed[keyed.length - 1];
          for (const e of keyed) if (compare(e.k, best.k) === 0) best = e;
          yield keyed.length ? best.x : null;
        } else {
          const groups: { k: Json; xs: Json[] }[] = [];
          for (const e of keyed) {
            const g = groups[groups.length - 1];
            if (g && compare(g.k, e.k) === 0) g.xs.push(e.x);
            else groups.push({ k: e.k, xs: [e.x] });
          }
          yield name === "group_by" ? groups.map((g) => g.xs) : groups.map((g) => g.xs[0]);
        }
        return;
      }
      case "unique/0":
        if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be sorted, as it is not an array`);
        yield [...v].sort(compare).filter((x, i, arr) => i === 0 || compare(arr[i - 1], x) !== 0);
        return;
      case "min/0":
      case "max/0":
        if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be sorted, as it is not an array`);
        yield v.length ? [...v].sort(compare)[name === "min" ? 0 : v.length - 1] : null;
        return;
      case "reverse/0":
        if (typeof v === "string") yield Array.from(v).reverse().join("");
        else if (v === null) yield [];
        else if (Array.isArray(v)) yield [...v].reverse();
        else throw new JqError(`Cannot reverse ${typeOf(v)}`);
        return;
      case "contains/1":
        for (const b of one(a[0])) yield contains(v, b);
        return;
      case "inside/1":
        for (const b of one(a[0])) yield contains(b, v);
        return;
      case "startswith/1":
      case "endswith/1":
      case "ltrimstr/1":
      case "rtrimstr/1":
        for (const s of one(a[0])) {
          if (name.endsWith("with")) {
            if (typeof v !== "string" || typeof s !== "string") throw new JqError(`${name}() requires string inputs`);
            yield name === "startswith" ? v.startsWith(s) : v.endsWith(s);
          } else if (typeof v === "string" && typeof s === "string") {
            if (name === "ltrimstr") yield v.startsWith(s) ? v.slice(s.length) : v;
            else yield v.endsWith(s) && s ? v.slice(0, v.length - s.length) : v;
          } else yield v;
        }
        return;
      case "trim/0":
      case "ltrim/0":
      case "rtrim/0":
        if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be trimmed`);
        yield name === "trim" ? v.trim() : name === "ltrim" ? v.trimStart() : v.trimEnd();
        return;
      case "split/1":
        for (const sep of one(a[0])) {
          if (typeof v !== "string" || typeof sep !== "string")
            throw new JqError("split input and separator must be strings");
          yield v === "" ? [] : v.split(sep);
        }
        return;
      case "join/1":
        for (const sep of one(a[0])) {
          if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
          if (typeof sep !== "string") throw new JqError("join separator must be a string");
          yield v
            .map((x) => (x === null ? "" : typeof x === "object" ? fail(`Cannot join with ${typeOf(x)}`) : String(x)))
            .join(sep);
        }
        return;
      case "ascii_downcase/0":
      case "ascii_upcase/0":
        if (typeof v !== "string")
          throw new JqError(`${errDesc(v)} cannot be ${name === "ascii_downcase" ? "lowercased" : "uppercased"}`);
        yield name === "ascii_downcase"
          ? v.replace(/[A-Z]/g, (c) => c.toLowerCase())
          : v.replace(/[a-z]/g, (c) => c.toUpperCase());
        return;
      case "explode/0":
        if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be exploded`);
        yield Array.from(v, (c) => c.codePointAt(0)!);
        return;
      case "implode/0":
        if (!Array.isArray(v) || !v.every((x) => typeof x === "number"))
          throw new JqError("Implode input must be an array of codepoints");
        yield String.fromCodePoint(...(v as number[]));
        return;
      case "tojson/0":
        yield tojson(v);
        return;
      case "fromjson/0":
        if (typeof v !== "string") throw new JqError(`${errDesc(v)} only strings can be parsed`);
        try {
          yield JSON.parse(v) as Json;
        } catch (e) {
          throw new JqError(`${v} (while parsing '${v}'): ${(e as Error).message}`);
        }
        return;
      case "ascii/0":
        yield String.fromCharCode(v as number);
        return;
      case "to_entries/0":
        if (!isObj(v)) throw new JqError(`${errDesc(v)} has no keys`);
        yield Object.entries(v).map(([k, x]) => ({ key: k, value: x }));
        return;
      case "from_entries/0": {
        if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        const out: { [k: string]: Json } = {};
        for (const e of v) {
          if (!isObj(e)) throw new JqError(`Cannot index ${typeOf(e)} with "key"`);
          const k = e.key ?? e.k ?? e.name ?? e.Name ?? e.Key ?? e.K;
          const val = "value" in e ? e.value : "v" in e ? e.v : "Value" in e ? e.Value : null;
          if (typeof k !== "string" && typeof k !== "number" && typeof k !== "boolean")
            throw new JqError(`Cannot use ${typeOf(k ?? null)} as object key`);
          out[String(k)] = val ?? null;
        }
        yield out;
        return;
      }
      case "with_entries/1": {
        if (!isObj(v)) throw new JqError(`${errDesc(v)} has no keys`);
        const mapped: Json[] = [];
        for (const [k, x] of Object.entries(v))
          for (const r of this.ev(a[0], { key: k, value: x }, env)) mapped.push(r);
        yield* this.builtinOn("from_entries", mapped, null);
        return;
      }
      case "paths/0":
        for (const [, p] of recursePaths(v, [], this.b)) if (p.length) yield p as Json[];
        return;
      case "paths/1":
        for (const [x, p] of recursePaths(v, [], this.b))
          if (p.length && [...this.ev(a[0], x, env)].some(truthy)) yield p as Json[];
        return;
      case "leaf_paths/0":
        for (const [x, p] of recursePaths(v, [], this.b))
          if (p.length && (x === null || typeof x !== "object")) yield p as Json[];
        return;
      case "path/1":
        for (const [, p] of this.paths(a[0], v, env))
          yield p.map((k) => (typeof k === "object" ? ({ start: k.start, end: k.end } as Json) : k));
        return;
      case "getpath/1":
        for (const p of one(a[0])) {
          if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
          try {
            yield getPath(v, p as Path);
          } catch {
            yield null;
          }
        }
        return;
      case "setpath/2":
        for (const [p, x] of this.cartesian(a, v, env)) {
          if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
          yield setPath(v, p as Path, x);
        }
        return;
      case "delpaths/1":
        for (const ps of one(a[0])) {
          if (!Array.isArray(ps)) throw new JqError("Paths must be specified as an array");
          yield deletePaths(v, ps as Path[]);
        }
        return;
      case "del/1":
        yield deletePaths(
          v,
          [...this.paths(a[0], v, env)].map(([, p]) => p),
        );
        return;
      case "to_array/0":
      case "toarray/0":
        yield Array.isArray(v) ? v : [v];
        return;
      case "first/0":
        yield* getField(v, 0, false);
        return;
      case "last/0":
        yield* getField(v, -1, false);
        return;
      case "first/1": {
        const r = this.ev(a[0], v, env).next();
        if (!r.done) yield r.value;
        return;
      }
      case "last/1": {
        let last: Json | undefined;
        for (const x of this.ev(a[0], v, env)) last = x;
        if (last !== undefined) yield last;
        return;
      }
      case "nth/1":
        for (const n of one(a[0])) yield* getField(v, n, false);
        return;
      case "nth/2":
        for (const n of one(a[0])) {
          if (typeof n !== "number" || n < 0) throw new JqError("Out of bounds negative array index");
          let i = 0;
          for (const x of this.ev(a[1], v, env)) {
            if (i++ === n) {
              yield x;
              break;
            }
          }
        }
        return;
      case "limit/2":
        for (const n of one(a[0])) {
          if (typeof n !== "number") throw new JqError("Invalid limit");
          if (n <= 0) continue;
          let i = 0;
          for (const x of this.ev(a[1], v, env)) {
            yield x;
            if (++i >= n) break;
          }
        }
        return;
      case "isempty/1":
        yield this.ev(a[0], v, env).next().done === true;
        return;
      case "until/2": {
        let x = v;
        for (;;) {
          this.b.tick();
          if ([...this.ev(a[0], x, env)].some(truthy)) break;
          const r = this.ev(a[1], x, env).next();
          if (r.done) return;
          x = r.value;
        }
        yield x;
        return;
      }
      case "while/2": {
        let x = v;
        for (;;) {
          this.b.tick();
          if (!truthy(this.ev(a[0], x, env).next().value ?? null)) return;
          yield x;
          const r = this.ev(a[1], x, env).next();
          if (r.done) return;
          x = r.value;
        }
      }
      case "repeat/1": {
        const rep = function* (this: Interpreter, x: Json): Generator<Json> {
          this.b.tick();
          yield x;
          for (const y of this.ev(a[0], x, env)) yield* rep.call(this, y);
        };
        yield* rep.call(this, v);
        return;
      }
      case "walk/1": {
        const walk = function* (this: Interpreter, x: Json): Generator<Json> {
          this.b.tick();
          let inner: Json = x;
          if (Array.isArray(x)) {
            inner = [];
            for (const e of x) for (const r of walk.call(this, e)) (inner as Json[]).push(r);
          } else if (isObj(x)) {
            inner = {};
            for (const [k, e] of Object.entries(x)) {
              const r = walk.call(this, e).next();
              if (!r.done) (inner as { [k: string]: Json })[k] = r.value;
            }
          }
          yield* this.ev(a[0], inner, env);
        };
        yield* walk.call(this, v);
        return;
      }
      case "transpose/0": {
        if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        const rows = v as Json[][];
        const len = Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
        yield Array.from({ length: len }, (_, i) => rows.map((r) => r[i] ?? null));
        return;
      }
      case "combinations/0": {
        if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${typeOf(v)}`);
        const comb = function* (this: Interpreter, i: number, acc: Json[]): Generator<Json> {
          this.b.tick();
          if (i === (v as Json[]).length) {
            yield acc;
            return;
          }
          const choices = (v as Json[])[i];
          if (!Array.isArray(choices)) throw new JqError(`Cannot iterate over ${typeOf(choices)}`);
          for (const c of choices) yield* comb.call(this, i + 1, [...acc, c]);
        };
        yield* comb.call(this, 0, []);
        return;
      }
      case "combinations/1":
        for (const n of one(a[0]))
          yield* this.builtinOn(
            "combinations",
            Array.from({ length: n as number }, () => v),
            null,
          );
        return;
      case "indices/1":
      case "index/1":
      case "rindex/1":
        for (const s of one(a[0])) {
          if (v === null) {
            yield null;
            continue;
          }
          let idx: Json;
          if (typeof v === "string" && typeof s === "string") idx = indicesOf(v, s);
          else if (Array.isArray(v)) idx = indicesOf(v, Array.isArray(s) ? s : [s]);
          else throw new JqError(`Cannot determine indices of ${typeOf(s)} in ${typeOf(v)}`);
          if (name === "indices") yield idx;
          else {
            const arr = (idx ?? []) as number[];
            yield arr.length ? (name === "index" ? arr[0] : arr[arr.length - 1]) : null;
          }
        }
        return;
      case "test/1":
      case "test/2":
        for (const [re, flags] of this.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env))
          yield this.matches(v, re, flags).length > 0;
        return;
      case "match/1":
      case "match/2":
        for (const [re, flags] of this.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env))
          yield* this.matches(v, re, flags);
        return;
      case "capture/1":
      case "capture/2":
        for (const [re, flags] of this.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
          for (const m of this.matches(v, re, flags)) {
            const out: { [k: string]: Json } = {};
            for (const c of (m as { captures: { name: Json; string: Json }[] }).captures)
              if (typeof c.name === "string") out[c.name] = c.string;
            yield out;
          }
        }
        return;
      case "scan/1":
      case "scan/2":
        for (const [re, flags] of this.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
          for (const m of this.matches(v, re, flags, true)) {
            const mm = m as { string: Json; captures: { string: Json }[] };
            yield mm.captures.length ? mm.captures.map((c) => c.string) : mm.string;
          }
        }
        return;
      case "splits/1":
      case "splits/2":
      case "split/2":
        for (const [re, flags] of this.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
          if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be matched, as it is not a string`);
          const parts: Json[] = [];
          let prev = 0;
          const units = Array.from(v);
          for (const m of this.matches(v, re, flags, true)) {
            const mm = m as { offset: number; length: number };
            parts.push(units.slice(prev, mm.offset).join(""));
            prev = mm.offset + mm.length;
          }
          parts.push(units.slice(prev).join(""));
          if (name === "split") yield parts;
          else yield* parts;
        }
        return;
      case "sub/2":
      case "sub/3":
      case "gsub/2":
      case "gsub/3": {
        const flagArgs = a.length === 3 ? one(a[2]) : [null];
        for (const re of one(a[0])) {
          for (const f0 of flagArgs) {
            if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be matched, as it is not a string`);
            const flags = `${f0 === null ? "" : String(f0)}${name === "gsub" ? "g" : ""}`;
            const ms = this.matches(v, re, flags) as {
              offset: number;
              length: number;
              captures: { name: Json; string: Json }[];
            }[];
            const units = Array.from(v);
            let results: string[] = [""];
            let prev = 0;
            for (const m of ms) {
              const caps: { [k: string]: Json } = {};
              for (const c of m.captures) if (typeof c.name === "string") caps[c.name] = c.string;
              const reps = this.all(a[1], caps, env);
              const before = units.slice(prev, m.offset).join("");
              const next: string[] = [];
              for (const r of results) {
                for (const rep of reps) {
                  if (typeof rep !== "string") throw new JqError(`${errDesc(rep)} cannot be added to a string`);
                  next.push(r + before + rep);
                }
              }
              results = next;
              prev = m.offset + m.length;
            }
            const tail = units.slice(prev).join("");
            for (const r of results) yield r + tail;
          }
        }
        return;
      }
      case "env/0":
      case "builtins/0":
        yield name === "env" ? {} : [];
        return;
      case "input/0":
      case "inputs/0":
        throw new JqError("No more inputs");
      case "debug/0":
      case "debug/1":
      case "stderr/0":
        yield v;
        return;
      case "input_filename/0":
        yield null;
        return;
      case "halt/0":
      case "halt_error/0":
      case "halt_error/1":
        throw new JqError(name === "halt" ? "halt is not available" : v);
      case "now/0":
        yield (this.opts.now ?? Date.now)() / 1000;
        return;
      case "todate/0":
      case "todateiso8601/0":
        if (typeof v !== "number") throw new JqError("strftime/1 requires parsed datetime inputs");
        yield new Date(Math.floor(v) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
        return;
      case "fromdate/0":
      case "fromdateiso8601/0": {
        if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) {
          throw new JqError(`date "${String(v)}" does not match format "%Y-%m-%dT%H:%M:%SZ"`);
        }
        yield Date.parse(v) / 1000;
        return;
      }
      case "tostream/0":
        for (const [x, p] of recursePaths(v, [], this.b)) {
          const isLeaf =
            x === null || typeof x !== "object" || (Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0);
          if (isLeaf) yield [p as Json[], x];
        }
        return;
      case "pick/1": {
        let out: Json = null;
        for (const [, p] of this.paths(a[0], v, env)) out = setPath(out, p, getPath(v, p));
        yield out;
        return;
      }
      case "IN/1":
        for (const x of this.ev(a[0], v, env)) {
          if (compare(x, v) === 0) {
            yield true;
            return;
          }
        }
        yield false;
        return;
      case "IN/2":
        for (const src of this.ev(a[0], v, env)) {
          let found = false;
          for (const x of this.ev(a[1], v, env)) if (compare(x, src) === 0) found = true;
          if (found) {
            yield true;
            return;
          }
        }
        yield false;
        return;
      case "INDEX/2": {
        const out: { [k: string]: Json } = {};
        for (const row of this.ev(a[0], v, env)) {
          const k = this.ev(a[1], row, env).next().value ?? null;
          out[typeof k === "string" ? k : tojson(k)] = row;
        }
        yield out;
        return;
      }
      case "input_line_number/0":
        yield 0;
        return;
      case "modulemeta/0":
      case "get_search_list/0":
        throw new JqError(`${name} is not available`);
    }
    throw new JqError(`${name}/${a.length} is not defined`);
  }

  private *builtinOn(name: string, input: Json, arg: Json): Generator<Json> {
    yield* this.builtin(name, arg === null && name !== "has" ? [] : [{ k: "lit", v: arg }], input, {
      vars: new Map(),
      funcs: new Map(),
    });
  }
}

/** The name (or null) of each capturing group of a regex source, in order. */
function groupNames(source: string): (string | null)[] {
  const names: (string | null)[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      if (source[i + 1] !== "?") names.push(null);
      else {
        const m = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
        if (m) names.push(m[1]);
      }
    }
  }
  return names;
}

function patternVars(p: Pattern): string[] {
  if (p.k === "var") return [p.name];
  if (p.k === "arr") return p.items.flatMap(patternVars);
  return p.entries.flatMap((e) => [...(e.varName ? [e.varName] : []), ...(e.pat ? patternVars(e.pat) : [])]);
}

function contains(a: Json, b: Json): boolean {
  const [ta, tb] = [typeOf(a), typeOf(b)];
  if (ta !== tb) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot have their containment checked`);
  if (ta === "object")
    return Object.entries(b as object).every(
      ([k, v]) => Object.hasOwn(a as object, k) && contains((a as { [k: string]: Json })[k], v as Json),
    );
  if (ta === "array")
    return (b as Json[]).every((y) => (a as Json[]).some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (ta === "string") return (a as string).includes(b as string);
  return compare(a, b) === 0;
}
