/**
 * Conformance: a run that uses a name the API does not have fails with one message in every engine, naming the
 * missing name, its owner and the nearest name (lib/core/names.ts), while a spell can still test for an
 * optional member (`Agent.x == nil`).
 */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  apiCase("missing names: a typo in an API global's function", "Agent.bulder()", "Agent.bulder();", {
    error: {
      kind: "runtime",
      line: 1,
      messageIncludes: "Agent.bulder is not a function (did you mean Agent.builder?)",
    },
  }),
  apiCase(
    "missing names: a typo in a builder's method, mid-chain",
    'local n = 1\nlocal b = Agent.builder():nam("x"):build()',
    'const n = 1;\nconst b = Agent.builder().nam("x").build();',
    {
      error: { kind: "runtime", line: 2, messageIncludes: "nam is not a method of AgentBuilder (did you mean name?)" },
    },
  ),
  apiCase(
    "missing names: a typo in a method of a handle the API returned",
    'local calc = Tool.get("calculator")\nreturn calc:exeute({ operation = "evaluate", input = "1" })',
    'const calc = Tool.get("calculator");\nreturn await calc.exeute({ operation: "evaluate", input: "1" });',
    { error: { kind: "runtime", line: 2, messageIncludes: "exeute is not a method of Tool (did you mean execute?)" } },
  ),
  apiCase(
    "missing names: a typo in a workflow builder's method inside a function",
    "local function make()\n  return Workflow.builder():sequentail()\nend\nmake()",
    "function make() {\n  return Workflow.builder().sequentail();\n}\nmake();",
    {
      error: {
        kind: "runtime",
        line: 2,
        messageIncludes: "sequentail is not a method of WorkflowBuilder (did you mean sequential?)",
      },
    },
  ),
  apiCase("missing names: a typo in an API global's name", "Agnet.builder()", "Agnet.builder();", {
    error: { kind: "runtime", line: 1, messageIncludes: "Agnet is not defined (did you mean Agent?)" },
  }),
  apiCase(
    "missing names: indexing a missing member names it",
    "local x = State.lod.scope",
    "const x = State.lod.scope;",
    { error: { kind: "runtime", line: 1, messageIncludes: "State.lod does not exist (did you mean State.load?)" } },
  ),
  apiCase(
    "missing names: the name called is the one named, whatever else was missing on the line",
    "Agent.bulder(Tool.nope, State.nada)",
    "Agent.bulder(Tool.nope, State.nada);",
    {
      error: {
        kind: "runtime",
        line: 1,
        messageIncludes: "Agent.bulder is not a function (did you mean Agent.builder?)",
      },
    },
  ),
  apiCase("missing names: a member nothing is near is still named", "Tool.zzzzzzzz()", "Tool.zzzzzzzz();", {
    error: { kind: "runtime", line: 1, messageIncludes: "Tool.zzzzzzzz is not a function" },
  }),
  apiCase(
    "missing names: a spell may test for an optional member, and the miss leaves later errors alone",
    "local has = Agent.optional_thing ~= nil\nlocal b = Agent.builder()\nlocal field = b.no_such_field\nreturn { has, field == nil, type(Agent.builder) }",
    "const has = Agent.optional_thing !== undefined;\nconst b = Agent.builder();\nconst field = b.no_such_field;\nreturn [has, field === undefined, typeof Agent.builder];",
    { value: [false, true, "function"] },
  ),
  apiCase(
    "missing names: a spell's own global near an API name is suggested",
    "function helper() return 1 end\nreturn helpr()",
    "function helper() { return 1; }\nreturn helpr();",
    { error: { kind: "runtime", line: 2, messageIncludes: "helpr is not defined (did you mean helper?)" } },
  ),
];
