/**
 * SPELL_API_REFERENCE: the one description of every global, class and method of the spell API. The docs page,
 * the editor's completions and hovers, and the generated `spell-api.d.ts` are all built from it, and a test
 * checks that it names exactly the functions and methods `createSpellApi` exposes.
 */
import type { SpellApiReference } from "./reference-types";
import { fn, method } from "./reference/build";
import { HOOK_POINTS } from "./globals/hook";
import { SESSION_CLASSES, SESSION_GLOBALS } from "./reference/session";
import { MEMORY_GLOBALS } from "./reference/memory";
import { LOCAL_LLM_GLOBALS, TEMPLATE_GLOBALS } from "./reference/template";

export { SPELL_API_TYPES } from "./reference/types";

const A = { async: true } as const;

export const SPELL_API_REFERENCE: SpellApiReference = {
  hookPoints: [...HOOK_POINTS],
  globals: [
    {
      name: "Agent",
      description:
        "LLM agents. Build one with `Agent.builder()`, then `execute` it; it keeps its conversation history. Agents with allowed tools call them automatically.",
      functions: [
        fn("builder", "", "AgentBuilder", "Start building an agent.", {
          lua: 'local agent = Agent.builder():name("helper"):model("mock/echo"):build()',
          js: 'const agent = Agent.builder().name("helper").model("mock/echo").build();',
        }),
        fn(
          "create",
          "config?: JsonValue",
          "never",
          "Deprecated in rs-llmspell: always raises and points to Agent.builder().",
        ),
        fn(
          "register",
          "config: { name?: string; description?: string; model?: string | { provider?: string; model_id?: string; temperature?: number; max_tokens?: number }; allowed_tools?: string[]; system_prompt?: string; custom_config?: { system_prompt?: string } }",
          "string",
          "Create an agent from a table instead of a builder; returns its name.",
          {
            lua: 'local name = Agent.register({ name = "r", model = "mock/echo" })',
            js: 'const name = Agent.register({ name: "r", model: "mock/echo" });',
          },
        ),
        fn("get", "name: string", "Agent | null", "The agent built with this name, or nil.", {
          lua: 'local a = Agent.get("helper")',
          js: 'const a = Agent.get("helper");',
        }),
        fn("list", "", "{ name: string; model: string; type: string }[]", "The agents built in this run."),
        fn("list_instances", "", "string[]", "The names of the agents built in this run."),
        fn(
          "discover",
          "",
          "{ type: string }[]",
          "The agent types (rs-llmspell's factory templates): llm, basic, tool-orchestrator.",
        ),
        fn("list_templates", "", "string[]", "The agent template names."),
      ],
    },
    {
      name: "Tool",
      description: "The built-in tools and the tools a spell registers. Results follow rs-llmspell's shapes.",
      functions: [
        fn(
          "execute",
          "name: string, params?: { [key: string]: JsonValue }",
          "ToolResult",
          "Run a tool. Unknown names raise `not_found`; a bad parameter raises `tool`; an operation that fails returns `success = false`.",
          {
            ...A,
            lua: 'local r = Tool.execute("calculator", { operation = "evaluate", input = "2 + 2 * 3" })\nprint(r.result.result) -- 8',
            js: 'const r = await Tool.execute("calculator", { operation: "evaluate", input: "2 + 2 * 3" });\nconsole.log(r.result.result); // 8',
          },
        ),
        fn(
          "invoke",
          "name: string, params?: { [key: string]: JsonValue }",
          "ToolResult",
          "Alias of Tool.execute (removed from rs-llmspell 0.11, kept for old spells).",
          A,
        ),
        fn("list", "", "ToolInfo[]", "Every tool: built-in and registered.", {
          lua: "for _, t in ipairs(Tool.list()) do print(t.name) end",
          js: "for (const t of Tool.list()) console.log(t.name);",
        }),
        fn(
          "get",
          "name: string",
          "Tool | null",
          "A tool object (`name`, `description`, `category`, `schema`, and `execute`), or nil.",
          {
            lua: 'local calc = Tool.get("calculator")\nlocal r = calc:execute({ operation = "evaluate", input = "1+1" })',
            js: 'const calc = Tool.get("calculator");\nconst r = await calc.execute({ operation: "evaluate", input: "1+1" });',
          },
        ),
        fn("exists", "name: string", "boolean", "Whether a tool with this name (or alias) exists."),
        fn("categories", "", "string[]", "The tool categories."),
        fn(
          "discover",
          "filter?: { category?: string; tag?: string }",
          "ToolInfo[]",
          "Tools filtered by category and/or tag (a tag also matches words of the description).",
          {
            lua: 'local data_tools = Tool.discover({ category = "data" })',
            js: 'const dataTools = Tool.discover({ category: "data" });',
          },
        ),
        fn(
          "register",
          "definition: ToolDefinition",
          "string",
          "Add a spell-defined tool for this run (agents and workflows can use it). `parameters` is a JSON Schema that calls are checked against.",
          {
            lua: 'Tool.register({\n  name = "shout",\n  description = "Upper-case a text",\n  parameters = { type = "object", properties = { text = { type = "string" } }, required = { "text" } },\n  execute = function(p) return { success = true, result = p.text:upper() } end,\n})',
            js: 'Tool.register({\n  name: "shout",\n  description: "Upper-case a text",\n  parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },\n  execute: (p) => ({ success: true, result: p.text.toUpperCase() }),\n});',
          },
        ),
      ],
    },
    {
      name: "Workflow",
      description:
        "Sequential, parallel (really concurrent), conditional and loop workflows of tool, agent and nested-workflow steps, with placeholders interpolated into step inputs.",
      functions: [
        fn("builder", "", "WorkflowBuilder", "Start building a workflow.", {
          lua: 'local wf = Workflow.builder():name("w"):sequential()\n  :add_step({ name = "id", type = "tool", tool = "uuid-generator", input = { operation = "generate" } })\n  :build()\nlocal r = wf:execute({})',
          js: 'const wf = Workflow.builder().name("w").sequential()\n  .add_step({ name: "id", type: "tool", tool: "uuid-generator", input: { operation: "generate" } })\n  .build();\nconst r = await wf.execute({});',
        }),
        fn(
          "sequential",
          "config: WorkflowTable",
          "Workflow",
          "Table-style constructor of a sequential workflow (`steps`).",
        ),
        fn(
          "parallel",
          "config: WorkflowTable",
          "Workflow",
          "Table-style constructor of a parallel workflow (`steps`, or `branches = {{steps = ...}}`).",
        ),
        fn(
          "conditional",
          "config: WorkflowTable",
          "Workflow",
          "Table-style constructor of a conditional workflow (`condition`, `then_steps`, `else_steps`).",
        ),
        fn(
          "loop",
          "config: WorkflowTable",
          "Workflow",
          "Table-style constructor of a loop workflow (`iterator = {range = ...} | {collection = ...}`, `body`).",
        ),
        fn("types", "", "string[]", "The workflow types: sequential, parallel, conditional, loop."),
        fn("list", "", "{ id: string; name: string; type: string }[]", "The workflows built in this run."),
        fn("get", "id: string", "Workflow | null", "A workflow built in this run, by id or name."),
        fn("remove", "id: string", "boolean", "Forget a workflow (its object keeps working)."),
        fn("clear", "", "boolean", "Forget every workflow of this run."),
      ],
    },
    {
      name: "State",
      description:
        "Scoped key/value storage. It persists per workspace in the playground (IndexedDB) and per `--state FILE` in the CLI.",
      functions: [
        fn("save", "scope: string, key: string, value: JsonValue", "void", "Store a value (nil deletes).", {
          ...A,
          lua: 'State.save("global", "count", 1)',
          js: 'await State.save("global", "count", 1);',
        }),
        fn("load", "scope: string, key: string", "JsonValue", "A stored value, or nil.", {
          ...A,
          lua: 'local n = State.load("global", "count") or 0',
          js: 'const n = (await State.load("global", "count")) ?? 0;',
        }),
        fn("delete", "scope: string, key: string", "boolean", "Remove a value; true when it existed.", A),
        fn("list_keys", "scope: string", "string[]", "The keys of a scope, sorted.", A),
        fn("get", "key: string", "JsonValue", 'State.load("global", key).', A),
        fn("set", "key: string, value: JsonValue", "void", 'State.save("global", key, value).', A),
        fn("clear", "scope: string", "number", "Remove every key of a scope; returns how many.", A),
        fn(
          "workflow_get",
          "workflow_id: string, step_name: string",
          "JsonValue",
          "rs-llmspell's workflow scope (`workflow:<id>`).",
          A,
        ),
        fn("workflow_list", "workflow_id: string", "string[]", "Keys of a workflow scope.", A),
        fn("agent_get", "agent_id: string, key: string", "JsonValue", "rs-llmspell's agent scope (`agent:<id>`).", A),
        fn("agent_set", "agent_id: string, key: string, value: JsonValue", "void", "Store in an agent scope.", A),
        fn("tool_get", "tool_id: string, key: string", "JsonValue", "rs-llmspell's tool scope (`tool:<id>`).", A),
        fn("tool_set", "tool_id: string, key: string, value: JsonValue", "void", "Store in a tool scope.", A),
      ],
    },
    {
      name: "RAG",
      description:
        "Retrieval-augmented generation: ingest documents (chunked and embedded) into a scope, then search them by meaning. The index persists where State does; `mock/embed` embeds offline.",
      functions: [
        fn(
          "ingest",
          "documents: RagDocument | RagDocument[], options?: RagIngestOptions",
          "RagIngestResult",
          "Chunk, embed and store documents; a document with an existing id replaces it. At most 1 MiB per document, 2,000 chunks per call, 10,000 in the index.",
          {
            ...A,
            lua: 'RAG.ingest({\n  { id = "lua", content = "Lua is a small scripting language.", metadata = { topic = "code" } },\n  { id = "paris", content = "Paris is the capital of France.", metadata = { topic = "travel" } },\n})',
            js: 'await RAG.ingest([\n  { id: "lua", content: "Lua is a small scripting language.", metadata: { topic: "code" } },\n  { id: "paris", content: "Paris is the capital of France.", metadata: { topic: "travel" } },\n]);',
          },
        ),
        fn(
          "search",
          "query: string, options?: RagSearchOptions",
          "{ success: boolean; total: number; results: RagSearchResult[] }",
          "The chunks most similar to the query, best first. An empty query or `top_k` outside 1-100 raises `type`; an unknown scope has no results.",
          {
            ...A,
            lua: 'local r = RAG.search("capital of France", { top_k = 1 })\nprint(r.results[1].id, r.results[1].score)',
            js: 'const r = await RAG.search("capital of France", { top_k: 1 });\nconsole.log(r.results[0].id, r.results[0].score);',
          },
        ),
        fn(
          "cleanup_scope",
          "scope: string, scope_id?: string",
          "number",
          "Remove every vector of a scope (`<scope>:<scope_id>`); returns how many.",
          {
            ...A,
            lua: 'local removed = RAG.cleanup_scope("session", "s1")',
            js: 'const removed = await RAG.cleanup_scope("session", "s1");',
          },
        ),
        fn("get_stats", "scope: string, scope_id?: string", "RagStats", "A scope's size and usage.", {
          ...A,
          lua: 'print(RAG.get_stats("global").total_vectors)',
          js: 'console.log((await RAG.get_stats("global")).total_vectors);',
        }),
        fn("list_providers", "", "string[]", "The providers that can embed: mock, openai."),
        fn(
          "configure",
          "options: { default_provider?: string; session_ttl?: number; enable_cache?: boolean; cache_ttl?: number }",
          "void",
          "Set this run's default embedding provider; the TTL and cache settings are accepted, as in rs-llmspell, and not used.",
        ),
        fn("save", "", "void", "Wait until every change to the index is stored.", A),
        fn(
          "create_session_collection",
          "session_id: string, ttl?: number",
          "{ session_id: string; namespace: string; ttl?: number; created: boolean }",
          "rs-llmspell's session collection record (search it with scope `session`, scope_id the session id).",
        ),
        fn(
          "configure_session",
          "options: { session_id: string; vector_ttl?: number }",
          "{ session_id: string; vector_ttl: number; configured: boolean }",
          "rs-llmspell's session settings record (`vector_ttl` defaults to 3600; not enforced).",
        ),
      ],
    },
    ...SESSION_GLOBALS,
    ...MEMORY_GLOBALS,
    ...TEMPLATE_GLOBALS,
    {
      name: "Hook",
      description:
        "Callbacks at agent, tool and workflow points. Unlike rs-llmspell, they are really called; they may return continue, skip, modified data, or cancel.",
      values: [
        {
          name: "Priority",
          type: "{ HIGHEST: string; HIGH: string; NORMAL: string; LOW: string; LOWEST: string }",
          description: "Priority names.",
        },
        { name: "Points", type: "{ [point: string]: HookPoint }", description: "Every hook point name." },
      ],
      functions: [
        fn(
          "register",
          "point: HookPoint, callback: (ctx: HookContext) => HookResult, priority?: HookPriority",
          "HookHandle",
          "Run `callback` at `point` for this run.",
          {
            lua: 'local h = Hook.register("BeforeAgentExecution", function(ctx)\n  print("agent " .. ctx.component.name)\n  return "continue"\nend, "high")',
            js: 'const h = Hook.register("BeforeAgentExecution", (ctx) => {\n  console.log("agent " + ctx.component.name);\n  return "continue";\n}, "high");',
          },
        ),
        fn(
          "list",
          "filter?: HookPoint | { hook_point?: HookPoint; priority?: HookPriority; language?: string }",
          "HookInfo[]",
          "The registered hooks.",
        ),
        fn("unregister", "handle: HookHandle", "boolean", "Remove a hook; true when it was registered."),
      ],
    },
    {
      name: "Event",
      description:
        "Publish/subscribe with glob patterns (`user.*`), pull-style as in rs-llmspell: subscribe, then receive.",
      functions: [
        fn(
          "publish",
          "event_type: string, data?: JsonValue, options?: { correlation_id?: string; ttl_seconds?: number }",
          "boolean",
          "Deliver an event to every matching subscription.",
          {
            lua: 'Event.publish("user.login", { id = 42 })',
            js: 'Event.publish("user.login", { id: 42 });',
          },
        ),
        fn(
          "subscribe",
          "pattern: string",
          "string",
          "Subscribe to event types matching a glob; returns the subscription id.",
          { lua: 'local sub = Event.subscribe("user.*")', js: 'const sub = Event.subscribe("user.*");' },
        ),
        fn(
          "receive",
          "subscription_id: string, timeout_ms?: number",
          "SpellEvent | null",
          "The next event, waiting up to timeout_ms (default 5000); nil on timeout.",
          {
            ...A,
            lua: "local ev = Event.receive(sub, 1000)\nif ev then print(ev.event_type) end",
            js: "const ev = await Event.receive(sub, 1000);\nif (ev) console.log(ev.event_type);",
          },
        ),
        fn("unsubscribe", "subscription_id: string", "boolean", "End a subscription."),
        fn(
          "list_subscriptions",
          "",
          "{ id: string; pattern: string; language: string; queued: number }[]",
          "The active subscriptions.",
        ),
        fn(
          "get_stats",
          "",
          "{ event_bus_stats: JsonValue; bridge_stats: JsonValue }",
          "Counts of published and delivered events.",
        ),
      ],
    },
    {
      name: "JSON",
      description:
        "JSON text to values and back. In Lua this global is the API's; JavaScript keeps its own standard JSON, whose stringify also takes the options object.",
      functions: [
        fn("parse", "text: string", "JsonValue", "Parse JSON (null becomes nil in Lua). Bad JSON raises.", {
          lua: "local t = JSON.parse('{\"a\": 1}')",
          js: "const t = JSON.parse('{\"a\": 1}');",
        }),
        fn(
          "stringify",
          "value: JsonValue, options?: { pretty?: boolean; indent?: number }",
          "string",
          "Compact JSON, or indented with `pretty`.",
          { lua: "print(JSON.stringify({ a = 1 }))", js: "console.log(JSON.stringify({ a: 1 }));" },
        ),
      ],
    },
    {
      name: "Provider",
      description: "The model providers the run can use.",
      functions: [
        fn("list", "", "ProviderView[]", "Every provider, its models, and whether it is available.", {
          ...A,
          lua: "for _, p in ipairs(Provider.list()) do print(p.name, p.available) end",
          js: "for (const p of await Provider.list()) console.log(p.name, p.available);",
        }),
        fn("get", "name: string", "ProviderView | null", "One provider by name (or by one of its model ids).", A),
        fn("isAvailable", "name: string", "boolean", "Whether a provider can be called now.", A),
        fn("getCapabilities", "name: string", "ProviderView['capabilities'] | null", "A provider's capabilities.", A),
      ],
    },
    {
      name: "Debug",
      description: "Leveled logging into the run's output, timers, and value dumps.",
      functions: [
        fn("log", "level: DebugLevel, message: string, module?: string", "void", "Log at a level."),
        fn(
          "logWithData",
          "level: DebugLevel, message: string, data: JsonValue, module?: string",
          "void",
          "Log with a data table.",
        ),
        fn(
          "trace",
          "message: string, data?: JsonValue",
          "void",
          "Log at trace level (a string second argument is a module name).",
        ),
        fn("debug", "message: string, data?: JsonValue", "void", "Log at debug level."),
        fn("info", "message: string, data?: JsonValue", "void", "Log at info level.", {
          lua: 'Debug.info("starting", { step = 1 })',
          js: 'Debug.info("starting", { step: 1 });',
        }),
        fn("warn", "message: string, data?: JsonValue", "void", "Log at warn level."),
        fn("error", "message: string, data?: JsonValue", "void", "Log at error level."),
        fn("setLevel", "level: DebugLevel", "void", "Drop messages below this level (default info)."),
        fn("getLevel", "", "DebugLevel", "The current level."),
        fn("setEnabled", "enabled: boolean", "void", "Turn Debug logging on or off."),
        fn("isEnabled", "", "boolean", "Whether Debug logging is on."),
        fn(
          "getCapturedEntries",
          "limit?: number",
          "{ timestamp: string; level: DebugLevel; message: string; module?: string; metadata?: JsonValue }[]",
          "The last logged entries (up to 1000 kept).",
        ),
        fn("clearCaptured", "", "void", "Forget the captured entries."),
        fn("timer", "name: string", "DebugTimer", "Start a timer.", {
          lua: 'local t = Debug.timer("work")\n-- ...\nprint(t:stop() .. " ms")',
          js: 'const t = Debug.timer("work");\n// ...\nconsole.log(t.stop() + " ms");',
        }),
        fn("dump", "value: JsonValue, label?: string", "string", "A readable multi-line dump of a value.", {
          lua: "print(Debug.dump({ a = 1 }))",
          js: "console.log(Debug.dump({ a: 1 }));",
        }),
        fn("dumpCompact", "value: JsonValue", "string", "A one-line dump (JSON)."),
        fn("dumpVerbose", "value: JsonValue, label?: string", "string", "Same as dump."),
      ],
    },
    {
      name: "Config",
      description: "A read-only view of the run's configuration: limits, default model, engine, security.",
      functions: [
        fn(
          "get",
          "path?: string",
          "JsonValue",
          "The whole configuration, or the value at a dotted path (`limits.max_tool_calls`).",
          {
            lua: 'print(Config.get("limits.max_tool_calls"))',
            js: 'console.log(Config.get("limits.max_tool_calls"));',
          },
        ),
        fn("getSection", "name: string", "JsonValue", "One top-level section (`limits`, `security`)."),
        fn("getDefaultEngine", "", "string", "The engine running the spell."),
        fn("getDefaultModel", "", "string", "The model agents use when they name none."),
        fn(
          "getSecurity",
          "",
          "{ allow_file_access: boolean; allow_network_access: boolean; allow_process_spawn: boolean }",
          "Security settings (all off in the playground).",
        ),
        fn("isFileAccessAllowed", "", "boolean", "Always false."),
        fn("isNetworkAccessAllowed", "", "boolean", "Always false."),
        fn("getPermissions", "", "{ [key: string]: boolean }", "What the spell may change (nothing)."),
        fn("toJson", "", "string", "The configuration as JSON text."),
        fn("setProvider", "name: string, config: JsonValue", "never", "Raises: the configuration is read-only."),
        fn("setSecurity", "config: JsonValue", "never", "Raises: the configuration is read-only."),
        fn("addAllowedPath", "path: string", "never", "Raises: the configuration is read-only."),
      ],
    },
    {
      name: "Streaming",
      description: "Generators as streams: a Lua coroutine (`coroutine.yield`) or a JS generator function.",
      functions: [
        fn(
          "create",
          "generator: () => Generator<JsonValue> | AsyncGenerator<JsonValue>",
          "Stream",
          "Wrap a generator; drain it with next(), isDone(), collect().",
          {
            lua: "local s = Streaming.create(function()\n  for i = 1, 3 do coroutine.yield(i) end\nend)\nlocal all = s:collect() -- {1, 2, 3}",
            js: "const s = Streaming.create(function* () {\n  for (let i = 1; i <= 3; i++) yield i;\n});\nconst all = s.collect(); // [1, 2, 3]",
          },
        ),
        fn(
          "yield",
          "value: JsonValue",
          "JsonValue",
          "In Lua, coroutine.yield(value) inside a Streaming generator; in JavaScript, use `yield`.",
        ),
      ],
    },
    {
      name: "Logger",
      description: "Present for rs-llmspell compatibility; empty there too. Use Debug for logging.",
      functions: [],
    },
    {
      name: "Utils",
      description: "Present for rs-llmspell compatibility; empty there too.",
      functions: [],
    },
    ...LOCAL_LLM_GLOBALS,
    {
      name: "ARGS",
      description:
        'Script arguments: `ARGS.name` (all values are strings from the CLI or the Run form). Absent when the run has none, so write `ARGS and ARGS.topic or "default"` (Lua) or `ARGS?.topic ?? "default"` (JS). Lua also gets positional ones in `arg`.',
      functions: [],
    },
  ],
  classes: [
    ...SESSION_CLASSES,
    {
      name: "AgentBuilder",
      description:
        "Returned by Agent.builder(). Every method returns the builder, so calls chain; build() makes the agent.",
      methods: [
        method(
          "name",
          "name: string",
          "AgentBuilder",
          "The agent's name (default agent_<hex>); Agent.get finds it by this name.",
        ),
        method("description", "text: string", "AgentBuilder", "A description (used in the default system prompt)."),
        method(
          "model",
          "model: string",
          "AgentBuilder",
          '"provider/model", split on the first "/"; a bare name uses the default provider.',
          { lua: ':model("mock/echo")', js: '.model("mock/echo")' },
        ),
        method("provider", "provider: string", "AgentBuilder", "Override the provider."),
        method("system_prompt", "prompt: string", "AgentBuilder", "The system prompt."),
        method("temperature", "value: number", "AgentBuilder", "Sampling temperature, 0 to 2."),
        method(
          "max_tokens",
          "n: number",
          "AgentBuilder",
          "Cap on reply tokens (also capped by the run's token budget).",
        ),
        method(
          "max_conversation_length",
          "n: number",
          "AgentBuilder",
          "How many earlier messages are sent back (default 100; 0 forgets history).",
        ),
        method(
          "base_url",
          "url: string",
          "AgentBuilder",
          "Accepted for compatibility; endpoints are set on the server.",
        ),
        method("api_key", "key: string", "never", "Raises: keys live on the server or in the BYOK setting."),
        method("allow_tool", "name: string", "AgentBuilder", "Let the model call this tool.", {
          lua: ':allow_tool("calculator")',
          js: '.allow_tool("calculator")',
        }),
        method("allowed_tools", "names: string[]", "AgentBuilder", "Set the tools the model may call."),
        method(
          "max_tool_calls",
          "n: number",
          "AgentBuilder",
          "Tool calls per execute (default 5; never above the run's limit).",
        ),
        method("max_execution_time", "seconds: number", "AgentBuilder", "Time limit of one execute, in seconds."),
        method("max_memory_mb", "n: number", "AgentBuilder", "Accepted for compatibility; ignored."),
        method("max_recursion_depth", "n: number", "AgentBuilder", "Accepted for compatibility; ignored."),
        method(
          "resource_limits",
          "limits: { max_execution_time_secs?: number; max_tool_calls?: number }",
          "AgentBuilder",
          "Set several limits at once.",
        ),
        method(
          "custom_config",
          "config: { system_prompt?: string; max_conversation_length?: number }",
          "AgentBuilder",
          "rs-llmspell's custom config (only these keys are read).",
        ),
        method(
          "response_format",
          "schema: JsonSchema",
          "AgentBuilder",
          "Ask for JSON matching this schema; the reply is parsed into `data` and validated.",
          {
            lua: ':response_format({ type = "object", properties = { title = { type = "string" } }, required = { "title" } })',
            js: '.response_format({ type: "object", properties: { title: { type: "string" } }, required: ["title"] })',
          },
        ),
        method("type", "type: string", "AgentBuilder", "Accepted for compatibility; every agent is an LLM agent."),
        method("build", "", "Agent", "Create the agent."),
      ],
    },
    {
      name: "Agent",
      description: "An agent built by AgentBuilder:build(). It remembers its conversation.",
      methods: [
        method(
          "execute",
          "input: AgentInput | string",
          "AgentResult",
          "Ask the agent; tool calls (when allowed) run automatically.",
          {
            ...A,
            lua: 'local r = agent:execute({ text = "Hello" })\nprint(r.text, r.metadata.usage.output_tokens)',
            js: 'const r = await agent.execute({ text: "Hello" });\nconsole.log(r.text, r.metadata.usage.output_tokens);',
          },
        ),
        method(
          "stream",
          "input: AgentInput | string, callback?: (chunk: StreamChunk) => void",
          "AgentResult | AgentStream",
          "With a callback: called for every text delta, returns the final result. Without: a stream (JS: `for await`).",
          {
            ...A,
            lua: 'local r = agent:stream({ text = "Tell a story" }, function(chunk) io.write(chunk.text) end)',
            js: 'for await (const chunk of agent.stream({ text: "Tell a story" })) console.log(chunk.text);',
          },
        ),
        method(
          "invokeStream",
          "input: AgentInput | string, callback: (chunk: StreamChunk) => void",
          "AgentResult",
          "rs-llmspell's spelling of stream with a callback (adds success and chunks_received).",
          A,
        ),
        method(
          "invokeTool",
          "name: string, params?: { [key: string]: JsonValue }",
          "ToolResult",
          "Run a tool directly.",
          A,
        ),
        method("discover_tools", "", "string[]", "The tools this agent may call."),
        method("has_tool", "name: string", "boolean", "Whether this agent may call a tool."),
        method(
          "get_tool_metadata",
          "name: string",
          "{ name: string; description: string; version: string } | null",
          "An allowed tool's name and description.",
        ),
        method("get_config", "", "{ [key: string]: JsonValue }", "The agent's configuration."),
        method("get_history", "", "JsonValue[]", "The conversation so far (messages)."),
        method("clear_history", "", "boolean", "Forget the conversation."),
        method(
          "get_metrics",
          "",
          "{ agent_id: string; requests_total: number; requests_failed: number; tool_invocations: number; total_time_ms: number }",
          "Counters.",
        ),
        method("get_state", "", "string", "The lifecycle state (always Ready)."),
        method("destroy", "", "boolean", "Remove the agent from the run."),
      ],
    },
    {
      name: "AgentStream",
      description: "Returned by agent:stream(input) without a callback. In JavaScript it is an async iterator.",
      methods: [
        method("next", "", "StreamChunk | null", "The next text delta, or nil when the reply is complete.", A),
        method("result", "", "AgentResult", "The final result once the reply is complete.", A),
      ],
    },
    {
      name: "Tool",
      description: "Returned by Tool.get(name): fields name, description, category, version, schema.",
      methods: [
        method("execute", "params?: { [key: string]: JsonValue }", "ToolResult", "Run the tool.", A),
        method(
          "getSchema",
          "",
          "{ name: string; description: string; parameters: { name: string; type: string; description: string; required: boolean }[]; json_schema: JsonSchema }",
          "The tool's parameters.",
        ),
        method(
          "get_schema",
          "",
          "{ name: string; description: string; parameters: JsonValue[]; json_schema: JsonSchema }",
          "Same as getSchema.",
        ),
      ],
    },
    {
      name: "WorkflowBuilder",
      description: "Returned by Workflow.builder(). Pick a type, add steps, build().",
      methods: [
        method("name", "name: string", "WorkflowBuilder", "The workflow's name."),
        method("description", "text: string", "WorkflowBuilder", "A description."),
        method("sequential", "", "WorkflowBuilder", "Steps run one after another."),
        method("parallel", "", "WorkflowBuilder", "Steps run at the same time, up to max_concurrency."),
        method("conditional", "", "WorkflowBuilder", "Then-steps or else-steps, by condition on shared data."),
        method(
          "loop",
          "",
          "WorkflowBuilder",
          "Steps repeated over a range or collection ({{loop_value}}, {{loop_index}}).",
        ),
        method("loop_workflow", "", "WorkflowBuilder", "Alias of loop."),
        method("add_step", "step: WorkflowStep", "WorkflowBuilder", "Add a step.", {
          lua: ':add_step({ name = "sum", type = "tool", tool = "calculator", input = { operation = "evaluate", input = "{{input.expr}}" } })',
          js: '.add_step({ name: "sum", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "{{input.expr}}" } })',
        }),
        method("add_then_step", "step: WorkflowStep", "WorkflowBuilder", "A step of the then-branch (conditional)."),
        method("add_else_step", "step: WorkflowStep", "WorkflowBuilder", "A step of the else-branch (conditional)."),
        method(
          "add_template_step",
          "name: string, template_id: string, params?: JsonValue",
          "never",
          "Raises: rs-llmspell templates are not available.",
        ),
        method(
          "condition",
          "condition: WorkflowCondition",
          "WorkflowBuilder",
          "The conditional workflow's condition.",
          {
            lua: ':condition({ type = "shared_data_equals", key = "mode", value = "fast" })',
            js: '.condition({ type: "shared_data_equals", key: "mode", value: "fast" })',
          },
        ),
        method(
          "error_strategy",
          'strategy: "fail_fast" | "continue" | "retry"',
          "WorkflowBuilder",
          "fail_fast stops at the first failed step; continue records it and goes on; retry tries each step 3 times.",
        ),
        method("timeout_ms", "ms: number", "WorkflowBuilder", "Time limit of the whole workflow."),
        method("max_concurrency", "n: number", "WorkflowBuilder", "Parallel steps running at once (default 8)."),
        method(
          "with_range",
          "range: { start?: number; end: number; step?: number }",
          "WorkflowBuilder",
          "Loop over start..end (end exclusive).",
        ),
        method("with_collection", "values: JsonValue[]", "WorkflowBuilder", "Loop over these values."),
        method("max_iterations", "n: number", "WorkflowBuilder", "Cap the loop's iterations."),
        method("build", "", "Workflow", "Create the workflow."),
      ],
    },
    {
      name: "Workflow",
      description: "A built workflow: fields id, name, type.",
      methods: [
        method("execute", "input?: JsonValue", "WorkflowResult", "Run it. {{input}} placeholders read this input.", {
          ...A,
          lua: 'local r = wf:execute({ expr = "6 * 7" })\nprint(r.metadata.extra.successful_steps)',
          js: 'const r = await wf.execute({ expr: "6 * 7" });\nconsole.log(r.metadata.extra.successful_steps);',
        }),
        method(
          "get_info",
          "",
          "{ id: string; name: string; type: string; description: string; error_strategy: string; steps: { name: string; type: string }[] }",
          "What the workflow is.",
        ),
        method(
          "set_shared_data",
          "key: string, value: JsonValue",
          "boolean",
          "Set shared data (what conditions test; {{shared.key}} reads it).",
        ),
        method("get_shared_data", "key: string", "JsonValue", "Read shared data."),
        method("get_output", "step: string", "JsonValue", "A step's output from the last execute."),
        method("get_all_outputs", "", "{ [step: string]: JsonValue }", "Every step's output from the last execute."),
        method("list_outputs", "", "string[]", "Step names with an output."),
        method("get_execution_id", "", "string", "The last execute's id."),
        method("clear_outputs", "", "{ deleted: number }", "Forget the last execute's outputs."),
        method(
          "validate",
          "",
          "{ valid: boolean; workflow_id: string; warnings: string[]; errors: string[] }",
          "Check step references.",
        ),
      ],
    },
    {
      name: "HookHandle",
      description: "Returned by Hook.register.",
      methods: [
        method("id", "", "string", "The hook's id."),
        method("hook_point", "", "HookPoint", "Where it runs."),
        method("unregister", "", "boolean", "Remove it."),
      ],
    },
    {
      name: "DebugTimer",
      description: "Returned by Debug.timer(name).",
      methods: [
        method("stop", "", "number", "Stop and return the elapsed milliseconds."),
        method("elapsed", "", "number", "Milliseconds so far."),
        method("lap", "name?: string", "number", "Record a lap; returns milliseconds so far."),
        method("laps", "", "{ name: string; ms: number }[]", "The recorded laps."),
      ],
    },
    {
      name: "Stream",
      description: "Returned by Streaming.create (written in each language's prelude).",
      methods: [
        method("next", "", "JsonValue", "The next yielded value (nil when done)."),
        method("isDone", "", "boolean", "Whether the generator has finished."),
        method("collect", "", "JsonValue[]", "Every remaining value."),
      ],
    },
  ],
};
