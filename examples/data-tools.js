// title: The data tools | level: intermediate | tags: tools, data, reference | order: 19
// description: Query JSON, analyse CSV, validate data, render templates, build graphs, inspect URLs, cite.

// json-processor: jq queries over JSON. Its result is in .data (rs-llmspell's raw family).
const books = [
  { title: "Dune", year: 1965, pages: 412 },
  { title: "Neuromancer", year: 1984, pages: 271 },
  { title: "Hyperion", year: 1989, pages: 482 },
];
const titles = await Tool.execute("json-processor", { operation: "query", input: books, query: "[.[] | select(.pages > 300) | .title]" });
print("long books: " + titles.data.join(", "));

// csv-analyzer: statistics for a CSV text.
const csv = "name,score\nada,90\ngrace,85\nalan,77\n";
const analysis = await Tool.execute("csv-analyzer", { operation: "analyze", input: csv });
print("csv rows: " + analysis.data.row_count + ", columns: " + analysis.data.column_count);

// data-validator: check a value against rules.
const rules = { rules: [
  { type: "required" },
  { type: "object", properties: {
    email: { rules: [{ type: "email" }] },
    age: { rules: [{ type: "range", min: 0, max: 150 }] },
  } },
] };
const good = await Tool.execute("data-validator", { input: { email: "ada@example.com", age: 36 }, rules });
const bad = await Tool.execute("data-validator", { input: { email: "not-an-email", age: 200 }, rules });
print("good record valid: " + good.result.valid);
print("bad record valid: " + bad.result.valid + " (" + bad.result.errors.length + " errors)");

// template-creator: fill a template (Tera/Jinja style by default, or Handlebars).
const card = await Tool.execute("template-creator", {
  input: "Dear {{ name }}, you have {{ count }} new spells.",
  context: { name: "Ada", count: 3 },
});
print(card.result.rendered);

// graph-builder: nodes and edges, then analysis.
// Each call returns the whole graph (in result.result); pass it to the next call.
const graphOp = async (params) => (await Tool.execute("graph-builder", params)).result.result;
let graph = await graphOp({ operation: "create_graph", graph_type: "directed" });
for (const id of ["read", "write", "run"]) {
  graph = await graphOp({ operation: "add_node", graph, node_id: id });
}
graph = await graphOp({ operation: "add_edge", graph, from: "read", to: "write" });
graph = await graphOp({ operation: "add_edge", graph, from: "write", to: "run" });
const stats = await graphOp({ operation: "analyze", input: graph });
print("graph: " + stats.node_count + " nodes, " + stats.edge_count + " edges, max out-degree " + stats.degree_statistics.max_degree);

// url-analyzer: take a URL apart (it never fetches anything).
const url = await Tool.execute("url-analyzer", { input: "https://example.com:8080/docs/api?lang=lua&page=2#top" });
print("host: " + url.result.host + ", port: " + url.result.port + ", path: " + url.result.path);
print("lang parameter: " + url.result.query_params.lang);

// citation-formatter: format a reference in a citation style.
const bib = "@book{knuth1984,\n  author = {Donald E. Knuth},\n  title = {The TeXbook},\n  publisher = {Addison-Wesley},\n  year = {1984}\n}";
const cite = await Tool.execute("citation-formatter", { operation: "format_citation", input: bib, format: "bibtex", style: "apa" });
const entry = cite.result.result.citations[0];
print("in text: " + entry.citation);
print("reference: " + entry.reference);
