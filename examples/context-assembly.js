// title: Assembling context | level: advanced | tags: context, memory, rag | model: mock/default | order: 28
// description: Gather what Memory, RAG and a session know about a question and fit it to a token budget.

await RAG.ingest([
  { id: "faq-descale", content: "Descale the kettle monthly with vinegar." },
  { id: "faq-warranty", content: "The kettle warranty lasts two years." },
]);
const session = await Session.create({ name: "support-ticket" });
await Artifact.store(session, "user_input", "ticket.txt", "Customer says the kettle is slow and scaly");
await Memory.episodic.add(session, "user", "The kettle takes ages to boil");
await Memory.episodic.add(session, "assistant", "Scale build-up slows heating; try descaling");

// Each strategy draws on different sources; rag adds RAG results and the session's artifacts.
/** @type {ContextStrategy[]} */
const strategies = ["episodic", "hybrid", "rag"];
for (const strategy of strategies) {
  const c = await Context.assemble("why is my kettle slow to boil", strategy, 300, session);
  console.log(`${strategy}: ${c.chunks.length} chunks, ${c.token_count} tokens`);
}

// The formatted text is ready to put in a prompt.
const c = await Context.assemble("descale the kettle", "rag", 300, session);
const agent = Agent.builder().name("support").model("mock/default").build();
const reply = await agent.execute({ text: "Context:\n" + c.formatted + "\n\nQuestion: how do I fix a slow kettle?" });
console.log("reply length above zero: " + (reply.text.length > 0));

let verdict;
try {
  await Context.assemble("kettle", "hybrid", 50);
  verdict = "accepted";
} catch (e) {
  verdict = e.kind;
}
console.log("a 50-token budget: " + verdict);

export default (await Context.strategy_stats()).strategies;
