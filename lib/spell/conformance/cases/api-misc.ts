/** Conformance: the Tool global, JSON, Provider, Debug, Config, Streaming and ARGS. */
import { expect as vexpect } from "vitest";
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  // ----- Tool
  apiCase(
    "tool: Tool.execute runs the calculator",
    'return Tool.execute("calculator", { operation = "evaluate", input = "2 + 2 * 3" }).result.result',
    'return (await Tool.execute("calculator", { operation: "evaluate", input: "2 + 2 * 3" })).result.result;',
    { value: 8 },
  ),
  apiCase(
    "tool: underscore aliases work",
    'return Tool.execute("text_manipulator", { operation = "uppercase", input = "abc" }).result.result',
    'return (await Tool.execute("text_manipulator", { operation: "uppercase", input: "abc" })).result.result;',
    { value: "ABC" },
  ),
  apiCase(
    "tool: an unknown tool is not_found",
    'local ok, e = pcall(Tool.execute, "no-such-tool", {})\nreturn { ok, e.kind, e.message }',
    'try { await Tool.execute("no-such-tool", {}); return "no error"; } catch (e) { return [false, e.kind, e.message]; }',
    { value: [false, "not_found", "Tool 'no-such-tool' not found"] },
  ),
  apiCase(
    "tool: a missing required parameter raises a tool error",
    'local ok, e = pcall(Tool.execute, "calculator", {})\nreturn { ok, e.kind }',
    'try { await Tool.execute("calculator", {}); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "tool"] },
  ),
  apiCase(
    "tool: params of the wrong type are a type error naming the argument",
    'local ok, e = pcall(Tool.execute, "calculator", "2+2")\nreturn { ok, e.kind, string.find(e.message, "Tool.execute expects params to be a", 1, true) == 1, string.sub(e.message, -11) }',
    'try { await Tool.execute("calculator", "2+2"); return "no error"; } catch (e) { return [false, e.kind, e.message.startsWith("Tool.execute expects params to be a"), e.message.slice(-11)]; }',
    { value: [false, "type", true, " got string"] },
  ),
  apiCase(
    "tool: list, exists, categories, discover",
    'local names = {}\nfor _, t in ipairs(Tool.list()) do names[t.name] = true end\nlocal util = Tool.discover({ category = "utility" })\nlocal allUtil = true\nfor _, t in ipairs(util) do if t.category ~= "utility" then allUtil = false end end\nlocal cats = {}\nfor _, c in ipairs(Tool.categories()) do cats[c] = true end\nreturn { names.calculator == true, Tool.exists("hash-calculator"), Tool.exists("nope"), cats.utility == true, #util > 0, allUtil }',
    'const names = new Set(Tool.list().map((t) => t.name));\nconst util = Tool.discover({ category: "utility" });\nreturn [names.has("calculator"), Tool.exists("hash-calculator"), Tool.exists("nope"), Tool.categories().includes("utility"), util.length > 0, util.every((t) => t.category === "utility")];',
    { value: [true, true, false, true, true, true] },
  ),
  apiCase(
    "tool: Tool.get returns a tool object to execute; nil when missing",
    'local calc = Tool.get("calculator")\nreturn { calc:execute({ operation = "evaluate", input = "3 * 3" }).result.result, calc:getSchema().name, Tool.get("nope") == nil }',
    'const calc = Tool.get("calculator");\nreturn [(await calc.execute({ operation: "evaluate", input: "3 * 3" })).result.result, calc.getSchema().name, Tool.get("nope") === null];',
    { value: [9, "calculator", true] },
  ),
  apiCase(
    "tool: Tool.register adds a tool checked against its schema",
    'Tool.register({ name = "doubler", description = "Doubles n", parameters = { type = "object", properties = { n = { type = "number" } }, required = { "n" } }, execute = function(p) return { success = true, result = p.n * 2 } end })\nlocal ok, e = pcall(Tool.execute, "doubler", {})\nreturn { Tool.execute("doubler", { n = 21 }).result, Tool.exists("doubler"), ok, e.kind, e.message }',
    'Tool.register({ name: "doubler", description: "Doubles n", parameters: { type: "object", properties: { n: { type: "number" } }, required: ["n"] }, execute: (p) => ({ success: true, result: p.n * 2 }) });\nlet err;\ntry { await Tool.execute("doubler", {}); } catch (e) { err = e; }\nreturn [(await Tool.execute("doubler", { n: 21 })).result, Tool.exists("doubler"), false, err.kind, err.message];',
    { value: [42, true, false, "tool", "Tool execution failed: doubler: missing required parameter 'n'"] },
  ),
  apiCase(
    "tool: a registered tool that raises gives a tool error",
    'Tool.register({ name = "boom", execute = function() error("kaput") end })\nlocal ok, e = pcall(Tool.execute, "boom", {})\nreturn { ok, e.kind, string.find(e.message, "kaput", 1, true) ~= nil }',
    'Tool.register({ name: "boom", execute: () => { throw new Error("kaput"); } });\ntry { await Tool.execute("boom", {}); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("kaput")]; }',
    { value: [false, "tool", true] },
  ),
  apiCase(
    "tool: tool calls are traced",
    'Tool.execute("uuid-generator", { operation = "generate" })\nreturn true',
    'await Tool.execute("uuid-generator", { operation: "generate" });\nreturn true;',
    {
      value: true,
      check: ({ events }) => {
        const start = events.find((e) => e.type === "trace" && e.phase === "start" && e.kind === "tool");
        vexpect(start).toMatchObject({ name: "uuid-generator" });
        vexpect(
          events.some((e) => e.type === "trace" && e.phase === "end" && start?.type === "trace" && e.id === start.id),
        ).toBe(true);
      },
    },
  ),
  // ----- JSON
  apiCase(
    "json: parse and stringify round-trip",
    'local t = JSON.parse(\'{"a":[1,2,{"b":"c"}]}\')\nreturn { t.a[3].b, JSON.stringify({ x = { 1, 2 } }) }',
    'const t = JSON.parse(\'{"a":[1,2,{"b":"c"}]}\');\nreturn [t.a[2].b, JSON.stringify({ x: [1, 2] })];',
    { value: ["c", '{"x":[1,2]}'] },
  ),
  apiCase(
    "json: pretty output (Lua option, JS standard indent) gives the same text",
    "return JSON.stringify({ a = 1 }, { pretty = true })",
    "return JSON.stringify({ a: 1 }, null, 2);",
    { value: '{\n  "a": 1\n}' },
  ),
  apiCase(
    "json: bad JSON raises a catchable error",
    'local ok = pcall(JSON.parse, "{bad")\nreturn ok',
    'try { JSON.parse("{bad"); return true; } catch { return false; }',
    { value: false },
  ),
  // ----- Provider
  apiCase(
    "provider: the mock provider is listed and available",
    'local found\nfor _, p in ipairs(Provider.list()) do if p.name == "mock" then found = p end end\nlocal hasEcho = false\nfor _, m in ipairs(found.models) do if m == "mock/echo" then hasEcho = true end end\nreturn { found.available, hasEcho, Provider.isAvailable("mock"), Provider.get("nope") == nil, Provider.getCapabilities("mock").supports_streaming }',
    'const found = (await Provider.list()).find((p) => p.name === "mock");\nreturn [found.available, found.models.includes("mock/echo"), await Provider.isAvailable("mock"), (await Provider.get("nope")) === null, (await Provider.getCapabilities("mock")).supports_streaming];',
    { value: [true, true, true, true, true] },
  ),
  // ----- Debug
  apiCase(
    "debug: leveled messages become log events; below the level they are dropped",
    'Debug.info("hello", { n = 1 })\nDebug.debug("hidden")\nDebug.setLevel("debug")\nDebug.debug("shown")\nDebug.warn("careful", "net")\nreturn Debug.getLevel()',
    'Debug.info("hello", { n: 1 });\nDebug.debug("hidden");\nDebug.setLevel("debug");\nDebug.debug("shown");\nDebug.warn("careful", "net");\nreturn Debug.getLevel();',
    {
      value: "debug",
      check: ({ events }) => {
        const texts = events.flatMap((e) => (e.type === "log" && e.text.startsWith("[") ? [e.text] : []));
        vexpect(texts).toEqual(['[INFO] hello {"n":1}', "[DEBUG] shown", "[WARN] [net] careful"]);
      },
    },
  ),
  apiCase(
    "debug: captured entries",
    'Debug.error("bad thing")\nlocal e = Debug.getCapturedEntries(1)[1]\nDebug.clearCaptured()\nreturn { e.level, e.message, #Debug.getCapturedEntries() }',
    'Debug.error("bad thing");\nconst e = Debug.getCapturedEntries(1)[0];\nDebug.clearCaptured();\nreturn [e.level, e.message, Debug.getCapturedEntries().length];',
    { value: ["error", "bad thing", 0] },
  ),
  apiCase(
    "debug: timers and dumps",
    'local t = Debug.timer("work")\nlocal ms = t:stop()\nreturn { type(ms), ms >= 0, type(Debug.dump({ a = 1 })), Debug.dumpCompact({ a = 1 }) }',
    'const t = Debug.timer("work");\nconst ms = t.stop();\nreturn [typeof ms, ms >= 0, typeof Debug.dump({ a: 1 }), Debug.dumpCompact({ a: 1 })];',
    { value: ["number", true, "string", '{"a":1}'] },
  ),
  apiCase(
    "debug: an unknown level is a type error",
    'local ok, e = pcall(Debug.setLevel, "loud")\nreturn { ok, e.kind }',
    'try { Debug.setLevel("loud"); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "type"] },
  ),
  // ----- Config
  apiCase(
    "config: a read-only view of limits and model",
    'return { Config.get("limits.max_tool_calls"), Config.get("default_model"), Config.isNetworkAccessAllowed(), Config.get("no.such") == nil }',
    'return [Config.get("limits.max_tool_calls"), Config.get("default_model"), Config.isNetworkAccessAllowed(), Config.get("no.such") === null];',
    { value: [5, "mock/default", false, true] },
  ),
  apiCase(
    "config: setters raise unsupported_feature",
    'local ok, e = pcall(Config.setProvider, "x", {})\nreturn { ok, e.kind }',
    'try { Config.setProvider("x", {}); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "unsupported_feature"] },
  ),
  // ----- Streaming
  apiCase(
    "streaming: Streaming.create wraps a generator; collect gathers its values",
    "local s = Streaming.create(function() for i = 1, 3 do coroutine.yield(i * 10) end end)\nreturn s:collect()",
    "const s = Streaming.create(function* () { for (let i = 1; i <= 3; i++) yield i * 10; });\nreturn s.collect();",
    { value: [10, 20, 30] },
  ),
  apiCase(
    "streaming: next and isDone",
    'local s = Streaming.create(function() coroutine.yield("a") end)\nlocal first = s:next()\nlocal before = s:isDone()\ns:next()\nreturn { first, before, s:isDone() }',
    'const s = Streaming.create(function* () { yield "a"; });\nconst first = s.next();\nconst before = s.isDone();\ns.next();\nreturn [first, before, s.isDone()];',
    { value: ["a", false, true] },
  ),
  apiCase(
    "streaming: a generator may call an agent",
    'local agent = Agent.builder():model("mock/echo"):build()\nlocal s = Streaming.create(function()\n  for _, w in ipairs({ "one", "two" }) do coroutine.yield(agent:execute(w).text) end\nend)\nreturn s:collect()',
    'const agent = Agent.builder().model("mock/echo").build();\nconst s = Streaming.create(async function* () {\n  for (const w of ["one", "two"]) yield (await agent.execute(w)).text;\n});\nreturn await s.collect();',
    { value: ["one", "two"] },
  ),
  // ----- rs-llmspell compatibility globals
  apiCase(
    "compat: Logger and Utils exist; LocalLLM reports no local models",
    "return { type(Logger), type(Utils), LocalLLM.status().ollama.running, #LocalLLM.list() }",
    "return [typeof Logger, typeof Utils, (await LocalLLM.status()).ollama.running, (await LocalLLM.list()).length];",
    {
      check: ({ value }) => {
        const [logger, utils, running, n] = value as [string, string, boolean, number];
        vexpect([["table", "object"].includes(logger), ["table", "object"].includes(utils), running, n]).toEqual([
          true,
          true,
          false,
          0,
        ]);
      },
    },
  ),
  // ----- Value conversion: functions cross only where the API takes a callback (docs/spell-api.md)
  apiCase(
    "conversion: a function inside a State value raises a conversion error naming its path, and nothing is stored",
    'local ok, e = pcall(State.save, "g", "k", { f = function() end })\nreturn { ok, e.kind, e.message, State.load("g", "k") == nil }',
    'let err;\ntry { await State.save("g", "k", { f: () => 1 }); } catch (e) { err = e; }\nreturn [false, err.kind, err.message, (await State.load("g", "k")) === null];',
    {
      value: [
        false,
        "conversion",
        "State.save: value.f is a function, which cannot be stored (only JSON values can)",
        true,
      ],
    },
  ),
  apiCase(
    "conversion: a function in a workflow step input names the step as the spell counts it (steps[2] in Lua, steps[1] in JavaScript)",
    'local ok, e = pcall(function()\n  return Workflow.sequential({ name = "x", steps = {\n    { name = "a", type = "tool", tool = "calculator", input = { input = "1" } },\n    { name = "b", type = "tool", tool = "calculator", input = { fn = function() end } },\n  } })\nend)\nreturn { ok, e.kind, e.message == "Workflow.sequential: steps[2].input.fn is a function, which cannot be used as a step input (only JSON values can)" }',
    'try {\n  Workflow.sequential({ name: "x", steps: [\n    { name: "a", type: "tool", tool: "calculator", input: { input: "1" } },\n    { name: "b", type: "tool", tool: "calculator", input: { fn() {} } },\n  ] });\n  return "no error";\n} catch (e) { return [false, e.kind, e.message === "Workflow.sequential: steps[1].input.fn is a function, which cannot be used as a step input (only JSON values can)"]; }',
    { value: [false, "conversion", true] },
  ),
  apiCase(
    "conversion: tool params, event data and workflow input refuse a nested function; a function stays fine where the API takes a callback",
    'local function kind(f, ...) local ok, e = pcall(f, ...) return ok and "ok" or e.kind end\nlocal wf = Workflow.builder():name("w"):sequential():add_step({ name = "s", type = "tool", tool = "calculator", input = { operation = "evaluate", input = "1" } }):build()\nTool.register({ name = "cb-tool", execute = function(p) return { success = true, result = p.n } end })\nlocal seen = 0\nHook.register("BeforeToolExecution", function() seen = seen + 1 end)\nreturn {\n  kind(Tool.execute, "calculator", { operation = "evaluate", input = "1", extra = { function() end } }),\n  kind(Event.publish, "a.b", { list = { 1, { x = print } } }),\n  kind(function() return wf:execute({ cb = function() end }) end),\n  kind(function() return Agent.builder():model("mock/echo"):build():execute({ text = "hi", parameters = { f = print } }) end),\n  Tool.execute("cb-tool", { n = 7 }).result,\n  seen,\n}',
    'const kind = async (f) => { try { await f(); return "ok"; } catch (e) { return e.kind; } };\nconst wf = Workflow.builder().name("w").sequential().add_step({ name: "s", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "1" } }).build();\nTool.register({ name: "cb-tool", execute: (p) => ({ success: true, result: p.n }) });\nlet seen = 0;\nHook.register("BeforeToolExecution", () => { seen++; });\nreturn [\n  await kind(() => Tool.execute("calculator", { operation: "evaluate", input: "1", extra: [() => 1] })),\n  await kind(() => Event.publish("a.b", { list: [1, { x: print }] })),\n  await kind(() => wf.execute({ cb: () => 1 })),\n  await kind(() => Agent.builder().model("mock/echo").build().execute({ text: "hi", parameters: { f: print } })),\n  (await Tool.execute("cb-tool", { n: 7 })).result,\n  seen,\n];',
    { value: ["conversion", "conversion", "conversion", "conversion", 7, 1] },
  ),
  // ----- ARGS
  apiCase(
    "args: ARGS holds the script arguments",
    'return ARGS.topic .. "/" .. ARGS["max-cost"]',
    'return ARGS.topic + "/" + ARGS["max-cost"];',
    { value: "owls/3" },
    { args: { topic: "owls", "max-cost": "3" } },
  ),
  apiCase(
    "args: ARGS is absent when there are none",
    'return ARGS == nil and "none" or "some"',
    'return typeof ARGS === "undefined" ? "none" : "some";',
    { value: "none" },
  ),
];
