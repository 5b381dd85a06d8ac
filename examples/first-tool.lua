-- title: Your first tool | level: beginner | tags: basics, tools | order: 2
-- description: Call built-in tools with Tool.execute and read their results: a calculator and a text tool.

-- Every tool call takes the tool's name and a table of parameters.
local sum = Tool.execute("calculator", {operation = "evaluate", input = "2 + 2 * 3"})
print("2 + 2 * 3 = " .. sum.result.result)

-- Variables go in their own table.
local area = Tool.execute("calculator", {input = "pi() * r^2", variables = {r = 2}})
print(string.format("area of a circle with r = 2: %.2f", area.result.result))

-- The text tool has many operations; options carry the extra parameters.
local loud = Tool.execute("text-manipulator", {operation = "uppercase", input = "spells are scripts"})
print(loud.result.result)

local swapped = Tool.execute("text-manipulator", {
  operation = "replace",
  input = "hello world",
  options = {from = "world", to = "llmspell"},
})
print(swapped.result.result)

-- Ask before you call: is there such a tool, and what does it do?
print("is there a calculator? " .. tostring(Tool.exists("calculator")))
print("is there a teleporter? " .. tostring(Tool.exists("teleporter")))
-- Tool.get gives a tool object you can call again and again.
local calc = Tool.get("calculator")
print("10 / 4 = " .. calc:execute({input = "10 / 4"}).result.result)

for _, tool in ipairs(Tool.list()) do
  if tool.name == "calculator" then
    print("calculator category: " .. tool.category)
  end
end
