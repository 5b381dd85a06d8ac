-- title: Structured output | level: intermediate | tags: agents, json, schema | model: mock/default | order: 6
-- description: Give an agent a JSON Schema and get back a parsed, validated table instead of prose.

-- response_format takes a JSON Schema. The reply is parsed and checked against it,
-- and the parsed value is in result.data.
local reviewer = Agent.builder()
  :name("reviewer")
  :model("mock/default")
  :system_prompt("Review the book the user names.")
  :response_format({
    type = "object",
    properties = {
      title = {type = "string"},
      rating = {type = "integer", minimum = 1, maximum = 5},
      recommended = {type = "boolean"},
      themes = {type = "array", items = {type = "string"}, minItems = 2, maxItems = 3},
    },
    required = {"title", "rating", "recommended", "themes"},
  })
  :build()

local result = reviewer:execute({text = "The Hobbit"})
local review = result.data
print("title: " .. review.title)
print("rating: " .. review.rating .. " of 5")
print("recommended: " .. tostring(review.recommended))
print("themes: " .. #review.themes)
for i, theme in ipairs(review.themes) do
  print("  " .. i .. ". " .. theme)
end

-- result.text still holds the raw JSON the model sent.
local reparsed = JSON.parse(result.text)
print("raw text parses to the same rating: " .. tostring(reparsed.rating == review.rating))
