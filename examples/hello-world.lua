-- title: Hello, world | level: beginner | tags: basics, print | order: 1
-- description: Print lines, use a variable and a loop, and return a value from the spell.

-- print() writes a line to the console.
print("Hello, world!")

local name = "spell caster"
print("Welcome, " .. name .. "!")

for i = 1, 3 do
  print("counting: " .. i)
end

-- The value a spell returns shows in the Result tab.
return { greeted = name, count = 3 }
