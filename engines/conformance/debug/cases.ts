/**
 * Debugger conformance: the same spell in Lua and JavaScript (written so their lines match), the same
 * breakpoints and client actions, one expected sequence of pauses. Run by lib/runner/debug-conformance.test.ts
 * against both engines.
 */
import type { DebugConformanceCase } from "../../../lib/core/conformance";

const ADD_LUA = `local k = 10
local function add(a, b)
  local s = a + b + k
  return s
end
local x = add(1, 2)
local y = add(x, 1)
return x + y`;

const ADD_JS = `const k = 10;
function add(a, b) {
  const s = a + b + k;
  return s;
}
const x = add(1, 2);
const y = add(x, 1);
return x + y;`;

const COUNTER_LUA = `local function counter()
  local n = 0
  return function(step)
    n = n + step
    return n
  end
end
local c = counter()
c(1)
c(2)
return c(3)`;

const COUNTER_JS = `function counter() {
  let n = 0;
  return function (step) {
    n = n + step;
    return n;
  };
}
const c = counter();
c(1);
c(2);
return c(3);`;

const LOOP_LUA = `local total = 0
for i = 1, 5 do
  total = total + i
end
return total`;

const LOOP_JS = `let total = 0;
for (let i = 1; i <= 5; i++) {
  total = total + i;
}
return total;`;

const TOOL_LUA = `local x = 3
local r = Tool.execute("calculator", { input = "x * 2", variables = { x = x } })
local y = r.result.result
return y`;

const TOOL_JS = `const x = 3;
const r = await Tool.execute("calculator", { input: "x * 2", variables: { x: x } });
const y = r.result.result;
return y;`;

const AGENT_LUA = `local agent = Agent.builder():name("echoer"):model("mock/echo"):build()
local r = agent:execute({ text = "hello owl" })
return r.text`;

const AGENT_JS = `const agent = Agent.builder().name("echoer").model("mock/echo").build();
const r = await agent.execute({ text: "hello owl" });
return r.text;`;

const CALC_LUA = (name: string, expr: string) =>
  `{ name = "${name}", type = "tool", tool = "calculator", input = { input = "${expr}" } }`;
const CALC_JS = (name: string, expr: string) =>
  `{ name: "${name}", type: "tool", tool: "calculator", input: { input: "${expr}" } }`;

const WORKFLOW_LUA = `local wf = Workflow.builder():name("math"):sequential():add_step(${CALC_LUA("a", "2 * 3")}):add_step(${CALC_LUA("b", "{{steps.a.output.result.result}} + 1")}):build()
local r = wf:execute({})
return r.metadata.extra.step_outputs.b.result.result`;

const WORKFLOW_JS = `const wf = Workflow.builder().name("math").sequential().add_step(${CALC_JS("a", "2 * 3")}).add_step(${CALC_JS("b", "{{steps.a.output.result.result}} + 1")}).build();
const r = await wf.execute({});
return r.metadata.extra.step_outputs.b.result.result;`;

