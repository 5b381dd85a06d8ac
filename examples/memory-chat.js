// title: A chat that remembers | level: intermediate | tags: memory, context, agents | model: mock/echo | order: 26
// description: Keep each turn in episodic memory and give the agent the relevant earlier turns as context.

// Memory sessions are any id you like; entries persist where State does.
const chat = "kitchen-chat";
const assistant = Agent.builder().name("assistant").model("mock/echo").build();

async function turn(text) {
  // The earlier turns that matter for this message, fitted to a small token budget.
  const context = await Context.assemble(text, "episodic", 200, chat);
  let prompt = text;
  if (context.chunks.length > 0) prompt = "Earlier:\n" + context.formatted + "\n\nNow: " + text;
  const reply = await assistant.execute({ text: prompt });
  await Memory.episodic.add(chat, "user", text, { turn: "user" });
  await Memory.episodic.add(chat, "assistant", reply.text, { turn: "assistant" });
  console.log(`user: ${text} (${context.chunks.length} earlier chunks)`);
}

await turn("My kettle is a Breville and it beeps twice");
await turn("Why does my kettle beep?");

// Search one session's memory; consolidation turns entries into entities.
const found = await Memory.episodic.search(chat, "kettle beeps", 2);
console.log("most relevant: " + found[0].content);
const result = await Memory.consolidate(chat);
console.log("entities added: " + result.entities_added);
for (const entity of await Memory.semantic.query("breville", 3)) {
  console.log("entity: " + entity.name + " (" + entity.entity_type + ")");
}

const stats = await Memory.stats();
export default { entries: stats.episodic_count, entities: stats.semantic_count };
