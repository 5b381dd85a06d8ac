/**
 * The checker's conformance table: one case, a Lua source and a JavaScript source where the rule applies to
 * both, and the diagnostics expected (by rule and line). `null` marks a language the case does not apply to.
 * More cases live beside this file, one file per group (cases-grammar, cases-api, cases-lint).
 */
import { API_CASES } from "./cases-api";
import { GRAMMAR_CASES } from "./cases-grammar";
import { LINT_CASES } from "./cases-lint";
import type { CheckRule } from "./diagnostic";

export interface CheckCase {
  name: string;
  lua: string | null;
  js: string | null;
  /** Expected diagnostics, in order: rule and line (an empty list: the source checks clean). */
  expect: { rule: CheckRule; line: number; fix?: string }[];
  models?: string[];
}

const CORE_CASES: CheckCase[] = [
  // syntax
  { name: "a clean spell", lua: 'print("hi")', js: 'print("hi");', expect: [] },
  {
    name: "an unclosed call",
    lua: "print(1\nprint(2)",
    js: "print(1\nprint(2);",
    expect: [{ rule: "syntax", line: 2 }],
  },
  {
    name: "top-level await and return are valid",
    lua: null,
    js: "const x = await Promise.resolve(1);\nreturn x;",
    expect: [],
  },
  { name: "a stray token", lua: "local x = = 1", js: "const x = = 1;", expect: [{ rule: "syntax", line: 1 }] },
  { name: "an unterminated string", lua: 'print("abc)', js: 'print("abc);', expect: [{ rule: "syntax", line: 1 }] },
  // unknown-member
  {
    name: "a typo on a global's function, with the fix",
    lua: "local b = Agent.bulder()",
    js: "const b = Agent.bulder();",
    expect: [{ rule: "unknown-member", line: 1, fix: "builder" }],
  },
  {
    name: "a typo in a builder chain",
    lua: 'local a = Agent.builder():modle("mock/echo"):build()',
    js: 'const a = Agent.builder().modle("mock/echo").build();',
    expect: [{ rule: "unknown-member", line: 1, fix: "model" }],
  },
  {
    name: "a typo on an instance's method, through a variable",
    lua: 'local a = Agent.builder():model("mock/echo"):build()\nlocal r = a:exeute({ text = "hi" })',
    js: 'const a = Agent.builder().model("mock/echo").build();\nconst r = await a.exeute({ text: "hi" });',
    expect: [{ rule: "unknown-member", line: 2, fix: "execute" }],
  },
  {
    name: "a field read on an instance is not checked",
    lua: 'local a = Agent.builder():model("mock/echo"):build()\nprint(a.name)',
    js: 'const a = Agent.builder().model("mock/echo").build();\nprint(a.name);',
    expect: [],
  },
  {
    name: "a name far from every function has no fix",
    lua: "Tool.zzzzzzzz()",
    js: "Tool.zzzzzzzz();",
    expect: [{ rule: "unknown-member", line: 1 }],
  },
  {
    name: "a global the spell shadows is not the API's",
    lua: "local Agent = {}\nAgent.bulder = 1",
    js: "const Agent = {};\nAgent.bulder = 1;",
    expect: [],
  },
  // unknown-tool, unknown-operation, missing-param
  {
    name: "an unknown tool name, with the nearest as the fix",
    lua: 'local r = Tool.execute("calculater", { input = "1" })',
    js: 'const r = await Tool.execute("calculater", { input: "1" });',
    expect: [{ rule: "unknown-tool", line: 1, fix: '"calculator"' }],
  },
  {
    name: "a tool the spell registers is known",
    lua: 'Tool.register({ name = "mine", execute = function() return 1 end })\nTool.execute("mine", {})',
    js: 'Tool.register({ name: "mine", execute: () => 1 });\nawait Tool.execute("mine", {});',
    expect: [],
  },
  {
    name: "an alias of a built-in tool is known",
    lua: 'Tool.execute("json_processor", { input = {}, query = "." })',
    js: 'await Tool.execute("json_processor", { input: {}, query: "." });',
    expect: [],
  },
  {
    name: "an unknown operation of a built-in tool",
    lua: 'Tool.execute("text-manipulator", { operation = "upcase", input = "a" })',
    js: 'await Tool.execute("text-manipulator", { operation: "upcase", input: "a" });',
    expect: [{ rule: "unknown-operation", line: 1, fix: '"uppercase"' }],
  },
  {
    name: "a missing required parameter",
    lua: 'Tool.execute("text-manipulator", { operation = "uppercase" })',
    js: 'await Tool.execute("text-manipulator", { operation: "uppercase" });',
    expect: [{ rule: "missing-param", line: 1 }],
  },
  {
    name: "params that are not a literal table are not checked",
    lua: 'local p = { operation = "uppercase" }\nTool.execute("text-manipulator", p)',
    js: 'const p = { operation: "uppercase" };\nawait Tool.execute("text-manipulator", p);',
    expect: [],
  },
  {
    name: "an unknown tool in an agent's allowed tools",
    lua: 'local a = Agent.builder():allowed_tools({ "calculator", "wether" }):build()',
    js: 'const a = Agent.builder().allowed_tools(["calculator", "wether"]).build();',
    expect: [{ rule: "unknown-tool", line: 1 }],
  },
  {
    name: "check-ignore silences one rule on its line and the next",
    lua: '-- check-ignore: unknown-tool\nTool.execute("teleporter", {})',
    js: '// check-ignore: unknown-tool\nawait Tool.execute("teleporter", {});',
    expect: [],
  },
  // unknown-model
  {
    name: "a model the server does not offer",
    lua: 'local a = Agent.builder():model("openai/gpt-4x"):build()',
    js: 'const a = Agent.builder().model("openai/gpt-4x").build();',
    models: ["openai/gpt-4o", "openai/gpt-4o-mini"],
    expect: [{ rule: "unknown-model", line: 1 }],
  },
  {
    name: "mock models are always there",
    lua: 'local a = Agent.builder():model("mock/anything"):build()',
    js: 'const a = Agent.builder().model("mock/anything").build();',
    models: ["openai/gpt-4o"],
    expect: [],
  },
  // missing-await
  {
    name: "a Promise used as a value",
    lua: null,
    js: 'const r = Tool.execute("calculator", { input: "1+1" });\nprint(r.result);',
    expect: [{ rule: "missing-await", line: 1 }],
  },
  {
    name: "a property read on a Promise",
    lua: null,
    js: 'print(Tool.execute("calculator", { input: "1+1" }).result);',
    expect: [{ rule: "missing-await", line: 1 }],
  },
  {
    name: "Promise.all takes Promises on purpose",
    lua: null,
    js: 'const [a, b] = await Promise.all([Tool.execute("calculator", { input: "1" }), Tool.execute("calculator", { input: "2" })]);\nprint(a, b);',
    expect: [],
  },
  {
    name: "a stream without a callback is not awaited",
    lua: null,
    js: 'const a = Agent.builder().model("mock/echo").build();\nfor await (const c of a.stream({ text: "x" })) print(c.text);',
    expect: [],
  },
  // unknown-global
  {
    name: "reading a global nobody assigns",
    lua: "print(undefined_thing)",
    js: "print(undefinedThing);",
    expect: [{ rule: "unknown-global", line: 1 }],
  },
  {
    name: "standard globals and the API's are known",
    lua: "print(math.floor(1.5), string.upper('a'), table.concat({}), ARGS, JSON.stringify({}))",
    js: "print(Math.floor(1.5), JSON.stringify({}), ARGS, Object.keys({}), console);",
    expect: [],
  },
  // unused-local
  {
    name: "a local never used",
    lua: "local unused = 1\nprint(2)",
    js: "const unused = 1;\nprint(2);",
    expect: [{ rule: "unused-local", line: 1 }],
  },
  {
    name: "a name starting with _ is meant to be unused",
    lua: "local _ignored = 1",
    js: "const _ignored = 1;",
    expect: [],
  },
  // unreachable
  {
    name: "code after a return",
    lua: "local function f()\n  do return 1 end\n  print(2)\nend\nf()",
    js: "function f() {\n  return 1;\n  print(2);\n}\nf();",
    expect: [{ rule: "unreachable", line: 3 }],
  },
  {
    name: "code after a throw / error",
    lua: 'local function f()\n  error("x")\n  print(2)\nend\nf()',
    js: 'function f() {\n  throw new Error("x");\n  print(2);\n}\nf();',
    expect: [{ rule: "unreachable", line: 3 }],
  },
  // endless-loop
  {
    name: "a loop with no way out",
    lua: "while true do\n  print(1)\nend",
    js: "while (true) {\n  print(1);\n}",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  {
    name: "a loop with a break is fine",
    lua: "local i = 0\nwhile true do\n  i = i + 1\n  if i > 3 then break end\nend",
    js: "let i = 0;\nwhile (true) {\n  i++;\n  if (i > 3) break;\n}",
    expect: [],
  },
  {
    name: "a break inside an inner loop does not leave the outer one",
    lua: "while true do\n  for i = 1, 2 do break end\nend",
    js: "while (true) {\n  for (let i = 0; i < 2; i++) break;\n}",
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  { name: "for(;;) with no exit", lua: null, js: "for (;;) {}", expect: [{ rule: "endless-loop", line: 1 }] },
  {
    name: "repeat until false",
    lua: "repeat\n  print(1)\nuntil false",
    js: null,
    expect: [{ rule: "endless-loop", line: 1 }],
  },
  // huge-repeat
  {
    name: "a repeat beyond the memory limit",
    lua: 'local s = string.rep("ab", 1e9)',
    js: 'const s = "ab".repeat(1e9);',
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "huge-repeat", line: 1 },
    ],
  },
  {
    name: "a small repeat is fine",
    lua: 'print(string.rep("ab", 10))',
    js: 'print("ab".repeat(10));',
    expect: [],
  },
];

/** The whole table: the core cases above, then the grammar, the API and the lint rules in depth. */
export const CHECK_CASES: CheckCase[] = [...CORE_CASES, ...GRAMMAR_CASES, ...API_CASES, ...LINT_CASES];
