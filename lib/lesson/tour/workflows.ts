/** The tour's workflow steps: sequential, parallel, conditional and loop. */
import { tourStep } from "./step";

export const WORKFLOWS = [
  tourStep({
    id: "sequential-workflow",
    title: "A sequential workflow",
    prose: `
A **workflow** runs steps for you: tools, agents or other workflows. A *sequential* one runs them in order,
and a step can use an earlier step's output through a placeholder such as
\`{{steps.trim.output.result.result}}\`.

**Your task:** add a second step, \`shout\`, that upper-cases the output of \`trim\` with the
\`text-manipulator\` tool (\`operation = "uppercase"\`). Then run the workflow and print \`shout\`'s output.
`,
    lua: {
      start: `local pipeline = Workflow.builder()
  :name("pipeline")
  :sequential()
  :add_step({ name = "trim", type = "tool", tool = "text-manipulator",
              input = { operation = "trim", input = "   spells for everyone   " } })
  :build()

local result = pipeline:execute({})
print(pipeline:get_output("trim").result.result)`,
      solution: `local pipeline = Workflow.builder()
  :name("pipeline")
  :sequential()
  :add_step({ name = "trim", type = "tool", tool = "text-manipulator",
              input = { operation = "trim", input = "   spells for everyone   " } })
  :add_step({ name = "shout", type = "tool", tool = "text-manipulator",
              input = { operation = "uppercase", input = "{{steps.trim.output.result.result}}" } })
  :build()

local result = pipeline:execute({})
print(pipeline:get_output("shout").result.result)`,
    },
    javascript: {
      start: `const pipeline = Workflow.builder()
  .name("pipeline")
  .sequential()
  .add_step({ name: "trim", type: "tool", tool: "text-manipulator",
              input: { operation: "trim", input: "   spells for everyone   " } })
  .build();

const result = await pipeline.execute({});
print(pipeline.get_output("trim").result.result);`,
      solution: `const pipeline = Workflow.builder()
  .name("pipeline")
  .sequential()
  .add_step({ name: "trim", type: "tool", tool: "text-manipulator",
              input: { operation: "trim", input: "   spells for everyone   " } })
  .add_step({ name: "shout", type: "tool", tool: "text-manipulator",
              input: { operation: "uppercase", input: "{{steps.trim.output.result.result}}" } })
  .build();

const result = await pipeline.execute({});
print(pipeline.get_output("shout").result.result);`,
    },
    checks: [
      {
        kind: "workflow-succeeded",
        workflow: "pipeline",
        message: "The pipeline should run with every step succeeding.",
      },
      {
        kind: "tool-called",
        tool: "text-manipulator",
        times: 2,
        message: "The pipeline should call the text-manipulator twice (trim, then uppercase).",
      },
      { kind: "output-contains", text: "SPELLS FOR EVERYONE", message: "Print the shouted, trimmed text." },
    ],
  }),
  tourStep({
    id: "parallel-workflow",
    title: "A parallel workflow",
    prose: `
A *parallel* workflow starts its steps side by side and waits for all of them. Every step sees the
workflow's input as \`{{input.<key>}}\`.

**Your task:** turn this sequential workflow into a parallel one, and add a third step, \`base64\`, that encodes
the same text with the \`base64-encoder\` tool (\`operation = "encode"\`). Print the base64 output.
`,
    lua: {
      start: `local fingerprints = Workflow.builder()
  :name("fingerprints")
  :sequential()
  :add_step({ name = "md5", type = "tool", tool = "hash-calculator",
              input = { operation = "hash", algorithm = "md5", input = "{{input.text}}" } })
  :add_step({ name = "sha256", type = "tool", tool = "hash-calculator",
              input = { operation = "hash", algorithm = "sha256", input = "{{input.text}}" } })
  :build()

local result = fingerprints:execute({ text = "hello" })
print(result.text)`,
      solution: `local fingerprints = Workflow.builder()
  :name("fingerprints")
  :parallel()
  :add_step({ name = "md5", type = "tool", tool = "hash-calculator",
              input = { operation = "hash", algorithm = "md5", input = "{{input.text}}" } })
  :add_step({ name = "sha256", type = "tool", tool = "hash-calculator",
              input = { operation = "hash", algorithm = "sha256", input = "{{input.text}}" } })
  :add_step({ name = "base64", type = "tool", tool = "base64-encoder",
              input = { operation = "encode", input = "{{input.text}}" } })
  :build()

local result = fingerprints:execute({ text = "hello" })
print(result.metadata.extra.step_outputs.base64.result.output)`,
    },
    javascript: {
      start: `const fingerprints = Workflow.builder()
  .name("fingerprints")
  .sequential()
  .add_step({ name: "md5", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "md5", input: "{{input.text}}" } })
  .add_step({ name: "sha256", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "sha256", input: "{{input.text}}" } })
  .build();

const result = await fingerprints.execute({ text: "hello" });
print(result.text);`,
      solution: `const fingerprints = Workflow.builder()
  .name("fingerprints")
  .parallel()
  .add_step({ name: "md5", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "md5", input: "{{input.text}}" } })
  .add_step({ name: "sha256", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "sha256", input: "{{input.text}}" } })
  .add_step({ name: "base64", type: "tool", tool: "base64-encoder",
              input: { operation: "encode", input: "{{input.text}}" } })
  .build();

const result = await fingerprints.execute({ text: "hello" });
print(result.metadata.extra.step_outputs.base64.result.output);`,
    },
    checks: [
      { kind: "source-contains", text: "parallel()", message: "Make the workflow parallel." },
      { kind: "workflow-succeeded", workflow: "fingerprints", message: "Every branch should succeed." },
      { kind: "tool-called", tool: "base64-encoder", message: "Add a base64 step with the base64-encoder tool." },
      {
        kind: "output-contains",
        text: "aGVsbG8=",
        message: "Print the base64 of hello (aGVsbG8=).",
        hint: "result.metadata.extra.step_outputs.base64.result.output",
      },
    ],
  }),
  tourStep({
    id: "conditional-workflow",
    title: "A conditional workflow",
    prose: `
A *conditional* workflow checks a condition and runs either its *then* steps or its *else* steps. Conditions
can read the workflow's shared data, which you set with \`set_shared_data(key, value)\`.

**Your task:** make the router take its *then* branch (French) by setting the shared data \`language\` to
\`fr\` before it runs, and return the branch it took (\`metadata.extra.matched_branch\`).
`,
    lua: {
      start: `local router = Workflow.builder()
  :name("router")
  :conditional()
  :condition({ type = "shared_data_equals", key = "language", value = "fr" })
  :add_then_step({ name = "french", type = "tool", tool = "text-manipulator",
                   input = { operation = "uppercase", input = "bonjour" } })
  :add_else_step({ name = "english", type = "tool", tool = "text-manipulator",
                   input = { operation = "uppercase", input = "hello" } })
  :build()

local result = router:execute({})
return result.metadata.extra.matched_branch`,
      solution: `local router = Workflow.builder()
  :name("router")
  :conditional()
  :condition({ type = "shared_data_equals", key = "language", value = "fr" })
  :add_then_step({ name = "french", type = "tool", tool = "text-manipulator",
                   input = { operation = "uppercase", input = "bonjour" } })
  :add_else_step({ name = "english", type = "tool", tool = "text-manipulator",
                   input = { operation = "uppercase", input = "hello" } })
  :build()

router:set_shared_data("language", "fr")
local result = router:execute({})
return result.metadata.extra.matched_branch`,
    },
    javascript: {
      start: `const router = Workflow.builder()
  .name("router")
  .conditional()
  .condition({ type: "shared_data_equals", key: "language", value: "fr" })
  .add_then_step({ name: "french", type: "tool", tool: "text-manipulator",
                   input: { operation: "uppercase", input: "bonjour" } })
  .add_else_step({ name: "english", type: "tool", tool: "text-manipulator",
                   input: { operation: "uppercase", input: "hello" } })
  .build();

const result = await router.execute({});
export default result.metadata.extra.matched_branch;`,
      solution: `const router = Workflow.builder()
  .name("router")
  .conditional()
  .condition({ type: "shared_data_equals", key: "language", value: "fr" })
  .add_then_step({ name: "french", type: "tool", tool: "text-manipulator",
                   input: { operation: "uppercase", input: "bonjour" } })
  .add_else_step({ name: "english", type: "tool", tool: "text-manipulator",
                   input: { operation: "uppercase", input: "hello" } })
  .build();

router.set_shared_data("language", "fr");
const result = await router.execute({});
export default result.metadata.extra.matched_branch;`,
    },
    checks: [
      { kind: "workflow-succeeded", workflow: "router", message: "The router should run successfully." },
      {
        kind: "value-equals",
        value: "then",
        message: 'The router should take its "then" branch.',
        hint: 'Call router:set_shared_data("language", "fr") before execute.',
      },
      {
        kind: "tool-called",
        tool: "text-manipulator",
        params: { input: "bonjour" },
        message: "The French step should run.",
      },
    ],
  }),
  tourStep({
    id: "loop-workflow",
    title: "A loop workflow",
    prose: `
A *loop* workflow runs its steps once per item: over a range (\`with_range\`) or a list
(\`with_collection\`). Inside, \`{{loop_value}}\` is the current item. A range's \`end\` is not included:
\`{ start = 1, end = 3 }\` runs for 1 and 2.

**Your task:** square the numbers 1 to 4 (the loop stops at 3 now), and return how many iterations completed
(\`metadata.extra.completed_iterations\`).
`,
    lua: {
      start: `local squares = Workflow.builder()
  :name("squares")
  :loop()
  :with_range({ start = 1, ["end"] = 4, step = 1 })
  :add_step({ name = "square", type = "tool", tool = "calculator",
              input = { input = "n * n", variables = { n = "{{loop_value}}" } } })
  :build()

local result = squares:execute({})
return result.metadata.extra.completed_iterations`,
      solution: `local squares = Workflow.builder()
  :name("squares")
  :loop()
  :with_range({ start = 1, ["end"] = 5, step = 1 })
  :add_step({ name = "square", type = "tool", tool = "calculator",
              input = { input = "n * n", variables = { n = "{{loop_value}}" } } })
  :build()

local result = squares:execute({})
return result.metadata.extra.completed_iterations`,
    },
    javascript: {
      start: `const squares = Workflow.builder()
  .name("squares")
  .loop()
  .with_range({ start: 1, end: 4, step: 1 })
  .add_step({ name: "square", type: "tool", tool: "calculator",
              input: { input: "n * n", variables: { n: "{{loop_value}}" } } })
  .build();

const result = await squares.execute({});
export default result.metadata.extra.completed_iterations;`,
      solution: `const squares = Workflow.builder()
  .name("squares")
  .loop()
  .with_range({ start: 1, end: 5, step: 1 })
  .add_step({ name: "square", type: "tool", tool: "calculator",
              input: { input: "n * n", variables: { n: "{{loop_value}}" } } })
  .build();

const result = await squares.execute({});
export default result.metadata.extra.completed_iterations;`,
    },
    checks: [
      { kind: "workflow-succeeded", workflow: "squares", message: "The loop should run successfully." },
      {
        kind: "tool-called",
        tool: "calculator",
        times: 4,
        message: "The calculator should run once per number, 4 times.",
        hint: "The range's end is not included: end = 5.",
      },
      { kind: "value-equals", value: 4, message: "Return the number of completed iterations, 4." },
    ],
  }),
];
