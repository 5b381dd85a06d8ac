-- title: The utility tools | level: beginner | tags: tools, reference | order: 18
-- description: A tour of the everyday tools: ids, hashes, base64, dates, diffs and text transforms.

-- uuid-generator: random v4 ids, or name-based v5 ids that never change.
local random = Tool.execute("uuid-generator", {operation = "generate", version = "v4"})
print("a v4 uuid has " .. #random.result.uuid .. " characters")
local stable = Tool.execute("uuid-generator", {operation = "generate", version = "v5", namespace = "dns", name = "llmspell.dev"})
print("v5 for llmspell.dev: " .. stable.result.uuid)
local check = Tool.execute("uuid-generator", {operation = "validate", uuid = stable.result.uuid})
print("valid: " .. tostring(check.data.valid))

-- hash-calculator: hash text, then verify a hash.
local hash = Tool.execute("hash-calculator", {operation = "hash", algorithm = "sha256", input = "spell"})
print("sha256(spell) = " .. string.sub(hash.result.hash, 1, 16) .. "...")
local verified = Tool.execute("hash-calculator", {
  operation = "verify", algorithm = "sha256", input = "spell", expected_hash = hash.result.hash,
})
print("verified: " .. tostring(verified.result.verified))

-- base64-encoder: there and back again.
local encoded = Tool.execute("base64-encoder", {operation = "encode", input = "Hello, spells!"})
local decoded = Tool.execute("base64-encoder", {operation = "decode", input = encoded.result.output})
print(encoded.result.output .. " -> " .. decoded.result.output)

-- datetime-handler: parse, do arithmetic, compare.
local parsed = Tool.execute("datetime-handler", {operation = "parse", input = "2024-02-28T10:30:00Z"})
print("2024-02-28 is a " .. parsed.result.parsed.weekday)
local later = Tool.execute("datetime-handler", {operation = "add", input = "2024-02-28T10:30:00Z", amount = 2, unit = "days"})
print("two days later: " .. later.result.result)
local gap = Tool.execute("datetime-handler", {operation = "difference", start = "2024-01-01T00:00:00Z", ["end"] = "2024-03-01T00:00:00Z"})
print("Jan 1 to Mar 1: " .. gap.result.difference.days .. " days")
local info = Tool.execute("datetime-handler", {operation = "info", input = "2024-02-28T00:00:00Z"})
print("2024 is a leap year: " .. tostring(info.result.info.is_leap_year))

-- diff-calculator: what changed between two texts, or two JSON values.
local diff = Tool.execute("diff-calculator", {old_text = "one\ntwo\nthree", new_text = "one\n2\nthree\nfour"})
print("old lines: " .. diff.result.stats.old_lines .. ", new lines: " .. diff.result.stats.new_lines)
local jdiff = Tool.execute("diff-calculator", {type = "json", old_json = {a = 1, b = 2}, new_json = {a = 1, b = 3, c = 4}})
local s = jdiff.result.summary
print("json diff: " .. s.added .. " added, " .. s.modified .. " modified, " .. s.removed .. " removed")

-- text-manipulator: the case converters and friends.
for _, op in ipairs({"snake_case", "camel_case", "pascal_case", "reverse"}) do
  local r = Tool.execute("text-manipulator", {operation = op, input = "Magic Spell Book"})
  print(op .. ": " .. r.result.result)
end