export const debugCases: DebugConformanceCase[] = [
  {
    name: "a breakpoint at the top level shows the locals so far",
    lua: ADD_LUA,
    js: ADD_JS,
    breakpoints: [{ line: 7 }],
    pauses: [{ reason: "breakpoint", line: 7, frames: ["main chunk"], globalsOrLocals: { x: "13" }, then: "continue" }],
    expect: { value: 37 },
  },
  {
    name: "a breakpoint in a nested function: its locals, the call stack, evaluate",
    lua: ADD_LUA,
    js: ADD_JS,
    breakpoints: [{ line: 3 }],
    pauses: [
      {
        reason: "breakpoint",
        line: 3,
        frames: ["add", "main chunk"],
        frameLines: [3, 6],
        locals: { a: "1", b: "2" },
        evaluate: { "a + b": "3", "a * 10 + k": "20" },
        then: "continue",
      },
      { reason: "breakpoint", line: 3, locals: { a: "13", b: "1" }, then: "continue" },
    ],
    expect: { value: 37 },
  },
  {
    name: "step over, into and out",
    lua: ADD_LUA,
    js: ADD_JS,
    breakpoints: [{ line: 6 }],
    pauses: [
      { reason: "breakpoint", line: 6, then: "stepOver" },
      { reason: "step", line: 7, then: "stepInto" },
      { reason: "step", line: 3, frames: ["add", "main chunk"], then: "stepOver" },
      { reason: "step", line: 4, locals: { s: "24" }, then: "stepOut" },
      { reason: "step", line: 8, then: "continue" },
    ],
    expect: { value: 37 },
  },
  {
    name: "closure variables (Lua upvalues) of the paused function",
    lua: COUNTER_LUA,
    js: COUNTER_JS,
    breakpoints: [{ line: 4 }],
    pauses: [
      { reason: "breakpoint", line: 4, locals: { step: "1" }, closure: { n: "0" }, then: "continue" },
      { reason: "breakpoint", line: 4, locals: { step: "2" }, closure: { n: "1" }, then: "continue" },
      { reason: "breakpoint", line: 4, closure: { n: "3" }, evaluate: { "n + step": "6" }, then: "continue" },
    ],
    expect: { value: 6 },
  },
  {
    name: "a breakpoint in a loop with a condition",
    lua: LOOP_LUA,
    js: LOOP_JS,
    breakpoints: [{ line: 3, condition: "i == 4" }],
    jsBreakpoints: [{ line: 3, condition: "i === 4" }],
    pauses: [{ reason: "breakpoint", line: 3, locals: { i: "4" }, globalsOrLocals: { total: "6" }, then: "continue" }],
    expect: { value: 15 },
  },
  {
    name: "a hit count pauses from the n-th time",
    lua: LOOP_LUA,
    js: LOOP_JS,
    breakpoints: [{ line: 3, hitCount: 4 }],
    pauses: [
      { reason: "breakpoint", line: 3, locals: { i: "4" }, then: "continue" },
      { reason: "breakpoint", line: 3, locals: { i: "5" }, then: "continue" },
    ],
    expect: { value: 15 },
  },
  {
    name: "a logpoint logs with {expr} and does not pause",
    lua: LOOP_LUA,
    js: LOOP_JS,
    breakpoints: [{ line: 3, logMessage: "i={i} total={total}" }],
    pauses: [],
    expect: { value: 15, logs: ["i=1 total=0", "i=2 total=1", "i=3 total=3", "i=4 total=6", "i=5 total=10"] },
  },
  {
    name: "stop while paused ends the run as cancelled",
    lua: LOOP_LUA,
    js: LOOP_JS,
    breakpoints: [{ line: 3 }],
    pauses: [{ reason: "breakpoint", line: 3, then: "stop" }],
    expect: { error: "cancelled" },
  },
  {
    name: "a breakpoint in a coroutine (Lua) or an async function (JavaScript)",
    lua: `local function work(n)
  local got = n * 2
  coroutine.yield(got)
  return got + 1
end
local co = coroutine.create(work)
local _, first = coroutine.resume(co, 5)
local _, second = coroutine.resume(co)
return first + second`,
    js: `async function work(n) {
  const got = n * 2;
  await null;
  return got + 1;
}
const p = work(5);
const first = 10;
const second = await p;
return first + second;`,
    breakpoints: [{ line: 4 }],
    clients: ["sync", "async"],
    pauses: [
      { reason: "breakpoint", line: 4, locals: { n: "5", got: "10" }, then: "stepOver" },
      { reason: "step", line: 9, then: "continue" },
    ],
    expect: { value: 21 },
  },
  {
    name: "paused time is neither CPU time nor wall-clock time",
    lua: LOOP_LUA,
    js: LOOP_JS,
    breakpoints: [{ line: 5 }],
    timeoutMs: 150,
    wallTimeoutMs: 300,
    pauses: [{ reason: "breakpoint", line: 5, holdMs: 700, then: "continue" }],
    expect: { value: 15 },
  },
  {
    name: "the wall clock still runs when not paused",
    lua: `local x = 1
while true do x = x + 1 end`,
    js: `let x = 1;
while (true) x = x + 1;`,
    breakpoints: [{ line: 1 }],
    wallTimeoutMs: 300,
    pauses: [{ reason: "breakpoint", line: 1, holdMs: 500, then: "continue" }],
    expect: { error: "timeout" },
  },
  {
    name: "stepping over a one-line if pauses once on its line",
    lua: `local n = 1
if n < 2 then n = n + 1 end
return n`,
    js: `let n = 1;
if (n < 2) n = n + 1;
return n;`,
    breakpoints: [{ line: 1 }],
    pauses: [
      { reason: "breakpoint", line: 1, then: "stepOver" },
      { reason: "step", line: 2, then: "stepOver" },
      { reason: "step", line: 3, globalsOrLocals: { n: "2" }, then: "continue" },
    ],
    expect: { value: 2 },
  },
  {
    name: "step into Tool.execute pauses at the call with its params; step over shows its result",
    lua: TOOL_LUA,
    js: TOOL_JS,
    api: true,
    breakpoints: [{ line: 2 }],
    clients: ["sync", "async"],
    pauses: [
      { reason: "breakpoint", line: 2, then: "stepInto" },
      {
        reason: "step",
        line: 2,
        hostCall: { name: "tool calculator", phase: "request", includes: '"input":"x * 2"' },
        globalsOrLocals: { x: "3" },
        evaluate: { "x + 1": "4" },
        then: "stepOver",
      },
      {
        reason: "step",
        line: 3,
        hostCall: { name: "tool calculator", phase: "response", includes: '"result":6' },
        then: "continue",
      },
    ],
    expect: { value: 6 },
  },
  {
    name: "step over agent:execute shows the agent's response; step into shows its input",
    lua: AGENT_LUA,
    js: AGENT_JS,
    api: true,
    breakpoints: [{ line: 2 }],
    clients: ["sync", "async"],
    pauses: [
      { reason: "breakpoint", line: 2, then: "stepOver" },
      {
        reason: "step",
        line: 3,
        hostCall: { name: "agent echoer", phase: "response", includes: "hello owl" },
        then: "continue",
      },
    ],
    expect: { value: "hello owl" },
  },
  {
    name: "step into an agent pauses at its request; stop there cancels the run",
    lua: AGENT_LUA,
    js: AGENT_JS,
    api: true,
    breakpoints: [{ line: 2 }],
    pauses: [
      { reason: "breakpoint", line: 2, then: "stepInto" },
      {
        reason: "step",
        line: 2,
        hostCall: { name: "agent echoer", phase: "request", includes: "hello owl" },
        then: "stop",
      },
    ],
    expect: { error: "cancelled" },
  },
  {
    name: "step into a workflow, then into each of its steps and their tools",
    lua: WORKFLOW_LUA,
    js: WORKFLOW_JS,
    api: true,
    breakpoints: [{ line: 2 }],
    pauses: [
      { reason: "breakpoint", line: 2, then: "stepInto" },
      { reason: "step", line: 2, hostCall: { name: "workflow math", phase: "request" }, then: "stepInto" },
      { reason: "step", line: 2, hostCall: { name: "step a", phase: "request" }, then: "stepInto" },
      {
        reason: "step",
        line: 2,
        hostCall: { name: "tool calculator", phase: "request", includes: "2 * 3" },
        then: "stepOver",
      },
      { reason: "step", line: 2, hostCall: { name: "step b", phase: "request" }, then: "stepOver" },
      {
        reason: "step",
        line: 3,
        hostCall: { name: "workflow math", phase: "response", includes: "completed" },
        then: "continue",
      },
    ],
    expect: { value: 7 },
  },
];
