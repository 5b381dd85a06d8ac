/** Conformance: the Agent global (builder, execute, history, streaming, tool calling, response_format, statics). */
import { expect as vexpect } from "vitest";
import type { TraceStart } from "@/lib/core/events";
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";
import { createMockLlmClient } from "@/lib/llm/mock";

const ECHO_LUA = 'local agent = Agent.builder():name("echoer"):model("mock/echo"):build()\n';
const ECHO_JS = 'const agent = Agent.builder().name("echoer").model("mock/echo").build();\n';

export const cases: ConformanceCase[] = [
  apiCase(
    "agent: execute on mock/echo returns the prompt as text",
    ECHO_LUA + 'local r = agent:execute({ text = "hello world" })\nreturn r.text',
    ECHO_JS + 'const r = await agent.execute({ text: "hello world" });\nreturn r.text;',
    { value: "hello world" },
  ),
  apiCase(
    "agent: result metadata has model, provider, usage, finish_reason and no tool calls",
    ECHO_LUA +
      'local m = agent:execute({ text = "hi" }).metadata\nreturn { m.model, m.provider, m.finish_reason, #m.tool_calls, m.usage.output_tokens > 0, type(m.execution_time_ms) }',
    ECHO_JS +
      'const m = (await agent.execute({ text: "hi" })).metadata;\nreturn [m.model, m.provider, m.finish_reason, m.tool_calls.length, m.usage.output_tokens > 0, typeof m.execution_time_ms];',
    { value: ["mock/echo", "mock", "stop", 0, true, "number"] },
  ),
  apiCase(
    "agent: a plain string input is accepted",
    ECHO_LUA + 'return agent:execute("just text").text',
    ECHO_JS + 'return (await agent.execute("just text")).text;',
    { value: "just text" },
  ),
  apiCase(
    "agent: keeps conversation history between calls",
    ECHO_LUA +
      'agent:execute({ text = "one" })\nagent:execute({ text = "two" })\nlocal h = agent:get_history()\nreturn { #h, h[1].content, h[4].content }',
    ECHO_JS +
      'await agent.execute({ text: "one" });\nawait agent.execute({ text: "two" });\nconst h = agent.get_history();\nreturn [h.length, h[0].content, h[3].content];',
    { value: [4, "one", "two"] },
  ),
  apiCase(
    "agent: max_conversation_length 0 keeps no history",
    'local a = Agent.builder():model("mock/echo"):max_conversation_length(0):build()\na:execute("x")\nreturn #a:get_history()',
    'const a = Agent.builder().model("mock/echo").max_conversation_length(0).build();\nawait a.execute("x");\nreturn a.get_history().length;',
    { value: 0 },
  ),
  apiCase(
    "agent: stream with a callback gets every delta in order and returns the final result",
    ECHO_LUA +
      'local parts = {}\nlocal r = agent:stream({ text = "one two three" }, function(chunk) parts[#parts + 1] = chunk.text end)\nreturn { table.concat(parts), #parts, r.text }',
    ECHO_JS +
      'const parts = [];\nconst r = await agent.stream({ text: "one two three" }, (chunk) => { parts.push(chunk.text); });\nreturn [parts.join(""), parts.length, r.text];',
    { value: ["one two three", 3, "one two three"] },
  ),
  apiCase(
    "agent: invokeStream (rs-llmspell spelling) reports chunks_received",
    ECHO_LUA +
      'local n = 0\nlocal r = agent:invokeStream({ text = "a b" }, function(c) n = n + 1 end)\nreturn { r.success, r.chunks_received, n }',
    ECHO_JS +
      'let n = 0;\nconst r = await agent.invokeStream({ text: "a b" }, () => { n++; });\nreturn [r.success, r.chunks_received, n];',
    { value: [true, 2, 2] },
  ),
  apiCase(
    "agent: stream without a callback is an iterator (Lua next(), JS for await)",
    ECHO_LUA +
      'local s = agent:stream({ text = "x y z" })\nlocal parts = {}\nwhile true do\n  local c = s:next()\n  if c == nil then break end\n  parts[#parts + 1] = c.text\nend\nreturn { table.concat(parts, "|"), s:result().text }',
    ECHO_JS +
      'const s = agent.stream({ text: "x y z" });\nconst parts = [];\nfor await (const c of s) parts.push(c.text);\nreturn [parts.join("|"), (await s.result()).text];',
    { value: ["x |y |z", "x y z"] },
  ),
  apiCase(
    "agent: token deltas are emitted as stream events tied to the agent's trace",
    ECHO_LUA + 'agent:execute({ text = "a b c" })\nreturn true',
    ECHO_JS + 'await agent.execute({ text: "a b c" });\nreturn true;',
    {
      value: true,
      check: ({ events }) => {
        const agentSpan = events.find(
          (e): e is TraceStart => e.type === "trace" && e.phase === "start" && e.kind === "agent",
        );
        const streamed = events.filter((e) => e.type === "stream");
        vexpect(streamed.map((e) => (e.type === "stream" ? e.text : "")).join("")).toBe("a b c");
        vexpect(streamed.every((e) => e.type === "stream" && e.traceId === agentSpan?.id)).toBe(true);
      },
    },
  ),
  apiCase(
    "agent: calls an allowed built-in tool and answers with its result, traced agent > tool",
    'local a = Agent.builder():model("mock/default"):allow_tool("calculator"):build()\nlocal r = a:execute({ text = "calculate this" })\nlocal call = r.metadata.tool_calls[1]\nreturn { #r.metadata.tool_calls, call.name, type(call.output.success), string.sub(r.text, 1, 25) }',
    'const a = Agent.builder().model("mock/default").allow_tool("calculator").build();\nconst r = await a.execute({ text: "calculate this" });\nconst call = r.metadata.tool_calls[0];\nreturn [r.metadata.tool_calls.length, call.name, typeof call.output.success, r.text.slice(0, 25)];',
    {
      value: [1, "calculator", "boolean", "Based on the tool result,"],
      check: ({ events }) => {
        const starts = events.filter((e): e is TraceStart => e.type === "trace" && e.phase === "start");
        const agentSpan = starts.find((s) => s.kind === "agent");
        const toolSpan = starts.find((s) => s.kind === "tool");
        vexpect(toolSpan?.parentId).toBe(agentSpan?.id);
        vexpect(starts.filter((s) => s.kind === "model").length).toBe(2);
      },
    },
  ),
  apiCase(
    "agent: calls a spell-registered tool through its script function",
    'local seen = 0\nTool.register({ name = "greeter", description = "Greets a person by name", parameters = { type = "object", properties = { name = { type = "string" } }, required = { "name" } }, execute = function(p) seen = seen + 1; return { success = true, result = "hi " .. p.name } end })\nlocal a = Agent.builder():model("mock/default"):allowed_tools({ "greeter" }):build()\nlocal r = a:execute({ text = "greet someone" })\nreturn { seen, r.metadata.tool_calls[1].name, r.metadata.tool_calls[1].output.success }',
    'let seen = 0;\nTool.register({ name: "greeter", description: "Greets a person by name", parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] }, execute: (p) => { seen++; return { success: true, result: "hi " + p.name }; } });\nconst a = Agent.builder().model("mock/default").allowed_tools(["greeter"]).build();\nconst r = await a.execute({ text: "greet someone" });\nreturn [seen, r.metadata.tool_calls[0].name, r.metadata.tool_calls[0].output.success];',
    { value: [1, "greeter", true] },
  ),
  apiCase(
    "agent: max_tool_calls(0) means the model is offered no tools",
    'local a = Agent.builder():model("mock/default"):allow_tool("calculator"):max_tool_calls(0):build()\nreturn #a:execute("calculate").metadata.tool_calls',
    'const a = Agent.builder().model("mock/default").allow_tool("calculator").max_tool_calls(0).build();\nreturn (await a.execute("calculate")).metadata.tool_calls.length;',
    { value: 0 },
  ),
  apiCase(
    "agent: response_format parses the JSON reply into data",
    'local a = Agent.builder():model("mock/default"):response_format({ type = "object", properties = { title = { type = "string" }, count = { type = "integer" } }, required = { "title", "count" } }):build()\nlocal r = a:execute({ text = "make one" })\nreturn { type(r.data.title), math.type(r.data.count) }',
    'const a = Agent.builder().model("mock/default").response_format({ type: "object", properties: { title: { type: "string" }, count: { type: "integer" } }, required: ["title", "count"] }).build();\nconst r = await a.execute({ text: "make one" });\nreturn [typeof r.data.title, Number.isInteger(r.data.count) ? "integer" : "float"];',
    { value: ["string", "integer"] },
  ),
  apiCase(
    "agent: a wrong builder argument is a type error naming method and type",
    'local ok, e = pcall(function() Agent.builder():temperature("hot") end)\nreturn { ok, e.kind, e.message }',
    'try { Agent.builder().temperature("hot"); return "no error"; } catch (e) { return [false, e.kind, e.message]; }',
    { value: [false, "type", "Agent.builder():temperature expects a number, got string"] },
  ),
  apiCase(
    "agent: Agent.create raises the deprecation message",
    'local ok, e = pcall(Agent.create, {})\nreturn { ok, e.kind, string.find(e.message, "Agent.builder()", 1, true) ~= nil }',
    'try { Agent.create({}); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("Agent.builder()")]; }',
    { value: [false, "api", true] },
  ),
  apiCase(
    "agent: statics get, list_instances, list, discover",
    'Agent.builder():name("a1"):model("mock/echo"):build()\nAgent.builder():name("a2"):build()\nreturn { Agent.get("a1") ~= nil, Agent.get("zz") == nil, Agent.list_instances(), Agent.list()[1].model, #Agent.discover() }',
    'Agent.builder().name("a1").model("mock/echo").build();\nAgent.builder().name("a2").build();\nreturn [Agent.get("a1") != null, Agent.get("zz") == null, Agent.list_instances(), Agent.list()[0].model, Agent.discover().length];',
    { value: [true, true, ["a1", "a2"], "mock/echo", 3] },
  ),
  apiCase(
    "agent: Agent.get returns an agent that works",
    'Agent.builder():name("finder"):model("mock/echo"):build()\nreturn Agent.get("finder"):execute("found").text',
    'Agent.builder().name("finder").model("mock/echo").build();\nreturn (await Agent.get("finder").execute("found")).text;',
    { value: "found" },
  ),
  apiCase(
    "agent: an allowed tool that does not exist is not_found",
    'local a = Agent.builder():allow_tool("no-such-tool"):build()\nlocal ok, e = pcall(function() return a:execute("x") end)\nreturn { ok, e.kind }',
    'const a = Agent.builder().allow_tool("no-such-tool").build();\ntry { await a.execute("x"); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "not_found"] },
  ),
  apiCase(
    "agent: the run's model-call budget gives a clear api error",
    ECHO_LUA +
      'agent:execute("1")\nlocal ok, e = pcall(function() return agent:execute("2") end)\nreturn { ok, e.kind, string.find(e.message, "limits.maxModelCalls", 1, true) ~= nil }',
    ECHO_JS +
      'await agent.execute("1");\ntry { await agent.execute("2"); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("limits.maxModelCalls")]; }',
    { value: [false, "api", true] },
    { runtime: { limits: { maxModelCalls: 1 } } },
  ),
  apiCase(
    "agent: get_config, has_tool, discover_tools",
    'local a = Agent.builder():name("cfg"):model("mock/echo"):temperature(0.5):allow_tool("calculator"):build()\nlocal c = a:get_config()\nreturn { c.model, c.temperature, a:has_tool("calculator"), a:has_tool("uuid-generator"), a:discover_tools()[1] }',
    'const a = Agent.builder().name("cfg").model("mock/echo").temperature(0.5).allow_tool("calculator").build();\nconst c = a.get_config();\nreturn [c.model, c.temperature, a.has_tool("calculator"), a.has_tool("uuid-generator"), a.discover_tools()[0]];',
    { value: ["mock/echo", 0.5, true, false, "calculator"] },
  ),
  apiCase(
    "agent: invokeTool runs a tool directly",
    ECHO_LUA + 'return agent:invokeTool("calculator", { operation = "evaluate", input = "6 * 7" }).result.result',
    ECHO_JS + 'return (await agent.invokeTool("calculator", { operation: "evaluate", input: "6 * 7" })).result.result;',
    { value: 42 },
  ),
  apiCase(
    "agent: a streamed reply on a slow mock arrives while the spell waits",
    ECHO_LUA + 'local n = 0\nagent:stream("a b c d", function() n = n + 1 end)\nreturn n',
    ECHO_JS + 'let n = 0;\nawait agent.stream("a b c d", () => { n++; });\nreturn n;',
    { value: 4, check: ({ durationMs }) => vexpect(durationMs).toBeGreaterThanOrEqual(30) },
    { runtime: () => ({ llm: createMockLlmClient({ chunkDelayMs: 10 }) }) },
  ),
];
