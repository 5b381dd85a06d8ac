/**
 * Check cases for the grammar: valid Lua 5.4 and modern JavaScript that must check clean (a checker that
 * flags valid code is worse than none), and broken code that must give one `syntax` diagnostic on the line the
 * engine itself names. The Lua parser's own table (lua/syntax-cases.ts) compares hundreds more snippets with
 * the real Lua `load`.
 */
import type { CheckCase } from "./cases";

const clean = (name: string, lua: string | null, js: string | null): CheckCase => ({ name, lua, js, expect: [] });
const syntaxAt = (name: string, line: number, lua: string | null, js: string | null): CheckCase => ({
  name,
  lua,
  js,
  expect: [{ rule: "syntax", line }],
});

export const GRAMMAR_CASES: CheckCase[] = [
  clean("Lua 5.4 attribs <const> and <close>", "local x <const> = 1\nlocal y <close> = nil\nprint(x, y)", null),
  clean(
    "goto and labels",
    "for i = 1, 3 do\n  if i == 2 then goto continue end\n  print(i)\n  ::continue::\nend",
    null,
  ),
  clean("integer division and bit operators", "print(7 // 2, 5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 4, 256 >> 4)", null),
  clean(
    "long strings with levels",
    'local s = [==[\nit has ]] and ]=] inside\n]==]\nprint(s, [[x]], "a" .. [=[b]=])',
    null,
  ),
  clean("long comments", "--[==[\na comment with ]] inside\n]==]\nprint(1) --[[ inline ]] print(2)", null),
  clean("integer and float numerals", "print(0x10, 0xA.8p1, 1e3, 3.0, .5, 0x1p-2, 9007199254740993)", null),
  clean("string escapes", "print(\"\\x41\\u{48}\\65\\z\n      tail\", 'single \\'quoted\\'')", null),
  clean(
    "call forms without parentheses",
    'local function f(t) return t end\nprint(f"str", f{ 1, 2 }, f[[long]])',
    null,
  ),
  clean(
    "method definitions and self",
    "local obj = { n = 1 }\nfunction obj:get() return self.n end\nfunction obj.static(x) return x end\nprint(obj:get(), obj.static(2))",
    "const obj = { n: 1, get() { return this.n; }, static: (x) => x };\nprint(obj.get(), obj.static(2));",
  ),
  clean("varargs in the main chunk", "local first = ...\nprint(first, select('#', ...))", null),
  clean(
    "a numeric for with a float step",
    "for x = 1, 0, -0.25 do print(x) end",
    "for (let x = 1; x >= 0; x -= 0.25) print(x);",
  ),
  clean("semicolons and empty statements", "local a = 1;;; print(a);", "const a = 1;;; print(a);"),
  clean(
    "recursion through a local function",
    "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nprint(fib(10))",
    "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nprint(fib(10));",
  ),
  clean(
    "operator precedence",
    "print(2 ^ -3, -2 ^ 2, not 1 == 2, 1 .. 2 .. 3, #'abc' + 1)",
    "print(2 ** -3, -(2 ** 2), !1 === 2);",
  ),
  clean(
    "nested tables and multiple assignment",
    "local t = { a = { b = { 1, 2, [3] = 'c' } }, ['k'] = true }\nlocal x, y = 1, 2\nx, y = y, x\nprint(t.a.b[3], x, y)",
    "const t = { a: { b: [1, 2, 'c'] }, ['k']: true };\nlet [x, y] = [1, 2];\n[x, y] = [y, x];\nprint(t.a.b[2], x, y);",
  ),
  clean("coroutines", "local co = coroutine.wrap(function() coroutine.yield(1) end)\nprint(co())", null),
  clean(
    "classes, optional chaining and nullish coalescing",
    null,
    "class A { #x = 1; get x() { return this.#x; } static of() { return new A(); } }\nprint(A.of()?.x ?? 0);",
  ),
  clean(
    "async functions, for await and generators",
    null,
    "async function f() { return 1; }\nfunction* g() { yield 1; }\nfor await (const v of [f()]) print(v);\nprint([...g()]);",
  ),
  clean(
    "destructuring, spread, template literals and regex",
    null,
    "const { a, ...rest } = { a: 1, b: 2 };\nconst [h, ...t] = [1, 2, 3];\nprint(`${a} ${h}`, rest, t, /a+b/g.test('aab'));",
  ),
  clean(
    "labelled loops",
    null,
    "outer: for (const i of [1, 2]) { for (const j of [1, 2]) { if (j > i) continue outer; print(i, j); } }",
  ),
  clean("unicode in identifiers (JavaScript only)", null, "const café = 1;\nprint(café);"),
  clean(
    "exponent assignment and logical assignment",
    null,
    "let a = 2;\na **= 2;\nlet b = null;\nb ??= a;\nprint(a, b);",
  ),
  syntaxAt("assigning a <const> local", 2, "local x <const> = 1\nx = 2", null),
  syntaxAt("a goto with no visible label", 1, "goto nowhere", null),
  syntaxAt("a break outside a loop", 2, "print(1)\nbreak", "print(1);\nbreak;"),
  syntaxAt("a function never closed", 3, "local function f()\n  print(1)\n", "function f() {\n  print(1);\n"),
  syntaxAt("code after a return in the same block", 1, "return 1 print(2)", null),
  syntaxAt("an expression cut short, at the end of the source", 2, "local x = 1 +\n", "const x = 1 +\n"),
  syntaxAt("an invalid escape", 1, 'print("\\q")', null),
  syntaxAt("no compound assignment in Lua", 2, "local a = 4\na //= 2", null),
  syntaxAt("a non-ASCII name in Lua", 1, "local café = 1", null),
  syntaxAt("a label defined twice", 2, "::a::\n::a::", null),
  syntaxAt("... outside a vararg function", 1, "local function f() return ... end", null),
  syntaxAt("await in a function that is not async", 1, null, "function f() { await g(); }"),
  syntaxAt("a let declared twice", 2, null, "let x = 1;\nlet x = 2;"),
  syntaxAt("a missing then", 1, "if x print(1) end", null),
  syntaxAt("an unclosed long string", 1, "local s = [==[ never closed ]=]", "const s = `never closed"),
];
