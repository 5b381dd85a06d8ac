-- title: An agent that uses tools | level: intermediate | tags: agents, tools | model: mock/default | order: 7
-- description: Let an agent call built-in tools; the playground runs each call and feeds the result back.

-- allow_tool / allowed_tools decide which tools the model may call.
local assistant = Agent.builder()
  :name("math-helper")
  :model("mock/default")
  :system_prompt("Use the calculator for any arithmetic.")
  :allowed_tools({"calculator", "text-manipulator"})
  :max_tool_calls(3)
  :build()

print("tools it may use: " .. table.concat(assistant:discover_tools(), ", "))

-- The offline mock model passes your message to the tool it picks, so send just the expression.
-- A real model would pull "12 * 7" out of a sentence by itself.
local result = assistant:execute({text = "12 * 7"})

-- The model's answer streams into the output (the mock quotes the tool's result; a real model would
-- word it). Every tool call it made is listed in the metadata, with its input and output.
local calls = result.metadata.tool_calls
print("tool calls: " .. #calls)
for i, call in ipairs(calls) do
  local output = call.output
  if output.success then
    print(i .. ". " .. call.name .. ": " .. call.input.input .. " = " .. tostring(output.result.result))
  else
    print(i .. ". " .. call.name .. " failed: " .. output.error.message)
  end
end
print("answer uses the result: " .. tostring(string.find(result.text, "84", 1, true) ~= nil))
