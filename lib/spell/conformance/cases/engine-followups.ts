/**
 * Conformance: engine follow-ups. Plain fields that the spell API sends with a host object (`tool.name`,
 * `wf.id`) are readable on the script object, methods still work and win over a same-named field, and the
 * object still goes back to the host as its handle. Lua's sandboxed `io.write` logs line by line like `print`
 * (the JavaScript side writes the same lines with console.log), and `io` holds only `write`, `flush` and `stdout`.
 */
import { OUTPUT_ENTRY_OVERHEAD_BYTES } from "@/lib/core/run-output";
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  apiCase(
    'handle fields: Tool.get("calculator").name is the tool\'s name',
    'return Tool.get("calculator").name == "calculator"',
    'return Tool.get("calculator").name === "calculator";',
    { value: true },
  ),
  apiCase(
    "handle fields: a tool object carries description, category, version and its schema as a table/object",
    'local t = Tool.get("calculator")\nreturn { type(t.description), type(t.category), t.version, type(t.schema) == "table", t.schema.name, #t.schema.parameters > 0, t.schema.parameters[1].name ~= nil }',
    'const t = Tool.get("calculator");\nreturn [typeof t.description, typeof t.category, t.version, typeof t.schema === "object" && t.schema !== null, t.schema.name, t.schema.parameters.length > 0, t.schema.parameters[0].name !== undefined];',
    { value: ["string", "string", "1.0.0", true, "calculator", true, true] },
  ),
  apiCase(
    "handle fields: tool methods still work beside the fields",
    'local t = Tool.get("calculator")\nlocal r = t:execute({ operation = "evaluate", input = "6 * 7" })\nreturn { t.name, r.result.result, t:get_schema().name }',
    'const t = Tool.get("calculator");\nconst r = await t.execute({ operation: "evaluate", input: "6 * 7" });\nreturn [t.name, r.result.result, t.get_schema().name];',
    { value: ["calculator", 42, "calculator"] },
  ),
  apiCase(
    "handle fields: a workflow object shows its id, name and type",
    'local wf = Workflow.builder():name("pipeline"):sequential():add_step({ name = "a", type = "tool", tool = "calculator", input = { operation = "evaluate", input = "1 + 1" } }):build()\nreturn { type(wf.id), string.find(wf.id, "^workflow_") ~= nil, wf.name, wf.type, wf:execute({}).metadata.extra.workflow_name }',
    'const wf = Workflow.builder().name("pipeline").sequential().add_step({ name: "a", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "1 + 1" } }).build();\nreturn [typeof wf.id, wf.id.startsWith("workflow_"), wf.name, wf.type, (await wf.execute({})).metadata.extra.workflow_name];',
    { value: ["string", true, "pipeline", "sequential", "pipeline"] },
  ),
  apiCase(
    "handle fields: an agent object shows its name and its methods still answer",
    'local a = Agent.builder():name("helper"):model("mock/echo"):build()\nreturn { a.name, a:execute({ text = "hi" }).text }',
    'const a = Agent.builder().name("helper").model("mock/echo").build();\nreturn [a.name, (await a.execute({ text: "hi" })).text];',
    { value: ["helper", "hi"] },
  ),
  apiCase(
    "handle fields: a field is read-only and the object still goes back to the host as its handle",
    'local a = Agent.builder():name("helper"):model("mock/echo"):build()\nlocal ok = pcall(function() a.name = "other" end)\nlocal wf = Workflow.builder():sequential():add_step({ name = "s", type = "agent", agent = a, input = "direct" }):build()\nreturn { ok, a.name, wf:execute({}).metadata.extra.step_outputs.s }',
    'const a = Agent.builder().name("helper").model("mock/echo").build();\nlet ok = true;\ntry { a.name = "other"; } catch (e) { ok = false; }\nconst wf = Workflow.builder().sequential().add_step({ name: "s", type: "agent", agent: a, input: "direct" }).build();\nreturn [ok, a.name, (await wf.execute({})).metadata.extra.step_outputs.s];',
    { value: [false, "helper", "direct"] },
  ),
  {
    name: "io.write: chunks join into lines, print ends an open line, a trailing partial line is flushed",
    lua: 'io.write("a", "b")\nio.write("c\\nd")\nprint("!")\nio.write(1, " ", 2.5, "\\n")\nio.write("tail")\nreturn io.write == nil',
    js: 'console.log("abc");\nconsole.log("d!");\nconsole.log("1 2.5");\nconsole.log("tail");\nreturn false;',
    expect: { value: false, logs: ["abc", "d!", "1 2.5", "tail"] },
  },
  {
    name: "io.write: a partial line is flushed when the spell fails",
    lua: 'io.write("half a line")\nerror("boom")',
    js: 'console.log("half a line");\nthrow new Error("boom");',
    expect: { error: { kind: "runtime", line: 2, messageIncludes: "boom" }, logs: ["half a line"] },
  },
  {
    name: "io.write: the output cap applies to written text",
    lua: 'for i = 1, 200 do io.write("0123456789") end\nreturn true',
    js: 'console.log("0123456789".repeat(200));\nreturn true;',
    maxOutputBytes: 100 + OUTPUT_ENTRY_OVERHEAD_BYTES,
    expect: {
      value: true,
      logs: [
        "0123456789".repeat(10),
        `[output truncated: the run printed more than ${100 + OUTPUT_ENTRY_OVERHEAD_BYTES} bytes; the rest was dropped]`,
      ],
    },
  },
  {
    name: "io.write: Lua's io has only write, flush and stdout; no files or processes",
    lua: 'local k = {}\nfor name in pairs(io) do k[#k + 1] = name end\ntable.sort(k)\nreturn { table.concat(k, ","), io.open == nil, io.read == nil, io.lines == nil, io.popen == nil, io.stdout:write("") == io.stdout }',
    js: 'return ["flush,stdout,write", typeof require === "undefined", typeof process === "undefined", typeof fetch === "undefined", typeof std === "undefined", true];',
    expect: { value: ["flush,stdout,write", true, true, true, true, true] },
  },
  apiCase(
    "io.write: an agent's streamed chunks written with io.write make one line",
    'local agent = Agent.builder():model("mock/echo"):build()\nlocal r = agent:stream({ text = "one two three" }, function(chunk) io.write(chunk.text) end)\nio.write("\\n")\nreturn r.text',
    'const agent = Agent.builder().model("mock/echo").build();\nlet line = "";\nconst r = await agent.stream({ text: "one two three" }, (chunk) => { line += chunk.text; });\nconsole.log(line);\nreturn r.text;',
    { value: "one two three", logs: ["one two three"] },
  ),
];
