// title: Your first tool | level: beginner | tags: basics, tools | order: 2
// description: Call built-in tools with Tool.execute and read their results: a calculator and a text tool.

// Every tool call takes the tool's name and an object of parameters, and returns a Promise.
const sum = await Tool.execute("calculator", { operation: "evaluate", input: "2 + 2 * 3" });
print("2 + 2 * 3 = " + sum.result.result);

// Variables go in their own object.
const area = await Tool.execute("calculator", { input: "pi() * r^2", variables: { r: 2 } });
print("area of a circle with r = 2: " + area.result.result.toFixed(2));

// The text tool has many operations; options carry the extra parameters.
const loud = await Tool.execute("text-manipulator", { operation: "uppercase", input: "spells are scripts" });
print(loud.result.result);

const swapped = await Tool.execute("text-manipulator", {
  operation: "replace",
  input: "hello world",
  options: { from: "world", to: "llmspell" },
});
print(swapped.result.result);

// Ask before you call: is there such a tool, and what does it do?
print("is there a calculator? " + (await Tool.exists("calculator")));
print("is there a teleporter? " + (await Tool.exists("teleporter")));
// Tool.get gives a tool object you can call again and again.
const calc = await Tool.get("calculator");
print("10 / 4 = " + (await calc.execute({ input: "10 / 4" })).result.result);

for (const tool of await Tool.list()) {
  if (tool.name === "calculator") {
    print("calculator category: " + tool.category);
  }
}
