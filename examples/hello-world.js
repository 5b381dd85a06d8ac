// title: Hello, world | level: beginner | tags: basics, print | order: 1
// description: Print lines, use a variable and a loop, and return a value from the spell.

// print() (or console.log) writes a line to the console.
print("Hello, world!");

const name = "spell caster";
console.log("Welcome, " + name + "!");

for (let i = 1; i <= 3; i++) {
  console.log("counting: " + i);
}

// The value a spell exports shows in the Result tab.
export default { greeted: name, count: 3 };
