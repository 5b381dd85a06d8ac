/**
 * The Lua 5.4 parser against the real Lua 5.4: every snippet of syntax-cases.ts also goes through `load` in
 * wasmoon, and both must accept the same snippets and reject the others on the same line with the same message.
 * Then the tree itself: node kinds and positions, operator precedence (checked against Lua's own evaluation),
 * numerals and string values. The parser is hand-written because no maintained npm parser reads Lua 5.4
 * (luaparse stops at 5.3: no `<const>`/`<close>` attribs), hence this cross-check.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LuaFactory, type LuaEngine } from "wasmoon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignmentStatement, Chunk, Expression, Loc } from "./ast";
import { parseLua } from "./index";
import { SYNTAX_CASES } from "./syntax-cases";

let lua: LuaEngine;

beforeAll(async () => {
  lua = await new LuaFactory().createEngine();
});

afterAll(() => {
  lua?.global.close();
});

/** Runs Lua code; synchronously, as wasmoon's async doString leaks and crashes one engine after ~90 calls. */
function runLua(code: string, source: string): unknown {
  lua.global.set("src", source);
  return lua.doStringSync(code);
}

/** What Lua's `load` says of a source: null when it compiles, else the line and message it reports. */
function loadWithLua(source: string): { line: number; message: string } | null {
  const error = runLua("local f, err = load(src, '=spell') return err", source) as string | null;
  if (error === null) return null;
  const match = /^spell:(\d+): (.*)$/s.exec(error);
  if (!match) throw new Error(`load's error has no line: ${error}`);
  return { line: Number(match[1]), message: match[2] };
}

function parseOk(source: string): Chunk {
  const result = parseLua(source);
  if (!result.ok) throw new Error(`${result.error.line}: ${result.error.message}`);
  return result.chunk;
}

/** The value of `x = <expression>`. */
function parseExpression(expression: string): Expression {
  return (parseOk(`x = ${expression}`).body.body[0] as AssignmentStatement).values[0];
}

describe("parseLua agrees with Lua 5.4's load", () => {
  const rows = SYNTAX_CASES.map((source) => [JSON.stringify(source).slice(0, 70), source]);

  it.each(rows)("%s", (_, source) => {
    const expected = loadWithLua(source);
    const result = parseLua(source);
    if (expected === null) expect(result).toMatchObject({ ok: true });
    else expect(result.ok ? "accepted" : { line: result.error.line, message: result.error.message }).toEqual(expected);
  });

  const examples = join(import.meta.dirname, "../../../examples");
  it.each(readdirSync(examples).filter((name) => name.endsWith(".lua")))("reads the example spell %s", (name) => {
    const source = readFileSync(join(examples, name), "utf8");
    expect(loadWithLua(source)).toBeNull();
    expect(parseLua(source)).toMatchObject({ ok: true });
  });

  it("has at least 150 rows, valid and invalid", () => {
    const valid = SYNTAX_CASES.filter((source) => loadWithLua(source) === null).length;
    expect(SYNTAX_CASES.length).toBeGreaterThanOrEqual(150);
    expect(valid).toBeGreaterThanOrEqual(50);
    expect(SYNTAX_CASES.length - valid).toBeGreaterThanOrEqual(50);
  });

  it("puts the error's range on Lua's line: the token named after 'near'", () => {
    expect(parseLua("x = 1 +\n  + 2")).toEqual({
      ok: false,
      error: { message: "unexpected symbol near '+'", line: 2, column: 3, endLine: 2, endColumn: 4 },
    });
    // A token over several lines: Lua counts the line where it ends.
    expect(parseLua("x = 1 [[\nlong\nstring]]")).toMatchObject({ ok: false, error: { line: 3, column: 1 } });
  });

  it("names a non-ASCII character after a backslash whole, where Lua shows its first byte", () => {
    const source = "x = '\\é'";
    expect(loadWithLua(source)?.line).toBe(1);
    expect(parseLua(source)).toMatchObject({
      ok: false,
      error: { line: 1, message: "invalid escape sequence near ''\\é'" },
    });
  });

  it.each([
    ["parentheses", (n: number) => `x = ${"(".repeat(n)}1${")".repeat(n)}`, 196],
    ["blocks", (n: number) => `${"do ".repeat(n)}${" end".repeat(n)}`, 198],
  ] as const)("stops nesting %s where load does (Lua says only 'C stack overflow')", (_, nest, deepest) => {
    for (const n of [deepest, deepest + 1]) {
      const source = nest(n);
      const luaError = runLua("local f, err = load(src, '=spell') return err", source);
      expect(parseLua(source).ok).toBe(luaError === null);
    }
    expect(parseLua(nest(deepest + 1))).toMatchObject({ ok: false, error: { message: /^C stack overflow/ } });
  });

  it("stops at Lua's nesting limit instead of overflowing the stack", () => {
    const deep = `x = ${"(".repeat(10_000)}1${")".repeat(10_000)}`;
    expect(parseLua(deep)).toMatchObject({
      ok: false,
      error: { message: "C stack overflow (code nested too deeply)" },
    });
  });
});

