/** Conformance: the RAG global (ingest, search, scopes, filters, chunking, limits, stats, rs-llmspell's records). */
import { expect as vexpect } from "vitest";
import type { ConformanceCase } from "@/lib/core/conformance";
import type { TraceStart } from "@/lib/core/events";
import { apiCase } from "@/lib/spell/conformance/api-case";

/** Three documents in the global scope, the same in both languages. */
const LUA_CORPUS = `RAG.ingest({
  { id = "fruit", content = "Apples and oranges are sweet fruit.", metadata = { topic = "food", tags = { "red", "sweet" } } },
  { id = "physics", content = "Quantum physics studies tiny particles.", metadata = { topic = "science", level = 2 } },
  { id = "lua", content = "Lua is a small scripting language embedded in games.", metadata = { topic = "code", level = 1 } },
})
`;
const JS_CORPUS = `await RAG.ingest([
  { id: "fruit", content: "Apples and oranges are sweet fruit.", metadata: { topic: "food", tags: ["red", "sweet"] } },
  { id: "physics", content: "Quantum physics studies tiny particles.", metadata: { topic: "science", level: 2 } },
  { id: "lua", content: "Lua is a small scripting language embedded in games.", metadata: { topic: "code", level: 1 } },
]);
`;

/** A case that starts from the corpus. */
const withCorpus = (name: string, lua: string, js: string, expect: ConformanceCase["expect"]) =>
  apiCase(name, LUA_CORPUS + lua, JS_CORPUS + js, expect);

/** Lua: the ids of a search result, in order. JS: the same. */
const LUA_IDS = `local function ids(r) local out = {} for i, x in ipairs(r.results) do out[i] = x.id end return out end\n`;
const JS_IDS = `const ids = (r) => r.results.map((x) => x.id);\n`;

/** Lua and JS that call `call` and return `{ ok, kind, message }` of the error it raises. */
const luaError = (call: string) =>
  `local ok, e = pcall(function() return ${call} end)\nreturn { ok, e.kind, e.message }`;
const jsError = (call: string) =>
  `try { await ${call}; return "no error"; } catch (e) { return [false, e.kind, e.message]; }`;

/** Twelve words, w1 … w12. */
const LUA_WORDS = `local words = {} for i = 1, 12 do words[i] = "w" .. i end\nlocal text = table.concat(words, " ")\n`;
const JS_WORDS = `const text = Array.from({ length: 12 }, (_, i) => "w" + (i + 1)).join(" ");\n`;

