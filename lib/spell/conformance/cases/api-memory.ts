/** Conformance: Memory and Context (rs-llmspell 0.14's names, argument forms, result shapes and errors). */
import type { ConformanceCase } from "@/lib/core/conformance";
import type { TraceEvent, TraceStart } from "@/lib/core/events";
import { apiCase } from "@/lib/spell/conformance/api-case";
import { jsError, luaError } from "@/lib/spell/conformance/error-probes";

/** Two memory sessions, as rs-llmspell's memory-session-isolation cookbook spell builds them. */
const LUA_MEM = `Memory.episodic.add("alpha", "user", "We need real-time analytics and CSV exports", { project = "alpha" })
Memory.episodic.add("alpha", "assistant", "Analytics will use WebSocket connections", { project = "alpha" })
Memory.episodic.add("beta", "user", "The authentication service is failing with timeouts", { project = "beta" })
`;
const JS_MEM = `await Memory.episodic.add("alpha", "user", "We need real-time analytics and CSV exports", { project: "alpha" });
await Memory.episodic.add("alpha", "assistant", "Analytics will use WebSocket connections", { project: "alpha" });
await Memory.episodic.add("beta", "user", "The authentication service is failing with timeouts", { project: "beta" });
`;
const LUA_CONTENTS = `local function contents(l) local o = {} for i, e in ipairs(l) do o[i] = e.content end return o end\n`;
const JS_CONTENTS = `const contents = (l) => l.map((e) => e.content);\n`;

