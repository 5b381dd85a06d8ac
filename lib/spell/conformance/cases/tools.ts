/**
 * Conformance: every built-in tool (lib/tools) called through the spell API's `Tool` global, from Lua and from
 * JavaScript, with one expected result. Parameter problems raise `tool` errors; operation failures come back
 * as `success = false`.
 */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  apiCase(
    "tools: calculator evaluates fasteval syntax with variables",
    'local r = Tool.execute("calculator", { input = "x^2 + sqrt(y) + log(10, 100)", variables = { x = 3, y = 16 } })\nreturn { r.success, r.operation, r.result.result, r.result.result_type }',
    'const r = await Tool.execute("calculator", { input: "x^2 + sqrt(y) + log(10, 100)", variables: { x: 3, y: 16 } });\nreturn [r.success, r.operation, r.result.result, r.result.result_type];',
    { value: [true, "evaluate", 15, "float"] },
  ),
  apiCase(
    "tools: calculator returns success=false for a bad expression",
    'local r = Tool.execute("calculator", { input = "2 +" })\nreturn { r.success, r.error.message ~= nil, Tool.execute("calculator", { operation = "validate", input = "1 +" }).result.valid }',
    'const r = await Tool.execute("calculator", { input: "2 +" });\nreturn [r.success, r.error.message !== undefined, (await Tool.execute("calculator", { operation: "validate", input: "1 +" })).result.valid];',
    { value: [false, true, false] },
  ),
  apiCase(
    "tools: text-manipulator operations",
    'local function t(op, input, options) return Tool.execute("text-manipulator", { operation = op, input = input, options = options }).result.result end\nreturn { t("snake_case", "helloWorld"), t("replace", "hello world", { from = "world", to = "llmspell" }), t("split", "a,b", { delimiter = "," }), t("word_wrap", "the quick brown fox", { width = 10 }) }',
    'const t = async (op, input, options) => (await Tool.execute("text-manipulator", { operation: op, input, options })).result.result;\nreturn [await t("snake_case", "helloWorld"), await t("replace", "hello world", { from: "world", to: "llmspell" }), await t("split", "a,b", { delimiter: "," }), await t("word_wrap", "the quick brown fox", { width: 10 })];',
    { value: ["hello_world", "hello llmspell", '["a","b"]', "the quick\nbrown fox"] },
  ),
  apiCase(
    "tools: a missing parameter raises a tool error naming it",
    'local ok, e = pcall(Tool.execute, "text-manipulator", { input = "x" })\nreturn { ok, e.kind, string.find(e.message, "operation", 1, true) ~= nil }',
    'try { await Tool.execute("text-manipulator", { input: "x" }); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("operation")]; }',
    { value: [false, "tool", true] },
  ),
  apiCase(
    "tools: uuid-generator v5 and validate (raw family)",
    'local g = Tool.execute("uuid-generator", { version = "v5", namespace = "dns", name = "python.org" })\nlocal v = Tool.execute("uuid-generator", { operation = "validate", uuid = g.result.uuid })\nreturn { g.result.uuid, v.data.valid, v.data.version, #Tool.execute("uuid-generator", {}).result.uuid }',
    'const g = await Tool.execute("uuid-generator", { version: "v5", namespace: "dns", name: "python.org" });\nconst v = await Tool.execute("uuid-generator", { operation: "validate", uuid: g.result.uuid });\nreturn [g.result.uuid, v.data.valid, v.data.version, (await Tool.execute("uuid-generator", {})).result.uuid.length];',
    { value: ["886313e1-3b8a-5372-9b90-0c9aee199e5d", true, "v5", 36] },
  ),
  apiCase(
    "tools: hash-calculator hashes and verifies",
    'local h = Tool.execute("hash-calculator", { operation = "hash", algorithm = "md5", input = "abc" })\nlocal v = Tool.execute("hash-calculator", { operation = "verify", input = "abc", expected_hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" })\nreturn { h.result.hash, h.result.algorithm, v.result.verified }',
    'const h = await Tool.execute("hash-calculator", { operation: "hash", algorithm: "md5", input: "abc" });\nconst v = await Tool.execute("hash-calculator", { operation: "verify", input: "abc", expected_hash: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" });\nreturn [h.result.hash, h.result.algorithm, v.result.verified];',
    { value: ["900150983cd24fb0d6963f7d28e17f72", "MD5", true] },
  ),
  apiCase(
    "tools: base64-encoder round trip",
    'local e = Tool.execute("base64-encoder", { operation = "encode", input = "hello, spell" })\nlocal d = Tool.execute("base64-encoder", { operation = "decode", input = e.result.output })\nreturn { e.result.output, d.result.output }',
    'const e = await Tool.execute("base64-encoder", { operation: "encode", input: "hello, spell" });\nconst d = await Tool.execute("base64-encoder", { operation: "decode", input: e.result.output });\nreturn [e.result.output, d.result.output];',
    { value: ["aGVsbG8sIHNwZWxs", "hello, spell"] },
  ),
  apiCase(
    "tools: datetime-handler parse, add, difference",
    'local p = Tool.execute("datetime-handler", { input = "2024-01-15T10:30:00Z" })\nlocal a = Tool.execute("datetime-handler", { operation = "add", input = "2024-01-31", amount = 1, unit = "days" })\nlocal d = Tool.execute("datetime-handler", { operation = "difference", start = "2024-01-01", ["end"] = "2024-01-02 03:04:05" })\nreturn { p.result.parsed.weekday, p.result.parsed.timestamp, a.result.result, d.result.difference.human_readable }',
    'const p = await Tool.execute("datetime-handler", { input: "2024-01-15T10:30:00Z" });\nconst a = await Tool.execute("datetime-handler", { operation: "add", input: "2024-01-31", amount: 1, unit: "days" });\nconst d = await Tool.execute("datetime-handler", { operation: "difference", start: "2024-01-01", end: "2024-01-02 03:04:05" });\nreturn [p.result.parsed.weekday, p.result.parsed.timestamp, a.result.result, d.result.difference.human_readable];',
    { value: ["Monday", 1705314600, "2024-02-01T00:00:00Z", "1 day, 3 hours, 4 minutes, 5 seconds"] },
  ),
  apiCase(
    "tools: diff-calculator text and JSON",
    'local t = Tool.execute("diff-calculator", { old_text = "a\\nb\\n", new_text = "a\\nc\\n" })\nlocal j = Tool.execute("diff-calculator", { type = "json", old_json = { a = 1, b = 2 }, new_json = { a = 1, b = 3, c = 4 } })\nreturn { t.result.diff, j.result.summary.added, j.result.summary.modified, j.result.diff.modified.b.new }',
    'const t = await Tool.execute("diff-calculator", { old_text: "a\\nb\\n", new_text: "a\\nc\\n" });\nconst j = await Tool.execute("diff-calculator", { type: "json", old_json: { a: 1, b: 2 }, new_json: { a: 1, b: 3, c: 4 } });\nreturn [t.result.diff, j.result.summary.added, j.result.summary.modified, j.result.diff.modified.b.new];',
    { value: ["--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", 1, 1, 3] },
  ),
  apiCase(
    "tools: data-validator rules",
    'local r = Tool.execute("data-validator", { input = { name = "x", age = 200 }, rules = { rules = { { type = "object", required = { "name" }, properties = { name = { rules = { { type = "length", min = 2 } } }, age = { rules = { { type = "range", max = 150 } } } } } } } })\nlocal msgs = {}\nfor _, e in ipairs(r.result.errors) do msgs[e.field] = e.message end\nreturn { r.result.valid, #r.result.errors, msgs["input.name"], msgs["input.age"] }',
    'const r = await Tool.execute("data-validator", { input: { name: "x", age: 200 }, rules: { rules: [{ type: "object", required: ["name"], properties: { name: { rules: [{ type: "length", min: 2 }] }, age: { rules: [{ type: "range", max: 150 }] } } }] } });\nconst msgs = Object.fromEntries(r.result.errors.map((e) => [e.field, e.message]));\nreturn [r.result.valid, r.result.errors.length, msgs["input.name"], msgs["input.age"]];',
    { value: [false, 2, "Validation error: Length must be at least 2", "Validation error: Value must be at most 150"] },
  ),
  apiCase(
    "tools: template-creator Tera and Handlebars",
    'local t = Tool.execute("template-creator", { input = "{% for u in users %}{{ u | upper }} {% endfor %}", context = { users = { "ann", "bob" } } })\nlocal h = Tool.execute("template-creator", { input = "{{#each users}}<{{this}}>{{/each}}", context = { users = { "ann" } } })\nreturn { t.result.rendered, t.result.engine, h.result.rendered, h.result.engine }',
    'const t = await Tool.execute("template-creator", { input: "{% for u in users %}{{ u | upper }} {% endfor %}", context: { users: ["ann", "bob"] } });\nconst h = await Tool.execute("template-creator", { input: "{{#each users}}<{{this}}>{{/each}}", context: { users: ["ann"] } });\nreturn [t.result.rendered, t.result.engine, h.result.rendered, h.result.engine];',
    { value: ["ANN BOB ", "tera", "<ann>", "handlebars"] },
  ),
  apiCase(
    "tools: json-processor jq query and schema validation (raw family)",
    'local data = { users = { { name = "Alice", age = 31 }, { name = "Bob", age = 25 } } }\nlocal q = Tool.execute("json-processor", { input = data, query = "[.users[] | select(.age > 30) | .name]" })\nlocal n = Tool.execute("json-processor", { input = data, query = ".users | length" })\nlocal v = Tool.execute("json-processor", { operation = "validate", input = data, schema = { type = "object", required = { "users" } } })\nreturn { q.data, n.data, n.text, v.data.is_valid, q.metadata.operation }',
    'const data = { users: [{ name: "Alice", age: 31 }, { name: "Bob", age: 25 }] };\nconst q = await Tool.execute("json-processor", { input: data, query: "[.users[] | select(.age > 30) | .name]" });\nconst n = await Tool.execute("json-processor", { input: data, query: ".users | length" });\nconst v = await Tool.execute("json-processor", { operation: "validate", input: data, schema: { type: "object", required: ["users"] } });\nreturn [q.data, n.data, n.text, v.data.is_valid, q.metadata.operation];',
    { value: [["Alice"], 2, "2", true, "query"] },
  ),
  apiCase(
    "tools: json-processor raises on a jq error",
    'local ok, e = pcall(Tool.execute, "json-processor", { input = { a = "x" }, query = ".a.b" })\nreturn { ok, e.kind, string.find(e.message, "Cannot index string", 1, true) ~= nil }',
    'try { await Tool.execute("json-processor", { input: { a: "x" }, query: ".a.b" }); return "no error"; } catch (e) { return [false, e.kind, e.message.includes("Cannot index string")]; }',
    { value: [false, "tool", true] },
  ),
  apiCase(
    "tools: csv-analyzer analyze and filter",
    'local csv = "name,age\\nAlice,30\\nBob,25\\nCara,41\\n"\nlocal a = Tool.execute("csv-analyzer", { input = csv })\nlocal f = Tool.execute("csv-analyzer", { input = csv, operation = "filter", options = { filter = "age > 26" } })\nreturn { a.data.row_count, a.data.columns[2].data_type, a.data.columns[2].max_value, f.text }',
    'const csv = "name,age\\nAlice,30\\nBob,25\\nCara,41\\n";\nconst a = await Tool.execute("csv-analyzer", { input: csv });\nconst f = await Tool.execute("csv-analyzer", { input: csv, operation: "filter", options: { filter: "age > 26" } });\nreturn [a.data.row_count, a.data.columns[1].data_type, a.data.columns[1].max_value, f.text];',
    { value: [3, "integer", "41", "name,age\nAlice,30\nCara,41\n"] },
  ),
  apiCase(
    "tools: url-analyzer",
    'local r = Tool.execute("url-analyzer", { input = "https://Example.com:8443/p?q=a%20b#top" })\nreturn { r.operation, r.result.host, r.result.port, r.result.query_params.q, r.result.fragment, r.result.host_details.type }',
    'const r = await Tool.execute("url-analyzer", { input: "https://Example.com:8443/p?q=a%20b#top" });\nreturn [r.operation, r.result.host, r.result.port, r.result.query_params.q, r.result.fragment, r.result.host_details.type];',
    { value: ["analyze", "example.com", 8443, "a b", "top", "domain"] },
  ),
  apiCase(
    "tools: graph-builder builds and analyzes a graph passed as JSON",
    'local g = Tool.execute("graph-builder", { operation = "create_graph", graph_type = "undirected" }).result.result\ng = Tool.execute("graph-builder", { operation = "add_node", graph = JSON.stringify(g), node_id = "a" }).result.result\ng = Tool.execute("graph-builder", { operation = "add_node", graph = JSON.stringify(g), node_id = "b" }).result.result\ng = Tool.execute("graph-builder", { operation = "add_edge", graph = JSON.stringify(g), from = "a", to = "b" }).result.result\nlocal a = Tool.execute("graph-builder", { operation = "analyze", input = JSON.stringify(g) }).result.result\nreturn { a.node_count, a.edge_count, a.density, a.properties.is_complete }',
    'let g = (await Tool.execute("graph-builder", { operation: "create_graph", graph_type: "undirected" })).result.result;\ng = (await Tool.execute("graph-builder", { operation: "add_node", graph: JSON.stringify(g), node_id: "a" })).result.result;\ng = (await Tool.execute("graph-builder", { operation: "add_node", graph: JSON.stringify(g), node_id: "b" })).result.result;\ng = (await Tool.execute("graph-builder", { operation: "add_edge", graph: JSON.stringify(g), from: "a", to: "b" })).result.result;\nconst a = (await Tool.execute("graph-builder", { operation: "analyze", input: JSON.stringify(g) })).result.result;\nreturn [a.node_count, a.edge_count, a.density, a.properties.is_complete];',
    { value: [2, 1, 1, true] },
  ),
  apiCase(
    "tools: citation-formatter formats BibTeX in APA",
    'local bib = "@article{doe2020, author = {Doe, Jane}, title = {Spells}, journal = {Magic}, year = {2020}, volume = {3}}"\nlocal r = Tool.execute("citation-formatter", { input = bib, format = "bibtex", style = "apa" }).result.result\nreturn { r.citations[1].citation, r.reference_list[1] }',
    'const bib = "@article{doe2020, author = {Doe, Jane}, title = {Spells}, journal = {Magic}, year = {2020}, volume = {3}}";\nconst r = (await Tool.execute("citation-formatter", { input: bib, format: "bibtex", style: "apa" })).result.result;\nreturn [r.citations[0].citation, r.reference_list[0]];',
    { value: ["(Doe, 2020)", "Doe, J. (2020). Spells. Magic, 3."] },
  ),
  apiCase(
    "tools: all 14 built-in tools exist with a parameter schema",
    'local names = { "calculator", "text-manipulator", "uuid-generator", "hash-calculator", "base64-encoder", "datetime-handler", "diff-calculator", "data-validator", "template-creator", "json-processor", "csv-analyzer", "url-analyzer", "graph-builder", "citation-formatter" }\nlocal n = 0\nfor _, name in ipairs(names) do local t = Tool.get(name); if t and t:getSchema().name == name and #t:getSchema().parameters > 0 and Tool.exists(name) then n = n + 1 end end\nreturn n',
    'const names = ["calculator", "text-manipulator", "uuid-generator", "hash-calculator", "base64-encoder", "datetime-handler", "diff-calculator", "data-validator", "template-creator", "json-processor", "csv-analyzer", "url-analyzer", "graph-builder", "citation-formatter"];\nlet n = 0;\nfor (const name of names) { const t = Tool.get(name); if (t && t.getSchema().name === name && t.getSchema().parameters.length > 0 && Tool.exists(name)) n++; }\nreturn n;',
    { value: 14 },
  ),
];
