-- title: A sequential workflow | level: intermediate | tags: workflows, tools, agents | model: mock/echo | order: 9
-- description: Chain tool and agent steps that run one after another, and read every step's output.

Agent.builder():name("announcer"):model("mock/echo"):build()

-- Steps run in the order they were added. A tool step's input is the tool's parameters;
-- an agent step's input is the prompt.
local pipeline = Workflow.builder()
  :name("tidy-and-announce")
  :description("Clean up a title, then announce it")
  :sequential()
  :add_step({name = "trim", type = "tool", tool = "text-manipulator",
             input = {operation = "trim", input = "   a spell for every lesson   "}})
  :add_step({name = "shout", type = "tool", tool = "text-manipulator",
             input = {operation = "uppercase", input = "{{steps.trim.output.result.result}}"}})
  :add_step({name = "announce", type = "agent", agent = "announcer",
             input = "Now showing: {{steps.shout.output.result.result}}"})
  :build()

local result = pipeline:execute({})
local extra = result.metadata.extra
print("type: " .. extra.workflow_type)
print("steps: " .. extra.successful_steps .. " of " .. extra.total_steps .. " succeeded")
print("trim gave: [" .. extra.step_outputs.trim.result.result .. "]")
print("shout gave: " .. pipeline:get_output("shout").result.result)
print("the announcer said: " .. extra.agent_outputs.announcer)
