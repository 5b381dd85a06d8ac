// Generated from lib/spell/reference.ts by renderSpellApiDts(). Do not edit.

/**
 * Any value that converts to JSON.
 */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON Schema object.
 */
type JsonSchema = { [key: string]: JsonValue };

/**
 * What an agent is asked. A plain string is accepted too.
 */
type AgentInput = { text: string; parameters?: { temperature?: number; max_tokens?: number; [key: string]: JsonValue | undefined } };

/**
 * One tool call an agent made.
 */
type ToolCallRecord = { id: string; name: string; input: JsonValue; output: JsonValue; error?: boolean };

/**
 * An agent's reply. `data` is the parsed JSON when the reply is JSON (always with response_format).
 */
type AgentResult = { text: string; data?: JsonValue; skipped?: boolean; metadata: { model: string; provider: string; agent_name: string; usage: { input_tokens: number; output_tokens: number }; execution_time_ms: number; finish_reason: string; tool_calls: ToolCallRecord[] } };

/**
 * One streamed text delta.
 */
type StreamChunk = { text: string };

/**
 * A tool's result (rs-llmspell's structured family for most tools).
 */
type ToolResult = { success?: boolean; operation?: string; result?: JsonValue; message?: string; error?: { message: string }; [key: string]: JsonValue | undefined };

/**
 * A tool as listed.
 */
type ToolInfo = { name: string; description: string; category: string; version: string; tags: string[] };

/**
 * A tool a spell registers.
 */
type ToolDefinition = { name: string; description?: string; category?: string; tags?: string[]; parameters?: JsonSchema; execute: (params: { [key: string]: JsonValue }) => JsonValue | Promise<JsonValue> };

/**
 * One workflow step. Strings in `input` may hold placeholders such as {{input}} or {{steps.a.output}}.
 */
type WorkflowStep = { name: string; type: "tool" | "agent" | "workflow"; tool?: string; agent?: string | Agent; workflow?: Workflow; input?: JsonValue; timeout_ms?: number; retry_count?: number };

/**
 * The condition of a conditional workflow, tested against its shared data.
 */
type WorkflowCondition = { type: "shared_data_equals" | "shared_data_exists" | "always" | "never"; key?: string; value?: JsonValue };

/**
 * A workflow run's summary, in rs-llmspell's shape.
 */
type WorkflowResult = { text: string; success: boolean; metadata: { execution_time_ms: number; extra: { workflow_type: string; workflow_name: string; execution_id: string; total_steps: number; successful_steps: number; failed_steps: number; skipped_steps: number; success_rate: number; step_outputs: { [step: string]: JsonValue }; agent_outputs: { [agent: string]: string }; errors?: { [step: string]: string }; [key: string]: JsonValue | undefined } } };

/**
 * The table-style workflow constructors' argument.
 */
type WorkflowTable = { name: string; description?: string; steps?: WorkflowStep[]; branches?: { steps: WorkflowStep[] }[]; body?: WorkflowStep[]; iterator?: { range?: { start?: number; end: number; step?: number }; collection?: JsonValue[]; max_iterations?: number }; condition?: WorkflowCondition; then_steps?: WorkflowStep[]; else_steps?: WorkflowStep[]; error_strategy?: string; timeout_ms?: number; max_concurrency?: number };

/**
 * Where a hook runs.
 */
type HookPoint = "SystemStartup" | "SystemShutdown" | "BeforeAgentInit" | "AfterAgentInit" | "BeforeAgentExecution" | "AfterAgentExecution" | "BeforeAgentShutdown" | "AfterAgentShutdown" | "BeforeToolDiscovery" | "AfterToolDiscovery" | "BeforeToolExecution" | "AfterToolExecution" | "ToolValidation" | "ToolError" | "AgentError" | "BeforeWorkflowStart" | "WorkflowStageTransition" | "BeforeWorkflowStage" | "AfterWorkflowStage" | "WorkflowCheckpoint" | "WorkflowRollback" | "AfterWorkflowComplete" | "WorkflowError";

/**
 * Hook order: highest first.
 */
type HookPriority = "highest" | "high" | "normal" | "low" | "lowest";

/**
 * What a hook callback receives.
 */
type HookContext = { point: HookPoint; component: { type: string; name: string }; correlation_id: string; language: string; data: { [key: string]: JsonValue } };

/**
 * What a hook callback may return.
 */
type HookResult = "continue" | "skip" | { type: "modified"; data: { [key: string]: JsonValue } } | { type: "cancel"; reason?: string } | undefined;

/**
 * A registered hook.
 */
type HookInfo = { id: string; name: string; hook_point: HookPoint; priority: HookPriority; language: string };

/**
 * An event received from a subscription.
 */
type SpellEvent = { id: string; event_type: string; data: JsonValue; timestamp: string; sequence: number; language: string; correlation_id?: string };

/**
 * A model provider.
 */
type ProviderView = { name: string; available: boolean; enabled: boolean; models: string[]; reason?: string; capabilities: { supports_streaming: boolean; supports_tools: boolean; supports_multimodal: boolean; available_models: string[] } };

/**
 * A document to ingest: its text in `content` (or `text`), an optional id (by default one derived from the text), metadata to filter on.
 */
type RagDocument = { content?: string; text?: string; id?: string | number; metadata?: { [key: string]: JsonValue } };

/**
 * Where to store (scope `global` by default; `scope_id` makes `<scope>:<scope_id>`; `tenant_id` is scope `tenant`), which embedding model (`mock`, `openai` or `provider/model`), how to chunk (`chunk_size` and `overlap` in words).
 */
type RagIngestOptions = { scope?: string; scope_id?: string; tenant_id?: string; provider?: string; chunking?: { chunk_size?: number; overlap?: number; strategy?: "sliding_window" | "fixed" | "sentence" | "paragraph" } };

/**
 * What an ingest stored: one vector per chunk.
 */
type RagIngestResult = { success: boolean; documents_processed: number; vectors_created: number; total_tokens: number };

