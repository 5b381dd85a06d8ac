// title: Structured output | level: intermediate | tags: agents, json, schema | model: mock/default | order: 6
// description: Give an agent a JSON Schema and get back a parsed, validated table instead of prose.

// response_format takes a JSON Schema. The reply is parsed and checked against it,
// and the parsed value is in result.data.
const reviewer = Agent.builder()
  .name("reviewer")
  .model("mock/default")
  .system_prompt("Review the book the user names.")
  .response_format({
    type: "object",
    properties: {
      title: { type: "string" },
      rating: { type: "integer", minimum: 1, maximum: 5 },
      recommended: { type: "boolean" },
      themes: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 3 },
    },
    required: ["title", "rating", "recommended", "themes"],
  })
  .build();

const result = await reviewer.execute({ text: "The Hobbit" });
const review = result.data;
print("title: " + review.title);
print("rating: " + review.rating + " of 5");
print("recommended: " + review.recommended);
print("themes: " + review.themes.length);
review.themes.forEach((theme, i) => print("  " + (i + 1) + ". " + theme));

// result.text still holds the raw JSON the model sent.
const reparsed = JSON.parse(result.text);
print("raw text parses to the same rating: " + (reparsed.rating === review.rating));
