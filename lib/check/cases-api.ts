/**
 * Check cases for the spell API: members of globals and of what calls return, Lua's dot-call, tools, their
 * operations and parameters, models and missing awaits. What is written the way the reference documents must
 * check clean; each mistake gives its rule on its line, with the fix where one is certain.
 */
import type { CheckCase } from "./cases";

export const API_CASES: CheckCase[] = [
  // unknown-member on globals
  {
    name: "a typo in JSON",
    lua: "print(JSON.stringfy({}))",
    js: "print(JSON.stringfy({}));",
    expect: [{ rule: "unknown-member", line: 1, fix: "stringify" }],
  },
  {
    name: "a typo in State",
    lua: 'State.sett("k", 1)',
    js: 'await State.sett("k", 1);',
    expect: [{ rule: "unknown-member", line: 1, fix: "set" }],
  },
  {
    name: "a typo in Workflow",
    lua: "local w = Workflow.sequental({ steps = {} })",
    js: "const w = Workflow.sequental({ steps: [] });",
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "unknown-member", line: 1, fix: "sequential" },
    ],
  },
  {
    name: "a typo in Hook",
    lua: 'Hook.regster("BeforeAgentExecution", function() end)',
    js: 'Hook.regster("BeforeAgentExecution", () => {});',
    expect: [{ rule: "unknown-member", line: 1, fix: "register" }],
  },
  {
    name: "a typo in Event",
    lua: 'Event.publsh("topic", {})',
    js: 'Event.publsh("topic", {});',
    expect: [{ rule: "unknown-member", line: 1, fix: "publish" }],
  },
  {
    name: "a typo in Debug",
    lua: 'Debug.inf("x")',
    js: 'Debug.inf("x");',
    expect: [{ rule: "unknown-member", line: 1, fix: "info" }],
  },
  {
    name: "the case of a name matters",
    lua: "local b = Agent.Builder()",
    js: "const b = Agent.Builder();",
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "unknown-member", line: 1, fix: "builder" },
    ],
  },
  {
    name: "a value member of a global is known",
    lua: "print(Hook.Priority, Hook.Points)",
    js: "print(Hook.Priority, Hook.Points);",
    expect: [],
  },
  {
    name: "reading a missing member is flagged too",
    lua: "local f = Tool.exec",
    js: "const f = Tool.exec;",
    expect: [
      { rule: "unused-local", line: 1 },
      { rule: "unknown-member", line: 1 },
    ],
  },
  {
    name: "two typos on two lines",
    lua: "Agent.bulder()\nTool.lst()",
    js: "Agent.bulder();\nTool.lst();",
    expect: [
      { rule: "unknown-member", line: 1, fix: "builder" },
      { rule: "unknown-member", line: 2, fix: "list" },
    ],
  },
  // unknown-member through chains and variables
  {
    name: "a long builder chain is followed to the end",
    lua: 'local a = Agent.builder():name("a"):model("mock/echo"):system_prompt("s"):temprature(0.2):build()',
    js: 'const a = Agent.builder().name("a").model("mock/echo").system_prompt("s").temprature(0.2).build();',
    expect: [{ rule: "unknown-member", line: 1, fix: "temperature" }],
  },
  {
    name: "a workflow builder's typo",
    lua: 'local w = Workflow.builder():name("w"):sequential():add_stepp({ name = "s" }):build()',
    js: 'const w = Workflow.builder().name("w").sequential().add_stepp({ name: "s" }).build();',
    expect: [{ rule: "unknown-member", line: 1, fix: "add_step" }],
  },
  {
    name: "a method typo on a built workflow",
    lua: 'local w = Workflow.builder():name("w"):build()\nw:exectue({})',
    js: 'const w = Workflow.builder().name("w").build();\nawait w.exectue({});',
    expect: [{ rule: "unknown-member", line: 2, fix: "execute" }],
  },
  {
    name: "a builder kept in a variable",
    lua: 'local b = Agent.builder()\nb:nmae("x")\nlocal a = b:build()\nprint(a)',
    js: 'const b = Agent.builder();\nb.nmae("x");\nconst a = b.build();\nprint(a);',
    expect: [{ rule: "unknown-member", line: 2, fix: "name" }],
  },
  {
    name: "a tool handle from Tool.get",
    lua: 'local t = Tool.get("calculator")\nt:exeute({ input = "1" })',
    js: 'const t = Tool.get("calculator");\nawait t.exeute({ input: "1" });',
    expect: [{ rule: "unknown-member", line: 2, fix: "execute" }],
  },
  {
    name: "an agent from Agent.get",
    lua: 'local a = Agent.get("helper")\na:clear_histroy()',
    js: 'const a = Agent.get("helper");\na.clear_histroy();',
    expect: [{ rule: "unknown-member", line: 2, fix: "clear_history" }],
  },
  {
    name: "a hook handle",
    lua: 'local h = Hook.register("BeforeAgentExecution", function() end)\nh:unregistr()',
    js: 'const h = Hook.register("BeforeAgentExecution", () => {});\nh.unregistr();',
    expect: [{ rule: "unknown-member", line: 2, fix: "unregister" }],
  },
  {
    name: "a debug timer",
    lua: 'local t = Debug.timer("x")\nt:stp()',
    js: 'const t = Debug.timer("x");\nt.stp();',
    expect: [{ rule: "unknown-member", line: 2, fix: "stop" }],
  },
  {
    name: "a variable that holds two kinds of value is not checked",
    lua: "local x = Agent.builder()\nx = Workflow.builder()\nx:anything()",
    js: "let x = Agent.builder();\nx = Workflow.builder();\nx.anything();",
    expect: [],
  },
  {
    name: "a parameter is not guessed at",
    lua: "local function f(agent) return agent:exeute({}) end\nprint(f)",
    js: "function f(agent) { return agent.exeute({}); }\nprint(f);",
    expect: [],
  },
  {
    name: "a local that shadows a global in an inner scope only",
    lua: "do\n  local Tool = { lst = 1 }\n  print(Tool.lst)\nend\nTool.lst()",
    js: null,
    expect: [{ rule: "unknown-member", line: 5, fix: "list" }],
  },
  {
    name: "a global the spell replaces is not the API's",
    lua: "Tool = { mine = 1 }\nprint(Tool.mine)",
    js: null,
    expect: [],
  },
  // dot-call (Lua)
  {
    name: "a method called with '.'",
    lua: 'local a = Agent.builder():model("mock/echo"):build()\nlocal r = a.execute({ text = "hi" })\nprint(r)',
    js: null,
    expect: [{ rule: "dot-call", line: 2, fix: ":" }],
  },
  {
    name: "a builder method called with '.'",
    lua: 'local b = Agent.builder()\nb.name("x")',
    js: null,
    expect: [{ rule: "dot-call", line: 2, fix: ":" }],
  },
  {
    name: "a '.' call that passes self by hand is fine",
    lua: 'local a = Agent.builder():build()\nprint(a.execute(a, { text = "hi" }))',
    js: null,
    expect: [],
  },
  {
    name: "reading a method without calling it is fine",
    lua: "local a = Agent.builder():build()\nlocal f = a.execute\nprint(f)",
    js: null,
    expect: [],
  },
  {
    name: "a global's function called with '.' is right",
    lua: 'local r = Tool.execute("calculator", { input = "1" })\nprint(r)',
    js: null,
    expect: [],
  },
  {
    name: "a dot-call on a tool handle",
    lua: 'local t = Tool.get("calculator")\nprint(t.execute({ input = "1" }))',
    js: null,
    expect: [{ rule: "dot-call", line: 2, fix: ":" }],
  },
  // unknown-tool
  {
    name: "Tool.get with an unknown name",
    lua: 'local t = Tool.get("calculatr")\nprint(t)',
    js: 'const t = Tool.get("calculatr");\nprint(t);',
    expect: [{ rule: "unknown-tool", line: 1, fix: '"calculator"' }],
  },
  {
    name: "allow_tool's name is not checked when it is not a literal list",
    lua: 'local tools = { "wether" }\nlocal a = Agent.builder():allowed_tools(tools):build()\nprint(a)',
    js: 'const tools = ["wether"];\nconst a = Agent.builder().allowed_tools(tools).build();\nprint(a);',
    expect: [],
  },
  {
    name: "a tool through pcall",
    lua: 'local ok, r = pcall(Tool.execute, "calculater", { input = "1" })\nprint(ok, r)',
    js: null,
    expect: [{ rule: "unknown-tool", line: 1, fix: '"calculator"' }],
  },
  {
    name: "Tool.invoke is checked like Tool.execute",
    lua: 'Tool.invoke("uuid-generater", {})',
    js: 'await Tool.invoke("uuid-generater", {});',
    expect: [{ rule: "unknown-tool", line: 1, fix: '"uuid-generator"' }],
  },
  {
    name: "a tool name in single quotes",
    lua: "Tool.execute('hash-calculater', { operation = 'hash', input = 'x' })",
    js: "await Tool.execute('hash-calculater', { operation: 'hash', input: 'x' });",
    expect: [{ rule: "unknown-tool", line: 1, fix: '"hash-calculator"' }],
  },
  {
    name: "a tool registered later in the spell is known earlier",
    lua: 'local function run() return Tool.execute("late", {}) end\nTool.register({ name = "late", execute = function() return 1 end })\nprint(run())',
    js: 'async function run() { return Tool.execute("late", {}); }\nTool.register({ name: "late", execute: () => 1 });\nprint(await run());',
    expect: [],
  },
  {
    name: "a computed tool name is not checked",
    lua: 'local name = "calc" .. "ulator"\nTool.execute(name, { input = "1" })',
    js: 'const name = "calc" + "ulator";\nawait Tool.execute(name, { input: "1" });',
    expect: [],
  },
  {
    name: "every unknown name in a list is flagged",
    lua: 'local a = Agent.builder():allowed_tools({ "wether", "calendr" }):build()\nprint(a)',
    js: 'const a = Agent.builder().allowed_tools(["wether", "calendr"]).build();\nprint(a);',
    expect: [
      { rule: "unknown-tool", line: 1 },
      { rule: "unknown-tool", line: 1 },
    ],
  },
  {
    name: "a name far from every tool has no fix",
    lua: 'Tool.execute("zzzzzzzzzzzz", {})',
    js: 'await Tool.execute("zzzzzzzzzzzz", {});',
    expect: [{ rule: "unknown-tool", line: 1 }],
  },
  // unknown-operation, missing-param
  {
    name: "a valid operation and its parameters",
    lua: 'print(Tool.execute("base64-encoder", { operation = "encode", input = "hi" }))',
    js: 'print(await Tool.execute("base64-encoder", { operation: "encode", input: "hi" }));',
    expect: [],
  },
  {
    name: "an operation typo on base64",
    lua: 'Tool.execute("base64-encoder", { operation = "encod", input = "hi" })',
    js: 'await Tool.execute("base64-encoder", { operation: "encod", input: "hi" });',
    expect: [{ rule: "unknown-operation", line: 1, fix: '"encode"' }],
  },
  {
    name: "an operation typo on the hash calculator",
    lua: 'Tool.execute("hash-calculator", { operation = "hsh", input = "x" })',
    js: 'await Tool.execute("hash-calculator", { operation: "hsh", input: "x" });',
    expect: [{ rule: "unknown-operation", line: 1, fix: '"hash"' }],
  },
  {
    name: "an operation with no near name has no fix",
    lua: 'Tool.execute("datetime-handler", { operation = "teleport" })',
    js: 'await Tool.execute("datetime-handler", { operation: "teleport" });',
    expect: [{ rule: "unknown-operation", line: 1 }],
  },
  {
    name: "the operation's line in a table on many lines",
    lua: 'Tool.execute("csv-analyzer", {\n  input = "a,b",\n  operation = "analyse",\n})',
    js: 'await Tool.execute("csv-analyzer", {\n  input: "a,b",\n  operation: "analyse",\n});',
    expect: [{ rule: "unknown-operation", line: 3, fix: '"analyze"' }],
  },
  {
    name: "a computed operation is not checked",
    lua: 'local op = "up" .. "percase"\nTool.execute("text-manipulator", { operation = op, input = "a" })',
    js: 'const op = "up" + "percase";\nawait Tool.execute("text-manipulator", { operation: op, input: "a" });',
    expect: [],
  },
  {
    name: "a missing input",
    lua: 'Tool.execute("json-processor", { query = "." })',
    js: 'await Tool.execute("json-processor", { query: "." });',
    expect: [{ rule: "missing-param", line: 1 }],
  },
  {
    name: "two missing parameters",
    lua: 'Tool.execute("text-manipulator", {})',
    js: 'await Tool.execute("text-manipulator", {});',
    expect: [
      { rule: "missing-param", line: 1 },
      { rule: "missing-param", line: 1 },
    ],
  },
  {
    name: "a key in brackets counts",
    lua: 'Tool.execute("text-manipulator", { ["operation"] = "trim", ["input"] = " a " })',
    js: 'await Tool.execute("text-manipulator", { ["operation"]: "trim", ["input"]: " a " });',
    expect: [],
  },
  {
    name: "a table with a spread or list part is not checked",
    lua: 'Tool.execute("text-manipulator", { "positional" })',
    js: 'const extra = {};\nawait Tool.execute("text-manipulator", { ...extra });',
    expect: [],
  },
  {
    name: "a registered tool's params are the spell's business",
    lua: 'Tool.register({ name = "mine", execute = function(p) return p end })\nTool.execute("mine", { anything = 1 })',
    js: 'Tool.register({ name: "mine", execute: (p) => p });\nawait Tool.execute("mine", { anything: 1 });',
    expect: [],
  },
  {
    name: "an alias gets its tool's schema",
    lua: 'Tool.execute("text_manipulator", { operation = "upcase", input = "a" })',
    js: 'await Tool.execute("text_manipulator", { operation: "upcase", input: "a" });',
    expect: [{ rule: "unknown-operation", line: 1, fix: '"uppercase"' }],
  },
  // unknown-model
  {
    name: "a model typo with a near name",
    lua: 'local a = Agent.builder():model("openai/gpt-4o-mni"):build()\nprint(a)',
    js: 'const a = Agent.builder().model("openai/gpt-4o-mni").build();\nprint(a);',
    models: ["openai/gpt-4o", "openai/gpt-4o-mini"],
    expect: [{ rule: "unknown-model", line: 1 }],
  },
  {
    name: "a model the server offers",
    lua: 'local a = Agent.builder():model("openai/gpt-4o"):build()\nprint(a)',
    js: 'const a = Agent.builder().model("openai/gpt-4o").build();\nprint(a);',
    models: ["openai/gpt-4o"],
    expect: [],
  },
  {
    name: "without the server's list, models are not checked",
    lua: 'local a = Agent.builder():model("who/knows"):build()\nprint(a)',
    js: 'const a = Agent.builder().model("who/knows").build();\nprint(a);',
    expect: [],
  },
  {
    name: "a model held in a variable is not checked",
    lua: 'local m = "who/knows"\nlocal a = Agent.builder():model(m):build()\nprint(a)',
    js: 'const m = "who/knows";\nconst a = Agent.builder().model(m).build();\nprint(a);',
    models: ["openai/gpt-4o"],
    expect: [],
  },
  // missing-await (JavaScript)
  {
    name: "an agent's execute without await",
    lua: null,
    js: 'const a = Agent.builder().model("mock/echo").build();\nconst r = a.execute({ text: "hi" });\nprint(r.text);',
    expect: [{ rule: "missing-await", line: 2 }],
  },
  {
    name: "a workflow's execute without await",
    lua: null,
    js: 'const w = Workflow.builder().name("w").build();\nconst r = w.execute({});\nprint(r);',
    expect: [{ rule: "missing-await", line: 2 }],
  },
  {
    name: "State.get without await in a template",
    lua: null,
    js: 'print(`value: ${State.get("k")}`);',
    expect: [{ rule: "missing-await", line: 1 }],
  },
  {
    name: "a Promise as a function's argument",
    lua: null,
    js: 'print(Tool.execute("calculator", { input: "1" }));',
    expect: [{ rule: "missing-await", line: 1 }],
  },
  {
    name: "a Promise returned from an async function is fine",
    lua: null,
    js: 'async function f() { return Tool.execute("calculator", { input: "1" }); }\nprint(await f());',
    expect: [],
  },
  {
    name: "a Promise handled with then is fine",
    lua: null,
    js: 'Tool.execute("calculator", { input: "1" }).then((r) => print(r));',
    expect: [],
  },
  {
    name: "a call that does not wait needs no await",
    lua: null,
    js: "const tools = Tool.list();\nprint(tools.length, JSON.stringify(Tool.categories()));",
    expect: [],
  },
  {
    name: "a missing await inside a nested async function",
    lua: null,
    js: 'async function f() {\n  const r = Tool.execute("calculator", { input: "1" });\n  return r.result;\n}\nprint(await f());',
    expect: [{ rule: "missing-await", line: 2 }],
  },
  {
    name: "Lua needs no await",
    lua: 'local r = Tool.execute("calculator", { input = "1" })\nprint(r.result)',
    js: null,
    expect: [],
  },
];