/** `Type line:column-endLine:endColumn` for every node, in tree order. */
function outline(node: unknown): string {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const { type, loc } = value as { type?: string; loc?: Loc };
    if (type && loc) out.push(`${type} ${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`);
    for (const [key, child] of Object.entries(value)) if (key !== "loc") visit(child);
  };
  visit(node);
  return out.join(", ");
}

const OUTLINES: [source: string, outline: string][] = [
  ["", "Chunk 1:1-1:1, Block 1:1-1:1"],
  ["x = 1\n\n", "Chunk 1:1-3:1, Block 1:1-1:6, AssignmentStatement 1:1-1:6, Name 1:1-1:2, Number 1:5-1:6"],
  [
    "local x <const> = 1",
    "Chunk 1:1-1:20, Block 1:1-1:20, LocalStatement 1:1-1:20, LocalName 1:7-1:8, Number 1:19-1:20",
  ],
  [
    "local a, b <close> = f()",
    "Chunk 1:1-1:25, Block 1:1-1:25, LocalStatement 1:1-1:25, LocalName 1:7-1:8, LocalName 1:10-1:11, " +
      "Call 1:22-1:25, Name 1:22-1:23",
  ],
  [
    "a.b.c = 1",
    "Chunk 1:1-1:10, Block 1:1-1:10, AssignmentStatement 1:1-1:10, Member 1:1-1:6, Member 1:1-1:4, Name 1:1-1:2, " +
      "Identifier 1:3-1:4, Identifier 1:5-1:6, Number 1:9-1:10",
  ],
  [
    'a.b:c"str"',
    "Chunk 1:1-1:11, Block 1:1-1:11, CallStatement 1:1-1:11, MethodCall 1:1-1:11, Member 1:1-1:4, Name 1:1-1:2, " +
      "Identifier 1:3-1:4, Identifier 1:5-1:6, String 1:6-1:11",
  ],
  [
    "f{1, x = 2, [3] = 4}",
    "Chunk 1:1-1:21, Block 1:1-1:21, CallStatement 1:1-1:21, Call 1:1-1:21, Name 1:1-1:2, Table 1:2-1:21, " +
      "ListField 1:3-1:4, Number 1:3-1:4, NamedField 1:6-1:11, Identifier 1:6-1:7, Number 1:10-1:11, " +
      "KeyedField 1:13-1:20, Number 1:14-1:15, Number 1:19-1:20",
  ],
  [
    "t = {1; 2,}",
    "Chunk 1:1-1:12, Block 1:1-1:12, AssignmentStatement 1:1-1:12, Name 1:1-1:2, Table 1:5-1:12, " +
      "ListField 1:6-1:7, Number 1:6-1:7, ListField 1:9-1:10, Number 1:9-1:10",
  ],
  ["x = {}", "Chunk 1:1-1:7, Block 1:1-1:7, AssignmentStatement 1:1-1:7, Name 1:1-1:2, Table 1:5-1:7"],
  [
    "x = -2^-2",
    "Chunk 1:1-1:10, Block 1:1-1:10, AssignmentStatement 1:1-1:10, Name 1:1-1:2, Unary 1:5-1:10, " +
      "Binary 1:6-1:10, Number 1:6-1:7, Unary 1:8-1:10, Number 1:9-1:10",
  ],
  [
    "x = not #t",
    "Chunk 1:1-1:11, Block 1:1-1:11, AssignmentStatement 1:1-1:11, Name 1:1-1:2, Unary 1:5-1:11, " +
      "Unary 1:9-1:11, Name 1:10-1:11",
  ],
  [
    "x = (f())",
    "Chunk 1:1-1:10, Block 1:1-1:10, AssignmentStatement 1:1-1:10, Name 1:1-1:2, Paren 1:5-1:10, " +
      "Call 1:6-1:9, Name 1:6-1:7",
  ],
  ["f()()", "Chunk 1:1-1:6, Block 1:1-1:6, CallStatement 1:1-1:6, Call 1:1-1:6, Call 1:1-1:4, Name 1:1-1:2"],
  [
    "x = a[b][c]",
    "Chunk 1:1-1:12, Block 1:1-1:12, AssignmentStatement 1:1-1:12, Name 1:1-1:2, Index 1:5-1:12, " +
      "Index 1:5-1:9, Name 1:5-1:6, Name 1:7-1:8, Name 1:10-1:11",
  ],
  [
    "x = function() end",
    "Chunk 1:1-1:19, Block 1:1-1:19, AssignmentStatement 1:1-1:19, Name 1:1-1:2, Function 1:5-1:19, Block 1:16-1:16",
  ],
  [
    "local function f(...) return ... end",
    "Chunk 1:1-1:37, Block 1:1-1:37, LocalFunctionStatement 1:1-1:37, LocalName 1:16-1:17, Function 1:7-1:37, " +
      "Block 1:23-1:33, ReturnStatement 1:23-1:33, Vararg 1:30-1:33",
  ],
  [
    "function a.b:m(x) end",
    "Chunk 1:1-1:22, Block 1:1-1:22, FunctionStatement 1:1-1:22, Member 1:10-1:15, Member 1:10-1:13, " +
      "Name 1:10-1:11, Identifier 1:12-1:13, Identifier 1:14-1:15, Function 1:1-1:22, LocalName 1:16-1:17, " +
      "Block 1:19-1:19",
  ],
  [
    "for i = 1, 10, 2 do end",
    "Chunk 1:1-1:24, Block 1:1-1:24, NumericForStatement 1:1-1:24, LocalName 1:5-1:6, Number 1:9-1:10, " +
      "Number 1:12-1:14, Number 1:16-1:17, Block 1:21-1:21",
  ],
  [
    "for k, v in pairs(t) do end",
    "Chunk 1:1-1:28, Block 1:1-1:28, GenericForStatement 1:1-1:28, LocalName 1:5-1:6, LocalName 1:8-1:9, " +
      "Call 1:13-1:21, Name 1:13-1:18, Name 1:19-1:20, Block 1:25-1:25",
  ],
  [
    "while x do break end",
    "Chunk 1:1-1:21, Block 1:1-1:21, WhileStatement 1:1-1:21, Name 1:7-1:8, Block 1:12-1:17, BreakStatement 1:12-1:17",
  ],
  ["repeat until x", "Chunk 1:1-1:15, Block 1:1-1:15, RepeatStatement 1:1-1:15, Block 1:8-1:8, Name 1:14-1:15"],
  [
    "if a then elseif b then else end",
    "Chunk 1:1-1:33, Block 1:1-1:33, IfStatement 1:1-1:33, IfClause 1:1-1:10, Name 1:4-1:5, Block 1:11-1:11, " +
      "IfClause 1:11-1:24, Name 1:18-1:19, Block 1:25-1:25, Block 1:30-1:30",
  ],
  [
    "goto continue\n::continue::",
    "Chunk 1:1-2:13, Block 1:1-2:13, GotoStatement 1:1-1:14, Identifier 1:6-1:14, LabelStatement 2:1-2:13, " +
      "Identifier 2:3-2:11",
  ],
  ["do ; end", "Chunk 1:1-1:9, Block 1:1-1:9, DoStatement 1:1-1:9, Block 1:4-1:5, EmptyStatement 1:4-1:5"],
  ["do end", "Chunk 1:1-1:7, Block 1:1-1:7, DoStatement 1:1-1:7, Block 1:4-1:4"],
  ["return 1, 2", "Chunk 1:1-1:12, Block 1:1-1:12, ReturnStatement 1:1-1:12, Number 1:8-1:9, Number 1:11-1:12"],
  ["x = [==[\nline]==]", "Chunk 1:1-2:9, Block 1:1-2:9, AssignmentStatement 1:1-2:9, Name 1:1-1:2, String 1:5-2:9"],
  ["x = 'a\\\nb'", "Chunk 1:1-2:3, Block 1:1-2:3, AssignmentStatement 1:1-2:3, Name 1:1-1:2, String 1:5-2:3"],
  [
    "x = 1\r\ny = 2",
    "Chunk 1:1-2:6, Block 1:1-2:6, AssignmentStatement 1:1-1:6, Name 1:1-1:2, Number 1:5-1:6, " +
      "AssignmentStatement 2:1-2:6, Name 2:1-2:2, Number 2:5-2:6",
  ],
  [
    "x = 1\n\ry = 2\r\rz = 3",
    "Chunk 1:1-4:6, Block 1:1-4:6, AssignmentStatement 1:1-1:6, Name 1:1-1:2, Number 1:5-1:6, " +
      "AssignmentStatement 2:1-2:6, Name 2:1-2:2, Number 2:5-2:6, AssignmentStatement 4:1-4:6, Name 4:1-4:2, " +
      "Number 4:5-4:6",
  ],
  [
    "x = '🎉' .. y",
    "Chunk 1:1-1:14, Block 1:1-1:14, AssignmentStatement 1:1-1:14, Name 1:1-1:2, Binary 1:5-1:14, " +
      "String 1:5-1:9, Name 1:13-1:14",
  ],
  ["x =\t1", "Chunk 1:1-1:6, Block 1:1-1:6, AssignmentStatement 1:1-1:6, Name 1:1-1:2, Number 1:5-1:6"],
  [
    "-- c\nx = 1 --[[ long\n]]",
    "Chunk 1:1-3:3, Block 2:1-2:6, AssignmentStatement 2:1-2:6, Name 2:1-2:2, Number 2:5-2:6, " +
      "Comment 1:1-1:5, Comment 2:7-3:3",
  ],
];

