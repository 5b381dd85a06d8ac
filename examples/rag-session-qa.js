// title: Questions over a session's documents | level: intermediate | tags: rag, sessions, agents | model: mock/default | order: 24
// description: Keep a task's documents in a session-scoped RAG collection, answer from them, clean up.

const session = await Session.create({ name: "onboarding", tags: ["rag"] });
// rs-llmspell's session collection: search it with scope "session" and the session id.
const collection = RAG.create_session_collection(session, 3600);
console.log("collection ready: " + collection.created);

const scope = { scope: "session", scope_id: session };
await RAG.ingest(
  [
    { id: "vpn", content: "Connect to the VPN with the company app before opening the wiki." },
    { id: "laptop", content: "New laptops are collected from the front desk on your first day." },
    { id: "lunch", content: "Lunch is served in the canteen from noon to two." },
  ],
  scope,
);

const question = "where do I get my laptop?";
const found = await RAG.search(question, { top_k: 1, scope: "session", scope_id: session });
console.log("best source: " + found.results[0].id);

const agent = Agent.builder().name("onboarder").model("mock/default").build();
const answer = await agent.execute({
  text: "Answer from this source only: " + found.results[0].content + "\nQuestion: " + question,
});
await Artifact.store(session, "agent_output", "answer.txt", answer.text);
console.log("answer kept as artifact: " + (await Artifact.list(session))[0].name);

// Other scopes never see the session's documents.
console.log("global results: " + (await RAG.search(question)).total);
console.log("removed vectors: " + (await RAG.cleanup_scope("session", session)));
await Session.complete(session);
export default { source: found.results[0].id };
