// title: Sessions and artifacts | level: intermediate | tags: sessions, artifacts, agents | model: mock/default | order: 25
// description: Open a session, keep an agent's outputs in it as artifacts, read them back, complete the session.

// A session groups the work of one task; its artifacts persist where State does (see the State tab).
const session = await Session.create({ name: "release-notes", description: "Draft notes for v2", tags: ["docs"] });
const info = await Session.get(session);
console.log("session: " + info.name + " (" + info.status + ")");

const writer = Agent.builder().name("writer").model("mock/default").build();
const draft = await writer.execute({ text: "Draft release notes for version 2" });

// Artifact.store returns rs-llmspell's id table: { content_hash, session_id, sequence }.
const question = await Artifact.store(session, "user_input", "request.txt", "Draft release notes for version 2");
const notes = await Artifact.store(session, "agent_output", "notes.md", draft.text, {
  mime_type: "text/markdown",
  tags: ["draft"],
});
console.log("stored artifacts " + question.sequence + " and " + notes.sequence);

for (const meta of await Artifact.list(session)) {
  console.log(`- ${meta.name}: ${meta.artifact_type}, ${meta.mime_type}`);
}

const back = await Artifact.get(session, notes);
console.log("notes.md starts with: " + back.content.slice(0, 20));

// Only active sessions take artifacts: completing one freezes it.
await Session.complete(session);
let after;
try {
  await Artifact.store(session, "agent_output", "late.md", "too late");
  after = "stored";
} catch (e) {
  after = e.kind;
}
console.log("after complete: " + after);

const drafts = await Artifact.query({ tags: ["draft"] });
console.log("artifacts tagged draft: " + drafts.length);

export default { status: (await Session.get(session)).status, artifacts: (await Artifact.list(session)).length };