/**
 * How many results (`top_k` or `k`, 1 to 100, default 10), which scope, the lowest score kept, and metadata every result must match (a list matches any of its values).
 */
type RagSearchOptions = { top_k?: number; k?: number; scope?: string; scope_id?: string; tenant_id?: string; threshold?: number; metadata_filter?: { [key: string]: JsonValue }; filters?: { [key: string]: JsonValue } };

/**
 * One matching chunk, best first; `score` is the cosine similarity.
 */
type RagSearchResult = { id: string; content: string; text: string; score: number; metadata: { doc_id: string; chunk_index: number; [key: string]: JsonValue } };

/**
 * A scope's size and usage (`searches_performed` counts this run's searches).
 */
type RagStats = { total_vectors: number; total_documents: number; total_storage_bytes: number; embeddings_generated: number; embedding_tokens: number; searches_performed: number; model?: string; dimensions?: number };

/**
 * Debug log levels.
 */
type DebugLevel = "trace" | "debug" | "info" | "warn" | "error";

/**
 * A session as rs-llmspell describes it.
 */
type SessionInfo = { id: string; name?: string; description?: string; tags: string[]; status: "active" | "suspended" | "completed" | "failed" | "archived"; created_at: string; updated_at: string; parent_session_id?: string; custom_metadata: { [key: string]: JsonValue } };

/**
 * What Artifact.store returns: the SHA-256 of the content, the session, the sequence number.
 */
type ArtifactId = { content_hash: string; session_id: string; sequence: number };

/**
 * An artifact's metadata; `artifact_type` reads as rs-llmspell prints it (`AgentOutput`, `ToolResult`, `UserInput`, `SystemGenerated`, `Custom("x")`).
 */
type ArtifactMetadata = { name: string; description?: string; artifact_type: string; mime_type: string; size: number; tags: string[]; custom: { [key: string]: JsonValue }; version: number; created_at: string; created_by?: string; parent_artifact?: string; is_compressed: boolean; original_size?: number };

/**
 * Filters of Artifact.query (`name_pattern` may use `*`; dates are RFC 3339).
 */
type ArtifactQuery = { session_id?: string; type?: string; name_pattern?: string; tags?: string[]; created_after?: string; created_before?: string; min_size?: number; max_size?: number; limit?: number };

/**
 * One remembered exchange (`processed` once consolidated).
 */
type EpisodicEntry = { id: string; session_id: string; role: string; content: string; timestamp: string; ingestion_time: string; metadata: { [key: string]: JsonValue }; processed: boolean };

/**
 * A semantic memory entity made by consolidation.
 */
type MemoryEntity = { id: string; name: string; entity_type: string; properties: { mentions: number; sessions: string[]; roles: string[]; source_entries: string[]; [key: string]: JsonValue }; event_time?: string; ingestion_time: string };

/**
 * What Memory.consolidate did.
 */
type ConsolidationResult = { entries_processed: number; entities_added: number; entities_updated: number; entities_deleted: number; entries_skipped: number; entries_failed: number; duration_ms: number };

/**
 * One chunk of assembled context, with its score and where it came from (`source`).
 */
type ContextChunk = { chunk: { id: string; content: string; source: string; timestamp: string; metadata: JsonValue }; score: number; ranker: string };

/**
 * Context fitted to a token budget; `formatted` is ready to put in a prompt.
 */
type AssembledContext = { chunks: ContextChunk[]; total_confidence: number; temporal_span: (string | null)[]; token_count: number; formatted: string };

/**
 * Where Context.assemble looks.
 */
type ContextStrategy = "episodic" | "semantic" | "hybrid" | "rag";

/**
 * A template's metadata (categories read as rs-llmspell prints them).
 */
type TemplateInfo = { id: string; name: string; description: string; category: "Research" | "Chat" | "Analysis" | "CodeGen" | "Document" | "Workflow"; version: string; author?: string; requires?: string[]; tags?: string[] };

/**
 * One parameter of a template's schema.
 */
type TemplateParam = { name: string; description: string; param_type: "String" | "Integer" | "Number" | "Boolean" | "Array" | "Object" | "Any"; required: boolean; default?: JsonValue; min?: number; max?: number; min_length?: number; max_length?: number; allowed_values?: JsonValue[] };

/**
 * A template's parameters, as rs-llmspell describes them.
 */
type TemplateSchema = { version: string; parameters: TemplateParam[] };

/**
 * What Template.execute returns.
 */
type TemplateOutput = { result_type: "text" | "structured" | "multiple"; result: JsonValue; artifacts?: { filename: string; content: string; mime_type: string; metadata?: JsonValue }[]; metadata: { template_id: string; template_version: string; executed_at: string; parameters: { [key: string]: JsonValue } }; metrics: { duration_ms: number; tokens_used?: number; cost_usd?: number; agents_invoked: number } };

/** Every failure a spell can catch. */
declare class SpellError extends Error {
  readonly kind: "syntax" | "runtime" | "type" | "timeout" | "memory" | "cancelled" | "api" | "unsupported_feature" | "conversion" | "provider" | "tool" | "not_found" | "engine_not_found" | "configuration";
  readonly line?: number;
  readonly column?: number;
}
/** Print values to the run's output. */
declare function print(...values: unknown[]): void;

/**
 * Returned by Session.builder(). Every method returns the builder; build() creates the session.
 */
interface SessionBuilder {
  /**
   * The session's name.
   */
  name(name: string): SessionBuilder;
  /**
   * A description.
   */
  description(text: string): SessionBuilder;
  /**
   * Add a tag.
   */
  tag(tag: string): SessionBuilder;
  /**
   * Add several tags.
   */
  tags(tags: string[]): SessionBuilder;
  /**
   * Create the session; returns its id.
   */
  build(): Promise<string>;
}

/**
 * Returned by Agent.builder(). Every method returns the builder, so calls chain; build() makes the agent.
 */
