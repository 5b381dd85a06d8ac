/**
 * The jq parser: `parse` turns a query into the syntax tree (`Node`, in types.ts) the interpreter evaluates, by
 * recursive descent over the lexer's tokens, from the loosest binding (`def`, `as`, `|`) to the tightest (postfix
 * `.field`, `[...]`, `?`). Queries longer than `JQ_LIMITS.maxQueryLength` and bad syntax throw `JqSyntaxError`.
 */
import { JQ_LIMITS, JqSyntaxError } from "./errors";
import { describeToken, lex } from "./lexer";
import type { Node, Pattern } from "./types";

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

/** The syntax tree of a jq query. */
export function parse(src: string): Node {
  if (src.length > JQ_LIMITS.maxQueryLength)
    throw new JqSyntaxError(`query is longer than ${JQ_LIMITS.maxQueryLength} characters`);
  const toks = lex(src, parse);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => toks[p].t === "op" && (toks[p] as { v: string }).v === v;
  const isIdent = (v: string) => toks[p].t === "ident" && (toks[p] as { v: string }).v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new JqSyntaxError(`expected '${v}' but found ${describeToken(toks[p])}`);
    p++;
  };
  const expectIdent = (v: string) => {
    if (!isIdent(v)) throw new JqSyntaxError(`expected '${v}' but found ${describeToken(toks[p])}`);
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
        } else throw new JqSyntaxError(`bad object pattern at ${describeToken(k)}`);
        if (isOp(",")) p++;
        else break;
      }
      expectOp("}");
      return { k: "obj", entries };
    }
    throw new JqSyntaxError(`expected a pattern, found ${describeToken(t)}`);
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

  /**
   * A term, or `Term as Patterns | Pipe`: as in jq, `as` binds to the term before it, and its body runs to the end
   * of the pipe (`1, 2 as $x | f` is `1, (2 as $x | f)`).
   */
  function postfix(): Node {
    const source = term();
    if (!isIdent("as")) return source;
    p++;
    const pats = [pattern()];
    while (isOp("?//")) {
      p++;
      pats.push(pattern());
    }
    expectOp("|");
    return { k: "as", source, pats, body: pipe() };
  }

  function unary(): Node {
    if (isOp("-")) {
      p++;
      return { k: "neg", body: postfix() };
    }
    return postfix();
  }

  /** A primary followed by `.field`s, `[...]`s and `?`s. */
  function term(): Node {
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
    throw new JqSyntaxError(`unexpected ${describeToken(t)}`);
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
      const body = term();
      let handler: Node | null = null;
      if (isIdent("catch")) {
        p++;
        handler = term();
      }
      return { k: "try", body, handler };
    }
    if (name === "reduce" || name === "foreach") {
      p++;
      const source = term();
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
      } else throw new JqSyntaxError(`unexpected ${describeToken(t)} in object`);
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
  if (peek().t !== "eof") throw new JqSyntaxError(`unexpected ${describeToken(peek())}`);
  return root;
}
