-- title: A research assistant | level: advanced | tags: agents, tools, workflows, state | model: mock/default | order: 21
-- description: Chain agents and tools into a small research pipeline: plan, gather, check, summarise, save.

local topic = (ARGS and ARGS.topic) or "how bees communicate"

-- Three agents, each with one job.
local planner = Agent.builder()
  :name("planner")
  :model("mock/default")
  :system_prompt("Break a research topic into exactly three questions.")
  :response_format({
    type = "object",
    properties = {questions = {type = "array", items = {type = "string"}, minItems = 3, maxItems = 3}},
    required = {"questions"},
  })
  :build()

local researcher = Agent.builder()
  :name("researcher")
  :model("mock/default")
  :system_prompt("Answer one research question briefly.")
  :max_conversation_length(0) -- every question starts fresh
  :build()

Agent.builder()
  :name("summariser")
  :model("mock/echo")
  :build()

-- 1. Plan: structured output gives a list we can loop over.
local plan = planner:execute({text = topic}).data
print("plan: " .. #plan.questions .. " questions")

-- 2. Gather: one answer per question, and count the tokens spent.
local notes = {}
local tokens = 0
for i, question in ipairs(plan.questions) do
  local answer = researcher:execute({text = "Question " .. i .. ": " .. question})
  tokens = tokens + answer.metadata.usage.output_tokens
  notes[#notes + 1] = "Q" .. i .. ": " .. answer.text
end
local per_note = Tool.execute("calculator", {input = "tokens / notes", variables = {tokens = tokens, notes = #notes}})
print("gathered " .. #notes .. " notes, " .. tokens .. " tokens, " .. string.format("%.1f", per_note.result.result) .. " per note")

-- 3. Finish in a workflow: shorten the notes, fingerprint them, then hand them to the summariser.
local all_notes = table.concat(notes, "\n")
local finish = Workflow.builder()
  :name("finish")
  :sequential()
  :add_step({name = "length", type = "tool", tool = "text-manipulator",
             input = {operation = "truncate", input = "{{input.notes}}", options = {max_length = 120}}})
  :add_step({name = "id", type = "tool", tool = "hash-calculator",
             input = {operation = "hash", algorithm = "md5", input = "{{input.notes}}"}})
  :add_step({name = "summary", type = "agent", agent = "summariser",
             input = "Summary of research on {{input.topic}}: {{steps.length.output.result.result}}"})
  :build()
local result = finish:execute({topic = topic, notes = all_notes})
local outputs = result.metadata.extra.step_outputs

-- 4. Save the report under its fingerprint so a later run can find it.
local report_id = string.sub(outputs.id.result.hash, 1, 8)
State.save("research", report_id, {topic = topic, summary = outputs.summary})
print("saved report " .. report_id)
print("summary: " .. State.load("research", report_id).summary)
