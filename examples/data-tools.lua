-- title: The data tools | level: intermediate | tags: tools, data, reference | order: 19
-- description: Query JSON, analyse CSV, validate data, render templates, build graphs, inspect URLs, cite.

-- json-processor: jq queries over JSON. Its result is in .data (rs-llmspell's raw family).
local books = {
  {title = "Dune", year = 1965, pages = 412},
  {title = "Neuromancer", year = 1984, pages = 271},
  {title = "Hyperion", year = 1989, pages = 482},
}
local titles = Tool.execute("json-processor", {operation = "query", input = books, query = "[.[] | select(.pages > 300) | .title]"})
print("long books: " .. table.concat(titles.data, ", "))

-- csv-analyzer: statistics for a CSV text.
local csv = "name,score\nada,90\ngrace,85\nalan,77\n"
local analysis = Tool.execute("csv-analyzer", {operation = "analyze", input = csv})
print("csv rows: " .. analysis.data.row_count .. ", columns: " .. analysis.data.column_count)

-- data-validator: check a value against rules.
local rules = {rules = {
  {type = "required"},
  {type = "object", properties = {
    email = {rules = {{type = "email"}}},
    age = {rules = {{type = "range", min = 0, max = 150}}},
  }},
}}
local good = Tool.execute("data-validator", {input = {email = "ada@example.com", age = 36}, rules = rules})
local bad = Tool.execute("data-validator", {input = {email = "not-an-email", age = 200}, rules = rules})
print("good record valid: " .. tostring(good.result.valid))
print("bad record valid: " .. tostring(bad.result.valid) .. " (" .. #bad.result.errors .. " errors)")

-- template-creator: fill a template (Tera/Jinja style by default, or Handlebars).
local card = Tool.execute("template-creator", {
  input = "Dear {{ name }}, you have {{ count }} new spells.",
  context = {name = "Ada", count = 3},
})
print(card.result.rendered)

-- graph-builder: nodes and edges, then analysis.
-- Each call returns the whole graph (in result.result); pass it to the next call.
local function graph_op(params)
  return Tool.execute("graph-builder", params).result.result
end
local graph = graph_op({operation = "create_graph", graph_type = "directed"})
for _, id in ipairs({"read", "write", "run"}) do
  graph = graph_op({operation = "add_node", graph = graph, node_id = id})
end
graph = graph_op({operation = "add_edge", graph = graph, from = "read", to = "write"})
graph = graph_op({operation = "add_edge", graph = graph, from = "write", to = "run"})
local stats = graph_op({operation = "analyze", input = graph})
print("graph: " .. stats.node_count .. " nodes, " .. stats.edge_count .. " edges, max out-degree " .. stats.degree_statistics.max_degree)

-- url-analyzer: take a URL apart (it never fetches anything).
local url = Tool.execute("url-analyzer", {input = "https://example.com:8080/docs/api?lang=lua&page=2#top"})
print("host: " .. url.result.host .. ", port: " .. url.result.port .. ", path: " .. url.result.path)
print("lang parameter: " .. url.result.query_params.lang)

-- citation-formatter: format a reference in a citation style.
local bib = "@book{knuth1984,\n  author = {Donald E. Knuth},\n  title = {The TeXbook},\n  publisher = {Addison-Wesley},\n  year = {1984}\n}"
local cite = Tool.execute("citation-formatter", {operation = "format_citation", input = bib, format = "bibtex", style = "apa"})
local entry = cite.result.result.citations[1]
print("in text: " .. entry.citation)
print("reference: " .. entry.reference)
