// title: Conversation memory | level: beginner | tags: agents, memory | model: mock/echo | order: 5
// description: An agent remembers earlier turns; see its history, cap it, and clear it.

// Each execute() adds the question and the reply to the agent's history,
// and the next call sends that history to the model along with the new question.
const tutor = Agent.builder()
  .name("tutor")
  .model("mock/echo")
  .max_conversation_length(4) // keep at most 4 messages
  .build();

await tutor.execute({ text: "My name is Ada." });
await tutor.execute({ text: "I like engines." });
print("messages remembered: " + (await tutor.get_history()).length);

await tutor.execute({ text: "What do I like?" });
const history = await tutor.get_history();
print("after a third turn, still: " + history.length + " (the oldest were dropped)");
history.forEach((message, i) => {
  print(i + 1 + ". " + message.role + ": " + message.content);
});

// Forget everything and start over.
await tutor.clear_history();
print("after clear_history: " + (await tutor.get_history()).length);

// Two agents never share a memory.
const other = Agent.builder().name("other").model("mock/echo").build();
await other.execute({ text: "Hi" });
print("the other agent remembers " + (await other.get_history()).length + " messages");