interface AgentBuilder {
  /**
   * The agent's name (default agent_<hex>); Agent.get finds it by this name.
   */
  name(name: string): AgentBuilder;
  /**
   * A description (used in the default system prompt).
   */
  description(text: string): AgentBuilder;
  /**
   * "provider/model", split on the first "/"; a bare name uses the default provider.
   * @example
   * .model("mock/echo")
   */
  model(model: string): AgentBuilder;
  /**
   * Override the provider.
   */
  provider(provider: string): AgentBuilder;
  /**
   * The system prompt.
   */
  system_prompt(prompt: string): AgentBuilder;
  /**
   * Sampling temperature, 0 to 2.
   */
  temperature(value: number): AgentBuilder;
  /**
   * Cap on reply tokens (also capped by the run's token budget).
   */
  max_tokens(n: number): AgentBuilder;
  /**
   * How many earlier messages are sent back (default 100; 0 forgets history).
   */
  max_conversation_length(n: number): AgentBuilder;
  /**
   * Accepted for compatibility; endpoints are set on the server.
   */
  base_url(url: string): AgentBuilder;
  /**
   * Raises: keys live on the server or in the BYOK setting.
   */
  api_key(key: string): never;
  /**
   * Let the model call this tool.
   * @example
   * .allow_tool("calculator")
   */
  allow_tool(name: string): AgentBuilder;
  /**
   * Set the tools the model may call.
   */
  allowed_tools(names: string[]): AgentBuilder;
  /**
   * Tool calls per execute (default 5; never above the run's limit).
   */
  max_tool_calls(n: number): AgentBuilder;
  /**
   * Time limit of one execute, in seconds.
   */
  max_execution_time(seconds: number): AgentBuilder;
  /**
   * Accepted for compatibility; ignored.
   */
  max_memory_mb(n: number): AgentBuilder;
  /**
   * Accepted for compatibility; ignored.
   */
  max_recursion_depth(n: number): AgentBuilder;
  /**
   * Set several limits at once.
   */
  resource_limits(limits: { max_execution_time_secs?: number; max_tool_calls?: number }): AgentBuilder;
  /**
   * rs-llmspell's custom config (only these keys are read).
   */
  custom_config(config: { system_prompt?: string; max_conversation_length?: number }): AgentBuilder;
  /**
   * Ask for JSON matching this schema; the reply is parsed into `data` and validated.
   * @example
   * .response_format({ type: "object", properties: { title: { type: "string" } }, required: ["title"] })
   */
  response_format(schema: JsonSchema): AgentBuilder;
  /**
   * Accepted for compatibility; every agent is an LLM agent.
   */
  type(type: string): AgentBuilder;
  /**
   * Create the agent.
   */
  build(): Agent;
}

/**
 * An agent built by AgentBuilder:build(). It remembers its conversation.
 */
interface Agent {
  readonly name: string;
  /**
   * Ask the agent; tool calls (when allowed) run automatically.
   * @example
   * const r = await agent.execute({ text: "Hello" });
   * console.log(r.text, r.metadata.usage.output_tokens);
   */
  execute(input: AgentInput | string): Promise<AgentResult>;
  /**
   * With a callback: called for every text delta, returns the final result. Without: a stream (JS: `for await`).
   * @example
   * for await (const chunk of agent.stream({ text: "Tell a story" })) console.log(chunk.text);
   */
  stream(input: AgentInput | string, callback: (chunk: StreamChunk) => void | Promise<void>): Promise<AgentResult>;
  stream(input: AgentInput | string): AgentStream;
  /**
   * rs-llmspell's spelling of stream with a callback (adds success and chunks_received).
   */
  invokeStream(input: AgentInput | string, callback: (chunk: StreamChunk) => void): Promise<AgentResult>;
  /**
   * Run a tool directly.
   */
  invokeTool(name: string, params?: { [key: string]: JsonValue }): Promise<ToolResult>;
  /**
   * The tools this agent may call.
   */
  discover_tools(): string[];
  /**
   * Whether this agent may call a tool.
   */
  has_tool(name: string): boolean;
  /**
   * An allowed tool's name and description.
   */
  get_tool_metadata(name: string): { name: string; description: string; version: string } | null;
  /**
   * The agent's configuration.
   */
  get_config(): { [key: string]: JsonValue };
  /**
   * The conversation so far (messages).
   */
  get_history(): JsonValue[];
  /**
   * Forget the conversation.
   */
  clear_history(): boolean;
  /**
   * Counters.
   */
  get_metrics(): { agent_id: string; requests_total: number; requests_failed: number; tool_invocations: number; total_time_ms: number };
  /**
   * The lifecycle state (always Ready).
   */
  get_state(): string;
  /**
   * Remove the agent from the run.
   */
  destroy(): boolean;
}

/**
 * Returned by agent:stream(input) without a callback. In JavaScript it is an async iterator.
 */
interface AgentStream extends AsyncIterable<StreamChunk> {
  /**
   * The next text delta, or nil when the reply is complete.
   */
  next(): Promise<StreamChunk | null>;
  /**
   * The final result once the reply is complete.
   */
  result(): Promise<AgentResult>;
}

/**
 * Returned by Tool.get(name): fields name, description, category, version, schema.
 */
interface Tool {
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly version: string;
  readonly schema: JsonValue;
  /**
   * Run the tool.
   */
  execute(params?: { [key: string]: JsonValue }): Promise<ToolResult>;
  /**
   * The tool's parameters.
   */
  getSchema(): { name: string; description: string; parameters: { name: string; type: string; description: string; required: boolean }[]; json_schema: JsonSchema };
  /**
   * Same as getSchema.
   */
  get_schema(): { name: string; description: string; parameters: JsonValue[]; json_schema: JsonSchema };
}

/**
 * Returned by Workflow.builder(). Pick a type, add steps, build().
 */
