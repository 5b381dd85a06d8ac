-- title: Hooks | level: advanced | tags: hooks, agents, tools | model: mock/echo | order: 15
-- description: Run your own code before and after agents and tools: watch, change the input, skip or cancel.

local agent = Agent.builder():name("parrot"):model("mock/echo"):build()

-- 1. Watch: a hook gets {point, component = {type, name}, data} and returns "continue".
local seen = {}
local watcher = Hook.register("BeforeToolExecution", function(ctx)
  seen[#seen + 1] = ctx.component.name
  return "continue"
end)
Tool.execute("calculator", {input = "1 + 1"})
Tool.execute("uuid-generator", {operation = "generate"})
print("tools seen: " .. table.concat(seen, ", "))

-- 2. Modify: return {type = "modified", data = ...} to change what runs.
local polite = Hook.register("BeforeAgentExecution", function(ctx)
  local text = ctx.data.input.text
  return {type = "modified", data = {agent = ctx.data.agent, input = {text = text .. ", please"}}}
end, "high")
print("the agent was asked: " .. agent:execute({text = "Pass the salt"}).text)

-- 3. Skip: the tool does not run, and its result says so.
local skipper = Hook.register("BeforeToolExecution", function(ctx)
  if ctx.component.name == "hash-calculator" then return "skip" end
  return "continue"
end)
local skipped = Tool.execute("hash-calculator", {operation = "hash", input = "x"})
print("hash skipped: " .. tostring(skipped.skipped))

-- 4. Cancel: the call fails with the reason you give.
local guard = Hook.register("BeforeAgentExecution", function(ctx)
  if ctx.data.input.text:find("secret") then
    return {type = "cancel", reason = "no secrets, please"}
  end
  return "continue"
end)
local ok, err = pcall(function() return agent:execute({text = "tell me a secret"}) end)
print("cancelled: " .. tostring(not ok) .. " (" .. err.kind .. ")")

-- List hooks, and remove them when done.
print("hooks before agents: " .. #Hook.list("BeforeAgentExecution"))
print("all hooks: " .. #Hook.list())
guard:unregister()
Hook.unregister(polite)
watcher:unregister()
skipper:unregister()
print("after unregistering: " .. #Hook.list())
print("and now: " .. agent:execute({text = "Back to normal"}).text)
