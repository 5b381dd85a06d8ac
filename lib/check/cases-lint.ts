/**
 * Check cases for the lint rules: unknown globals, unused locals, unreachable code, endless loops and huge
 * repeats. Each rule's cases show both what it flags and what it must leave alone (the idioms spells use).
 */
import type { CheckCase } from "./cases";

export const LINT_CASES: CheckCase[] = [
  // unknown-global
  {
    name: "a global the spell assigns later counts",
    lua: "local function show() print(config) end\nconfig = 1\nshow()",
    js: "function show() { print(config); }\nvar config = 1;\nshow();",
    expect: [],
  },
  {
    name: "a function the spell defines globally counts",
    lua: "function greet() return 'hi' end\nprint(greet())",
    js: "function greet() { return 'hi'; }\nprint(greet());",
    expect: [],
  },
  {
    name: "a typo of a local is an unknown global",
    lua: "local count = 1\nprint(cont)",
    js: "const count = 1;\nprint(cont);",
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "unknown-global", line: 2 },
    ],
  },
  {
    name: "an unknown global is reported once, where first read",
    lua: "print(nope)\nprint(nope)",
    js: "print(nope);\nprint(nope);",
    expect: [{ rule: "unknown-global", line: 1 }],
  },
  {
    name: "a local out of its scope is an unknown global (Lua)",
    lua: "do local inner = 1 end\nprint(inner)",
    js: null,
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "unknown-global", line: 2 },
    ],
  },
  {
    name: "the sandbox's standard library is known",
    lua: "print(os.time(), io.write, coroutine.running(), utf8.char(72), select('#'), next({}), rawlen({}), _G, _VERSION)",
    js: "print(Date.now(), new Map(), Symbol.iterator, Reflect.ownKeys({}), globalThis, typeof undefined);",
    expect: [],
  },
  {
    name: "Lua's positional arg and ARGS",
    lua: "print(arg and arg[1], ARGS and ARGS.topic)",
    js: "print(ARGS?.topic);",
    expect: [],
  },
  {
    name: "require is not there in a spell",
    lua: 'local json = require("json")\nprint(json)',
    js: 'const fs = require("fs");\nprint(fs);',
    expect: [{ rule: "unknown-global", line: 1 }],
  },
  {
    name: "the API's other globals are known",
    lua: "print(Provider, Config, Streaming, Logger, Utils, LocalLLM, RAG)",
    js: "print(Provider, Config, Streaming, Logger, Utils, LocalLLM, RAG);",
    expect: [],
  },
  {
    name: "a global written but never read is no unknown global",
    lua: "result = 42",
    js: null,
    expect: [],
  },
  {
    name: "a parameter shadows a global",
    lua: "local function f(undefinedish) return undefinedish end\nprint(f(1))",
    js: "function f(undefinedish) { return undefinedish; }\nprint(f(1));",
    expect: [],
  },
  // unused-local
  {
    name: "a local function never called",
    lua: "local function helper() end\nprint(1)",
    js: "function helper() {}\nprint(1);",
    expect: [{ rule: "unused-local", line: 1 }],
  },
  {
    name: "an unused parameter is fine",
    lua: "local function f(a, b) return a end\nprint(f(1))",
    js: "function f(a, b) { return a; }\nprint(f(1));",
    expect: [],
  },
  {
    name: "an unused for variable is fine",
    lua: "for i = 1, 2 do print('x') end\nfor k, v in pairs({}) do print(v) end",
    js: "for (const x of [1, 2]) print('x');",
    expect: [],
  },
  {
    name: "a local used only in a closure is used",
    lua: "local n = 0\nlocal function inc() n = n + 1 return n end\nprint(inc())",
    js: "let n = 0;\nfunction inc() { n = n + 1; return n; }\nprint(inc());",
    expect: [],
  },
  {
    name: "a local only assigned is unused (Lua)",
    lua: "local x\nx = 1",
    js: null,
    expect: [{ rule: "unused-local", line: 1 }],
  },
  {
    name: "a <close> local is used by going out of scope",
    lua: "do\n  local h <close> = nil\nend",
    js: null,
    expect: [],
  },
  {
    name: "a local shadowed before use",
    lua: "local v = 1\nlocal v = 2\nprint(v)",
    js: null,
    expect: [{ rule: "unused-local", line: 1 }],
  },
  {
    name: "one unused among several",
    lua: "local a, b = 1, 2\nprint(a)",
    js: "const [a, b] = [1, 2];\nprint(a);",
    expect: [{ rule: "unused-local", line: 1 }],
  },
  {
    name: "a local read in repeat's condition is used",
    lua: "repeat\n  local done = true\nuntil done",
    js: null,
    expect: [],
  },
  // unreachable
  {
    name: "code after break",
    lua: "for i = 1, 3 do\n  break\n  print(i)\nend",
    js: "for (let i = 0; i < 3; i++) {\n  break;\n  print(i);\n}",
    expect: [{ rule: "unreachable", line: 3 }],
  },
  {
    name: "code after continue",
    lua: null,
    js: "for (let i = 0; i < 3; i++) {\n  continue;\n  print(i);\n}",
    expect: [{ rule: "unreachable", line: 3 }],
  },
  {
    name: "code after goto",
    lua: "goto skip\nprint(1)\n::skip::",
    js: null,
    expect: [{ rule: "unreachable", line: 2 }],
  },
  {
    name: "a label after an exit can be reached",
    lua: "for i = 1, 2 do\n  if i == 1 then goto next end\n  print(i)\n  ::next::\nend",
    js: null,
    expect: [],
  },
  {
    name: "only the first unreachable statement is reported",
    lua: 'local function f()\n  error("stop")\n  print(1)\n  print(2)\nend\nf()',
    js: 'function f() {\n  throw new Error("stop");\n  print(1);\n  print(2);\n}\nf();',
    expect: [{ rule: "unreachable", line: 3 }],
  },
  {
    name: "a return inside an if does not end the block",
    lua: "local function f(x)\n  if x then return 1 end\n  return 2\nend\nprint(f(true))",
    js: "function f(x) {\n  if (x) return 1;\n  return 2;\n}\nprint(f(true));",
    expect: [],
  },
  {
    name: "a function declared after a return is hoisted in JavaScript",
    lua: null,
    js: "function f() {\n  return g();\n  function g() { return 1; }\n}\nprint(f());",
    expect: [],
  },
  {
    name: "error inside pcall does not end the block",
    lua: 'local ok = pcall(error, "x")\nprint(ok)',
    js: 'try { throw new Error("x"); } catch (e) { print(e.message); }\nprint(1);',
    expect: [],
  },
  {
    name: "code after a do ... return end block",
    lua: "local function f()\n  do return end\n  local y = 1\n  print(y)\nend\nf()",
    js: null,
    expect: [{ rule: "unreachable", line: 3 }],
  },
  {
    name: "a local error function is not Lua's error",
    lua: "local function error(m) print(m) end\nerror('x')\nprint('still here')",
    js: null,
    expect: [],
  },
  // endless-loop
  {
    name: "while 1 is always true in Lua",
    lua: "while 1 do\n  print(1)\nend",
    js: "while (1) {\n  print(1);\n}",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "a loop that returns from its function is fine",
    lua: "local function f()\n  while true do\n    return 1\n  end\nend\nprint(f())",
    js: "function f() {\n  while (true) {\n    return 1;\n  }\n}\nprint(f());",
    expect: [],
  },
  {
    name: "a loop that raises is fine",
    lua: 'while true do\n  error("done")\nend',
    js: 'while (true) {\n  throw new Error("done");\n}',
    expect: [],
  },
  {
    name: "a break in a nested function does not leave the loop",
    lua: null,
    js: "while (true) {\n  const f = () => { for (;;) break; };\n  f();\n}",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "a return in a nested function does not leave the loop",
    lua: "while true do\n  local f = function() return 1 end\n  print(f())\nend",
    js: "while (true) {\n  const f = () => 1;\n  print(f());\n}",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "a loop with a condition is not endless",
    lua: "local i = 0\nwhile i < 3 do i = i + 1 end\nrepeat i = i - 1 until i == 0",
    js: "let i = 0;\nwhile (i < 3) i++;\ndo { i--; } while (i > 0);",
    expect: [],
  },
  {
    name: "do ... while (true) with no exit",
    lua: null,
    js: "do {\n  print(1);\n} while (true);",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "repeat until nil",
    lua: "repeat\n  print(1)\nuntil nil",
    js: null,
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "a goto out of the loop leaves it",
    lua: "while true do\n  goto out\nend\n::out::",
    js: null,
    expect: [],
  },
  {
    name: "a labelled break leaves the outer loop",
    lua: null,
    js: "outer: while (true) {\n  for (;;) break outer;\n}",
    expect: [],
  },
  {
    name: "an endless loop inside a function",
    lua: "local function spin()\n  while true do end\nend\nspin()",
    js: "function spin() {\n  while (true) {}\n}\nspin();",
    expect: [{ rule: "endless-loop", line: 2 }],
  },
  // huge-repeat
  {
    name: "string.rep with a separator counts the separator",
    lua: 'local s = string.rep("a", 2e7, "bbbbbbbbbb")\nprint(#s)',
    js: null,
    expect: [{ rule: "huge-repeat", line: 1 }],
  },
  {
    name: "a method-style rep",
    lua: 'print(("ab"):rep(1e9))',
    js: null,
    expect: [{ rule: "huge-repeat", line: 1 }],
  },
  {
    name: "a repeat of a variable's string is not measured",
    lua: 'local u = "ab"\nprint(string.rep(u, 1e9))',
    js: 'const u = "ab";\nprint(u.repeat(1e9));',
    expect: [],
  },
  {
    name: "a repeat just under the limit is fine",
    lua: 'print(#string.rep("a", 1000000))',
    js: 'print("a".repeat(1000000).length);',
    expect: [],
  },
  {
    name: "a multi-byte unit is counted in bytes",
    lua: 'print(string.rep("é", 2e8))',
    js: 'print("é".repeat(2e8));',
    expect: [{ rule: "huge-repeat", line: 1 }],
  },
];
