// title: Look around: ARGS, JSON, Provider, Config, Debug, Streaming | level: intermediate | tags: basics, reference, streaming | order: 20
// description: The helper globals: script arguments, JSON, providers and config, debug logging, generators.

// ARGS holds the script arguments (undefined when there are none): llmspell run spell.js --arg name=Ada
const name = (typeof ARGS !== "undefined" && ARGS && ARGS.name) || "world";
print("hello, " + name);

// JSON: text to objects and back (the language's own JSON works too).
const parsed = JSON.parse('{"spell": "light", "power": 3, "tags": ["a", "b"]}');
print("parsed: " + parsed.spell + " x" + parsed.power + " with " + parsed.tags.length + " tags");
print("as JSON: " + JSON.stringify([1, 2, 3]));
print("pretty JSON has newlines: " + JSON.stringify({ list: [1, 2] }, null, 2).includes("\n"));

// Provider: which model providers exist here, and can we use them?
const mock = await Provider.get("mock");
print("mock provider available: " + (await Provider.isAvailable("mock")));
print("mock has a model named mock/echo: " + (mock.models.length > 0));

// Config: a read-only view of the run's settings.
print("default model: " + (await Config.get("default_model")));

// Debug: levelled logging to the console, timers, and readable dumps.
Debug.info("this goes to the console at info level");
Debug.warn("and this at warn level");
const timer = Debug.timer("counting");
let total = 0;
for (let i = 1; i <= 1000; i++) total += i;
const elapsed = await timer.stop();
print("sum 1..1000 = " + total + ", timed: " + (typeof elapsed === "number"));

// Streaming: a generator you pull values from one at a time.
const countdown = Streaming.create(function* () {
  for (let i = 3; i >= 1; i--) yield i;
});
const seen = [];
while (!(await countdown.isDone())) {
  const value = await countdown.next();
  if (value != null) seen.push(value);
}
print("countdown: " + seen.join(", "));

// Tool and Agent registries.
print("built-in tools: " + (await Tool.list()).length);
print("tool categories include data: " + ((await Tool.discover({ category: "data" })).length > 0));
print("agent types: " + (await Agent.discover()).length);
