/** Conformance: Session and Artifact (rs-llmspell 0.14's names, argument forms, result shapes and errors). */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";
import { jsError, luaError } from "@/lib/spell/conformance/error-probes";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const LUA_S = 'local id = Session.create({ name = "s", description = "d", tags = { "a", "b" } })\n';
const JS_S = 'const id = await Session.create({ name: "s", description: "d", tags: ["a", "b"] });\n';
const LUA_ART =
  LUA_S +
  'local aid = Artifact.store(id, "agent_output", "out.txt", "hello world", { mime_type = "text/plain", tags = { "x" }, source = "test" })\n';
const JS_ART =
  JS_S +
  'const aid = await Artifact.store(id, "agent_output", "out.txt", "hello world", { mime_type: "text/plain", tags: ["x"], source: "test" });\n';

export const cases: ConformanceCase[] = [
  // ----- Session
  apiCase(
    "session: create returns a UUID string and get returns rs-llmspell's fields",
    LUA_S +
      "local s = Session.get(id)\nreturn { type(id), #id, s.id == id, s.name, s.description, s.tags, s.status, type(s.created_at), s.updated_at == s.created_at, s.parent_session_id == nil, next(s.custom_metadata) == nil }",
    JS_S +
      "const s = await Session.get(id);\nreturn [typeof id, id.length, s.id === id, s.name, s.description, s.tags, s.status, typeof s.created_at, s.updated_at === s.created_at, s.parent_session_id === null, Object.keys(s.custom_metadata).length === 0];",
    { value: ["string", 36, true, "s", "d", ["a", "b"], "active", "string", true, true, true] },
  ),
  apiCase(
    "session: create with no options makes an unnamed active session",
    "local id = Session.create()\nlocal s = Session.get(id)\nreturn { s.name == nil, s.status, #s.tags }",
    "const id = await Session.create();\nconst s = await Session.get(id);\nreturn [s.name === null, s.status, s.tags.length];",
    { value: [true, "active", 0] },
  ),
  apiCase(
    "session: the builder chains name, description, tag and tags, and build returns the id",
    'local id = Session.builder():name("b"):description("built"):tag("t1"):tags({ "t2", "t3" }):build()\nlocal s = Session.get(id)\nreturn { s.name, s.description, s.tags }',
    'const id = await Session.builder().name("b").description("built").tag("t1").tags(["t2", "t3"]).build();\nconst s = await Session.get(id);\nreturn [s.name, s.description, s.tags];',
    { value: ["b", "built", ["t1", "t2", "t3"]] },
  ),
  apiCase(
    "session: metadata is kept as custom_metadata",
    'local id = Session.create({ metadata = { owner = "ann", n = 2 } })\nlocal m = Session.get(id).custom_metadata\nreturn { m.owner, m.n }',
    'const id = await Session.create({ metadata: { owner: "ann", n: 2 } });\nconst m = (await Session.get(id)).custom_metadata;\nreturn [m.owner, m.n];',
    { value: ["ann", 2] },
  ),
  apiCase(
    "session: a parent session is recorded; an unknown parent is not_found",
    'local p = Session.create({ name = "parent" })\nlocal c = Session.create({ name = "child", parent_session_id = p })\nlocal ok, e = pcall(Session.create, { parent_session_id = "' +
      UNKNOWN +
      '" })\nreturn { Session.get(c).parent_session_id == p, ok, e.kind }',
    'const p = await Session.create({ name: "parent" });\nconst c = await Session.create({ name: "child", parent_session_id: p });\nlet kind = "none";\ntry { await Session.create({ parent_session_id: "' +
      UNKNOWN +
      '" }); } catch (e) { kind = e.kind; }\nreturn [(await Session.get(c)).parent_session_id === p, false, kind];',
    { value: [true, false, "not_found"] },
  ),
  apiCase(
    "session: list returns every session oldest first, filtered by tags, status and limit",
    'local a = Session.create({ name = "a", tags = { "x" } })\nlocal b = Session.create({ name = "b", tags = { "x", "y" } })\nlocal c = Session.create({ name = "c" })\nSession.complete(c)\nlocal function names(l) local o = {} for i, s in ipairs(l) do o[i] = s.name end return o end\nreturn { names(Session.list()), names(Session.list({ tags = { "x", "y" } })), names(Session.list({ status = "completed" })), names(Session.list({ limit = 1 })) }',
    'const a = await Session.create({ name: "a", tags: ["x"] });\nconst b = await Session.create({ name: "b", tags: ["x", "y"] });\nconst c = await Session.create({ name: "c" });\nawait Session.complete(c);\nconst names = (l) => l.map((s) => s.name);\nreturn [names(await Session.list()), names(await Session.list({ tags: ["x", "y"] })), names(await Session.list({ status: "completed" })), names(await Session.list({ limit: 1 }))];',
    { value: [["a", "b", "c"], ["b"], ["c"], ["a"]] },
  ),
  apiCase(
    "session: suspend, resume and complete follow rs-llmspell's state machine",
    LUA_S +
      "local seen = {}\nSession.suspend(id) seen[#seen + 1] = Session.get(id).status\nSession.resume(id) seen[#seen + 1] = Session.get(id).status\nSession.complete(id) seen[#seen + 1] = Session.get(id).status\nreturn seen",
    JS_S +
      "const seen = [];\nawait Session.suspend(id); seen.push((await Session.get(id)).status);\nawait Session.resume(id); seen.push((await Session.get(id)).status);\nawait Session.complete(id); seen.push((await Session.get(id)).status);\nreturn seen;",
    { value: ["suspended", "active", "completed"] },
  ),
  apiCase(
    "session: resuming an active session is an api error naming the states",
    LUA_S +
      'local ok, e = pcall(Session.resume, id)\nreturn { ok, e.kind, (string.gsub(e.message, "%x+%-%x+%-%x+%-%x+%-%x+", "ID")) }',
    JS_S +
      'try { await Session.resume(id); return [true]; } catch (e) { return [false, e.kind, e.message.replace(id, "ID")]; }',
    { value: [false, "api", "Session.resume: session ID is active; only suspended sessions can become active"] },
  ),
  apiCase(
    "session: a completed session cannot be suspended",
    LUA_S +
      'Session.complete(id)\nlocal ok, e = pcall(Session.suspend, id)\nreturn { ok, e.kind, (string.gsub(e.message, "%x+%-%x+%-%x+%-%x+%-%x+", "ID")) }',
    JS_S +
      'await Session.complete(id);\ntry { await Session.suspend(id); return [true]; } catch (e) { return [false, e.kind, e.message.replace(id, "ID")]; }',
    { value: [false, "api", "Session.suspend: session ID is completed; only active sessions can become suspended"] },
  ),
  apiCase(
    "session: save and load check the session and load returns its id",
    LUA_S + "Session.save(id)\nreturn Session.load(id) == id",
    JS_S + "await Session.save(id);\nreturn (await Session.load(id)) === id;",
    { value: true },
  ),
  apiCase(
    "session: delete removes the session and its artifacts",
    LUA_ART +
      'Session.delete(id)\nlocal ok, e = pcall(Session.get, id)\nreturn { ok, e.kind, #Artifact.query({}), #State.list_keys("__artifacts__") }',
    JS_ART +
      'await Session.delete(id);\nlet kind = "none";\ntry { await Session.get(id); } catch (e) { kind = e.kind; }\nreturn [false, kind, (await Artifact.query({})).length, (await State.list_keys("__artifacts__")).length];',
    { value: [false, "not_found", 0, 0] },
  ),
  apiCase(
    "session: get_current is nil until set_current, and set_current(nil) clears it",
    LUA_S +
      "local before = Session.get_current()\nSession.set_current(id)\nlocal during = Session.get_current() == id\nSession.set_current(nil)\nreturn { before == nil, during, Session.get_current() == nil }",
    JS_S +
      "const before = Session.get_current();\nawait Session.set_current(id);\nconst during = Session.get_current() === id;\nawait Session.set_current(null);\nreturn [before === null, during, Session.get_current() === null];",
    { value: [true, true, true] },
  ),
  apiCase(
    "session: deleting the current session clears it",
    LUA_S + "Session.set_current(id)\nSession.delete(id)\nreturn Session.get_current() == nil",
    JS_S + "await Session.set_current(id);\nawait Session.delete(id);\nreturn Session.get_current() === null;",
    { value: true },
  ),
  apiCase(
    "session: an unknown session id is not_found, naming the call",
    luaError('Session.get("' + UNKNOWN + '")'),
    jsError('Session.get("' + UNKNOWN + '")'),
    { value: [false, "not_found", `Session.get: session not found: ${UNKNOWN}`] },
  ),
  apiCase(
    "session: a session id that is not a UUID is a type error",
    luaError('Session.complete("abc")'),
    jsError('Session.complete("abc")'),
    {
      value: [
        false,
        "type",
        'Session.complete expects session_id to be a session id (a UUID from Session.create), got "abc"',
      ],
    },
  ),
  apiCase(
    "session: a session id that is not a string is a type error",
    luaError("Session.get(42)"),
    jsError("Session.get(42)"),
    { value: [false, "type", "Session.get expects session_id to be a string, got number"] },
  ),
  apiCase(
    "session: tags must be strings",
    luaError("Session.create({ tags = { 1 } })"),
    jsError("Session.create({ tags: [1] })"),
    { value: [false, "type", "Session.create expects options.tags.0 to be a string, got number"] },
  ),
  apiCase(
    "session: a name longer than 255 characters is a type error",
    luaError('Session.create({ name = string.rep("n", 256) })'),
    jsError('Session.create({ name: "n".repeat(256) })'),
    {
      value: [
        false,
        "type",
        'Session.create expects options.name to be a string of at most 255 characters, got "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…"',
      ],
    },
  ),
  apiCase(
    "session: an unknown status filter is a type error",
    luaError('Session.list({ status = "paused" })'),
    jsError('Session.list({ status: "paused" })'),
    {
      value: [
        false,
        "type",
        'Session.list expects query.status to be one of "active", "suspended", "completed", "failed", "archived", got "paused"',
      ],
    },
  ),
  apiCase(
    "session: can_replay is false and list_replayable empty; replay raises unsupported_feature",
    LUA_S +
      'local ok, e = pcall(Session.replay, id, { mode = "exact" })\nreturn { Session.can_replay(id), #Session.list_replayable(), ok, e.kind }',
    JS_S +
      'let kind = "none";\ntry { await Session.replay(id, { mode: "exact" }); } catch (e) { kind = e.kind; }\nreturn [await Session.can_replay(id), Session.list_replayable().length, false, kind];',
    { value: [false, 0, false, "unsupported_feature"] },
  ),
  apiCase(
    "session: sessions persist in the State scope __sessions__",
    LUA_S + 'local keys = State.list_keys("__sessions__")\nreturn { #keys, keys[1] == id }',
    JS_S + 'const keys = await State.list_keys("__sessions__");\nreturn [keys.length, keys[0] === id];',
    { value: [1, true] },
  ),

  // ----- Artifact
  apiCase(
    "artifact: store returns { content_hash, session_id, sequence } with the SHA-256 of the content",
    LUA_S +
      'local aid = Artifact.store(id, "agent_output", "greeting", "hello")\nreturn { aid.content_hash, aid.session_id == id, aid.sequence }',
    JS_S +
      'const aid = await Artifact.store(id, "agent_output", "greeting", "hello");\nreturn [aid.content_hash, aid.session_id === id, aid.sequence];',
    { value: ["2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", true, 1] },
  ),
  apiCase(
    "artifact: sequences count up per session",
    LUA_S +
      'local a = Artifact.store(id, "user_input", "a", "1")\nlocal b = Artifact.store(id, "user_input", "b", "2")\nreturn { a.sequence, b.sequence }',
    JS_S +
      'const a = await Artifact.store(id, "user_input", "a", "1");\nconst b = await Artifact.store(id, "user_input", "b", "2");\nreturn [a.sequence, b.sequence];',
    { value: [1, 2] },
  ),
  apiCase(
    "artifact: get returns the content and rs-llmspell's metadata",
    LUA_ART +
      "local r = Artifact.get(id, aid)\nlocal m = r.metadata\nreturn { r.content, m.name, m.artifact_type, m.mime_type, m.size, m.tags, m.custom.source, m.version, m.is_compressed, type(m.created_at) }",
    JS_ART +
      "const r = await Artifact.get(id, aid);\nconst m = r.metadata;\nreturn [r.content, m.name, m.artifact_type, m.mime_type, m.size, m.tags, m.custom.source, m.version, m.is_compressed, typeof m.created_at];",
    { value: ["hello world", "out.txt", "AgentOutput", "text/plain", 11, ["x"], "test", 1, false, "string"] },
  ),
  apiCase(
    "artifact: a custom type reads as rs-llmspell prints it, and the mime type defaults to octet-stream",
    LUA_S +
      'local aid = Artifact.store(id, "text", "n", "c")\nlocal m = Artifact.get(id, aid).metadata\nreturn { m.artifact_type, m.mime_type }',
    JS_S +
      'const aid = await Artifact.store(id, "text", "n", "c");\nconst m = (await Artifact.get(id, aid)).metadata;\nreturn [m.artifact_type, m.mime_type];',
    { value: ['Custom("text")', "application/octet-stream"] },
  ),
  apiCase(
    "artifact: size counts UTF-8 bytes",
    LUA_S + 'local aid = Artifact.store(id, "user_input", "u", "héllo")\nreturn Artifact.get(id, aid).metadata.size',
    JS_S +
      'const aid = await Artifact.store(id, "user_input", "u", "héllo");\nreturn (await Artifact.get(id, aid)).metadata.size;',
    { value: 6 },
  ),
  apiCase(
    'artifact: list returns a session\'s artifacts in order; "" means the current session',
    LUA_S +
      'Artifact.store(id, "tool_result", "one", "1")\nArtifact.store(id, "tool_result", "two", "2")\nSession.set_current(id)\nlocal function names(l) local o = {} for i, m in ipairs(l) do o[i] = m.name end return o end\nreturn { names(Artifact.list(id)), names(Artifact.list("")) }',
    JS_S +
      'await Artifact.store(id, "tool_result", "one", "1");\nawait Artifact.store(id, "tool_result", "two", "2");\nawait Session.set_current(id);\nconst names = (l) => l.map((m) => m.name);\nreturn [names(await Artifact.list(id)), names(await Artifact.list(""))];',
    {
      value: [
        ["one", "two"],
        ["one", "two"],
      ],
    },
  ),
  apiCase(
    'artifact: list("") with no current session is an api error',
    luaError('Artifact.list("")'),
    jsError('Artifact.list("")'),
    { value: [false, "api", "Artifact.list: no current session set (Session.set_current(id))"] },
  ),
  apiCase(
    "artifact: delete removes one artifact; getting it again is not_found",
    LUA_ART +
      "Artifact.delete(id, aid)\nlocal ok, e = pcall(Artifact.get, id, aid)\nreturn { #Artifact.list(id), ok, e.kind }",
    JS_ART +
      'await Artifact.delete(id, aid);\nlet kind = "none";\ntry { await Artifact.get(id, aid); } catch (e) { kind = e.kind; }\nreturn [(await Artifact.list(id)).length, false, kind];',
    { value: [0, false, "not_found"] },
  ),
  apiCase(
    "artifact: an id with a wrong content hash is not_found",
    LUA_ART +
      'local ok, e = pcall(Artifact.get, id, { content_hash = "abc", session_id = id, sequence = aid.sequence })\nreturn { ok, e.kind }',
    JS_ART +
      'try { await Artifact.get(id, { content_hash: "abc", session_id: id, sequence: aid.sequence }); return [true]; } catch (e) { return [false, e.kind]; }',
    { value: [false, "not_found"] },
  ),
  apiCase(
    "artifact: another session's artifact is access denied",
    LUA_ART +
      'local other = Session.create()\nlocal ok, e = pcall(Artifact.get, other, aid)\nreturn { ok, e.kind, string.find(e.message, "access denied", 1, true) ~= nil }',
    JS_ART +
      'const other = await Session.create();\ntry { await Artifact.get(other, aid); return [true]; } catch (e) { return [false, e.kind, e.message.includes("access denied")]; }',
    { value: [false, "api", true] },
  ),
  apiCase(
    "artifact: an artifact id that is not a table is a type error",
    LUA_S +
      'local ok, e = pcall(Artifact.get, id, "x")\nreturn { ok, e.kind, string.sub(e.message, 1, 38), string.sub(e.message, -10) }',
    JS_S +
      'try { await Artifact.get(id, "x"); return [true]; } catch (e) { return [false, e.kind, e.message.slice(0, 38), e.message.slice(-10)]; }',
    { value: [false, "type", "Artifact.get expects artifact_id to be", "got string"] },
  ),
  apiCase(
    "artifact: storing into an unknown session is not_found",
    luaError('Artifact.store("' + UNKNOWN + '", "user_input", "n", "c")'),
    jsError('Artifact.store("' + UNKNOWN + '", "user_input", "n", "c")'),
    { value: [false, "not_found", `Artifact.store: session not found: ${UNKNOWN}`] },
  ),
  apiCase(
    "artifact: storing into a completed session is an api error",
    LUA_S +
      'Session.complete(id)\nlocal ok, e = pcall(Artifact.store, id, "user_input", "n", "c")\nreturn { ok, e.kind, (string.gsub(e.message, "%x+%-%x+%-%x+%-%x+%-%x+", "ID")) }',
    JS_S +
      'await Session.complete(id);\ntry { await Artifact.store(id, "user_input", "n", "c"); return [true]; } catch (e) { return [false, e.kind, e.message.replace(id, "ID")]; }',
    { value: [false, "api", "Artifact.store: cannot store artifacts in a completed session (ID)"] },
  ),
  apiCase(
    "artifact: content must be a string",
    luaError('Artifact.store(id, "user_input", "n", 42)', LUA_S),
    jsError('Artifact.store(id, "user_input", "n", 42)', JS_S),
    { value: [false, "type", "Artifact.store expects content to be a string, got number"] },
  ),
  apiCase(
    "artifact: an empty name and an empty type are type errors",
    LUA_S +
      'local a, e1 = pcall(Artifact.store, id, "user_input", "", "c")\nlocal b, e2 = pcall(Artifact.store, id, "", "n", "c")\nreturn { e1.message, e2.message }',
    JS_S +
      'const m = async (f) => { try { await f(); return "none"; } catch (e) { return e.message; } };\nreturn [await m(() => Artifact.store(id, "user_input", "", "c")), await m(() => Artifact.store(id, "", "n", "c"))];',
    {
      value: [
        'Artifact.store expects name to be a non-empty string, got ""',
        'Artifact.store expects type to be a non-empty string, got ""',
      ],
    },
  ),
  apiCase(
    "artifact: content over 1 MiB is capped with a clear error",
    luaError('Artifact.store(id, "user_input", "big", string.rep("x", 1024 * 1024 + 1))', LUA_S),
    jsError('Artifact.store(id, "user_input", "big", "x".repeat(1024 * 1024 + 1))', JS_S),
    {
      value: [
        false,
        "api",
        'Artifact.store: artifact "big" is 1,048,577 bytes (UTF-8); an artifact may be at most 1,048,576 bytes',
      ],
    },
  ),
  apiCase(
    "artifact: store_file raises unsupported_feature",
    luaError('Artifact.store_file(id, "/etc/passwd", "user_input")', LUA_S),
    jsError('Artifact.store_file(id, "/etc/passwd", "user_input")', JS_S),
    {
      value: [
        false,
        "unsupported_feature",
        "Artifact.store_file: spells have no file system here; read the text another way and use Artifact.store(session_id, type, name, content, metadata)",
      ],
    },
  ),
  apiCase(
    "artifact: query filters by session, type, name pattern, tags, size and limit",
    LUA_S +
      'local other = Session.create()\nArtifact.store(id, "agent_output", "report.md", "long report text", { tags = { "final" } })\nArtifact.store(id, "user_input", "question.txt", "q?")\nArtifact.store(other, "agent_output", "draft.md", "draft")\nlocal function names(l) local o = {} for i, m in ipairs(l) do o[i] = m.name end return o end\nreturn { names(Artifact.query({ type = "agent_output" })), names(Artifact.query({ session_id = id, name_pattern = "*.md" })), names(Artifact.query({ name_pattern = "quest" })), names(Artifact.query({ tags = { "final" } })), names(Artifact.query({ min_size = 5, max_size = 5 })), #Artifact.query({ limit = 2 }), #Artifact.query() }',
    JS_S +
      'const other = await Session.create();\nawait Artifact.store(id, "agent_output", "report.md", "long report text", { tags: ["final"] });\nawait Artifact.store(id, "user_input", "question.txt", "q?");\nawait Artifact.store(other, "agent_output", "draft.md", "draft");\nconst names = (l) => l.map((m) => m.name);\nreturn [names(await Artifact.query({ type: "agent_output" })), names(await Artifact.query({ session_id: id, name_pattern: "*.md" })), names(await Artifact.query({ name_pattern: "quest" })), names(await Artifact.query({ tags: ["final"] })), names(await Artifact.query({ min_size: 5, max_size: 5 })), (await Artifact.query({ limit: 2 })).length, (await Artifact.query()).length];',
    { value: [["report.md", "draft.md"], ["report.md"], ["question.txt"], ["report.md"], ["draft.md"], 2, 3] },
  ),
  apiCase(
    "artifact: query with a bad date is a type error",
    luaError('Artifact.query({ created_after = "yesterday" })'),
    jsError('Artifact.query({ created_after: "yesterday" })'),
    { value: [false, "type", 'Artifact.query expects query.created_after to be an RFC 3339 date, got "yesterday"'] },
  ),
  apiCase(
    "artifact: query by created_after keeps later artifacts",
    LUA_S +
      'Artifact.store(id, "user_input", "n", "c")\nreturn { #Artifact.query({ created_after = "2000-01-01T00:00:00Z" }), #Artifact.query({ created_before = "2000-01-01T00:00:00Z" }) }',
    JS_S +
      'await Artifact.store(id, "user_input", "n", "c");\nreturn [(await Artifact.query({ created_after: "2000-01-01T00:00:00Z" })).length, (await Artifact.query({ created_before: "2000-01-01T00:00:00Z" })).length];',
    { value: [1, 0] },
  ),
  apiCase(
    "artifact: __proto__ in metadata stays an ordinary custom key",
    LUA_S +
      'local aid = Artifact.store(id, "user_input", "p", "c", { ["__proto__"] = "kept" })\nreturn Artifact.get(id, aid).metadata.custom["__proto__"]',
    JS_S +
      'const aid = await Artifact.store(id, "user_input", "p", "c", JSON.parse(\'{"__proto__": "kept"}\'));\nreturn Object.getOwnPropertyDescriptor((await Artifact.get(id, aid)).metadata.custom, "__proto__").value;',
    { value: "kept" },
  ),
];
