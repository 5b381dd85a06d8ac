/**
 * resolveScopes over the Lua 5.4 parser's tree: globals read and written, locals and their references,
 * shadowing, `for` variables, a `local function` seeing itself, `local x = x`, upvalues, `self`. The parser is
 * hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no `<const>`/`<close>`
 * attribs).
 */
import { describe, expect, it } from "vitest";
import type { AssignmentStatement, Chunk, Loc, Name } from "./ast";
import { parseLua, resolveScopes } from "./index";

function parse(source: string): Chunk {
  const result = parseLua(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.chunk;
}

const formatPos = (loc: Loc) => `${loc.line}:${loc.column}`;

/** Globals as `name read|write line:column`; locals as `name kind line:column [references]`. */
function summarize(source: string) {
  const { globals, locals } = resolveScopes(parse(source));
  return {
    globals: globals.map((g) => `${g.name} ${g.kind} ${formatPos(g.loc)}`),
    locals: locals.map((l) => {
      const refs = l.references.map((r) => `${r.kind}${r.upvalue ? " up" : ""} ${formatPos(r.loc)}`);
      return `${l.name}${l.attrib ? ` <${l.attrib}>` : ""} ${l.kind} ${formatPos(l.loc)} [${refs.join(", ")}]`;
    }),
  };
}

describe("resolveScopes", () => {
  it("lists globals read and written", () => {
    expect(summarize("x = y + 1\nprint(x)")).toEqual({
      globals: ["x write 1:1", "y read 1:5", "print read 2:1", "x read 2:7"],
      locals: [],
    });
  });

  it("gives each local its references", () => {
    expect(summarize("local a = 1\na = a + 1\nprint(a)")).toEqual({
      globals: ["print read 3:1"],
      locals: ["a local 1:7 [write 2:1, read 2:5, read 3:7]"],
    });
  });

  it("keeps attribs", () => {
    expect(summarize("local c <const> = 1\nlocal h <close> = nil").locals).toEqual([
      "c <const> local 1:7 []",
      "h <close> local 2:7 []",
    ]);
  });

  it("resolves to the innermost declaration (shadowing)", () => {
    expect(summarize("local x = 1\ndo local x = 2; print(x) end\nprint(x)").locals).toEqual([
      "x local 1:7 [read 3:7]",
      "x local 2:10 [read 2:23]",
    ]);
  });

  it("reads the outer name in `local x = x`", () => {
    expect(summarize("local x = x")).toEqual({ globals: ["x read 1:11"], locals: ["x local 1:7 []"] });
    expect(summarize("local x = 1\nlocal x = x + 1").locals).toEqual(["x local 1:7 [read 2:11]", "x local 2:7 []"]);
  });

  it("scopes `for` variables to the loop body, not its expressions", () => {
    expect(summarize("for i = i, 10 do print(i) end")).toEqual({
      globals: ["i read 1:9", "print read 1:18"],
      locals: ["i for 1:5 [read 1:24]"],
    });
    expect(summarize("for k, v in pairs(t) do print(k, v) end print(k)")).toEqual({
      globals: ["pairs read 1:13", "t read 1:19", "print read 1:25", "print read 1:41", "k read 1:47"],
      locals: ["k for 1:5 [read 1:31]", "v for 1:8 [read 1:34]"],
    });
  });

  it("lets a `local function` see itself, unlike `local f = function`", () => {
    expect(summarize("local function f(n) return f(n - 1) end")).toEqual({
      globals: [],
      locals: ["f function 1:16 [read up 1:28]", "n parameter 1:18 [read 1:30]"],
    });
    expect(summarize("local f = function() return f() end")).toEqual({
      globals: ["f read 1:29"],
      locals: ["f local 1:7 []"],
    });
  });

  it("marks references from nested functions as upvalues", () => {
    expect(summarize("local n = 0\nlocal function inc() n = n + 1 end\ninc()").locals).toEqual([
      "n local 1:7 [write up 2:22, read up 2:26]",
      "inc function 2:16 [read 3:1]",
    ]);
  });

  it("declares a method's implicit self at its name", () => {
    expect(summarize("function obj.a:m(x) return self.x + x end")).toEqual({
      globals: ["obj read 1:10"],
      locals: ["self self 1:16 [read 1:28]", "x parameter 1:18 [read 1:37]"],
    });
  });

  it("lets `until` see the repeat body's locals", () => {
    expect(summarize("repeat local done = true until done")).toEqual({
      globals: [],
      locals: ["done local 1:14 [read 1:32]"],
    });
  });

  it("writes the name of `function name()`, reads the base of `function a.b()`", () => {
    expect(
      summarize("local M = {}\nfunction M.f() end\nlocal function g() end\nfunction g() end\nfunction h() end"),
    ).toEqual({
      globals: ["h write 5:10"],
      locals: ["M local 1:7 [read 2:10]", "g function 3:16 [write 4:10]"],
    });
  });

  it("maps each Name node to its declaration", () => {
    const chunk = parse("local a = 1\na, b = a, 2");
    const { declarations, locals } = resolveScopes(chunk);
    const [first, second] = (chunk.body.body[1] as AssignmentStatement).targets as Name[];
    expect(declarations.get(first)).toBe(locals[0]);
    expect(declarations.has(second)).toBe(false);
  });
});
