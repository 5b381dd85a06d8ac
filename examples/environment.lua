-- title: Look around: ARGS, JSON, Provider, Config, Debug, Streaming | level: intermediate | tags: basics, reference, streaming | order: 20
-- description: The helper globals: script arguments, JSON, providers and config, debug logging, generators.

-- ARGS holds the script arguments (nil when there are none): llmspell run spell.lua --arg name=Ada
local name = (ARGS and ARGS.name) or "world"
print("hello, " .. name)

-- JSON: text to tables and back.
local parsed = JSON.parse('{"spell": "light", "power": 3, "tags": ["a", "b"]}')
print("parsed: " .. parsed.spell .. " x" .. parsed.power .. " with " .. #parsed.tags .. " tags")
print("as JSON: " .. JSON.stringify({1, 2, 3}))
print("pretty JSON has newlines: " .. tostring(JSON.stringify({list = {1, 2}}, {pretty = true}):find("\n") ~= nil))

-- Provider: which model providers exist here, and can we use them?
local mock = Provider.get("mock")
print("mock provider available: " .. tostring(Provider.isAvailable("mock")))
print("mock has a model named mock/echo: " .. tostring(#mock.models > 0))

-- Config: a read-only view of the run's settings.
print("default model: " .. Config.get("default_model"))

-- Debug: levelled logging to the console, timers, and readable dumps.
Debug.info("this goes to the console at info level")
Debug.warn("and this at warn level")
local timer = Debug.timer("counting")
local total = 0
for i = 1, 1000 do total = total + i end
local elapsed = timer:stop()
print("sum 1..1000 = " .. total .. ", timed: " .. tostring(type(elapsed) == "number"))

-- Streaming: a generator you pull values from one at a time.
local countdown = Streaming.create(function()
  for i = 3, 1, -1 do
    coroutine.yield(i)
  end
end)
local seen = {}
while not countdown:isDone() do
  local value = countdown:next()
  if value ~= nil then seen[#seen + 1] = value end
end
print("countdown: " .. table.concat(seen, ", "))

-- Tool and Agent registries.
print("built-in tools: " .. #Tool.list())
print("tool categories include data: " .. tostring(#Tool.discover({category = "data"}) > 0))
print("agent types: " .. #Agent.discover())