describe("the tree's node kinds and positions", () => {
  it.each(OUTLINES)("%j", (source, expected) => {
    expect(outline(parseOk(source))).toBe(expected);
  });
});

/** An expression as an S-expression: `(op left right)`, `(op argument)`. */
function show(e: Expression): string {
  switch (e.type) {
    case "Binary":
      return `(${e.operator} ${show(e.left)} ${show(e.right)})`;
    case "Unary":
      return `(${e.operator} ${show(e.argument)})`;
    case "Number":
      return e.raw;
    case "Name":
      return e.name;
    case "Boolean":
      return String(e.value);
    case "Paren":
      return `(paren ${show(e.expression)})`;
    case "Call":
      return `(call ${[e.callee, ...e.args].map(show).join(" ")})`;
    default:
      return e.type;
  }
}

/** The same tree as Lua source with every operation in parentheses. */
function parenthesize(e: Expression): string {
  if (e.type === "Binary") return `(${parenthesize(e.left)} ${e.operator} ${parenthesize(e.right)})`;
  if (e.type === "Unary") return `(${e.operator} ${parenthesize(e.argument)})`;
  return show(e);
}

const PRECEDENCE: [expression: string, tree: string][] = [
  ["-2^-2", "(- (^ 2 (- 2)))"],
  ["2^3^2", "(^ 2 (^ 3 2))"],
  ["2^-3^2", "(^ 2 (- (^ 3 2)))"],
  ["-2^2", "(- (^ 2 2))"],
  ["1 + 2 * 3", "(+ 1 (* 2 3))"],
  ["1 - 2 - 3", "(- (- 1 2) 3)"],
  ["7 // 2 % 3 * 4", "(* (% (// 7 2) 3) 4)"],
  ["3 & 5 | 6 ~ 7 << 1 >> 2", "(| (& 3 5) (~ 6 (>> (<< 7 1) 2)))"],
  ["x << 2 .. 3", "(<< x (.. 2 3))"],
  ["1 == 2 .. 3", "(== 1 (.. 2 3))"],
  ["1 .. 2 + 3", "(.. 1 (+ 2 3))"],
  ["1 .. 2 .. 3", "(.. 1 (.. 2 3))"],
  ["~5 & 3", "(& (~ 5) 3)"],
  ["- - 2", "(- (- 2))"],
  ["not not true", "(not (not true))"],
  ["not 1 == 2", "(== (not 1) 2)"],
  ["1 < 2 == true", "(== (< 1 2) true)"],
  ["1 + 1 == 2 and 3 > 2 or false", "(or (and (== (+ 1 1) 2) (> 3 2)) false)"],
  ["false or true and false", "(or false (and true false))"],
  ["1 | 2 ~ 3 & 4 << 1", "(| 1 (~ 2 (& 3 (<< 4 1))))"],
  ["2 * 3 ^ 2 / 4", "(/ (* 2 (^ 3 2)) 4)"],
  ["10 - 2 + -3 * 2", "(+ (- 10 2) (* (- 3) 2))"],
  ["1 ~= 2 == false", "(== (~= 1 2) false)"],
  ["#t + 1", "(+ (# t) 1)"],
  ["a or b and c", "(or a (and b c))"],
  ["-x^2", "(- (^ x 2))"],
  ["(f())", "(paren (call f))"],
];

