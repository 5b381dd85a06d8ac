// title: A custom tool | level: intermediate | tags: tools, agents | model: mock/default | order: 8
// description: Write your own tool in the spell with Tool.register, call it, and hand it to an agent.

// A tool is a name, a description, a JSON Schema for its parameters and a function.
Tool.register({
  name: "word-counter",
  description: "Counts the words in a text",
  parameters: {
    type: "object",
    properties: { text: { type: "string", description: "The text to count" } },
    required: ["text"],
  },
  execute: (params) => {
    const words = params.text.split(/\s+/).filter((w) => w.length > 0).length;
    return { success: true, words, characters: params.text.length };
  },
});

// Call it like any built-in tool.
const counted = await Tool.execute("word-counter", { text: "the quick brown fox" });
print("words: " + counted.words + ", characters: " + counted.characters);

// Parameters are checked against the schema before your function runs.
try {
  await Tool.execute("word-counter", {});
} catch (err) {
  print("without text: " + err.kind + " error");
}

// It is listed with the others...
print("registered: " + (await Tool.exists("word-counter")));

// ...and an agent may call it.
const editor = Agent.builder().name("editor").model("mock/default").allow_tool("word-counter").build();
const result = await editor.execute({ text: "Count the words in this sentence" });
const call = result.metadata.tool_calls[0];
print("the agent called " + call.name + " and got " + call.output.words + " words");