export const cases: ConformanceCase[] = [
  // ----- ingest
  apiCase(
    "rag: ingest one document reports rs-llmspell's counts",
    'local r = RAG.ingest({ id = "a", content = "Paris is the capital of France." })\nreturn { r.success, r.documents_processed, r.vectors_created, r.total_tokens }',
    'const r = await RAG.ingest({ id: "a", content: "Paris is the capital of France." });\nreturn [r.success, r.documents_processed, r.vectors_created, r.total_tokens];',
    { value: [true, 1, 1, 8] },
  ),
  apiCase(
    "rag: ingest a list, then search finds the document that shares the query's words",
    LUA_CORPUS + LUA_IDS + 'return ids(RAG.search("which fruit is sweet", { top_k = 1 }))',
    JS_CORPUS + JS_IDS + 'return ids(await RAG.search("which fruit is sweet", { top_k: 1 }));',
    { value: ["fruit"] },
  ),
  withCorpus(
    "rag: a search result has id, content, text, score and metadata",
    'local r = RAG.search("apples", { top_k = 1 })\nlocal x = r.results[1]\nreturn { r.success, r.total, x.id, x.content, x.text == x.content, math.type(x.score), x.score > 0 and x.score <= 1, x.metadata.topic, x.metadata.tags[2], x.metadata.doc_id, x.metadata.chunk_index }',
    'const r = await RAG.search("apples", { top_k: 1 });\nconst x = r.results[0];\nreturn [r.success, r.total, x.id, x.content, x.text === x.content, Number.isInteger(x.score) ? "integer" : "float", x.score > 0 && x.score <= 1, x.metadata.topic, x.metadata.tags[1], x.metadata.doc_id, x.metadata.chunk_index];',
    {
      value: [
        true,
        1,
        "fruit",
        "Apples and oranges are sweet fruit.",
        true,
        "float",
        true,
        "food",
        "sweet",
        "fruit",
        0,
      ],
    },
  ),
  apiCase(
    "rag: a document may give its text as text instead of content",
    'RAG.ingest({ id = "t", text = "Lighthouses guide ships at night." })\nreturn RAG.search("lighthouses", {}).results[1].content',
    'await RAG.ingest({ id: "t", text: "Lighthouses guide ships at night." });\nreturn (await RAG.search("lighthouses", {})).results[0].content;',
    { value: "Lighthouses guide ships at night." },
  ),
  apiCase(
    "rag: a document with no id gets one from its text, so the same text is stored once",
    'local a = RAG.ingest({ content = "Same words twice." })\nRAG.ingest({ content = "Same words twice." })\nlocal r = RAG.search("same words", {})\nreturn { a.vectors_created, r.total, string.match(r.results[1].id, "^doc_%x+$") ~= nil, RAG.get_stats("global").total_vectors }',
    'const a = await RAG.ingest({ content: "Same words twice." });\nawait RAG.ingest({ content: "Same words twice." });\nconst r = await RAG.search("same words", {});\nreturn [a.vectors_created, r.total, /^doc_[0-9a-f]+$/.test(r.results[0].id), (await RAG.get_stats("global")).total_vectors];',
    { value: [1, 1, true, 1] },
  ),
  apiCase(
    "rag: ingesting an id again replaces its chunks",
    'RAG.ingest({ id = "d", content = "old text about cats" })\nRAG.ingest({ id = "d", content = "new text about dogs" })\nlocal r = RAG.search("text about", {})\nreturn { r.total, r.results[1].content }',
    'await RAG.ingest({ id: "d", content: "old text about cats" });\nawait RAG.ingest({ id: "d", content: "new text about dogs" });\nconst r = await RAG.search("text about", {});\nreturn [r.total, r.results[0].content];',
    { value: [1, "new text about dogs"] },
  ),
  apiCase(
    "rag: an empty table of documents ingests nothing",
    "local r = RAG.ingest({})\nreturn { r.success, r.documents_processed, r.vectors_created }",
    "const r = await RAG.ingest([]);\nreturn [r.success, r.documents_processed, r.vectors_created];",
    { value: [true, 0, 0] },
  ),
  apiCase(
    "rag: an integer id is read as a string, as rs-llmspell's Lua does",
    'RAG.ingest({ id = 42, content = "The answer is forty-two." })\nreturn RAG.search("answer", {}).results[1].id',
    'await RAG.ingest({ id: 42, content: "The answer is forty-two." });\nreturn (await RAG.search("answer", {})).results[0].id;',
    { value: "42" },
  ),

  // ----- top_k and the query
  withCorpus(
    "rag: top_k bounds the results and k is its alias",
    'return { RAG.search("language", { top_k = 2 }).total, RAG.search("language", { k = 1 }).total, RAG.search("language").total }',
    'return [(await RAG.search("language", { top_k: 2 })).total, (await RAG.search("language", { k: 1 })).total, (await RAG.search("language")).total];',
    { value: [2, 1, 3] },
  ),
  withCorpus(
    "rag: results are sorted best first",
    'local r = RAG.search("quantum physics particles", { top_k = 3 })\nreturn { r.results[1].id, r.results[1].score >= r.results[2].score, r.results[2].score >= r.results[3].score }',
    'const r = await RAG.search("quantum physics particles", { top_k: 3 });\nreturn [r.results[0].id, r.results[0].score >= r.results[1].score, r.results[1].score >= r.results[2].score];',
    { value: ["physics", true, true] },
  ),
  apiCase(
    "rag: top_k = 0 is a type error",
    luaError('RAG.search("x", { top_k = 0 })'),
    jsError('RAG.search("x", { top_k: 0 })'),
    { value: [false, "type", "RAG.search expects options.top_k to be a value >= 1, got number 0"] },
  ),
  apiCase(
    "rag: k above 100 is a type error",
    luaError('RAG.search("x", { k = 101 })'),
    jsError('RAG.search("x", { k: 101 })'),
    { value: [false, "type", "RAG.search expects options.k to be a value <= 100, got number 101"] },
  ),
  apiCase(
    "rag: a fractional top_k is a type error",
    luaError('RAG.search("x", { top_k = 2.5 })'),
    jsError('RAG.search("x", { top_k: 2.5 })'),
    { value: [false, "type", "RAG.search expects options.top_k to be an integer, got number 2.5"] },
  ),
  apiCase(
    "rag: an empty query is a type error",
    luaError('RAG.search("", { top_k = 3 })'),
    jsError('RAG.search("", { top_k: 3 })'),
    { value: [false, "type", 'RAG.search expects query to be a non-empty string, got ""'] },
  ),
  apiCase(
    "rag: a query that is not a string is a type error",
    "local ok, e = pcall(RAG.search, 42)\nreturn { ok, e.kind, e.message }",
    'try { await RAG.search(42); return "no error"; } catch (e) { return [false, e.kind, e.message]; }',
    { value: [false, "type", "RAG.search expects query to be a string, got number"] },
  ),

  // ----- scopes
  withCorpus(
    "rag: an unknown scope returns empty results",
    'local r = RAG.search("apples", { scope = "nowhere" })\nreturn { r.success, r.total, #r.results }',
    'const r = await RAG.search("apples", { scope: "nowhere" });\nreturn [r.success, r.total, r.results.length];',
    { value: [true, 0, 0] },
  ),
  apiCase(
    "rag: scopes with scope_id are isolated from each other and from global",
    'RAG.ingest({ id = "a", content = "alpha team notes" }, { scope = "tenant", scope_id = "a" })\nRAG.ingest({ id = "b", content = "beta team notes" }, { scope = "tenant", scope_id = "b" })\nlocal function first(o) local r = RAG.search("team notes", o) return r.total == 0 and "none" or r.results[1].id end\nreturn { first({ scope = "tenant", scope_id = "a" }), first({ scope = "tenant", scope_id = "b" }), first({}), first({ scope = "tenant" }) }',
    'await RAG.ingest({ id: "a", content: "alpha team notes" }, { scope: "tenant", scope_id: "a" });\nawait RAG.ingest({ id: "b", content: "beta team notes" }, { scope: "tenant", scope_id: "b" });\nconst first = async (o) => { const r = await RAG.search("team notes", o); return r.total === 0 ? "none" : r.results[0].id; };\nreturn [await first({ scope: "tenant", scope_id: "a" }), await first({ scope: "tenant", scope_id: "b" }), await first({}), await first({ scope: "tenant" })];',
    { value: ["a", "b", "none", "none"] },
  ),
  apiCase(
    "rag: tenant_id is scope tenant with that scope_id; scope global is the default scope",
    'RAG.ingest({ id = "t", content = "tenant secret" }, { tenant_id = "acme" })\nRAG.ingest({ id = "g", content = "global secret" }, { scope = "global", scope_id = "ignored" })\nreturn { RAG.search("secret", { scope = "tenant", scope_id = "acme" }).results[1].id, RAG.search("secret").results[1].id, RAG.search("secret", { tenant_id = "other" }).total }',
    'await RAG.ingest({ id: "t", content: "tenant secret" }, { tenant_id: "acme" });\nawait RAG.ingest({ id: "g", content: "global secret" }, { scope: "global", scope_id: "ignored" });\nreturn [(await RAG.search("secret", { scope: "tenant", scope_id: "acme" })).results[0].id, (await RAG.search("secret")).results[0].id, (await RAG.search("secret", { tenant_id: "other" })).total];',
    { value: ["t", "g", 0] },
  ),
  apiCase(
    "rag: the index is kept in the State scope __rag__, one key per RAG scope",
    'RAG.ingest({ content = "one" })\nRAG.ingest({ content = "two" }, { scope = "session", scope_id = "s1" })\nRAG.save()\nreturn State.list_keys("__rag__")',
    'await RAG.ingest({ content: "one" });\nawait RAG.ingest({ content: "two" }, { scope: "session", scope_id: "s1" });\nawait RAG.save();\nreturn await State.list_keys("__rag__");',
    { value: ["global", "session:s1"] },
  ),

  // ----- filters and threshold
  withCorpus(
    "rag: metadata_filter keeps only matching chunks",
    LUA_IDS + 'return ids(RAG.search("language fruit physics", { metadata_filter = { topic = "science" } }))',
    JS_IDS + 'return ids(await RAG.search("language fruit physics", { metadata_filter: { topic: "science" } }));',
    { value: ["physics"] },
  ),
  withCorpus(
    "rag: filters is metadata_filter's alias, and every key must match",
    LUA_IDS +
      'return { ids(RAG.search("games", { filters = { topic = "code", level = 1 } })), #ids(RAG.search("games", { filters = { topic = "code", level = 2 } })) }',
    JS_IDS +
      'return [ids(await RAG.search("games", { filters: { topic: "code", level: 1 } })), ids(await RAG.search("games", { filters: { topic: "code", level: 2 } })).length];',
    { value: [["lua"], 0] },
  ),
  withCorpus(
    "rag: a list in a filter matches any of its values; a list in metadata matches a value it holds",
    LUA_IDS +
      'local a = ids(RAG.search("physics language", { metadata_filter = { topic = { "science", "code" } } }))\ntable.sort(a)\nreturn { a, ids(RAG.search("fruit", { metadata_filter = { tags = "sweet" } })), #ids(RAG.search("fruit", { metadata_filter = { missing = "x" } })) }',
    JS_IDS +
      'const a = ids(await RAG.search("physics language", { metadata_filter: { topic: ["science", "code"] } })).sort();\nreturn [a, ids(await RAG.search("fruit", { metadata_filter: { tags: "sweet" } })), ids(await RAG.search("fruit", { metadata_filter: { missing: "x" } })).length];',
    { value: [["lua", "physics"], ["fruit"], 0] },
  ),
  apiCase(
    "rag: a metadata_filter that is not a table is a type error",
    'local ok, e = pcall(RAG.search, "x", { metadata_filter = "topic" })\nreturn { ok, e.kind, string.sub(e.message, 1, 47) }',
    'try { await RAG.search("x", { metadata_filter: "topic" }); return "no error"; } catch (e) { return [false, e.kind, e.message.slice(0, 47)]; }',
    { value: [false, "type", "RAG.search expects options.metadata_filter to b"] },
  ),
  withCorpus(
    "rag: threshold drops results scoring below it",
    LUA_IDS +
      'local all = RAG.search("apples", { top_k = 3 })\nreturn { all.total, ids(RAG.search("apples", { top_k = 3, threshold = 0.3 })), RAG.search("apples", { threshold = 1.01 }).total }',
    JS_IDS +
      'const all = await RAG.search("apples", { top_k: 3 });\nreturn [all.total, ids(await RAG.search("apples", { top_k: 3, threshold: 0.3 })), (await RAG.search("apples", { threshold: 1.01 })).total];',
    { value: [3, ["fruit"], 0] },
  ),
  apiCase(
    "rag: __proto__ in metadata is an ordinary key, stored, returned and filtered on",
    'RAG.ingest({ id = "p", content = "prototype pollution probe", metadata = { ["__proto__"] = "kept" } })\nlocal r = RAG.search("probe", { metadata_filter = { ["__proto__"] = "kept" } })\nreturn { r.total, r.results[1].metadata["__proto__"] }',
    'const meta = JSON.parse(\'{"__proto__": "kept"}\');\nawait RAG.ingest({ id: "p", content: "prototype pollution probe", metadata: meta });\nconst r = await RAG.search("probe", { metadata_filter: JSON.parse(\'{"__proto__": "kept"}\') });\nreturn [r.total, Object.getOwnPropertyDescriptor(r.results[0].metadata, "__proto__").value];',
    { value: [1, "kept"] },
  ),

  // ----- chunking
  apiCase(
    "rag: chunk_size and overlap cut a document into overlapping chunks",
    LUA_WORDS +
      'local r = RAG.ingest({ id = "w", content = text }, { chunking = { chunk_size = 5, overlap = 2 } })\nlocal s = RAG.search("w4 w5", { top_k = 4 })\nlocal byId = {}\nfor _, x in ipairs(s.results) do byId[x.id] = x.content end\nreturn { r.vectors_created, byId["w#0"], byId["w#1"], byId["w#2"], byId["w#3"] }',
    JS_WORDS +
      'const r = await RAG.ingest({ id: "w", content: text }, { chunking: { chunk_size: 5, overlap: 2 } });\nconst s = await RAG.search("w4 w5", { top_k: 4 });\nconst byId = Object.fromEntries(s.results.map((x) => [x.id, x.content]));\nreturn [r.vectors_created, byId["w#0"], byId["w#1"], byId["w#2"], byId["w#3"]];',
    { value: [4, "w1 w2 w3 w4 w5", "w4 w5 w6 w7 w8", "w7 w8 w9 w10 w11", "w10 w11 w12"] },
  ),
  apiCase(
    "rag: without overlap chunks do not repeat words, and chunk_index counts them",
    LUA_WORDS +
      'RAG.ingest({ id = "w", content = text }, { chunking = { chunk_size = 6, overlap = 0 } })\nlocal s = RAG.search("w1 w12", { top_k = 5 })\nlocal out = {}\nfor _, x in ipairs(s.results) do out[x.metadata.chunk_index + 1] = x.content end\nreturn out',
    JS_WORDS +
      'await RAG.ingest({ id: "w", content: text }, { chunking: { chunk_size: 6, overlap: 0 } });\nconst s = await RAG.search("w1 w12", { top_k: 5 });\nconst out = [];\nfor (const x of s.results) out[x.metadata.chunk_index] = x.content;\nreturn out;',
    { value: ["w1 w2 w3 w4 w5 w6", "w7 w8 w9 w10 w11 w12"] },
  ),
  apiCase(
    "rag: the sentence strategy keeps sentences whole",
    'RAG.ingest({ id = "s", content = "One two three. Four five six seven. Eight nine." }, { chunking = { chunk_size = 5, overlap = 0, strategy = "sentence" } })\nlocal s = RAG.search("one four eight", { top_k = 5 })\nlocal out = {}\nfor _, x in ipairs(s.results) do out[x.metadata.chunk_index + 1] = x.content end\nreturn out',
    'await RAG.ingest({ id: "s", content: "One two three. Four five six seven. Eight nine." }, { chunking: { chunk_size: 5, overlap: 0, strategy: "sentence" } });\nconst s = await RAG.search("one four eight", { top_k: 5 });\nconst out = [];\nfor (const x of s.results) out[x.metadata.chunk_index] = x.content;\nreturn out;',
    { value: ["One two three.", "Four five six seven.", "Eight nine."] },
  ),
  apiCase(
    "rag: the paragraph strategy cuts at blank lines",
    'RAG.ingest({ id = "p", content = "First para line.\\nStill first.\\n\\nSecond para." }, { chunking = { chunk_size = 6, overlap = 0, strategy = "paragraph" } })\nlocal s = RAG.search("first second", { top_k = 5 })\nlocal out = {}\nfor _, x in ipairs(s.results) do out[x.metadata.chunk_index + 1] = x.content end\nreturn out',
    'await RAG.ingest({ id: "p", content: "First para line.\\nStill first.\\n\\nSecond para." }, { chunking: { chunk_size: 6, overlap: 0, strategy: "paragraph" } });\nconst s = await RAG.search("first second", { top_k: 5 });\nconst out = [];\nfor (const x of s.results) out[x.metadata.chunk_index] = x.content;\nreturn out;',
    { value: ["First para line.\nStill first.", "Second para."] },
  ),
  apiCase(
    "rag: an overlap not below chunk_size is a type error",
    luaError('RAG.ingest({ content = "a b c" }, { chunking = { chunk_size = 5, overlap = 5 } })'),
    jsError('RAG.ingest({ content: "a b c" }, { chunking: { chunk_size: 5, overlap: 5 } })'),
    {
      value: [
        false,
        "type",
        "RAG.ingest expects options.chunking.overlap to be less than chunk_size (5), got number 5",
      ],
    },
  ),
  apiCase(
    "rag: an unknown chunking strategy is a type error naming the strategies",
    luaError('RAG.ingest({ content = "a b c" }, { chunking = { strategy = "semantic" } })'),
    jsError('RAG.ingest({ content: "a b c" }, { chunking: { strategy: "semantic" } })'),
    {
      value: [
        false,
        "type",
        'RAG.ingest expects options.chunking.strategy to be one of "sliding_window", "fixed", "sentence", "paragraph", got "semantic"',
      ],
    },
  ),

  // ----- bad documents and limits
  apiCase(
    "rag: a document over 1 MiB is an api error",
    luaError('RAG.ingest({ id = "big", content = string.rep("a ", 524289) })'),
    jsError('RAG.ingest({ id: "big", content: "a ".repeat(524289) })'),
    {
      value: [
        false,
        "api",
        'RAG.ingest: document "big" is 1,048,578 bytes (UTF-8); a document may be at most 1,048,576 bytes (split it into several documents)',
      ],
    },
  ),
  apiCase(
    "rag: more than 2,000 chunks in one ingest is an api error, and nothing is stored",
    'local ok, e = pcall(RAG.ingest, { id = "many", content = string.rep("w ", 2001) }, { chunking = { chunk_size = 1, overlap = 0 } })\nreturn { ok, e.kind, e.message, RAG.get_stats("global").total_vectors }',
    'let err;\ntry { await RAG.ingest({ id: "many", content: "w ".repeat(2001) }, { chunking: { chunk_size: 1, overlap: 0 } }); } catch (e) { err = e; }\nreturn [false, err.kind, err.message, (await RAG.get_stats("global")).total_vectors];',
    {
      value: [
        false,
        "api",
        "RAG.ingest: the documents make 2,001 chunks; one call may make at most 2,000 (raise chunking.chunk_size or ingest in several calls)",
        0,
      ],
    },
  ),
  apiCase(
    "rag: a document without content or text is a type error",
    luaError("RAG.ingest({ metadata = { test = true } })"),
    jsError("RAG.ingest({ metadata: { test: true } })"),
    { value: [false, "type", "RAG.ingest expects document.content (or .text) to be a non-empty string, got nothing"] },
  ),
  apiCase(
    "rag: empty or blank content is a type error",
    'local _, a = pcall(RAG.ingest, { content = "" })\nlocal _, b = pcall(RAG.ingest, { content = "  \\n " })\nreturn { a.kind, a.message, b.kind, b.message }',
    'const msg = async (d) => { try { await RAG.ingest(d); } catch (e) { return [e.kind, e.message]; } };\nreturn [...(await msg({ content: "" })), ...(await msg({ content: "  \\n " }))];',
    {
      value: [
        "type",
        'RAG.ingest expects document.content to be a non-empty string, got ""',
        "type",
        "RAG.ingest expects document.content to hold some text, got only whitespace",
      ],
    },
  ),
  apiCase(
    "rag: a bad document in a list is a type error naming its position",
    'local ok, e = pcall(RAG.ingest, { { content = "fine" }, "not a table" })\nreturn { ok, e.kind, string.find(e.message, "RAG.ingest expects documents[2] to be a", 1, true) == 1 }',
    'try { await RAG.ingest([{ content: "fine" }, { content: "fine too" }, "not a table"]); return "no error"; } catch (e) { return [false, e.kind, e.message.startsWith("RAG.ingest expects documents[2] to be a")]; }',
    { value: [false, "type", true] },
  ),
  apiCase(
    "rag: an unknown embedding provider is a type error",
    luaError('RAG.ingest({ content = "x" }, { provider = "nope" })'),
    jsError('RAG.ingest({ content: "x" }, { provider: "nope" })'),
    {
      value: [
        false,
        "type",
        'RAG.ingest expects options.provider to be one of "mock", "openai" or a "provider/model" id, got "nope"',
      ],
    },
  ),

  // ----- cleanup, stats and the rest
  withCorpus(
    "rag: cleanup_scope removes a scope's vectors and counts them",
    'RAG.ingest({ { content = "s one" }, { content = "s two" } }, { scope = "session", scope_id = "x" })\nlocal removed = RAG.cleanup_scope("session", "x")\nreturn { removed, RAG.cleanup_scope("session", "x"), RAG.search("one", { scope = "session", scope_id = "x" }).total, RAG.get_stats("global").total_vectors }',
    'await RAG.ingest([{ content: "s one" }, { content: "s two" }], { scope: "session", scope_id: "x" });\nconst removed = await RAG.cleanup_scope("session", "x");\nreturn [removed, await RAG.cleanup_scope("session", "x"), (await RAG.search("one", { scope: "session", scope_id: "x" })).total, (await RAG.get_stats("global")).total_vectors];',
    { value: [2, 0, 0, 3] },
  ),
  withCorpus(
    "rag: get_stats reports a scope's size and usage",
    'RAG.search("apples")\nRAG.search("games")\nlocal s = RAG.get_stats("global")\nreturn { s.total_vectors, s.total_documents, s.embeddings_generated, s.embedding_tokens > 0, s.searches_performed, s.model, s.dimensions, s.total_storage_bytes > 3 * 256 * 4 }',
    'await RAG.search("apples");\nawait RAG.search("games");\nconst s = await RAG.get_stats("global");\nreturn [s.total_vectors, s.total_documents, s.embeddings_generated, s.embedding_tokens > 0, s.searches_performed, s.model, s.dimensions, s.total_storage_bytes > 3 * 256 * 4];',
    { value: [3, 3, 3, true, 2, "mock/embed", 256, true] },
  ),
  apiCase(
    "rag: get_stats of an unknown scope is all zeros",
    'local s = RAG.get_stats("tenant", "nobody")\nreturn { s.total_vectors, s.total_documents, s.total_storage_bytes, s.searches_performed, s.model == nil }',
    'const s = await RAG.get_stats("tenant", "nobody");\nreturn [s.total_vectors, s.total_documents, s.total_storage_bytes, s.searches_performed, s.model === undefined];',
    { value: [0, 0, 0, 0, true] },
  ),
  apiCase(
    "rag: list_providers names the providers that embed",
    "return RAG.list_providers()",
    "return RAG.list_providers();",
    { value: ["mock", "openai"] },
  ),
  apiCase(
    "rag: configure returns nil and sets the default provider; an unknown one is a type error",
    'local r = RAG.configure({ default_provider = "mock", session_ttl = 60, enable_cache = true, cache_ttl = 10 })\nRAG.ingest({ content = "configured" })\nlocal ok, e = pcall(RAG.configure, { default_provider = "acme" })\nreturn { r == nil, RAG.get_stats("global").model, ok, e.kind }',
    'const r = RAG.configure({ default_provider: "mock", session_ttl: 60, enable_cache: true, cache_ttl: 10 });\nawait RAG.ingest({ content: "configured" });\nlet err;\ntry { RAG.configure({ default_provider: "acme" }); } catch (e) { err = e; }\nreturn [r === null || r === undefined, (await RAG.get_stats("global")).model, false, err.kind];',
    { value: [true, "mock/embed", false, "type"] },
  ),
  apiCase(
    "rag: create_session_collection and configure_session return rs-llmspell's records",
    'local c = RAG.create_session_collection("s1", 600)\nlocal d = RAG.create_session_collection("s2")\nlocal s = RAG.configure_session({ session_id = "s1" })\nlocal t = RAG.configure_session({ session_id = "s2", vector_ttl = 60 })\nreturn { c.session_id, c.namespace, c.ttl, c.created, d.ttl == nil, s.session_id, s.vector_ttl, s.configured, t.vector_ttl }',
    'const c = RAG.create_session_collection("s1", 600);\nconst d = RAG.create_session_collection("s2");\nconst s = RAG.configure_session({ session_id: "s1" });\nconst t = RAG.configure_session({ session_id: "s2", vector_ttl: 60 });\nreturn [c.session_id, c.namespace, c.ttl, c.created, d.ttl === undefined, s.session_id, s.vector_ttl, s.configured, t.vector_ttl];',
    { value: ["s1", "session_s1", 600, true, true, "s1", 3600, true, 60] },
  ),
  apiCase(
    "rag: configure_session without a session_id is a type error",
    "local ok, e = pcall(RAG.configure_session, { vector_ttl = 5 })\nreturn { ok, e.kind, string.sub(e.message, 1, 60) }",
    'try { RAG.configure_session({ vector_ttl: 5 }); return "no error"; } catch (e) { return [false, e.kind, e.message.slice(0, 60)]; }',
    { value: [false, "type", "RAG.configure_session expects options.session_id to be a str"] },
  ),
  apiCase(
    "rag: save returns nil",
    'RAG.ingest({ content = "saved" })\nreturn RAG.save() == nil',
    'await RAG.ingest({ content: "saved" });\nconst r = await RAG.save();\nreturn r === null || r === undefined;',
    { value: true },
  ),
  withCorpus(
    "rag: ingest and search are retrieval spans, each embedding call an embedding span inside",
    'RAG.search("apples")\nreturn true',
    'await RAG.search("apples");\nreturn true;',
    {
      value: true,
      check: ({ events }) => {
        const starts = events.filter((e): e is TraceStart => e.type === "trace" && e.phase === "start");
        const retrievals = starts.filter((s) => s.kind === "retrieval");
        vexpect(retrievals.map((s) => s.name)).toEqual(["RAG.ingest", "RAG.search"]);
        const embeddings = starts.filter((s) => s.kind === "embedding");
        vexpect(embeddings.map((s) => [s.name, s.parentId])).toEqual([
          ["mock/embed", retrievals[0].id],
          ["mock/embed", retrievals[1].id],
        ]);
        const ends = events.filter((e) => e.type === "trace" && e.phase === "end" && e.id === embeddings[0].id);
        vexpect(ends[0]).toMatchObject({ model: "mock/embed", tokens: { input: 32, output: 0 } });
      },
    },
  ),
];