describe("operator precedence and associativity", () => {
  it.each(PRECEDENCE)("%s is %s", (expression, tree) => {
    expect(show(parseExpression(expression))).toBe(tree);
  });

  it.each(PRECEDENCE.filter(([e]) => !/[a-z]/.test(e.replace(/true|false|not|and|or/g, ""))))(
    "Lua evaluates %s as that tree",
    (expression) => {
      const parenthesized = parenthesize(parseExpression(expression));
      expect(runLua(`return (${expression}) == (${parenthesized})`, "")).toBe(true);
    },
  );
});

describe("literal values", () => {
  it.each([
    ["1", "integer", 1],
    ["0x10", "integer", 16],
    ["0xA", "integer", 10],
    ["9223372036854775807", "integer", 2 ** 63],
    ["9223372036854775808", "float", 2 ** 63],
    ["0xffffffffffffffff", "integer", -1],
    ["0x7fffffffffffffff", "integer", 2 ** 63],
    ["3.", "float", 3],
    [".5", "float", 0.5],
    ["1e10", "float", 1e10],
    ["1E-2", "float", 0.01],
    ["0x1p4", "float", 16],
    ["0xA.8p1", "float", 21],
    ["0x.1p-2", "float", 1 / 64],
    ["0x1.8", "float", 1.5],
  ] as const)("%s is a %s: %d", (numeral, kind, value) => {
    expect(parseExpression(numeral)).toMatchObject({ type: "Number", kind, value, raw: numeral });
  });

  it.each([
    ["'a\\n\\t\\\\\\\"\\'\\a\\b\\f\\r\\v'", "a\n\t\\\"'\x07\b\f\r\v"],
    ["'\\x41\\65\\u{48}'", "AAH"],
    ["'\\xC3\\xA9\\u{E9}\\u{1F389}'", "éé🎉"],
    ["'\\z   text'", "text"],
    ["'a\\z  \n\n  b'", "ab"],
    ["'line\\\nnext'", "line\nnext"],
    ["'line\\\r\nnext'", "line\nnext"],
    ["'\\0\\1234'", "\0{4"],
    ["'\\xff'", "\uFFFD"],
    ["'héllo 🎉'", "héllo 🎉"],
    ["[[long]]", "long"],
    ["[[\nfirst newline skipped]]", "first newline skipped"],
    ["[[\r\n\r\nkept]]", "\nkept"],
    ["[==[ ]] ]=] ]==]", " ]] ]=] "],
    ["[[a\r\nb\rc\n\rd]]", "a\nb\nc\nd"],
  ])("%s is %j", (literal, value) => {
    expect(parseExpression(literal)).toMatchObject({ type: "String", value });
  });

  it("keeps comments, with their text", () => {
    const { comments } = parseOk("-- short\nx = 1 --[==[ long\n]] ]==]\n--");
    expect(comments.map(({ text, long }) => ({ text, long }))).toEqual([
      { text: " short", long: false },
      { text: " long\n]] ", long: true },
      { text: "", long: false },
    ]);
  });
});
