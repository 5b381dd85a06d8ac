// title: Running a template | level: beginner | tags: templates, agents | model: mock/default | order: 27
// description: Find a built-in template, read its parameter schema, estimate it, then run it.

// Templates are ready-made agent workflows with a parameter schema (rs-llmspell's Template global).
for (const t of Template.list("codegen")) {
  console.log(t.id + ": " + t.description);
}

const schema = Template.schema("code-generator");
for (const p of schema.parameters) {
  console.log(`  ${p.name} (${p.param_type})${p.required ? " required" : ""}`);
}

const params = { description: "a function that counts the words in a string", language: "lua" };
const estimate = await Template.estimate_cost("code-generator", params);
console.log("estimated agent calls take about " + estimate.estimated_duration_ms + " ms");

const out = await Template.execute("code-generator", params);
console.log("result type: " + out.result_type + ", agents: " + out.metrics.agents_invoked);
for (const file of out.artifacts) {
  console.log("file: " + file.filename);
}

// A parameter outside the schema is a type error that names it.
let verdict;
try {
  await Template.execute("code-generator", { description: "too short" });
  verdict = "accepted";
} catch (e) {
  verdict = e.kind;
}
console.log("short description: " + verdict);

export default { template: out.metadata.template_id, files: out.artifacts.length };
