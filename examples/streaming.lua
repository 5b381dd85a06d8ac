-- title: Streaming replies | level: beginner | tags: agents, streaming | model: mock/default | order: 4
-- description: Watch a reply arrive piece by piece with a callback, or pull the pieces from a stream.

local agent = Agent.builder():name("storyteller"):model("mock/default"):build()

-- 1. A callback runs for every piece of text as the model sends it.
local pieces = {}
local result = agent:stream({text = "Tell a very short story"}, function(chunk)
  pieces[#pieces + 1] = chunk.text
end)
print("received " .. #pieces .. " pieces")
print("first piece: [" .. pieces[1] .. "]")
print("joined pieces match the final text: " .. tostring(table.concat(pieces) == result.text))

-- 2. Without a callback you get a stream: call next() until it gives nil.
local stream = agent:stream({text = "Another one, please"})
local count = 0
local pulled = ""
while true do
  local chunk = stream:next()
  if chunk == nil then break end
  count = count + 1
  pulled = pulled .. chunk.text
end
print("pulled " .. count .. " pieces from the stream")
print("they add up to the final text: " .. tostring(pulled == stream:result().text))
