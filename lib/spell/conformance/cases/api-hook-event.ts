/** Conformance: the Hook and Event globals. */
import { expect as vexpect } from "vitest";
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

const CALC_LUA = 'Tool.execute("calculator", { operation = "evaluate", input = "2 + 3" })';
const CALC_JS = 'await Tool.execute("calculator", { operation: "evaluate", input: "2 + 3" })';

export const cases: ConformanceCase[] = [
  apiCase(
    "hook: BeforeToolExecution is called with point, component and params",
    `local seen\nHook.register("BeforeToolExecution", function(ctx) seen = ctx; return "continue" end)\n${CALC_LUA}\nreturn { seen.point, seen.component.type, seen.component.name, seen.data.params.input }`,
    `let seen;\nHook.register("BeforeToolExecution", (ctx) => { seen = ctx; return "continue"; });\n${CALC_JS};\nreturn [seen.point, seen.component.type, seen.component.name, seen.data.params.input];`,
    { value: ["BeforeToolExecution", "tool", "calculator", "2 + 3"] },
  ),
  apiCase(
    "hook: callbacks run in priority order",
    `local order = {}\nHook.register("BeforeToolExecution", function() order[#order + 1] = "low" end, "low")\nHook.register("BeforeToolExecution", function() order[#order + 1] = "highest" end, "highest")\nHook.register("BeforeToolExecution", function() order[#order + 1] = "normal" end)\n${CALC_LUA}\nreturn order`,
    `const order = [];\nHook.register("BeforeToolExecution", () => { order.push("low"); }, "low");\nHook.register("BeforeToolExecution", () => { order.push("highest"); }, "highest");\nHook.register("BeforeToolExecution", () => { order.push("normal"); });\n${CALC_JS};\nreturn order;`,
    { value: ["highest", "normal", "low"] },
  ),
  apiCase(
    "hook: skip stops the tool from running",
    `Hook.register("BeforeToolExecution", function() return "skip" end)\nlocal r = ${CALC_LUA}\nreturn { r.success, r.skipped }`,
    `Hook.register("BeforeToolExecution", () => "skip");\nconst r = ${CALC_JS};\nreturn [r.success, r.skipped];`,
    { value: [false, true] },
  ),
  apiCase(
    "hook: modified replaces the tool's parameters",
    `Hook.register("BeforeToolExecution", function(ctx) return { type = "modified", data = { params = { operation = "evaluate", input = "10 * 10" } } } end)\nreturn ${CALC_LUA}.result.result`,
    `Hook.register("BeforeToolExecution", (ctx) => ({ type: "modified", data: { params: { operation: "evaluate", input: "10 * 10" } } }));\nreturn (${CALC_JS}).result.result;`,
    { value: 100 },
  ),
  apiCase(
    "hook: modified on AfterToolExecution replaces the result",
    `Hook.register("AfterToolExecution", function(ctx) return { type = "modified", data = { result = { replaced = ctx.data.result.result.result } } } end)\nreturn ${CALC_LUA}`,
    `Hook.register("AfterToolExecution", (ctx) => ({ type: "modified", data: { result: { replaced: ctx.data.result.result.result } } }));\nreturn ${CALC_JS};`,
    { value: { replaced: 5 } },
  ),
  apiCase(
    "hook: cancel raises a catchable api error with the reason",
    `Hook.register("BeforeToolExecution", function() return { type = "cancel", reason = "not today" } end)\nlocal ok, e = pcall(function() return ${CALC_LUA} end)\nreturn { ok, e.kind, e.message }`,
    `Hook.register("BeforeToolExecution", () => ({ type: "cancel", reason: "not today" }));\ntry { ${CALC_JS}; return "no error"; } catch (e) { return [false, e.kind, e.message]; }`,
    { value: [false, "api", "BeforeToolExecution hook cancelled tool 'calculator': not today"] },
  ),
  apiCase(
    "hook: a hook that throws fails the call with an error naming the hook",
    `Hook.register("BeforeToolExecution", function() error("oops") end)\nlocal ok, e = pcall(function() return ${CALC_LUA} end)\nreturn { ok, string.find(e.message, "hook hook_1 at BeforeToolExecution failed", 1, true) ~= nil, string.find(e.message, "oops", 1, true) ~= nil }`,
    `Hook.register("BeforeToolExecution", () => { throw new Error("oops"); });\ntry { ${CALC_JS}; return "no error"; } catch (e) { return [false, e.message.includes("hook hook_1 at BeforeToolExecution failed"), e.message.includes("oops")]; }`,
    { value: [false, true, true] },
  ),
  apiCase(
    "hook: agent hooks see the input and the output",
    'local seen = {}\nHook.register("BeforeAgentExecution", function(ctx) seen[#seen + 1] = ctx.component.name .. ":" .. ctx.data.input.text end)\nHook.register("AfterAgentExecution", function(ctx) seen[#seen + 1] = ctx.data.output.text end)\nAgent.builder():name("hooked"):model("mock/echo"):build():execute({ text = "ping" })\nreturn seen',
    'const seen = [];\nHook.register("BeforeAgentExecution", (ctx) => { seen.push(ctx.component.name + ":" + ctx.data.input.text); });\nHook.register("AfterAgentExecution", (ctx) => { seen.push(ctx.data.output.text); });\nawait Agent.builder().name("hooked").model("mock/echo").build().execute({ text: "ping" });\nreturn seen;',
    { value: ["hooked:ping", "ping"] },
  ),
  apiCase(
    "hook: BeforeAgentExecution can rewrite the prompt",
    'Hook.register("BeforeAgentExecution", function() return { type = "modified", data = { input = { text = "rewritten" } } } end)\nreturn Agent.builder():model("mock/echo"):build():execute("original").text',
    'Hook.register("BeforeAgentExecution", () => ({ type: "modified", data: { input: { text: "rewritten" } } }));\nreturn (await Agent.builder().model("mock/echo").build().execute("original")).text;',
    { value: "rewritten" },
  ),
  apiCase(
    "hook: workflow stage hooks run around every step",
    'local steps = {}\nHook.register("BeforeWorkflowStage", function(ctx) steps[#steps + 1] = "before " .. ctx.data.step end)\nHook.register("AfterWorkflowStage", function(ctx) steps[#steps + 1] = "after " .. ctx.data.step end)\nlocal wf = Workflow.builder():sequential():add_step({ name = "a", type = "tool", tool = "uuid-generator", input = { operation = "generate" } }):add_step({ name = "b", type = "tool", tool = "uuid-generator", input = { operation = "generate" } }):build()\nwf:execute({})\nreturn steps',
    'const steps = [];\nHook.register("BeforeWorkflowStage", (ctx) => { steps.push("before " + ctx.data.step); });\nHook.register("AfterWorkflowStage", (ctx) => { steps.push("after " + ctx.data.step); });\nconst wf = Workflow.builder().sequential().add_step({ name: "a", type: "tool", tool: "uuid-generator", input: { operation: "generate" } }).add_step({ name: "b", type: "tool", tool: "uuid-generator", input: { operation: "generate" } }).build();\nawait wf.execute({});\nreturn steps;',
    { value: ["before a", "after a", "before b", "after b"] },
  ),
  apiCase(
    "hook: list, id, hook_point, unregister",
    'local h = Hook.register("ToolError", function() end, "high")\nHook.register("AgentError", function() end)\nlocal before = #Hook.list()\nlocal high = #Hook.list({ priority = "high" })\nlocal id, point = h:id(), h:hook_point()\nlocal first = h:unregister()\nreturn { before, high, id, point, first, h:unregister(), #Hook.list() }',
    'const h = Hook.register("ToolError", () => {}, "high");\nHook.register("AgentError", () => {});\nconst before = Hook.list().length;\nconst high = Hook.list({ priority: "high" }).length;\nconst id = h.id(), point = h.hook_point();\nconst first = h.unregister();\nreturn [before, high, id, point, first, h.unregister(), Hook.list().length];',
    { value: [2, 1, "hook_1", "ToolError", true, false, 1] },
  ),
  apiCase(
    "hook: an unknown hook point is not_found",
    'local ok, e = pcall(Hook.register, "BeforeLunch", function() end)\nreturn { ok, e.kind }',
    'try { Hook.register("BeforeLunch", () => {}); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "not_found"] },
  ),
  apiCase(
    "hook: Hook.Priority constants",
    "return { Hook.Priority.HIGH, Hook.Priority.LOWEST }",
    "return [Hook.Priority.HIGH, Hook.Priority.LOWEST];",
    { value: ["high", "lowest"] },
  ),
  apiCase(
    "event: publish then receive through a glob subscription",
    'local sub = Event.subscribe("user.*")\nlocal published = Event.publish("user.login", { id = 42 })\nlocal ev = Event.receive(sub, 100)\nreturn { published, ev.event_type, ev.data.id, ev.sequence }',
    'const sub = Event.subscribe("user.*");\nconst published = Event.publish("user.login", { id: 42 });\nconst ev = await Event.receive(sub, 100);\nreturn [published, ev.event_type, ev.data.id, ev.sequence];',
    {
      value: [true, "user.login", 42, 1],
      check: ({ events }) =>
        vexpect(
          events.some(
            (e) => e.type === "trace" && e.phase === "start" && e.kind === "event" && e.name === "user.login",
          ),
        ).toBe(true),
    },
  ),
  apiCase(
    "event: a non-matching event is not delivered; receive times out with nil",
    'local sub = Event.subscribe("user.*")\nEvent.publish("order.created", {})\nreturn Event.receive(sub, 10) == nil',
    'const sub = Event.subscribe("user.*");\nEvent.publish("order.created", {});\nreturn (await Event.receive(sub, 10)) === null;',
    { value: true },
  ),
  apiCase(
    "event: events queue in order",
    'local sub = Event.subscribe("n")\nfor i = 1, 3 do Event.publish("n", i) end\nreturn { Event.receive(sub, 0).data, Event.receive(sub, 0).data, Event.receive(sub, 0).data }',
    'const sub = Event.subscribe("n");\nfor (let i = 1; i <= 3; i++) Event.publish("n", i);\nreturn [(await Event.receive(sub, 0)).data, (await Event.receive(sub, 0)).data, (await Event.receive(sub, 0)).data];',
    { value: [1, 2, 3] },
  ),
  apiCase(
    "event: unsubscribe and list_subscriptions",
    'local a = Event.subscribe("a.*")\nlocal b = Event.subscribe("b")\nlocal n = #Event.list_subscriptions()\nreturn { n, Event.unsubscribe(a), Event.unsubscribe(a), #Event.list_subscriptions(), Event.list_subscriptions()[1].pattern }',
    'const a = Event.subscribe("a.*");\nconst b = Event.subscribe("b");\nconst n = Event.list_subscriptions().length;\nreturn [n, Event.unsubscribe(a), Event.unsubscribe(a), Event.list_subscriptions().length, Event.list_subscriptions()[0].pattern];',
    { value: [2, true, false, 1, "b"] },
  ),
  apiCase(
    "event: receiving on an unknown subscription is not_found",
    'local ok, e = pcall(function() return Event.receive("sub_999", 0) end)\nreturn { ok, e.kind }',
    'try { await Event.receive("sub_999", 0); return "no error"; } catch (e) { return [false, e.kind]; }',
    { value: [false, "not_found"] },
  ),
];
