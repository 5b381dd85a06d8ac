-- title: A loop workflow | level: intermediate | tags: workflows, placeholders | order: 12
-- description: Repeat steps over a range of numbers or a collection, using the loop value in each step.

-- with_range counts from start up to (not including) end.
local squares = Workflow.builder()
  :name("squares")
  :loop()
  :with_range({start = 1, ["end"] = 5, step = 1})
  :add_step({name = "square", type = "tool", tool = "calculator",
             input = {input = "n * n", variables = {n = "{{loop_value}}"}}})
  :build()

local result = squares:execute({})
local extra = result.metadata.extra
print("iterations: " .. extra.completed_iterations .. " of " .. extra.total_iterations)
for _, iteration in ipairs(extra.iterations) do
  print(iteration.value .. " squared is " .. iteration.outputs.square.result.result)
end

-- with_collection walks a list; {{loop_index}} counts from 1.
local shouting = Workflow.builder()
  :name("shouting")
  :loop()
  :with_collection({"lua", "javascript", "spells"})
  :add_step({name = "upper", type = "tool", tool = "text-manipulator",
             input = {operation = "uppercase", input = "{{loop_index}}: {{loop_value}}"}})
  :build()

for _, iteration in ipairs(shouting:execute({}).metadata.extra.iterations) do
  print(iteration.outputs.upper.result.result)
end

-- max_iterations stops a loop early.
local capped = Workflow.builder()
  :name("capped")
  :loop()
  :with_range({start = 1, ["end"] = 100})
  :max_iterations(3)
  :add_step({name = "noop", type = "tool", tool = "calculator", input = {input = "{{loop_value}} + 0"}})
  :build()
local capped_extra = capped:execute({}).metadata.extra
print("capped loop ran " .. capped_extra.completed_iterations .. " times (" .. capped_extra.break_reason .. ")")
