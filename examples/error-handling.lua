-- title: Handling errors | level: beginner | tags: errors, basics | order: 14
-- description: Catch failures, read their kind and message, and tell failed results from errors.

-- 1. A call that fails raises an error; pcall catches it.
--    The error is a table with kind and message (and line, when known).
-- check-ignore: unknown-tool (this call fails on purpose)
local ok, err = pcall(Tool.execute, "teleporter", {})
print("ok: " .. tostring(ok))
print("kind: " .. err.kind)
print("message: " .. err.message)

-- 2. A missing or wrong parameter raises a "tool" error naming the parameter.
-- check-ignore: missing-param (on purpose)
ok, err = pcall(Tool.execute, "text-manipulator", {operation = "uppercase"})
print("missing input -> " .. err.kind .. " error")

-- 3. Some failures are not errors: the tool ran, but the operation failed.
--    Check success before using the result.
local bad = Tool.execute("calculator", {input = "2 + * 3"})
print("bad expression -> success = " .. tostring(bad.success))
if not bad.success then
  print("so read bad.error.message instead of the result")
end

-- 4. Your own errors: raise a table (or a string) and catch it the same way.
local function withdraw(balance, amount)
  if amount > balance then
    error({kind = "insufficient_funds", message = "balance too low"})
  end
  return balance - amount
end
local fine, left = pcall(withdraw, 10, 3)
print("withdraw 3 of 10: " .. tostring(fine) .. ", left " .. left)
local failed, problem = pcall(withdraw, 10, 30)
print("withdraw 30 of 10: " .. tostring(failed) .. ", " .. problem.kind .. ": " .. problem.message)

-- 5. A failing workflow step stops the workflow, unless error_strategy says "continue".
local tolerant = Workflow.builder()
  :name("tolerant")
  :sequential()
  :error_strategy("continue")
  :add_step({name = "broken", type = "tool", tool = "calculator", input = {input = "1 / / 2"}})
  :add_step({name = "fine", type = "tool", tool = "calculator", input = {input = "1 + 1"}})
  :build()
local extra = tolerant:execute({}).metadata.extra
print("continue: " .. extra.successful_steps .. " succeeded, " .. extra.failed_steps .. " failed")