interface WorkflowBuilder {
  /**
   * The workflow's name.
   */
  name(name: string): WorkflowBuilder;
  /**
   * A description.
   */
  description(text: string): WorkflowBuilder;
  /**
   * Steps run one after another.
   */
  sequential(): WorkflowBuilder;
  /**
   * Steps run at the same time, up to max_concurrency.
   */
  parallel(): WorkflowBuilder;
  /**
   * Then-steps or else-steps, by condition on shared data.
   */
  conditional(): WorkflowBuilder;
  /**
   * Steps repeated over a range or collection ({{loop_value}}, {{loop_index}}).
   */
  loop(): WorkflowBuilder;
  /**
   * Alias of loop.
   */
  loop_workflow(): WorkflowBuilder;
  /**
   * Add a step.
   * @example
   * .add_step({ name: "sum", type: "tool", tool: "calculator", input: { operation: "evaluate", input: "{{input.expr}}" } })
   */
  add_step(step: WorkflowStep): WorkflowBuilder;
  /**
   * A step of the then-branch (conditional).
   */
  add_then_step(step: WorkflowStep): WorkflowBuilder;
  /**
   * A step of the else-branch (conditional).
   */
  add_else_step(step: WorkflowStep): WorkflowBuilder;
  /**
   * Raises: rs-llmspell templates are not available.
   */
  add_template_step(name: string, template_id: string, params?: JsonValue): never;
  /**
   * The conditional workflow's condition.
   * @example
   * .condition({ type: "shared_data_equals", key: "mode", value: "fast" })
   */
  condition(condition: WorkflowCondition): WorkflowBuilder;
  /**
   * fail_fast stops at the first failed step; continue records it and goes on; retry tries each step 3 times.
   */
  error_strategy(strategy: "fail_fast" | "continue" | "retry"): WorkflowBuilder;
  /**
   * Time limit of the whole workflow.
   */
  timeout_ms(ms: number): WorkflowBuilder;
  /**
   * Parallel steps running at once (default 8).
   */
  max_concurrency(n: number): WorkflowBuilder;
  /**
   * Loop over start..end (end exclusive).
   */
  with_range(range: { start?: number; end: number; step?: number }): WorkflowBuilder;
  /**
   * Loop over these values.
   */
  with_collection(values: JsonValue[]): WorkflowBuilder;
  /**
   * Cap the loop's iterations.
   */
  max_iterations(n: number): WorkflowBuilder;
  /**
   * Create the workflow.
   */
  build(): Workflow;
}

/**
 * A built workflow: fields id, name, type.
 */
interface Workflow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /**
   * Run it. {{input}} placeholders read this input.
   * @example
   * const r = await wf.execute({ expr: "6 * 7" });
   * console.log(r.metadata.extra.successful_steps);
   */
  execute(input?: JsonValue): Promise<WorkflowResult>;
  /**
   * What the workflow is.
   */
  get_info(): { id: string; name: string; type: string; description: string; error_strategy: string; steps: { name: string; type: string }[] };
  /**
   * Set shared data (what conditions test; {{shared.key}} reads it).
   */
  set_shared_data(key: string, value: JsonValue): boolean;
  /**
   * Read shared data.
   */
  get_shared_data(key: string): JsonValue;
  /**
   * A step's output from the last execute.
   */
  get_output(step: string): JsonValue;
  /**
   * Every step's output from the last execute.
   */
  get_all_outputs(): { [step: string]: JsonValue };
  /**
   * Step names with an output.
   */
  list_outputs(): string[];
  /**
   * The last execute's id.
   */
  get_execution_id(): string;
  /**
   * Forget the last execute's outputs.
   */
  clear_outputs(): { deleted: number };
  /**
   * Check step references.
   */
  validate(): { valid: boolean; workflow_id: string; warnings: string[]; errors: string[] };
}

/**
 * Returned by Hook.register.
 */
interface HookHandle {
  /**
   * The hook's id.
   */
  id(): string;
  /**
   * Where it runs.
   */
  hook_point(): HookPoint;
  /**
   * Remove it.
   */
  unregister(): boolean;
}

/**
 * Returned by Debug.timer(name).
 */
interface DebugTimer {
  /**
   * Stop and return the elapsed milliseconds.
   */
  stop(): number;
  /**
   * Milliseconds so far.
   */
  elapsed(): number;
  /**
   * Record a lap; returns milliseconds so far.
   */
  lap(name?: string): number;
  /**
   * The recorded laps.
   */
  laps(): { name: string; ms: number }[];
}

/**
 * Returned by Streaming.create (written in each language's prelude).
 */
interface Stream extends Iterable<JsonValue> {
  /**
   * The next yielded value (nil when done).
   */
  next(): JsonValue;
  /**
   * Whether the generator has finished.
   */
  isDone(): boolean;
  /**
   * Every remaining value.
   */
  collect(): JsonValue[];
}

/**
 * LLM agents. Build one with `Agent.builder()`, then `execute` it; it keeps its conversation history. Agents with allowed tools call them automatically.
 */
declare const Agent: {
  /**
   * Start building an agent.
   * @example
   * const agent = Agent.builder().name("helper").model("mock/echo").build();
   */
  builder(): AgentBuilder;
  /**
   * Deprecated in rs-llmspell: always raises and points to Agent.builder().
   */
  create(config?: JsonValue): never;
  /**
   * Create an agent from a table instead of a builder; returns its name.
   * @example
   * const name = Agent.register({ name: "r", model: "mock/echo" });
   */
  register(config: { name?: string; description?: string; model?: string | { provider?: string; model_id?: string; temperature?: number; max_tokens?: number }; allowed_tools?: string[]; system_prompt?: string; custom_config?: { system_prompt?: string } }): string;
  /**
   * The agent built with this name, or nil.
   * @example
   * const a = Agent.get("helper");
   */
  get(name: string): Agent | null;
  /**
   * The agents built in this run.
   */
  list(): { name: string; model: string; type: string }[];
  /**
   * The names of the agents built in this run.
   */
  list_instances(): string[];
  /**
   * The agent types (rs-llmspell's factory templates): llm, basic, tool-orchestrator.
   */
  discover(): { type: string }[];
  /**
   * The agent template names.
   */
  list_templates(): string[];
};

/**
 * The built-in tools and the tools a spell registers. Results follow rs-llmspell's shapes.
 */
