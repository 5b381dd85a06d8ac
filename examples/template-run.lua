-- title: Running a template | level: beginner | tags: templates, agents | model: mock/default | order: 27
-- description: Find a built-in template, read its parameter schema, estimate it, then run it.

-- Templates are ready-made agent workflows with a parameter schema (rs-llmspell's Template global).
for _, t in ipairs(Template.list("codegen")) do
  print(t.id .. ": " .. t.description)
end

local schema = Template.schema("code-generator")
for _, p in ipairs(schema.parameters) do
  print(string.format("  %s (%s)%s", p.name, p.param_type, p.required and " required" or ""))
end

local params = { description = "a function that counts the words in a string", language = "lua" }
local estimate = Template.estimate_cost("code-generator", params)
print("estimated agent calls take about " .. estimate.estimated_duration_ms .. " ms")

local out = Template.execute("code-generator", params)
print("result type: " .. out.result_type .. ", agents: " .. out.metrics.agents_invoked)
for _, file in ipairs(out.artifacts) do
  print("file: " .. file.filename)
end

-- A parameter outside the schema is a type error that names it.
local ok, err = pcall(Template.execute, "code-generator", { description = "too short" })
print("short description: " .. (ok and "accepted" or err.kind))

return { template = out.metadata.template_id, files = #out.artifacts }
