-- title: A custom tool | level: intermediate | tags: tools, agents | model: mock/default | order: 8
-- description: Write your own tool in the spell with Tool.register, call it, and hand it to an agent.

-- A tool is a name, a description, a JSON Schema for its parameters and a function.
Tool.register({
  name = "word-counter",
  description = "Counts the words in a text",
  parameters = {
    type = "object",
    properties = {text = {type = "string", description = "The text to count"}},
    required = {"text"},
  },
  execute = function(params)
    local words = 0
    for _ in params.text:gmatch("%S+") do
      words = words + 1
    end
    return {success = true, words = words, characters = #params.text}
  end,
})

-- Call it like any built-in tool.
local counted = Tool.execute("word-counter", {text = "the quick brown fox"})
print("words: " .. counted.words .. ", characters: " .. counted.characters)

-- Parameters are checked against the schema before your function runs.
local ok, err = pcall(Tool.execute, "word-counter", {})
print("without text: " .. err.kind .. " error")

-- It is listed with the others...
print("registered: " .. tostring(Tool.exists("word-counter")))

-- ...and an agent may call it.
local editor = Agent.builder()
  :name("editor")
  :model("mock/default")
  :allow_tool("word-counter")
  :build()
local result = editor:execute({text = "Count the words in this sentence"})
local call = result.metadata.tool_calls[1]
print("the agent called " .. call.name .. " and got " .. call.output.words .. " words")