declare const Tool: {
  /**
   * Run a tool. Unknown names raise `not_found`; a bad parameter raises `tool`; an operation that fails returns `success = false`.
   * @example
   * const r = await Tool.execute("calculator", { operation: "evaluate", input: "2 + 2 * 3" });
   * console.log(r.result.result); // 8
   */
  execute(name: string, params?: { [key: string]: JsonValue }): Promise<ToolResult>;
  /**
   * Alias of Tool.execute (removed from rs-llmspell 0.11, kept for old spells).
   */
  invoke(name: string, params?: { [key: string]: JsonValue }): Promise<ToolResult>;
  /**
   * Every tool: built-in and registered.
   * @example
   * for (const t of Tool.list()) console.log(t.name);
   */
  list(): ToolInfo[];
  /**
   * A tool object (`name`, `description`, `category`, `schema`, and `execute`), or nil.
   * @example
   * const calc = Tool.get("calculator");
   * const r = await calc.execute({ operation: "evaluate", input: "1+1" });
   */
  get(name: string): Tool | null;
  /**
   * Whether a tool with this name (or alias) exists.
   */
  exists(name: string): boolean;
  /**
   * The tool categories.
   */
  categories(): string[];
  /**
   * Tools filtered by category and/or tag (a tag also matches words of the description).
   * @example
   * const dataTools = Tool.discover({ category: "data" });
   */
  discover(filter?: { category?: string; tag?: string }): ToolInfo[];
  /**
   * Add a spell-defined tool for this run (agents and workflows can use it). `parameters` is a JSON Schema that calls are checked against.
   * @example
   * Tool.register({
   *   name: "shout",
   *   description: "Upper-case a text",
   *   parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
   *   execute: (p) => ({ success: true, result: p.text.toUpperCase() }),
   * });
   */
  register(definition: ToolDefinition): string;
};

/**
 * Sequential, parallel (really concurrent), conditional and loop workflows of tool, agent and nested-workflow steps, with placeholders interpolated into step inputs.
 */
declare const Workflow: {
  /**
   * Start building a workflow.
   * @example
   * const wf = Workflow.builder().name("w").sequential()
   *   .add_step({ name: "id", type: "tool", tool: "uuid-generator", input: { operation: "generate" } })
   *   .build();
   * const r = await wf.execute({});
   */
  builder(): WorkflowBuilder;
  /**
   * Table-style constructor of a sequential workflow (`steps`).
   */
  sequential(config: WorkflowTable): Workflow;
  /**
   * Table-style constructor of a parallel workflow (`steps`, or `branches = {{steps = ...}}`).
   */
  parallel(config: WorkflowTable): Workflow;
  /**
   * Table-style constructor of a conditional workflow (`condition`, `then_steps`, `else_steps`).
   */
  conditional(config: WorkflowTable): Workflow;
  /**
   * Table-style constructor of a loop workflow (`iterator = {range = ...} | {collection = ...}`, `body`).
   */
  loop(config: WorkflowTable): Workflow;
  /**
   * The workflow types: sequential, parallel, conditional, loop.
   */
  types(): string[];
  /**
   * The workflows built in this run.
   */
  list(): { id: string; name: string; type: string }[];
  /**
   * A workflow built in this run, by id or name.
   */
  get(id: string): Workflow | null;
  /**
   * Forget a workflow (its object keeps working).
   */
  remove(id: string): boolean;
  /**
   * Forget every workflow of this run.
   */
  clear(): boolean;
};

/**
 * Scoped key/value storage. It persists per workspace in the playground (IndexedDB) and per `--state FILE` in the CLI.
 */
declare const State: {
  /**
   * Store a value (nil deletes).
   * @example
   * await State.save("global", "count", 1);
   */
  save(scope: string, key: string, value: JsonValue): Promise<void>;
  /**
   * A stored value, or nil.
   * @example
   * const n = (await State.load("global", "count")) ?? 0;
   */
  load(scope: string, key: string): Promise<JsonValue>;
  /**
   * Remove a value; true when it existed.
   */
  delete(scope: string, key: string): Promise<boolean>;
  /**
   * The keys of a scope, sorted.
   */
  list_keys(scope: string): Promise<string[]>;
  /**
   * State.load("global", key).
   */
  get(key: string): Promise<JsonValue>;
  /**
   * State.save("global", key, value).
   */
  set(key: string, value: JsonValue): Promise<void>;
  /**
   * Remove every key of a scope; returns how many.
   */
  clear(scope: string): Promise<number>;
  /**
   * rs-llmspell's workflow scope (`workflow:<id>`).
   */
  workflow_get(workflow_id: string, step_name: string): Promise<JsonValue>;
  /**
   * Keys of a workflow scope.
   */
  workflow_list(workflow_id: string): Promise<string[]>;
  /**
   * rs-llmspell's agent scope (`agent:<id>`).
   */
  agent_get(agent_id: string, key: string): Promise<JsonValue>;
  /**
   * Store in an agent scope.
   */
  agent_set(agent_id: string, key: string, value: JsonValue): Promise<void>;
  /**
   * rs-llmspell's tool scope (`tool:<id>`).
   */
  tool_get(tool_id: string, key: string): Promise<JsonValue>;
  /**
   * Store in a tool scope.
   */
  tool_set(tool_id: string, key: string, value: JsonValue): Promise<void>;
};

/**
 * Retrieval-augmented generation: ingest documents (chunked and embedded) into a scope, then search them by meaning. The index persists where State does; `mock/embed` embeds offline.
 */
