-- title: A chat that remembers | level: intermediate | tags: memory, context, agents | model: mock/echo | order: 26
-- description: Keep each turn in episodic memory and give the agent the relevant earlier turns as context.

-- Memory sessions are any id you like; entries persist where State does.
local chat = "kitchen-chat"
local assistant = Agent.builder():name("assistant"):model("mock/echo"):build()

local function turn(text)
  -- The earlier turns that matter for this message, fitted to a small token budget.
  local context = Context.assemble(text, "episodic", 200, chat)
  local prompt = text
  if #context.chunks > 0 then
    prompt = "Earlier:\n" .. context.formatted .. "\n\nNow: " .. text
  end
  local reply = assistant:execute({ text = prompt })
  Memory.episodic.add(chat, "user", text, { turn = "user" })
  Memory.episodic.add(chat, "assistant", reply.text, { turn = "assistant" })
  print(string.format("user: %s (%d earlier chunks)", text, #context.chunks))
end

turn("My kettle is a Breville and it beeps twice")
turn("Why does my kettle beep?")

-- Search one session's memory; consolidation turns entries into entities.
local found = Memory.episodic.search(chat, "kettle beeps", 2)
print("most relevant: " .. found[1].content)
local result = Memory.consolidate(chat)
print("entities added: " .. result.entities_added)
for _, entity in ipairs(Memory.semantic.query("breville", 3)) do
  print("entity: " .. entity.name .. " (" .. entity.entity_type .. ")")
end

local stats = Memory.stats()
return { entries = stats.episodic_count, entities = stats.semantic_count }