export const cases: ConformanceCase[] = [
  // ----- Memory.episodic
  apiCase(
    "memory: episodic.add returns an entry id and search returns rs-llmspell's entry fields",
    'local id = Memory.episodic.add("s1", "user", "hello there", { k = 1 })\nlocal e = Memory.episodic.search("s1", "hello", 10)[1]\nreturn { type(id), e.id == id, e.session_id, e.role, e.content, type(e.timestamp), type(e.ingestion_time), e.metadata.k, e.processed }',
    'const id = await Memory.episodic.add("s1", "user", "hello there", { k: 1 });\nconst e = (await Memory.episodic.search("s1", "hello", 10))[0];\nreturn [typeof id, e.id === id, e.session_id, e.role, e.content, typeof e.timestamp, typeof e.ingestion_time, e.metadata.k, e.processed];',
    { value: ["string", true, "s1", "user", "hello there", "string", "string", 1, false] },
  ),
  apiCase(
    "memory: Memory.episodic and Memory.semantic are tables of functions",
    'return { type(Memory.episodic) == type(Memory), type(Memory.episodic.add), type(Memory.episodic.search), type(Memory.semantic.query), type(Memory.consolidate), Memory["episodic.add"] == nil }',
    'return [typeof Memory.episodic === typeof Memory, typeof Memory.episodic.add, typeof Memory.episodic.search, typeof Memory.semantic.query, typeof Memory.consolidate, Memory["episodic.add"] === undefined];',
    { value: [true, "function", "function", "function", "function", true] },
  ),
  apiCase(
    "memory: a session's search returns only that session's entries, most relevant first",
    LUA_MEM +
      LUA_CONTENTS +
      'return { contents(Memory.episodic.search("alpha", "WebSocket", 10)), #Memory.episodic.search("beta", "analytics", 10) }',
    JS_MEM +
      JS_CONTENTS +
      'return [contents(await Memory.episodic.search("alpha", "WebSocket", 10)), (await Memory.episodic.search("beta", "analytics", 10)).length];',
    {
      value: [["Analytics will use WebSocket connections", "We need real-time analytics and CSV exports"], 1],
    },
  ),
  apiCase(
    'memory: searching session "" looks in every session for entries sharing words with the query',
    LUA_MEM + LUA_CONTENTS + 'return contents(Memory.episodic.search("", "authentication timeouts", 10))',
    JS_MEM + JS_CONTENTS + 'return contents(await Memory.episodic.search("", "authentication timeouts", 10));',
    { value: ["The authentication service is failing with timeouts"] },
  ),
  apiCase(
    "memory: limit bounds the results and defaults to 10",
    'for i = 1, 12 do Memory.episodic.add("s", "user", "note " .. i) end\nreturn { #Memory.episodic.search("s", "note", 3), #Memory.episodic.search("s", "note") }',
    'for (let i = 1; i <= 12; i++) await Memory.episodic.add("s", "user", "note " + i);\nreturn [(await Memory.episodic.search("s", "note", 3)).length, (await Memory.episodic.search("s", "note")).length];',
    { value: [3, 10] },
  ),
  apiCase(
    "memory: an empty query lists a session's entries newest first",
    'Memory.episodic.add("s", "user", "first")\nMemory.episodic.add("s", "user", "second")\nlocal r = Memory.episodic.search("s", "", 10)\nreturn { #r, r[1].content == "second" or r[1].timestamp == r[2].timestamp }',
    'await Memory.episodic.add("s", "user", "first");\nawait Memory.episodic.add("s", "user", "second");\nconst r = await Memory.episodic.search("s", "", 10);\nreturn [r.length, r[0].content === "second" || r[0].timestamp === r[1].timestamp];',
    { value: [2, true] },
  ),
  apiCase(
    "memory: an unknown memory session has no entries",
    'return #Memory.episodic.search("nobody", "anything", 5)',
    'return (await Memory.episodic.search("nobody", "anything", 5)).length;',
    { value: 0 },
  ),
  apiCase(
    "memory: limit = 0 is a type error",
    luaError('Memory.episodic.search("s", "q", 0)'),
    jsError('Memory.episodic.search("s", "q", 0)'),
    { value: [false, "type", "Memory.episodic.search expects limit to be a value >= 1, got number 0"] },
  ),
  apiCase(
    "memory: limit above 1000 is a type error",
    luaError('Memory.semantic.query("q", 1001)'),
    jsError('Memory.semantic.query("q", 1001)'),
    { value: [false, "type", "Memory.semantic.query expects limit to be a value <= 1000, got number 1001"] },
  ),
  apiCase(
    "memory: an empty session id is a type error for add",
    luaError('Memory.episodic.add("", "user", "x")'),
    jsError('Memory.episodic.add("", "user", "x")'),
    { value: [false, "type", 'Memory.episodic.add expects session_id to be a non-empty string, got ""'] },
  ),
  apiCase(
    "memory: content must be a string",
    luaError('Memory.episodic.add("s", "user", 42)'),
    jsError('Memory.episodic.add("s", "user", 42)'),
    { value: [false, "type", "Memory.episodic.add expects content to be a string, got number"] },
  ),
  apiCase(
    "memory: content over 64 KiB is capped with a clear error",
    luaError('Memory.episodic.add("s", "user", string.rep("x", 65537))'),
    jsError('Memory.episodic.add("s", "user", "x".repeat(65537))'),
    {
      value: [
        false,
        "api",
        "Memory.episodic.add: content is 65,537 bytes (UTF-8); an entry may be at most 65,536 bytes",
      ],
    },
  ),
  apiCase(
    "memory: entries persist in the State scope __memory__, one key per memory session",
    LUA_MEM + 'return State.list_keys("__memory__")',
    JS_MEM + 'return await State.list_keys("__memory__");',
    { value: ["episodic:alpha", "episodic:beta"] },
  ),
  apiCase(
    "memory: __proto__ in metadata stays an ordinary key",
    'Memory.episodic.add("s", "user", "probe", { ["__proto__"] = "kept" })\nreturn Memory.episodic.search("s", "probe")[1].metadata["__proto__"]',
    'await Memory.episodic.add("s", "user", "probe", JSON.parse(\'{"__proto__": "kept"}\'));\nreturn Object.getOwnPropertyDescriptor((await Memory.episodic.search("s", "probe"))[0].metadata, "__proto__").value;',
    { value: "kept" },
  ),

  // ----- consolidate, semantic, stats
  apiCase(
    "memory: consolidate turns entries into entities and reports rs-llmspell's counts",
    LUA_MEM +
      'local r = Memory.consolidate("alpha", false)\nreturn { r.entries_processed, r.entities_added, r.entities_updated, r.entities_deleted, r.entries_skipped, r.entries_failed, math.type(r.duration_ms) }',
    JS_MEM +
      'const r = await Memory.consolidate("alpha", false);\nreturn [r.entries_processed, r.entities_added, r.entities_updated, r.entities_deleted, r.entries_skipped, r.entries_failed, Number.isInteger(r.duration_ms) ? "integer" : "float"];',
    { value: [2, 2, 0, 0, 0, 0, "integer"] },
  ),
  apiCase(
    "memory: consolidating again skips processed entries; force processes them again",
    LUA_MEM +
      "Memory.consolidate()\nlocal again = Memory.consolidate()\nlocal forced = Memory.consolidate(nil, true)\nreturn { again.entries_processed, again.entries_skipped, forced.entries_processed, forced.entities_updated }",
    JS_MEM +
      "await Memory.consolidate();\nconst again = await Memory.consolidate();\nconst forced = await Memory.consolidate(null, true);\nreturn [again.entries_processed, again.entries_skipped, forced.entries_processed, forced.entities_updated];",
    { value: [0, 3, 3, 2] },
  ),
  apiCase(
    "memory: semantic.query finds consolidated entities by name, with their properties",
    LUA_MEM +
      'Memory.consolidate()\nlocal r = Memory.semantic.query("websocket", 5)\nlocal e = r[1]\nreturn { #r, e.name, e.entity_type, e.properties.mentions, e.properties.sessions, type(e.id), type(e.ingestion_time) }',
    JS_MEM +
      'await Memory.consolidate();\nconst r = await Memory.semantic.query("websocket", 5);\nconst e = r[0];\nreturn [r.length, e.name, e.entity_type, e.properties.mentions, e.properties.sessions, typeof e.id, typeof e.ingestion_time];',
    { value: [1, "WebSocket", "concept", 1, ["alpha"], "string", "string"] },
  ),
  apiCase(
    "memory: an empty semantic query lists every entity",
    LUA_MEM +
      'Memory.consolidate()\nlocal names = {}\nfor i, e in ipairs(Memory.semantic.query("")) do names[i] = e.name end\ntable.sort(names)\nreturn names',
    JS_MEM + 'await Memory.consolidate();\nreturn (await Memory.semantic.query("")).map((e) => e.name).sort();',
    { value: ["CSV", "WebSocket"] },
  ),
  apiCase(
    "memory: stats counts entries, entities and sessions with unprocessed entries",
    LUA_MEM +
      'local before = Memory.stats()\nMemory.consolidate("alpha")\nlocal after = Memory.stats()\nreturn { before.episodic_count, before.semantic_count, before.sessions_with_unprocessed, after.semantic_count, after.sessions_with_unprocessed, after.has_episodic, after.has_semantic, after.has_consolidation }',
    JS_MEM +
      'const before = await Memory.stats();\nawait Memory.consolidate("alpha");\nconst after = await Memory.stats();\nreturn [before.episodic_count, before.semantic_count, before.sessions_with_unprocessed, after.semantic_count, after.sessions_with_unprocessed, after.has_episodic, after.has_semantic, after.has_consolidation];',
    { value: [3, 0, 2, 2, 1, true, true, true] },
  ),
  apiCase(
    "memory: force must be a boolean",
    luaError('Memory.consolidate("s", "yes")'),
    jsError('Memory.consolidate("s", "yes")'),
    { value: [false, "type", "Memory.consolidate expects force to be a boolean, got string"] },
  ),

  // ----- Context
  apiCase(
    "context: assemble returns rs-llmspell's fields; episodic chunks come from the session",
    LUA_MEM +
      'local c = Context.assemble("analytics exports", "episodic", 1000, "alpha")\nlocal first = c.chunks[1]\nreturn { #c.chunks, first.chunk.source, first.chunk.content, first.ranker, type(first.score), c.token_count > 0, c.total_confidence > 0, #c.temporal_span, string.sub(c.formatted, 1, 1) }',
    JS_MEM +
      'const c = await Context.assemble("analytics exports", "episodic", 1000, "alpha");\nconst first = c.chunks[0];\nreturn [c.chunks.length, first.chunk.source, first.chunk.content, first.ranker, typeof first.score, c.token_count > 0, c.total_confidence > 0, c.temporal_span.length, c.formatted.slice(0, 1)];',
    { value: [2, "alpha", "We need real-time analytics and CSV exports", "lexical", "number", true, true, 2, "["] },
  ),
  apiCase(
    "context: formatted follows rs-llmspell's layout",
    'Memory.episodic.add("s", "user", "kettles boil water")\nlocal c = Context.assemble("kettles", "episodic", 200, "s")\nreturn (string.gsub(c.formatted, "^%[[^|]+| ", "[T | "))',
    'await Memory.episodic.add("s", "user", "kettles boil water");\nconst c = await Context.assemble("kettles", "episodic", 200, "s");\nreturn c.formatted.replace(/^\\[[^|]+\\| /, "[T | ");',
    { value: "[T | score: 0.63 | source: s]\nkettles boil water" },
  ),
  apiCase(
    "context: the semantic strategy draws on consolidated entities, best match first",
    LUA_MEM +
      'Memory.consolidate()\nlocal c = Context.assemble("CSV exports", "semantic", 500)\nreturn { #c.chunks, c.chunks[1].chunk.source, string.match(c.chunks[1].chunk.content, "^[^\\n]+") }',
    JS_MEM +
      'await Memory.consolidate();\nconst c = await Context.assemble("CSV exports", "semantic", 500);\nreturn [c.chunks.length, c.chunks[0].chunk.source, c.chunks[0].chunk.content.split("\\n")[0]];',
    { value: [2, "semantic:acronym", "CSV (acronym)"] },
  ),
  apiCase(
    "context: hybrid combines episodic entries and entities",
    LUA_MEM +
      'Memory.consolidate()\nlocal c = Context.assemble("WebSocket analytics", "hybrid", 2000, "alpha")\nlocal sources = {}\nfor _, x in ipairs(c.chunks) do sources[x.chunk.source] = true end\nreturn { sources.alpha == true, sources["semantic:concept"] == true }',
    JS_MEM +
      'await Memory.consolidate();\nconst c = await Context.assemble("WebSocket analytics", "hybrid", 2000, "alpha");\nconst sources = new Set(c.chunks.map((x) => x.chunk.source));\nreturn [sources.has("alpha"), sources.has("semantic:concept")];',
    { value: [true, true] },
  ),
  apiCase(
    "context: the rag strategy adds RAG results and the session's artifacts",
    'RAG.ingest({ id = "kb", content = "Kettle warranty lasts two years" })\nlocal sid = Session.create({ name = "support" })\nArtifact.store(sid, "tool_result", "ticket.txt", "Customer asks about kettle warranty")\nlocal c = Context.assemble("kettle warranty", "rag", 2000, sid)\nlocal sources = {}\nfor _, x in ipairs(c.chunks) do sources[#sources + 1] = x.chunk.source end\ntable.sort(sources)\nreturn sources',
    'await RAG.ingest({ id: "kb", content: "Kettle warranty lasts two years" });\nconst sid = await Session.create({ name: "support" });\nawait Artifact.store(sid, "tool_result", "ticket.txt", "Customer asks about kettle warranty");\nconst c = await Context.assemble("kettle warranty", "rag", 2000, sid);\nreturn c.chunks.map((x) => x.chunk.source).sort();',
    { value: ["artifact:ticket.txt", "rag:global"] },
  ),
  apiCase(
    "context: the token budget bounds what is kept",
    'for i = 1, 20 do Memory.episodic.add("s", "user", "budget line number " .. i .. " " .. string.rep("budget ", 10)) end\nlocal c = Context.assemble("budget line", "episodic", 100, "s")\nreturn { c.token_count <= 100, #c.chunks < 20, #c.chunks > 0 }',
    'for (let i = 1; i <= 20; i++) await Memory.episodic.add("s", "user", "budget line number " + i + " " + "budget ".repeat(10));\nconst c = await Context.assemble("budget line", "episodic", 100, "s");\nreturn [c.token_count <= 100, c.chunks.length < 20, c.chunks.length > 0];',
    { value: [true, true, true] },
  ),
  apiCase(
    "context: nothing relevant gives rs-llmspell's empty context",
    'local c = Context.assemble("nothing here", "hybrid", 500)\nreturn { #c.chunks, c.total_confidence, c.token_count, c.formatted, #c.temporal_span }',
    'const c = await Context.assemble("nothing here", "hybrid", 500);\nreturn [c.chunks.length, c.total_confidence, c.token_count, c.formatted, c.temporal_span.filter((x) => x !== null).length];',
    { value: [0, 0, 0, "", 0] },
  ),
  apiCase(
    "context: an empty query is a type error",
    luaError('Context.assemble("", "hybrid", 500)'),
    jsError('Context.assemble("", "hybrid", 500)'),
    { value: [false, "type", 'Context.assemble expects query to be a non-empty string, got ""'] },
  ),
  apiCase(
    "context: an unknown strategy is a type error naming the strategies",
    luaError('Context.assemble("q", "bm25", 500)'),
    jsError('Context.assemble("q", "bm25", 500)'),
    {
      value: [
        false,
        "type",
        'Context.assemble expects strategy to be one of "episodic", "semantic", "hybrid", "rag", got "bm25"',
      ],
    },
  ),
  apiCase(
    "context: a budget below 100 tokens is a type error, as in rs-llmspell",
    luaError('Context.assemble("q", "hybrid", 50)'),
    jsError('Context.assemble("q", "hybrid", 50)'),
    { value: [false, "type", "Context.assemble expects max_tokens to be a value >= 100, got number 50"] },
  ),
  apiCase(
    "context: a budget above 128000 tokens is a type error",
    luaError('Context.assemble("q", "hybrid", 128001)'),
    jsError('Context.assemble("q", "hybrid", 128001)'),
    { value: [false, "type", "Context.assemble expects max_tokens to be a value <= 128000, got number 128001"] },
  ),
  apiCase(
    "context: test is a hybrid assembly with a 2000-token budget",
    LUA_MEM +
      'local a = Context.test("analytics", "alpha")\nlocal b = Context.assemble("analytics", "hybrid", 2000, "alpha")\nreturn { #a.chunks, a.formatted == b.formatted }',
    JS_MEM +
      'const a = await Context.test("analytics", "alpha");\nconst b = await Context.assemble("analytics", "hybrid", 2000, "alpha");\nreturn [a.chunks.length, a.formatted === b.formatted];',
    { value: [2, true] },
  ),
  apiCase(
    "context: strategy_stats counts entries and entities and lists the strategies",
    LUA_MEM +
      "Memory.consolidate()\nlocal s = Context.strategy_stats()\nreturn { s.episodic_count, s.semantic_count, s.strategies }",
    JS_MEM +
      "await Memory.consolidate();\nconst s = await Context.strategy_stats();\nreturn [s.episodic_count, s.semantic_count, s.strategies];",
    { value: [3, 2, ["episodic", "semantic", "hybrid", "rag"]] },
  ),
  apiCase(
    "context: assemble traces a retrieval span with the chunk count",
    LUA_MEM + 'Context.assemble("analytics", "episodic", 500, "alpha")\nreturn true',
    JS_MEM + 'await Context.assemble("analytics", "episodic", 500, "alpha");\nreturn true;',
    {
      value: true,
      check: ({ events }) => {
        const traces = events.filter((e): e is TraceEvent => e.type === "trace");
        const start = traces.find((e): e is TraceStart => e.phase === "start" && e.name === "Context.assemble");
        const end = start && traces.find((e) => e.phase === "end" && e.id === start.id);
        if (!start || start.kind !== "retrieval" || !end || !JSON.stringify(end).includes('"chunks":2'))
          throw new Error("no Context.assemble retrieval span ending with 2 chunks");
      },
    },
  ),
];