declare const RAG: {
  /**
   * Chunk, embed and store documents; a document with an existing id replaces it. At most 1 MiB per document, 2,000 chunks per call, 10,000 in the index.
   * @example
   * await RAG.ingest([
   *   { id: "lua", content: "Lua is a small scripting language.", metadata: { topic: "code" } },
   *   { id: "paris", content: "Paris is the capital of France.", metadata: { topic: "travel" } },
   * ]);
   */
  ingest(documents: RagDocument | RagDocument[], options?: RagIngestOptions): Promise<RagIngestResult>;
  /**
   * The chunks most similar to the query, best first. An empty query or `top_k` outside 1-100 raises `type`; an unknown scope has no results.
   * @example
   * const r = await RAG.search("capital of France", { top_k: 1 });
   * console.log(r.results[0].id, r.results[0].score);
   */
  search(query: string, options?: RagSearchOptions): Promise<{ success: boolean; total: number; results: RagSearchResult[] }>;
  /**
   * Remove every vector of a scope (`<scope>:<scope_id>`); returns how many.
   * @example
   * const removed = await RAG.cleanup_scope("session", "s1");
   */
  cleanup_scope(scope: string, scope_id?: string): Promise<number>;
  /**
   * A scope's size and usage.
   * @example
   * console.log((await RAG.get_stats("global")).total_vectors);
   */
  get_stats(scope: string, scope_id?: string): Promise<RagStats>;
  /**
   * The providers that can embed: mock, openai.
   */
  list_providers(): string[];
  /**
   * Set this run's default embedding provider; the TTL and cache settings are accepted, as in rs-llmspell, and not used.
   */
  configure(options: { default_provider?: string; session_ttl?: number; enable_cache?: boolean; cache_ttl?: number }): void;
  /**
   * Wait until every change to the index is stored.
   */
  save(): Promise<void>;
  /**
   * rs-llmspell's session collection record (search it with scope `session`, scope_id the session id).
   */
  create_session_collection(session_id: string, ttl?: number): { session_id: string; namespace: string; ttl?: number; created: boolean };
  /**
   * rs-llmspell's session settings record (`vector_ttl` defaults to 3600; not enforced).
   */
  configure_session(options: { session_id: string; vector_ttl?: number }): { session_id: string; vector_ttl: number; configured: boolean };
};

/**
 * rs-llmspell's sessions: named, tagged units of work that hold artifacts. Ids are UUID strings; sessions persist where State does. A session is active, suspended or completed.
 */
declare const Session: {
  /**
   * Create an active session; returns its id.
   * @example
   * const id = await Session.create({ name: "research", tags: ["demo"] });
   */
  create(options?: { name?: string; description?: string; tags?: string[]; metadata?: { [key: string]: JsonValue }; parent_session_id?: string }): Promise<string>;
  /**
   * Start building a session (name, description, tags, then build).
   * @example
   * const id = await Session.builder().name("notes").tag("demo").build();
   */
  builder(): SessionBuilder;
  /**
   * A session; an unknown id raises `not_found`.
   */
  get(session_id: string): Promise<SessionInfo>;
  /**
   * Sessions, oldest first; `tags` keeps those with every tag.
   */
  list(query?: { tags?: string[]; status?: "active" | "suspended" | "completed"; limit?: number }): Promise<SessionInfo[]>;
  /**
   * Every change is stored as it happens; checks the session exists.
   */
  save(session_id: string): Promise<void>;
  /**
   * Read a stored session back; returns its id.
   */
  load(session_id: string): Promise<string>;
  /**
   * Mark an active or suspended session completed.
   */
  complete(session_id: string): Promise<void>;
  /**
   * Suspend an active session.
   */
  suspend(session_id: string): Promise<void>;
  /**
   * Make a suspended session active again.
   */
  resume(session_id: string): Promise<void>;
  /**
   * Remove a session and its artifacts.
   */
  delete(session_id: string): Promise<void>;
  /**
   * The run's current session id, or nil.
   */
  get_current(): string | null;
  /**
   * Set (or clear, with nil) the run's current session.
   */
  set_current(session_id: string | null): Promise<void>;
  /**
   * Always false: the playground records no hooks to replay.
   */
  can_replay(session_id: string): Promise<boolean>;
  /**
   * Always empty here.
   */
  list_replayable(): string[];
  /**
   * Raises `unsupported_feature`: no hook recordings to replay.
   */
  replay(session_id: string, config?: JsonValue): never;
  /**
   * Raises `unsupported_feature`: no hook recordings to replay.
   */
  get_replay_metadata(session_id: string): never;
};

/**
 * Texts kept in a session (rs-llmspell's artifacts): results, inputs, reports. Each has an id table, a SHA-256 content hash and metadata; they persist with their session.
 */
declare const Artifact: {
  /**
   * Keep a text in an active session (at most 1 MiB). `type` is agent_output, tool_result, user_input, system_generated or your own.
   * @example
   * const aid = await Artifact.store(id, "agent_output", "summary.md", "# Summary", { mime_type: "text/markdown" });
   */
  store(session_id: string, type: string, name: string, content: string, metadata?: { mime_type?: string; tags?: string[]; [key: string]: JsonValue | undefined }): Promise<ArtifactId>;
  /**
   * An artifact and its content; an unknown one raises `not_found`.
   */
  get(session_id: string, artifact_id: ArtifactId): Promise<{ metadata: ArtifactMetadata; content: string }>;
  /**
   * A session's artifacts ("" means the current session).
   */
  list(session_id: string): Promise<ArtifactMetadata[]>;
  /**
   * Remove an artifact.
   */
  delete(session_id: string, artifact_id: ArtifactId): Promise<void>;
  /**
   * Raises `unsupported_feature`: spells have no file system here.
   */
  store_file(session_id: string, path: string, type: string, metadata?: JsonValue): never;
  /**
   * Artifacts of every session (or one) matching the filters.
   */
  query(query?: ArtifactQuery): Promise<ArtifactMetadata[]>;
};

/**
 * rs-llmspell's memory: episodic entries per memory session (any id string), consolidated into semantic entities. Persists where State does; searches score by shared words, offline.
 */
