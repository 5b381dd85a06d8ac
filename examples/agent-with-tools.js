// title: An agent that uses tools
// description: Let an agent call built-in tools; the playground runs each call and feeds the result back.
// tags: agents, tools
// level: intermediate
// model: mock/default
// order: 7

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

// Every tool call the model made is listed, with its input and output.
const calls = result.metadata.tool_calls;
print("tool calls: " + calls.length);
calls.forEach((call, i) => {
  print(i + 1 + ". " + call.name + " with operation " + call.input.operation);
  print("   succeeded: " + call.output.success);
});
print("result: " + calls[0].output.result.result);
print("the answer starts: " + result.text.slice(0, 26));
