-- title: A spell with parameters | level: beginner | tags: parameters, args, agents | model: mock/echo | order: 29
-- description: Declare parameters in the front matter; the page shows a form and the CLI checks --arg values.
-- param: topic (string) = "tide pools": What the ideas are about
-- param: count (integer) = 3: How many ideas to ask for
-- param: shout? (boolean): Print the ideas in capitals

-- Declared parameters always arrive in ARGS (defaults filled in), as strings like every ARGS value.
local count = tonumber(ARGS.count)
local ideas = Agent.builder():name("ideas"):model("mock/echo"):build()
local reply = ideas:execute({ text = count .. " ideas about " .. ARGS.topic })

local text = reply.text
if ARGS.shout == "true" then text = string.upper(text) end
print("topic: " .. ARGS.topic)
print("count: " .. count)
print("ideas: " .. text)

-- In the CLI: llmspell run examples/spell-parameters.lua --arg topic=volcanoes --arg count=2
-- and llmspell help examples/spell-parameters.lua lists the parameters.
return { topic = ARGS.topic, count = count }