declare const Memory: {
  /**
   * Turn unprocessed entries (of one session, or all) into entities; `force` processes every entry again.
   */
  consolidate(session_id?: string, force?: boolean): Promise<ConsolidationResult>;
  /**
   * How much memory holds.
   */
  stats(): Promise<{ episodic_count: number; semantic_count: number; sessions_with_unprocessed: number; has_episodic: boolean; has_semantic: boolean; has_consolidation: boolean }>;
  readonly episodic: {
    /**
     * Remember one exchange (content at most 64 KiB); returns the entry id.
     * @example
     * await Memory.episodic.add("chat-1", "user", "I prefer short answers", { topic: "style" });
     */
    add(session_id: string, role: string, content: string, metadata?: { [key: string]: JsonValue }): Promise<string>;
    /**
     * A session's entries, most relevant first (`""` searches every session for entries sharing words with the query). `limit` 1-1000, default 10.
     * @example
     * for (const e of await Memory.episodic.search("chat-1", "answers", 5)) console.log(e.role, e.content);
     */
    search(session_id: string, query: string, limit?: number): Promise<EpisodicEntry[]>;
  };
  readonly semantic: {
    /**
     * Entities matching the query, best first (an empty query lists them all).
     */
    query(query: string, limit?: number): Promise<MemoryEntity[]>;
  };
};

/**
 * rs-llmspell's context assembly: gather the chunks relevant to a query from Memory, RAG and a session's artifacts, and fit them to a token budget.
 */
declare const Context: {
  /**
   * Context for a query. `max_tokens` 100-128000 (default 8192); an empty query or an unknown strategy raises `type`.
   * @example
   * const c = await Context.assemble("what does the user prefer?", "hybrid", 500, "chat-1");
   * console.log(c.token_count, c.formatted);
   */
  assemble(query: string, strategy: ContextStrategy, max_tokens?: number, session_id?: string): Promise<AssembledContext>;
  /**
   * Context.assemble(query, "hybrid", 2000, session_id).
   */
  test(query: string, session_id?: string): Promise<AssembledContext>;
  /**
   * What each strategy can draw on.
   */
  strategy_stats(): Promise<{ episodic_count: number; semantic_count: number; strategies: ContextStrategy[] }>;
};

/**
 * rs-llmspell's templates: ready-made agent workflows with a parameter schema. Built in: research-assistant, interactive-chat, data-analysis, code-generator, document-processor, workflow-orchestrator; they run on the mock with no key.
 */
declare const Template: {
  /**
   * Every template, or those of a category (research, chat, analysis, codegen, document, workflow or orchestration).
   * @example
   * for (const t of Template.list("research")) console.log(t.id, t.category);
   */
  list(category?: string): TemplateInfo[];
  /**
   * A template's metadata, and its schema with `show_schema`. An unknown name raises `not_found`.
   */
  info(name: string, show_schema?: boolean): { metadata: TemplateInfo; schema?: TemplateSchema };
  /**
   * Run a template. Params are checked against its schema (a `type` error names the parameter); a missing template raises `not_found`.
   * @example
   * const out = await Template.execute("code-generator", { description: "a function that reverses a string", language: "lua" });
   * console.log(out.result.code);
   */
  execute(name: string, params: { [key: string]: JsonValue }): Promise<TemplateOutput>;
  /**
   * Templates whose id, name, description, category or tags hold every word of the query.
   */
  search(query: string, category?: string): TemplateInfo[];
  /**
   * A template's parameters, also as a JSON Schema.
   */
  schema(name: string): TemplateSchema & { json_schema: JsonSchema };
  /**
   * What a run is expected to use (the cost when the model's price is known).
   */
  estimate_cost(name: string, params: { [key: string]: JsonValue }): Promise<{ estimated_tokens?: number; estimated_cost_usd?: number; estimated_duration_ms?: number; confidence: number }>;
};

/**
 * Callbacks at agent, tool and workflow points. Unlike rs-llmspell, they are really called; they may return continue, skip, modified data, or cancel.
 */
declare const Hook: {
  /**
   * Priority names.
   */
  readonly Priority: { HIGHEST: string; HIGH: string; NORMAL: string; LOW: string; LOWEST: string };
  /**
   * Every hook point name.
   */
  readonly Points: { [point: string]: HookPoint };
  /**
   * Run `callback` at `point` for this run.
   * @example
   * const h = Hook.register("BeforeAgentExecution", (ctx) => {
   *   console.log("agent " + ctx.component.name);
   *   return "continue";
   * }, "high");
   */
  register(point: HookPoint, callback: (ctx: HookContext) => HookResult, priority?: HookPriority): HookHandle;
  /**
   * The registered hooks.
   */
  list(filter?: HookPoint | { hook_point?: HookPoint; priority?: HookPriority; language?: string }): HookInfo[];
  /**
   * Remove a hook; true when it was registered.
   */
  unregister(handle: HookHandle): boolean;
};

/**
 * Publish/subscribe with glob patterns (`user.*`), pull-style as in rs-llmspell: subscribe, then receive.
 */
declare const Event: {
  /**
   * Deliver an event to every matching subscription.
   * @example
   * Event.publish("user.login", { id: 42 });
   */
  publish(event_type: string, data?: JsonValue, options?: { correlation_id?: string; ttl_seconds?: number }): boolean;
  /**
   * Subscribe to event types matching a glob; returns the subscription id.
   * @example
   * const sub = Event.subscribe("user.*");
   */
  subscribe(pattern: string): string;
  /**
   * The next event, waiting up to timeout_ms (default 5000); nil on timeout.
   * @example
   * const ev = await Event.receive(sub, 1000);
   * if (ev) console.log(ev.event_type);
   */
  receive(subscription_id: string, timeout_ms?: number): Promise<SpellEvent | null>;
  /**
   * End a subscription.
   */
  unsubscribe(subscription_id: string): boolean;
  /**
   * The active subscriptions.
   */
  list_subscriptions(): { id: string; pattern: string; language: string; queued: number }[];
  /**
   * Counts of published and delivered events.
   */
  get_stats(): { event_bus_stats: JsonValue; bridge_stats: JsonValue };
};

/**
 * The model providers the run can use.
 */
declare const Provider: {
  /**
   * Every provider, its models, and whether it is available.
   * @example
   * for (const p of await Provider.list()) console.log(p.name, p.available);
   */
  list(): Promise<ProviderView[]>;
  /**
   * One provider by name (or by one of its model ids).
   */
  get(name: string): Promise<ProviderView | null>;
  /**
   * Whether a provider can be called now.
   */
  isAvailable(name: string): Promise<boolean>;
  /**
   * A provider's capabilities.
   */
  getCapabilities(name: string): Promise<ProviderView['capabilities'] | null>;
};

