-- title: Conversation memory | level: beginner | tags: agents, memory | model: mock/echo | order: 5
-- description: An agent remembers earlier turns; see its history, cap it, and clear it.

-- Each execute() adds the question and the reply to the agent's history,
-- and the next call sends that history to the model along with the new question.
local tutor = Agent.builder()
  :name("tutor")
  :model("mock/echo")
  :max_conversation_length(4) -- keep at most 4 messages
  :build()

tutor:execute({text = "My name is Ada."})
tutor:execute({text = "I like engines."})
print("messages remembered: " .. #tutor:get_history())

tutor:execute({text = "What do I like?"})
local history = tutor:get_history()
print("after a third turn, still: " .. #history .. " (the oldest were dropped)")
for i, message in ipairs(history) do
  print(i .. ". " .. message.role .. ": " .. message.content)
end

-- Forget everything and start over.
tutor:clear_history()
print("after clear_history: " .. #tutor:get_history())

-- Two agents never share a memory.
local other = Agent.builder():name("other"):model("mock/echo"):build()
other:execute({text = "Hi"})
print("the other agent remembers " .. #other:get_history() .. " messages")
