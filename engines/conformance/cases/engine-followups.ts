/**
 * Conformance: engine follow-ups. Plain fields that the spell API sends with a host object (`tool.name`,
 * `wf.id`) are readable on the script object, methods still work and win over a same-named field, and the
 * object still goes back to the host as its handle. Lua's sandboxed `io.write` is checked elsewhere (Lua only).
 */
import type { ConformanceCase } from "@/engines/conformance/types";
import { apiCase } from "@/lib/spell/conformance";

export const cases: ConformanceCase[] = [
  apiCase(
    "handle fields: Tool.get(\"calculator\").name is the tool's name",
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
];
