/** Conformance: Template (rs-llmspell 0.14's names, argument forms, result shapes and errors) and its built-ins. */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";
import { jsError, luaError } from "@/lib/spell/conformance/error-probes";

const IDS = [
  "research-assistant",
  "interactive-chat",
  "data-analysis",
  "code-generator",
  "document-processor",
  "workflow-orchestrator",
];
const LUA_IDS = `local function ids(l) local o = {} for i, t in ipairs(l) do o[i] = t.id end return o end\n`;
const JS_IDS = `const ids = (l) => l.map((t) => t.id);\n`;

export const cases: ConformanceCase[] = [
  // ----- discovery
  apiCase(
    "template: list returns the six built-ins with rs-llmspell's metadata fields",
    LUA_IDS +
      "local l = Template.list()\nlocal t = l[1]\nreturn { ids(l), t.name, t.category, t.version, type(t.description), type(t.author), t.requires, t.tags[1] }",
    JS_IDS +
      "const l = Template.list();\nconst t = l[0];\nreturn [ids(l), t.name, t.category, t.version, typeof t.description, typeof t.author, t.requires, t.tags[0]];",
    { value: [IDS, "Research Assistant", "Research", "0.1.0", "string", "string", ["rag"], "research"] },
  ),
  apiCase(
    "template: list(category) filters case-blind, and orchestration means workflow",
    LUA_IDS +
      'return { ids(Template.list("codegen")), ids(Template.list("Chat")), ids(Template.list("orchestration")), #Template.list("custom-thing") }',
    JS_IDS +
      'return [ids(Template.list("codegen")), ids(Template.list("Chat")), ids(Template.list("orchestration")), Template.list("custom-thing").length];',
    { value: [["code-generator"], ["interactive-chat"], ["workflow-orchestrator"], 0] },
  ),
  apiCase(
    "template: categories read as rs-llmspell prints them",
    "local out = {}\nfor i, t in ipairs(Template.list()) do out[i] = t.category end\nreturn out",
    "return Template.list().map((t) => t.category);",
    { value: ["Research", "Chat", "Analysis", "CodeGen", "Document", "Workflow"] },
  ),
  apiCase(
    "template: search matches every word against id, name, description and tags, optionally in a category",
    LUA_IDS +
      'return { ids(Template.search("research")), ids(Template.search("code tests")), #Template.search("research", "chat"), #Template.search("nothing-like-this") }',
    JS_IDS +
      'return [ids(Template.search("research")), ids(Template.search("code tests")), Template.search("research", "chat").length, Template.search("nothing-like-this").length];',
    { value: [["research-assistant"], ["code-generator"], 0, 0] },
  ),
  apiCase(
    "template: info returns metadata, and the schema only with show_schema",
    'local a = Template.info("research-assistant")\nlocal b = Template.info("research-assistant", true)\nreturn { a.metadata.id, a.schema == nil, b.schema.version, b.schema.parameters[1].name }',
    'const a = Template.info("research-assistant");\nconst b = Template.info("research-assistant", true);\nreturn [a.metadata.id, a.schema === undefined, b.schema.version, b.schema.parameters[0].name];',
    { value: ["research-assistant", true, "1.0", "topic"] },
  ),
  apiCase(
    "template: schema parameters have rs-llmspell's fields and constraints",
    'local s = Template.schema("research-assistant")\nlocal byName = {}\nfor _, p in ipairs(s.parameters) do byName[p.name] = p end\nlocal t, m, f = byName.topic, byName.max_sources, byName.output_format\nreturn { t.param_type, t.required, t.min_length, m.param_type, m.required, m.default, m.min, m.max, f.allowed_values }',
    'const s = Template.schema("research-assistant");\nconst byName = Object.fromEntries(s.parameters.map((p) => [p.name, p]));\nconst t = byName.topic, m = byName.max_sources, f = byName.output_format;\nreturn [t.param_type, t.required, t.min_length, m.param_type, m.required, m.default, m.min, m.max, f.allowed_values];',
    { value: ["String", true, 3, "Integer", false, 5, 1, 50, ["markdown", "json", "html"]] },
  ),
  apiCase(
    "template: schema also gives a JSON Schema",
    'local j = Template.schema("code-generator").json_schema\nreturn { j.type, j.required, j.properties.description.minLength, j.properties.language.enum[1] }',
    'const j = Template.schema("code-generator").json_schema;\nreturn [j.type, j.required, j.properties.description.minLength, j.properties.language.enum[0]];',
    { value: ["object", ["description"], 10, "rust"] },
  ),
  apiCase(
    "template: every built-in declares a schema",
    "local out = {}\nfor i, t in ipairs(Template.list()) do out[i] = #Template.schema(t.id).parameters > 2 end\nreturn out",
    "return Template.list().map((t) => Template.schema(t.id).parameters.length > 2);",
    { value: [true, true, true, true, true, true] },
  ),
  apiCase(
    "template: a missing template is not_found for info, naming the templates",
    luaError('Template.info("nope")'),
    jsError('Template.info("nope")'),
    { value: [false, "not_found", `Template.info: template not found: "nope" (templates: ${IDS.join(", ")})`] },
  ),
  apiCase(
    "template: a missing template is not_found for execute",
    luaError('Template.execute("nope", {})'),
    jsError('Template.execute("nope", {})'),
    { value: [false, "not_found", `Template.execute: template not found: "nope" (templates: ${IDS.join(", ")})`] },
  ),
  apiCase(
    "template: a missing template is not_found for schema and estimate_cost",
    'local a, e1 = pcall(Template.schema, "nope")\nlocal b, e2 = pcall(Template.estimate_cost, "nope", {})\nreturn { e1.kind, e2.kind }',
    'const k = async (f) => { try { await f(); return "none"; } catch (e) { return e.kind; } };\nreturn [await k(() => Template.schema("nope")), await k(() => Template.estimate_cost("nope", {}))];',
    { value: ["not_found", "not_found"] },
  ),

  // ----- execute: rs-llmspell's output shape
  apiCase(
    "template: execute returns result_type, result, metadata and metrics",
    'local o = Template.execute("interactive-chat", { message = "hello there", tools = {}, enable_memory = false })\nreturn { o.result_type, type(o.result), o.metadata.template_id, o.metadata.template_version, type(o.metadata.executed_at), o.metadata.parameters.message, math.type(o.metrics.duration_ms), o.metrics.agents_invoked, o.metrics.tokens_used > 0 }',
    'const o = await Template.execute("interactive-chat", { message: "hello there", tools: [], enable_memory: false });\nreturn [o.result_type, typeof o.result, o.metadata.template_id, o.metadata.template_version, typeof o.metadata.executed_at, o.metadata.parameters.message, Number.isInteger(o.metrics.duration_ms) ? "integer" : "float", o.metrics.agents_invoked, o.metrics.tokens_used > 0];',
    { value: ["text", "string", "interactive-chat", "0.1.0", "string", "hello there", "integer", 1, true] },
  ),
  apiCase(
    "template: defaults are filled in and recorded in metadata.parameters",
    'local o = Template.execute("code-generator", { description = "a function that adds two numbers" })\nlocal p = o.metadata.parameters\nreturn { p.language, p.include_tests, p.model }',
    'const o = await Template.execute("code-generator", { description: "a function that adds two numbers" });\nconst p = o.metadata.parameters;\nreturn [p.language, p.include_tests, p.model];',
    { value: ["lua", true, "mock/default"] },
  ),
  apiCase(
    "template: research-assistant cites the RAG sources that match the topic",
    'RAG.ingest({ { id = "tokio", content = "Rust async code runs on executors such as tokio" }, { id = "paris", content = "Paris is the capital of France" } })\nlocal o = Template.execute("research-assistant", { topic = "Rust async executors", max_sources = 1 })\nreturn { o.result_type, string.find(o.result, "[1] tokio", 1, true) ~= nil, string.find(o.result, "paris", 1, true) == nil, o.artifacts[1].filename, o.artifacts[1].mime_type }',
    'await RAG.ingest([{ id: "tokio", content: "Rust async code runs on executors such as tokio" }, { id: "paris", content: "Paris is the capital of France" }]);\nconst o = await Template.execute("research-assistant", { topic: "Rust async executors", max_sources: 1 });\nreturn [o.result_type, o.result.includes("[1] tokio"), !o.result.includes("paris"), o.artifacts[0].filename, o.artifacts[0].mime_type];',
    { value: ["text", true, true, "research-report.md", "text/markdown"] },
  ),
  apiCase(
    "template: research-assistant in json gives a structured result with the sources",
    'RAG.ingest({ id = "k", content = "Kettles boil water quickly" })\nlocal o = Template.execute("research-assistant", { topic = "kettles", output_format = "json" })\nreturn { o.result_type, o.result.topic, o.result.sources[1].id, o.result.sources[1].n }',
    'await RAG.ingest({ id: "k", content: "Kettles boil water quickly" });\nconst o = await Template.execute("research-assistant", { topic: "kettles", output_format: "json" });\nreturn [o.result_type, o.result.topic, o.result.sources[0].id, o.result.sources[0].n];',
    { value: ["structured", "kettles", "k", 1] },
  ),
  apiCase(
    "template: with a session id, research-assistant keeps its report as an artifact",
    'RAG.ingest({ id = "k", content = "Kettles boil water quickly" })\nlocal sid = Session.create({ name = "research" })\nTemplate.execute("research-assistant", { topic = "kettles", session_id = sid })\nlocal a = Artifact.list(sid)[1]\nreturn { a.name, a.artifact_type, a.mime_type, a.tags[1] }',
    'await RAG.ingest({ id: "k", content: "Kettles boil water quickly" });\nconst sid = await Session.create({ name: "research" });\nawait Template.execute("research-assistant", { topic: "kettles", session_id: sid });\nconst a = (await Artifact.list(sid))[0];\nreturn [a.name, a.artifact_type, a.mime_type, a.tags[0]];',
    { value: ["research-report.md", "AgentOutput", "text/markdown", "research"] },
  ),
  apiCase(
    "template: interactive-chat with memory remembers the turn and sends it back next time",
    'Template.execute("interactive-chat", { message = "my name is Ada", enable_memory = true, memory_session = "m" })\nTemplate.execute("interactive-chat", { message = "what is my name?", enable_memory = true, memory_session = "m" })\nlocal e = Memory.episodic.search("m", "", 10)\nreturn { #e, Memory.stats().episodic_count }',
    'await Template.execute("interactive-chat", { message: "my name is Ada", enable_memory: true, memory_session: "m" });\nawait Template.execute("interactive-chat", { message: "what is my name?", enable_memory: true, memory_session: "m" });\nconst e = await Memory.episodic.search("m", "", 10);\nreturn [e.length, (await Memory.stats()).episodic_count];',
    {
      value: [4, 4],
      check: ({ events }) => {
        const second = events.filter((e) => e.type === "trace" && e.phase === "start" && e.kind === "model")[1];
        // system prompt, the first turn (user and assistant), the new message
        const input = second && "input" in second ? (second.input as { messages?: unknown[] } | undefined) : undefined;
        if (input?.messages?.length !== 4)
          throw new Error("the second turn's model call did not get the first turn as history");
      },
    },
  ),
  apiCase(
    "template: interactive-chat without a message raises unsupported_feature (no terminal)",
    luaError('Template.execute("interactive-chat", {})'),
    jsError('Template.execute("interactive-chat", {})'),
    {
      value: [
        false,
        "unsupported_feature",
        'Template.execute("interactive-chat"): interactive mode needs a terminal; pass params.message for one turn',
      ],
    },
  ),
  apiCase(
    "template: interactive-chat with an unknown session is not_found",
    luaError(
      'Template.execute("interactive-chat", { message = "hi", session_id = "00000000-0000-4000-8000-000000000000" })',
    ),
    jsError(
      'Template.execute("interactive-chat", { message: "hi", session_id: "00000000-0000-4000-8000-000000000000" })',
    ),
    {
      value: [
        false,
        "not_found",
        'Template.execute("interactive-chat"): session not found: 00000000-0000-4000-8000-000000000000',
      ],
    },
  ),
  apiCase(
    "template: data-analysis computes statistics and correlations from CSV text",
    'local o = Template.execute("data-analysis", { data = "city,temp,rain\\nA,10,5\\nB,20,3\\nC,30,1", analysis_type = "correlation", chart_type = "line" })\nlocal r = o.result\nreturn { o.result_type, r.rows, r.statistics.temp.mean, r.statistics.rain.max, r.correlations["temp~rain"], r.chart.type, r.chart.x }',
    'const o = await Template.execute("data-analysis", { data: "city,temp,rain\\nA,10,5\\nB,20,3\\nC,30,1", analysis_type: "correlation", chart_type: "line" });\nconst r = o.result;\nreturn [o.result_type, r.rows, r.statistics.temp.mean, r.statistics.rain.max, r.correlations["temp~rain"], r.chart.type, r.chart.x];',
    { value: ["structured", 3, 20, 5, -1, "line", "city"] },
  ),
  apiCase(
    "template: data-analysis takes a list of rows too",
    'local o = Template.execute("data-analysis", { data = { { x = 1, y = 2 }, { x = 3, y = 6 } } })\nreturn { o.result.statistics.y.mean, o.result.correlations == nil }',
    'const o = await Template.execute("data-analysis", { data: [{ x: 1, y: 2 }, { x: 3, y: 6 }] });\nreturn [o.result.statistics.y.mean, o.result.correlations === undefined];',
    { value: [4, true] },
  ),
  apiCase(
    "template: data-analysis with data_file raises unsupported_feature",
    luaError('Template.execute("data-analysis", { data_file = "sales.csv" })'),
    jsError('Template.execute("data-analysis", { data_file: "sales.csv" })'),
    {
      value: [
        false,
        "unsupported_feature",
        'Template.execute("data-analysis"): data_file needs a file system, which spells do not have here; pass the data itself as params.data',
      ],
    },
  ),
  apiCase(
    "template: code-generator runs spec, implementation and test agents and returns code files",
    'local o = Template.execute("code-generator", { description = "a function that reverses a string", language = "python" })\nreturn { o.result_type, o.result.language, type(o.result.code), type(o.result.tests), o.metrics.agents_invoked, o.artifacts[1].filename, o.artifacts[2].filename }',
    'const o = await Template.execute("code-generator", { description: "a function that reverses a string", language: "python" });\nreturn [o.result_type, o.result.language, typeof o.result.code, typeof o.result.tests, o.metrics.agents_invoked, o.artifacts[0].filename, o.artifacts[1].filename];',
    { value: ["structured", "python", "string", "string", 3, "main.py", "main_test.py"] },
  ),
  apiCase(
    "template: code-generator without tests runs two agents",
    'local o = Template.execute("code-generator", { description = "a function that reverses a string", include_tests = false })\nreturn { o.metrics.agents_invoked, o.result.tests == nil, #o.artifacts }',
    'const o = await Template.execute("code-generator", { description: "a function that reverses a string", include_tests: false });\nreturn [o.metrics.agents_invoked, o.result.tests === undefined, o.artifacts.length];',
    { value: [2, true, 1] },
  ),
  apiCase(
    "template: document-processor transforms each document",
    'local o = Template.execute("document-processor", { documents = { "First text.", { name = "notes", content = "Second text." } }, output_format = "json" })\nlocal d = o.result.documents\nreturn { o.result_type, o.result.transformation_type, #d, d[1].name, d[2].name, type(d[2].output), o.metrics.agents_invoked }',
    'const o = await Template.execute("document-processor", { documents: ["First text.", { name: "notes", content: "Second text." }], output_format: "json" });\nconst d = o.result.documents;\nreturn [o.result_type, o.result.transformation_type, d.length, d[0].name, d[1].name, typeof d[1].output, o.metrics.agents_invoked];',
    { value: ["structured", "summarize", 2, "document-1", "notes", "string", 2] },
  ),
  apiCase(
    "template: document-processor with document_paths raises unsupported_feature",
    luaError('Template.execute("document-processor", { document_paths = { "a.pdf" } })'),
    jsError('Template.execute("document-processor", { document_paths: ["a.pdf"] })'),
    {
      value: [
        false,
        "unsupported_feature",
        'Template.execute("document-processor"): document_paths needs a file system, which spells do not have here; pass the texts as params.documents',
      ],
    },
  ),
  apiCase(
    "template: workflow-orchestrator runs agent and tool steps as a Workflow with placeholders",
    'local o = Template.execute("workflow-orchestrator", { workflow_config = { name = "wf", steps = { { name = "draft", type = "agent", prompt = "Write about {{input.topic}}" }, { name = "calc", type = "tool", tool = "calculator", input = { operation = "evaluate", input = "6 * 7" } } } }, input = { topic = "cats" } })\nlocal r = o.result\nreturn { r.workflow, r.mode, r.success, r.steps_run, string.find(r.step_outputs.draft, "Write about cats", 1, true) ~= nil, r.final_output.result.result, o.metrics.agents_invoked }',
    'const o = await Template.execute("workflow-orchestrator", { workflow_config: { name: "wf", steps: [{ name: "draft", type: "agent", prompt: "Write about {{input.topic}}" }, { name: "calc", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "6 * 7" } }] }, input: { topic: "cats" } });\nconst r = o.result;\nreturn [r.workflow, r.mode, r.success, r.steps_run, r.step_outputs.draft.includes("Write about cats"), r.final_output.result.result, o.metrics.agents_invoked];',
    { value: ["wf", "sequential", true, 2, true, 42, 1] },
  ),
  apiCase(
    "template: workflow-orchestrator rejects a bad step and more steps than max_steps",
    'local a, e1 = pcall(Template.execute, "workflow-orchestrator", { workflow_config = { steps = { { name = "x", type = "shell" } } } })\nlocal b, e2 = pcall(Template.execute, "workflow-orchestrator", { workflow_config = { steps = { { name = "a", type = "agent", prompt = "p" }, { name = "b", type = "agent", prompt = "q" } } }, max_steps = 1 })\nreturn { e1.kind, e2.kind, e2.message }',
    'const m = async (f) => { try { await f(); return ["none"]; } catch (e) { return [e.kind, e.message]; } };\nconst [k1] = await m(() => Template.execute("workflow-orchestrator", { workflow_config: { steps: [{ name: "x", type: "shell" }] } }));\nconst [k2, m2] = await m(() => Template.execute("workflow-orchestrator", { workflow_config: { steps: [{ name: "a", type: "agent", prompt: "p" }, { name: "b", type: "agent", prompt: "q" }] }, max_steps: 1 }));\nreturn [k1, k2, m2];',
    {
      value: ["type", "api", 'Template.execute("workflow-orchestrator"): the workflow has 2 steps; max_steps allows 1'],
    },
  ),

  // ----- parameter checks
  apiCase(
    "template: a missing required parameter is a type error naming it",
    luaError('Template.execute("research-assistant", { max_sources = 3 })'),
    jsError('Template.execute("research-assistant", { max_sources: 3 })'),
    {
      value: [false, "type", 'Template.execute("research-assistant") needs params.topic (Research topic or question)'],
    },
  ),
  apiCase(
    "template: a parameter below its minimum is a type error naming it",
    luaError('Template.execute("research-assistant", { topic = "rust", max_sources = 0 })'),
    jsError('Template.execute("research-assistant", { topic: "rust", max_sources: 0 })'),
    {
      value: [
        false,
        "type",
        'Template.execute("research-assistant") expects params.max_sources to be a value >= 1, got number 0',
      ],
    },
  ),
  apiCase(
    "template: a value outside allowed_values is a type error listing them",
    luaError('Template.execute("code-generator", { description = "a function that adds", language = "cobol" })'),
    jsError('Template.execute("code-generator", { description: "a function that adds", language: "cobol" })'),
    {
      value: [
        false,
        "type",
        'Template.execute("code-generator") expects params.language to be one of "rust", "python", "javascript", "typescript", "go", "java", "cpp", "lua", got "cobol"',
      ],
    },
  ),
  apiCase(
    "template: a string shorter than min_length is a type error",
    luaError('Template.execute("code-generator", { description = "short" })'),
    jsError('Template.execute("code-generator", { description: "short" })'),
    {
      value: [
        false,
        "type",
        'Template.execute("code-generator") expects params.description to be a string of at least 10 characters, got "short"',
      ],
    },
  ),
  apiCase(
    "template: a wrong parameter type is a type error",
    luaError('Template.execute("code-generator", { description = "a function that adds", include_tests = "yes" })'),
    jsError('Template.execute("code-generator", { description: "a function that adds", include_tests: "yes" })'),
    {
      value: [
        false,
        "type",
        'Template.execute("code-generator") expects params.include_tests to be a boolean, got string',
      ],
    },
  ),
  apiCase(
    "template: params must be a table",
    'local ok, e = pcall(Template.execute, "code-generator", "x")\nreturn { ok, e.kind, string.sub(e.message, 1, 52) }',
    'try { await Template.execute("code-generator", "x"); return [true]; } catch (e) { return [false, e.kind, e.message.slice(0, 52)]; }',
    { value: [false, "type", 'Template.execute("code-generator") expects params to'] },
  ),

  // ----- estimate_cost, tracing
  apiCase(
    "template: estimate_cost returns tokens, duration, cost and confidence",
    'local e = Template.estimate_cost("code-generator", { description = "a function that reverses a string" })\nlocal f = Template.estimate_cost("code-generator", { description = "a function that reverses a string", include_tests = false })\nreturn { e.estimated_tokens > f.estimated_tokens, e.estimated_duration_ms, f.estimated_duration_ms, e.estimated_cost_usd, e.confidence }',
    'const e = await Template.estimate_cost("code-generator", { description: "a function that reverses a string" });\nconst f = await Template.estimate_cost("code-generator", { description: "a function that reverses a string", include_tests: false });\nreturn [e.estimated_tokens > f.estimated_tokens, e.estimated_duration_ms, f.estimated_duration_ms, e.estimated_cost_usd, e.confidence];',
    { value: [true, 4500, 3000, 0, 0.5] },
  ),
  apiCase(
    "template: estimate_cost checks params like execute",
    luaError('Template.estimate_cost("research-assistant", {})'),
    jsError('Template.estimate_cost("research-assistant", {})'),
    {
      value: [
        false,
        "type",
        'Template.estimate_cost("research-assistant") needs params.topic (Research topic or question)',
      ],
    },
  ),
  apiCase(
    "template: execute traces a span with the template's agents nested under it",
    'Template.execute("code-generator", { description = "a function that reverses a string", include_tests = false })\nreturn true',
    'await Template.execute("code-generator", { description: "a function that reverses a string", include_tests: false });\nreturn true;',
    {
      value: true,
      check: ({ events }) => {
        const starts = events.filter((e) => e.type === "trace" && e.phase === "start");
        const tpl = starts.find(
          (e) => e.type === "trace" && e.phase === "start" && e.name === "template:code-generator",
        );
        const agents = starts.filter((e) => e.type === "trace" && e.phase === "start" && e.kind === "agent");
        if (
          !tpl ||
          agents.length !== 2 ||
          agents.some((a) => a.type === "trace" && a.phase === "start" && a.parentId !== tpl.id)
        )
          throw new Error("expected a template span with its two agents under it");
      },
    },
  ),
];
