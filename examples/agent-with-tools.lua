-- title: An agent that uses tools
-- description: Let an agent call built-in tools; the playground runs each call and feeds the result back.
-- tags: agents, tools
-- level: intermediate
-- model: mock/default
-- order: 7

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

-- Every tool call the model made is listed, with its input and output.
local calls = result.metadata.tool_calls
print("tool calls: " .. #calls)
for i, call in ipairs(calls) do
  print(i .. ". " .. call.name .. " with operation " .. tostring(call.input.operation))
  print("   succeeded: " .. tostring(call.output.success))
end
print("result: " .. calls[1].output.result.result)
print("the answer starts: " .. string.sub(result.text, 1, 26))
