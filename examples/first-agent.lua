-- title: Your first agent | level: beginner | tags: basics, agents | model: mock/default | order: 3
-- description: Build an agent on the mock model, ask it something and read the reply and its metadata.

-- An agent is built step by step; build() returns the agent.
local agent = Agent.builder()
  :name("greeter")
  :description("Greets people")
  :model("mock/default")
  :system_prompt("You are a friendly greeter. Answer in one sentence.")
  :build()

-- execute() waits for the model's whole reply. The reply streams into the output as it arrives, so there is
-- no need to print it; result.text holds the whole of it.
local result = agent:execute({text = "Say hello to the class"})
print("reply: " .. #result.text .. " characters")

-- The metadata tells you which model answered and what it cost in tokens.
local meta = result.metadata
print("model: " .. meta.model .. " (provider " .. meta.provider .. ")")
print("finish reason: " .. meta.finish_reason)
print("tokens in: " .. meta.usage.input_tokens .. ", out: " .. meta.usage.output_tokens)

-- mock/echo simply repeats what you say: handy for testing a spell.
local echo = Agent.builder():name("echo"):model("mock/echo"):build()
local echoed = echo:execute({text = "Repeat after me"})
print("echo repeated it word for word: " .. tostring(echoed.text == "Repeat after me"))