/**
 * Leveled logging into the run's output, timers, and value dumps.
 */
declare const Debug: {
  /**
   * Log at a level.
   */
  log(level: DebugLevel, message: string, module?: string): void;
  /**
   * Log with a data table.
   */
  logWithData(level: DebugLevel, message: string, data: JsonValue, module?: string): void;
  /**
   * Log at trace level (a string second argument is a module name).
   */
  trace(message: string, data?: JsonValue): void;
  /**
   * Log at debug level.
   */
  debug(message: string, data?: JsonValue): void;
  /**
   * Log at info level.
   * @example
   * Debug.info("starting", { step: 1 });
   */
  info(message: string, data?: JsonValue): void;
  /**
   * Log at warn level.
   */
  warn(message: string, data?: JsonValue): void;
  /**
   * Log at error level.
   */
  error(message: string, data?: JsonValue): void;
  /**
   * Drop messages below this level (default info).
   */
  setLevel(level: DebugLevel): void;
  /**
   * The current level.
   */
  getLevel(): DebugLevel;
  /**
   * Turn Debug logging on or off.
   */
  setEnabled(enabled: boolean): void;
  /**
   * Whether Debug logging is on.
   */
  isEnabled(): boolean;
  /**
   * The last logged entries (up to 1000 kept).
   */
  getCapturedEntries(limit?: number): { timestamp: string; level: DebugLevel; message: string; module?: string; metadata?: JsonValue }[];
  /**
   * Forget the captured entries.
   */
  clearCaptured(): void;
  /**
   * Start a timer.
   * @example
   * const t = Debug.timer("work");
   * // ...
   * console.log(t.stop() + " ms");
   */
  timer(name: string): DebugTimer;
  /**
   * A readable multi-line dump of a value.
   * @example
   * console.log(Debug.dump({ a: 1 }));
   */
  dump(value: JsonValue, label?: string): string;
  /**
   * A one-line dump (JSON).
   */
  dumpCompact(value: JsonValue): string;
  /**
   * Same as dump.
   */
  dumpVerbose(value: JsonValue, label?: string): string;
};

/**
 * A read-only view of the run's configuration: limits, default model, engine, security.
 */
declare const Config: {
  /**
   * The whole configuration, or the value at a dotted path (`limits.max_tool_calls`).
   * @example
   * console.log(Config.get("limits.max_tool_calls"));
   */
  get(path?: string): JsonValue;
  /**
   * One top-level section (`limits`, `security`).
   */
  getSection(name: string): JsonValue;
  /**
   * The engine running the spell.
   */
  getDefaultEngine(): string;
  /**
   * The model agents use when they name none.
   */
  getDefaultModel(): string;
  /**
   * Security settings (all off in the playground).
   */
  getSecurity(): { allow_file_access: boolean; allow_network_access: boolean; allow_process_spawn: boolean };
  /**
   * Always false.
   */
  isFileAccessAllowed(): boolean;
  /**
   * Always false.
   */
  isNetworkAccessAllowed(): boolean;
  /**
   * What the spell may change (nothing).
   */
  getPermissions(): { [key: string]: boolean };
  /**
   * The configuration as JSON text.
   */
  toJson(): string;
  /**
   * Raises: the configuration is read-only.
   */
  setProvider(name: string, config: JsonValue): never;
  /**
   * Raises: the configuration is read-only.
   */
  setSecurity(config: JsonValue): never;
  /**
   * Raises: the configuration is read-only.
   */
  addAllowedPath(path: string): never;
};

/**
 * Generators as streams: a Lua coroutine (`coroutine.yield`) or a JS generator function.
 */
declare const Streaming: {
  /**
   * Wrap a generator; drain it with next(), isDone(), collect().
   * @example
   * const s = Streaming.create(function* () {
   *   for (let i = 1; i <= 3; i++) yield i;
   * });
   * const all = s.collect(); // [1, 2, 3]
   */
  create(generator: () => Generator<JsonValue> | AsyncGenerator<JsonValue>): Stream;
  /**
   * In Lua, coroutine.yield(value) inside a Streaming generator; in JavaScript, use `yield`.
   */
  yield(value: JsonValue): JsonValue;
};

/**
 * Present for rs-llmspell compatibility; empty there too. Use Debug for logging.
 */
declare const Logger: {
};

/**
 * Present for rs-llmspell compatibility; empty there too.
 */
declare const Utils: {
};

/**
 * rs-llmspell's local-model status. It reports the OpenAI-compatible server the deployment configured (Ollama, LM Studio, vLLM through OPENAI_BASE_URL) under `ollama`, or "none configured"; Candle is never available here.
 */
declare const LocalLLM: {
  /**
   * The local backends: the configured server under `ollama`, Candle never ready.
   * @example
   * const s = await LocalLLM.status();
   * console.log(s.ollama.running, s.ollama.models, s.ollama.error);
   */
  status(): Promise<{ ollama: { running: boolean; models: number; backend?: string; error?: string }; candle: { ready: boolean; models: number; error?: string } }>;
  /**
   * The server's models (`model_id` is what Agent.builder():model takes; `size_bytes` is 0: the server does not say); empty when none is configured.
   */
  list(backend?: "ollama" | "candle" | "openai-compatible"): Promise<{ id: string; backend: string; model_id: string; size_bytes: number; name?: string }[]>;
  /**
   * One of the server's models; an unknown one raises `not_found`.
   */
  info(model_id: string): Promise<{ id: string; backend: string; model_id: string; size_bytes: number; name?: string; format: string; loaded: boolean }>;
  /**
   * Raises `unsupported_feature`: models are pulled on the server, not from a spell.
   */
  pull(model_spec: string): never;
};

/**
 * Script arguments: `ARGS.name` (all values are strings from the CLI or the Run form). Absent when the run has none, so write `ARGS and ARGS.topic or "default"` (Lua) or `ARGS?.topic ?? "default"` (JS). Lua also gets positional ones in `arg`.
 */
declare const ARGS: { [name: string]: string } | undefined;
