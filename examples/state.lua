-- title: Remembering with State | level: beginner | tags: state, basics | order: 17
-- description: Save values that outlive the run: count visits, keep settings by scope, list and delete keys.

-- State keeps values between runs (per workspace in the playground, per --state file in the CLI).
-- load() gives nil for a key that was never saved.
local visits = State.load("lesson", "visits") or 0
visits = visits + 1
State.save("lesson", "visits", visits)
print("visit number " .. visits)

-- Any JSON-shaped value can be saved: tables, lists, numbers, strings, booleans.
State.save("lesson", "profile", {name = "Ada", languages = {"lua", "javascript"}})
local profile = State.load("lesson", "profile")
print(profile.name .. " writes " .. table.concat(profile.languages, " and "))

-- Scopes keep unrelated values apart; State.set/get use the "global" scope.
State.set("theme", "dark")
print("theme: " .. State.get("theme"))

local keys = State.list_keys("lesson")
table.sort(keys)
print("keys in lesson: " .. table.concat(keys, ", "))

State.delete("lesson", "profile")
print("profile after delete: " .. tostring(State.load("lesson", "profile")))
print("keys left: " .. #State.list_keys("lesson"))
