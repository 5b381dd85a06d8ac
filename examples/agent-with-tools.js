// title: An agent that uses tools | level: intermediate | tags: agents, tools | model: mock/default | order: 7
// description: Let an agent call built-in tools; the playground runs each call and feeds the result back.

// allow_tool / allowed_tools decide which tools the model may call.
const assistant = Agent.builder()
  .name("math-helper")
  .model("mock/default")
  .system_prompt("Use the calculator for any arithmetic.")
  .allowed_tools(["calculator", "text-manipulator"])
  .max_tool_calls(3)
  .build();

print("tools it may use: " + (await assistant.discover_tools()).join(", "));

// The offline mock model passes your message to the tool it picks, so send just the expression.
// A real model would pull "12 * 7" out of a sentence by itself.
const result = await assistant.execute({ text: "12 * 7" });

// The model's answer streams into the output (the mock quotes the tool's result; a real model would
// word it). Every tool call it made is listed in the metadata, with its input and output.
const calls = result.metadata.tool_calls;
print("tool calls: " + calls.length);
calls.forEach((call, i) => {
  const output = call.output;
  if (output.success) {
    print(i + 1 + ". " + call.name + ": " + call.input.input + " = " + output.result.result);
  } else {
    print(i + 1 + ". " + call.name + " failed: " + output.error.message);
  }
});
print("answer uses the result: " + result.text.includes("84"));
