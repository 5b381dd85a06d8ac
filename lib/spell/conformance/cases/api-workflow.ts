/** Conformance: the Workflow global (four types, placeholders, strategies, timeouts, nesting, result shape). */
import { expect as vexpect } from "vitest";
import type { TraceStart } from "@/lib/core/events";
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";
import { createMockLlmClient } from "@/lib/llm/mock";

const CALC_LUA = (name: string, expr: string) =>
  `{ name = "${name}", type = "tool", tool = "calculator", input = { operation = "evaluate", input = "${expr}" } }`;
const CALC_JS = (name: string, expr: string) =>
  `{ name: "${name}", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "${expr}" } }`;

export const cases: ConformanceCase[] = [
  apiCase(
    "workflow: sequential tool steps with rs-llmspell's result shape",
    `local wf = Workflow.builder():name("math"):sequential():add_step(${CALC_LUA("a", "2 + 2 * 3")}):build()\nlocal r = wf:execute({})\nlocal x = r.metadata.extra\nreturn { x.workflow_type, x.workflow_name, x.total_steps, x.successful_steps, x.failed_steps, x.step_outputs.a.result.result, string.find(r.text, "completed successfully", 1, true) ~= nil }`,
    `const wf = Workflow.builder().name("math").sequential().add_step(${CALC_JS("a", "2 + 2 * 3")}).build();\nconst r = await wf.execute({});\nconst x = r.metadata.extra;\nreturn [x.workflow_type, x.workflow_name, x.total_steps, x.successful_steps, x.failed_steps, x.step_outputs.a.result.result, r.text.includes("completed successfully")];`,
    { value: ["sequential", "math", 1, 1, 0, 8, true] },
  ),
  apiCase(
    "workflow: {{steps.<name>.output.<path>}} feeds one step into the next",
    `local wf = Workflow.builder():sequential():add_step(${CALC_LUA("a", "2 + 2 * 3")}):add_step(${CALC_LUA("b", "{{steps.a.output.result.result}} * 10")}):build()\nreturn wf:execute({}).metadata.extra.step_outputs.b.result.result`,
    `const wf = Workflow.builder().sequential().add_step(${CALC_JS("a", "2 + 2 * 3")}).add_step(${CALC_JS("b", "{{steps.a.output.result.result}} * 10")}).build();\nreturn (await wf.execute({})).metadata.extra.step_outputs.b.result.result;`,
    { value: 80 },
  ),
  apiCase(
    "workflow: {{input.field}} reads the execute input",
    `local wf = Workflow.builder():sequential():add_step(${CALC_LUA("a", "{{input.x}} + {{input.y}}")}):build()\nreturn wf:execute({ x = 40, y = 2 }).metadata.extra.step_outputs.a.result.result`,
    `const wf = Workflow.builder().sequential().add_step(${CALC_JS("a", "{{input.x}} + {{input.y}}")}).build();\nreturn (await wf.execute({ x: 40, y: 2 })).metadata.extra.step_outputs.a.result.result;`,
    { value: 42 },
  ),
  apiCase(
    "workflow: agent steps get interpolated prompts; agent_outputs by agent name",
    'Agent.builder():name("echo"):model("mock/echo"):build()\nlocal wf = Workflow.builder():sequential()\n  :add_step({ name = "s1", type = "agent", agent = "echo", input = "About {{input.topic}}" })\n  :add_step({ name = "s2", type = "agent", agent = "echo", input = "Again: {{steps.s1.output}}" })\n  :build()\nlocal x = wf:execute({ topic = "owls" }).metadata.extra\nreturn { x.step_outputs.s1, x.agent_outputs.echo }',
    'Agent.builder().name("echo").model("mock/echo").build();\nconst wf = Workflow.builder().sequential()\n  .add_step({ name: "s1", type: "agent", agent: "echo", input: "About {{input.topic}}" })\n  .add_step({ name: "s2", type: "agent", agent: "echo", input: "Again: {{steps.s1.output}}" })\n  .build();\nconst x = (await wf.execute({ topic: "owls" })).metadata.extra;\nreturn [x.step_outputs.s1, x.agent_outputs.echo];',
    { value: ["About owls", "Again: About owls"] },
  ),
  apiCase(
    "workflow: an agent step may name the agent object itself",
    'local a = Agent.builder():model("mock/echo"):build()\nlocal wf = Workflow.builder():sequential():add_step({ name = "s", type = "agent", agent = a, input = "direct" }):build()\nreturn wf:execute({}).metadata.extra.step_outputs.s',
    'const a = Agent.builder().model("mock/echo").build();\nconst wf = Workflow.builder().sequential().add_step({ name: "s", type: "agent", agent: a, input: "direct" }).build();\nreturn (await wf.execute({})).metadata.extra.step_outputs.s;',
    { value: "direct" },
  ),
  apiCase(
    "workflow: parallel runs every step and reports branches",
    `local wf = Workflow.builder():parallel():add_step(${CALC_LUA("a", "1")}):add_step(${CALC_LUA("b", "2")}):add_step(${CALC_LUA("c", "3")}):build()\nlocal x = wf:execute({}).metadata.extra\nreturn { x.workflow_type, x.successful_steps, x.total_branches, x.step_outputs.c.result.result }`,
    `const wf = Workflow.builder().parallel().add_step(${CALC_JS("a", "1")}).add_step(${CALC_JS("b", "2")}).add_step(${CALC_JS("c", "3")}).build();\nconst x = (await wf.execute({})).metadata.extra;\nreturn [x.workflow_type, x.successful_steps, x.total_branches, x.step_outputs.c.result.result];`,
    { value: ["parallel", 3, 3, 3] },
  ),
  apiCase(
    "workflow: parallel agent steps really overlap (three 300 ms replies in well under 900 ms)",
    'for _, n in ipairs({ "p1", "p2", "p3" }) do Agent.builder():name(n):model("mock/echo"):build() end\nlocal b = Workflow.builder():parallel()\nfor _, n in ipairs({ "p1", "p2", "p3" }) do b:add_step({ name = n, type = "agent", agent = n, input = "one two three" }) end\nreturn b:build():execute({}).metadata.extra.successful_steps',
    'for (const n of ["p1", "p2", "p3"]) Agent.builder().name(n).model("mock/echo").build();\nconst b = Workflow.builder().parallel();\nfor (const n of ["p1", "p2", "p3"]) b.add_step({ name: n, type: "agent", agent: n, input: "one two three" });\nreturn (await b.build().execute({})).metadata.extra.successful_steps;',
    { value: 3, check: ({ durationMs }) => vexpect(durationMs).toBeLessThan(750) },
    { runtime: () => ({ llm: createMockLlmClient({ chunkDelayMs: 100 }) }) },
  ),
  apiCase(
    "workflow: conditional picks the branch from shared data",
    `local wf = Workflow.builder():conditional():condition({ type = "shared_data_equals", key = "mode", value = "fast" })\n  :add_then_step(${CALC_LUA("fast", "1")}):add_else_step(${CALC_LUA("slow", "2")}):build()\nlocal first = wf:execute({}).metadata.extra.matched_branch\nwf:set_shared_data("mode", "fast")\nlocal second = wf:execute({}).metadata.extra\nreturn { first, second.matched_branch, second.step_outputs.fast.result.result }`,
    `const wf = Workflow.builder().conditional().condition({ type: "shared_data_equals", key: "mode", value: "fast" })\n  .add_then_step(${CALC_JS("fast", "1")}).add_else_step(${CALC_JS("slow", "2")}).build();\nconst first = (await wf.execute({})).metadata.extra.matched_branch;\nwf.set_shared_data("mode", "fast");\nconst second = (await wf.execute({})).metadata.extra;\nreturn [first, second.matched_branch, second.step_outputs.fast.result.result];`,
    { value: ["else", "then", 1] },
  ),
  apiCase(
    "workflow: loop over a range with {{loop_value}}",
    `local wf = Workflow.builder():loop():with_range({ start = 1, ["end"] = 4, step = 1 }):add_step(${CALC_LUA("sq", "{{loop_value}} ^ 2")}):build()\nlocal x = wf:execute({}).metadata.extra\nlocal out = {}\nfor i, it in ipairs(x.iterations) do out[i] = it.outputs.sq.result.result end\nreturn { x.total_iterations, out }`,
    `const wf = Workflow.builder().loop().with_range({ start: 1, end: 4, step: 1 }).add_step(${CALC_JS("sq", "{{loop_value}} ^ 2")}).build();\nconst x = (await wf.execute({})).metadata.extra;\nreturn [x.total_iterations, x.iterations.map((it) => it.outputs.sq.result.result)];`,
    { value: [3, [1, 4, 9]] },
  ),
  apiCase(
    "workflow: loop over a collection, capped by max_iterations",
    'local wf = Workflow.builder():loop():with_collection({ "a", "b", "c" }):max_iterations(2)\n  :add_step({ name = "up", type = "tool", tool = "text-manipulator", input = { operation = "uppercase", input = "{{loop_value}}" } }):build()\nlocal x = wf:execute({}).metadata.extra\nreturn { x.completed_iterations, x.break_reason, x.step_outputs.up.result.result }',
    'const wf = Workflow.builder().loop().with_collection(["a", "b", "c"]).max_iterations(2)\n  .add_step({ name: "up", type: "tool", tool: "text-manipulator", input: { operation: "uppercase", input: "{{loop_value}}" } }).build();\nconst x = (await wf.execute({})).metadata.extra;\nreturn [x.completed_iterations, x.break_reason, x.step_outputs.up.result.result];',
    { value: [2, "max_iterations", "B"] },
  ),
  apiCase(
    "workflow: fail_fast raises `Step 'x' failed`",
    'local wf = Workflow.builder():sequential():add_step({ name = "bad", type = "tool", tool = "calculator", input = {} }):build()\nlocal ok, e = pcall(function() return wf:execute({}) end)\nreturn { ok, e.kind, string.sub(e.message, 1, 18) }',
    'const wf = Workflow.builder().sequential().add_step({ name: "bad", type: "tool", tool: "calculator", input: {} }).build();\ntry { await wf.execute({}); return "no error"; } catch (e) { return [false, e.kind, e.message.slice(0, 18)]; }',
    { value: [false, "tool", "Step 'bad' failed:"] },
  ),
  apiCase(
    "workflow: continue records the failure and runs the rest",
    `local wf = Workflow.builder():sequential():error_strategy("continue"):add_step({ name = "bad", type = "tool", tool = "calculator", input = {} }):add_step(${CALC_LUA("ok", "5")}):build()\nlocal r = wf:execute({})\nreturn { r.success, r.metadata.extra.failed_steps, r.metadata.extra.successful_steps, r.metadata.extra.errors.bad ~= nil }`,
    `const wf = Workflow.builder().sequential().error_strategy("continue").add_step({ name: "bad", type: "tool", tool: "calculator", input: {} }).add_step(${CALC_JS("ok", "5")}).build();\nconst r = await wf.execute({});\nreturn [r.success, r.metadata.extra.failed_steps, r.metadata.extra.successful_steps, r.metadata.extra.errors.bad !== undefined];`,
    { value: [false, 1, 1, true] },
  ),
  apiCase(
    "workflow: retry runs a failing step again",
    'local n = 0\nTool.register({ name = "flaky", execute = function() n = n + 1; if n < 2 then error("not yet") end; return { success = true, result = n } end })\nlocal wf = Workflow.builder():sequential():error_strategy("retry"):add_step({ name = "f", type = "tool", tool = "flaky" }):build()\nreturn { wf:execute({}).metadata.extra.successful_steps, n }',
    'let n = 0;\nTool.register({ name: "flaky", execute: () => { n++; if (n < 2) throw new Error("not yet"); return { success: true, result: n }; } });\nconst wf = Workflow.builder().sequential().error_strategy("retry").add_step({ name: "f", type: "tool", tool: "flaky" }).build();\nreturn [(await wf.execute({})).metadata.extra.successful_steps, n];',
    { value: [1, 2] },
  ),
  apiCase(
    "workflow: timeout_ms gives a timeout error",
    'Agent.builder():name("slow"):model("mock/echo"):build()\nlocal wf = Workflow.builder():sequential():timeout_ms(50):add_step({ name = "s", type = "agent", agent = "slow", input = "a b c d e f" }):build()\nlocal ok, e = pcall(function() return wf:execute({}) end)\nreturn { ok, e.kind }',
    'Agent.builder().name("slow").model("mock/echo").build();\nconst wf = Workflow.builder().sequential().timeout_ms(50).add_step({ name: "s", type: "agent", agent: "slow", input: "a b c d e f" }).build();\ntry { await wf.execute({}); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "timeout"] },
    { runtime: () => ({ llm: createMockLlmClient({ chunkDelayMs: 100 }) }) },
  ),
  apiCase(
    "workflow: nested workflow steps",
    `local inner = Workflow.builder():name("inner"):sequential():add_step(${CALC_LUA("c", "{{input.n}} + 1")}):build()\nlocal outer = Workflow.builder():name("outer"):sequential():add_step({ name = "sub", type = "workflow", workflow = inner, input = { n = 41 } }):build()\nreturn outer:execute({}).metadata.extra.step_outputs.sub.metadata.extra.step_outputs.c.result.result`,
    `const inner = Workflow.builder().name("inner").sequential().add_step(${CALC_JS("c", "{{input.n}} + 1")}).build();\nconst outer = Workflow.builder().name("outer").sequential().add_step({ name: "sub", type: "workflow", workflow: inner, input: { n: 41 } }).build();\nreturn (await outer.execute({})).metadata.extra.step_outputs.sub.metadata.extra.step_outputs.c.result.result;`,
    {
      value: 42,
      check: ({ events }) => {
        const starts = events.filter((e): e is TraceStart => e.type === "trace" && e.phase === "start");
        const inner = starts.find((s) => s.kind === "workflow" && s.name === "inner");
        const sub = starts.find((s) => s.kind === "step" && s.name === "sub");
        vexpect(inner?.parentId).toBe(sub?.id);
      },
    },
  ),
  apiCase(
    "workflow: an unknown step type is a type error naming it",
    'local ok, e = pcall(function() Workflow.builder():sequential():add_step({ name = "x", type = "magic" }) end)\nreturn { ok, e.kind, e.message }',
    'try { Workflow.builder().sequential().add_step({ name: "x", type: "magic" }); return "no error"; } catch (e) { return [false, e.kind, e.message]; }',
    {
      value: [
        false,
        "type",
        'Workflow.builder():add_step: Unknown step type \'magic\' (use "tool", "agent" or "workflow")',
      ],
    },
  ),
  apiCase(
    "workflow: build without a type raises",
    'local ok, e = pcall(function() return Workflow.builder():name("w"):build() end)\nreturn { ok, e.kind, string.find(e.message, "Workflow type not specified", 1, true) ~= nil }',
    'try { Workflow.builder().name("w").build(); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("Workflow type not specified")]; }',
    { value: [false, "api", true] },
  ),
  apiCase(
    "workflow: get_output, list_outputs, get_info after execute",
    `local wf = Workflow.builder():name("info"):sequential():add_step(${CALC_LUA("a", "3")}):build()\nlocal before = pcall(function() return wf:get_output("a") end)\nwf:execute({})\nlocal info = wf:get_info()\nreturn { before, wf:get_output("a").result.result, wf:list_outputs(), info.name, info.type, #info.steps }`,
    `const wf = Workflow.builder().name("info").sequential().add_step(${CALC_JS("a", "3")}).build();\nlet before = true;\ntry { wf.get_output("a"); } catch { before = false; }\nawait wf.execute({});\nconst info = wf.get_info();\nreturn [before, wf.get_output("a").result.result, wf.list_outputs(), info.name, info.type, info.steps.length];`,
    { value: [false, 3, ["a"], "info", "sequential", 1] },
  ),
  apiCase(
    "workflow: table-style constructors, types, list, get",
    `local s = Workflow.sequential({ name = "t1", steps = { ${CALC_LUA("a", "1 + 1")} } })\nlocal l = Workflow.loop({ name = "t2", iterator = { range = { start = 0, ["end"] = 3 } }, body = { ${CALC_LUA("a", "{{loop_value}}")} } })\nreturn { s:execute({}).metadata.extra.step_outputs.a.result.result, l:execute({}).metadata.extra.total_iterations, Workflow.types(), #Workflow.list(), Workflow.get("t2") ~= nil }`,
    `const s = Workflow.sequential({ name: "t1", steps: [${CALC_JS("a", "1 + 1")}] });\nconst l = Workflow.loop({ name: "t2", iterator: { range: { start: 0, end: 3 } }, body: [${CALC_JS("a", "{{loop_value}}")}] });\nreturn [(await s.execute({})).metadata.extra.step_outputs.a.result.result, (await l.execute({})).metadata.extra.total_iterations, Workflow.types(), Workflow.list().length, Workflow.get("t2") != null];`,
    { value: [2, 3, ["sequential", "parallel", "conditional", "loop"], 2, true] },
  ),
  apiCase(
    "workflow: traces nest workflow > step > tool",
    `local wf = Workflow.builder():name("traced"):sequential():add_step(${CALC_LUA("a", "1")}):build()\nwf:execute({})\nreturn true`,
    `const wf = Workflow.builder().name("traced").sequential().add_step(${CALC_JS("a", "1")}).build();\nawait wf.execute({});\nreturn true;`,
    {
      value: true,
      check: ({ events }) => {
        const starts = events.filter((e): e is TraceStart => e.type === "trace" && e.phase === "start");
        const [w] = starts.filter((s) => s.kind === "workflow");
        const [s] = starts.filter((x) => x.kind === "step");
        const [t] = starts.filter((x) => x.kind === "tool");
        vexpect([w?.name, s?.parentId, t?.parentId]).toEqual(["traced", w?.id, s?.id]);
        vexpect(events.filter((e) => e.type === "trace" && e.phase === "end").length).toBe(starts.length);
      },
    },
  ),
  apiCase(
    "workflow: validate reports unknown tools",
    'local wf = Workflow.builder():sequential():add_step({ name = "x", type = "tool", tool = "no-such" }):build()\nlocal v = wf:validate()\nreturn { v.valid, #v.errors }',
    'const wf = Workflow.builder().sequential().add_step({ name: "x", type: "tool", tool: "no-such" }).build();\nconst v = wf.validate();\nreturn [v.valid, v.errors.length];',
    { value: [false, 1] },
  ),
];
