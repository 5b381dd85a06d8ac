// title: A research assistant | level: advanced | tags: agents, tools, workflows, state | model: mock/default | order: 21
// description: Chain agents and tools into a small research pipeline: plan, gather, check, summarise, save.

const topic = (typeof ARGS !== "undefined" && ARGS && ARGS.topic) || "how bees communicate";

// Three agents, each with one job.
const planner = Agent.builder()
  .name("planner")
  .model("mock/default")
  .system_prompt("Break a research topic into exactly three questions.")
  .response_format({
    type: "object",
    properties: { questions: { type: "array", items: { type: "string" }, minItems: 3, maxItems: 3 } },
    required: ["questions"],
  })
  .build();

const researcher = Agent.builder()
  .name("researcher")
  .model("mock/default")
  .system_prompt("Answer one research question briefly.")
  .max_conversation_length(0) // every question starts fresh
  .build();

Agent.builder().name("summariser").model("mock/echo").build();

// 1. Plan: structured output gives a list we can loop over.
const plan = (await planner.execute({ text: topic })).data;
print("plan: " + plan.questions.length + " questions");

// 2. Gather: one answer per question, and count the tokens spent.
const notes = [];
let tokens = 0;
for (const [i, question] of plan.questions.entries()) {
  const answer = await researcher.execute({ text: "Question " + (i + 1) + ": " + question });
  tokens += answer.metadata.usage.output_tokens;
  notes.push("Q" + (i + 1) + ": " + answer.text);
}
const perNote = await Tool.execute("calculator", { input: "tokens / notes", variables: { tokens, notes: notes.length } });
print("gathered " + notes.length + " notes, " + tokens + " tokens, " + perNote.result.result.toFixed(1) + " per note");

// 3. Finish in a workflow: shorten the notes, fingerprint them, then hand them to the summariser.
const allNotes = notes.join("\n");
const finish = Workflow.builder()
  .name("finish")
  .sequential()
  .add_step({ name: "length", type: "tool", tool: "text-manipulator",
              input: { operation: "truncate", input: "{{input.notes}}", options: { max_length: 120 } } })
  .add_step({ name: "id", type: "tool", tool: "hash-calculator",
              input: { operation: "hash", algorithm: "md5", input: "{{input.notes}}" } })
  .add_step({ name: "summary", type: "agent", agent: "summariser",
              input: "Summary of research on {{input.topic}}: {{steps.length.output.result.result}}" })
  .build();
const result = await finish.execute({ topic, notes: allNotes });
const outputs = result.metadata.extra.step_outputs;

// 4. Save the report under its fingerprint so a later run can find it.
const reportId = outputs.id.result.hash.slice(0, 8);
await State.save("research", reportId, { topic, summary: outputs.summary });
print("saved report " + reportId);
print("summary: " + (await State.load("research", reportId)).summary);
