// title: A spell with parameters | level: beginner | tags: parameters, args, agents | model: mock/echo | order: 29
// description: Declare parameters in the front matter; the page shows a form and the CLI checks --arg values.
// param: topic (string) = "tide pools": What the ideas are about
// param: count (integer) = 3: How many ideas to ask for
// param: shout? (boolean): Print the ideas in capitals

// Declared parameters always arrive in ARGS (defaults filled in), as strings like every ARGS value.
const count = Number(ARGS.count);
const ideas = Agent.builder().name("ideas").model("mock/echo").build();
const reply = await ideas.execute({ text: count + " ideas about " + ARGS.topic });

let text = reply.text;
if (ARGS.shout === "true") text = text.toUpperCase();
console.log("topic: " + ARGS.topic);
console.log("count: " + count);
console.log("ideas: " + text);

// In the CLI: llmspell run examples/spell-parameters.js --arg topic=volcanoes --arg count=2
// and llmspell help examples/spell-parameters.js lists the parameters.
export default { topic: ARGS.topic, count };
