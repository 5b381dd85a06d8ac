import { MEMORY_TYPES } from "./memory";
import { SESSION_TYPES } from "./session";
import { TEMPLATE_TYPES } from "./template";
/** The named types the reference's type texts use (rendered first in `spell-api.d.ts`). */
export interface NamedType {
  name: string;
  definition: string;
  description: string;
}

export const SPELL_API_TYPES: NamedType[] = [
  {
    name: "JsonValue",
    definition: "null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }",
    description: "Any value that converts to JSON.",
  },
  { name: "JsonSchema", definition: "{ [key: string]: JsonValue }", description: "A JSON Schema object." },
  {
    name: "AgentInput",
    definition:
      "{ text: string; parameters?: { temperature?: number; max_tokens?: number; [key: string]: JsonValue | undefined } }",
    description: "What an agent is asked. A plain string is accepted too.",
  },
  {
    name: "ToolCallRecord",
    definition: "{ id: string; name: string; input: JsonValue; output: JsonValue; error?: boolean }",
    description: "One tool call an agent made.",
  },
  {
    name: "AgentResult",
    definition:
      "{ text: string; data?: JsonValue; skipped?: boolean; metadata: { model: string; provider: string; agent_name: string; usage: { input_tokens: number; output_tokens: number }; execution_time_ms: number; finish_reason: string; tool_calls: ToolCallRecord[] } }",
    description: "An agent's reply. `data` is the parsed JSON when the reply is JSON (always with response_format).",
  },
  { name: "StreamChunk", definition: "{ text: string }", description: "One streamed text delta." },
  {
    name: "ToolResult",
    definition:
      "{ success?: boolean; operation?: string; result?: JsonValue; message?: string; error?: { message: string }; [key: string]: JsonValue | undefined }",
    description: "A tool's result (rs-llmspell's structured family for most tools).",
  },
  {
    name: "ToolInfo",
    definition: "{ name: string; description: string; category: string; version: string; tags: string[] }",
    description: "A tool as listed.",
  },
  {
    name: "ToolDefinition",
    definition:
      "{ name: string; description?: string; category?: string; tags?: string[]; parameters?: JsonSchema; execute: (params: { [key: string]: JsonValue }) => JsonValue | Promise<JsonValue> }",
    description: "A tool a spell registers.",
  },
  {
    name: "WorkflowStep",
    definition:
      '{ name: string; type: "tool" | "agent" | "workflow"; tool?: string; agent?: string | Agent; workflow?: Workflow; input?: JsonValue; timeout_ms?: number; retry_count?: number }',
    description: "One workflow step. Strings in `input` may hold placeholders such as {{input}} or {{steps.a.output}}.",
  },
  {
    name: "WorkflowCondition",
    definition:
      '{ type: "shared_data_equals" | "shared_data_exists" | "always" | "never"; key?: string; value?: JsonValue }',
    description: "The condition of a conditional workflow, tested against its shared data.",
  },
  {
    name: "WorkflowResult",
    definition:
      "{ text: string; success: boolean; metadata: { execution_time_ms: number; extra: { workflow_type: string; workflow_name: string; execution_id: string; total_steps: number; successful_steps: number; failed_steps: number; skipped_steps: number; success_rate: number; step_outputs: { [step: string]: JsonValue }; agent_outputs: { [agent: string]: string }; errors?: { [step: string]: string }; [key: string]: JsonValue | undefined } } }",
    description: "A workflow run's summary, in rs-llmspell's shape.",
  },
  {
    name: "WorkflowTable",
    definition:
      "{ name: string; description?: string; steps?: WorkflowStep[]; branches?: { steps: WorkflowStep[] }[]; body?: WorkflowStep[]; iterator?: { range?: { start?: number; end: number; step?: number }; collection?: JsonValue[]; max_iterations?: number }; condition?: WorkflowCondition; then_steps?: WorkflowStep[]; else_steps?: WorkflowStep[]; error_strategy?: string; timeout_ms?: number; max_concurrency?: number }",
    description: "The table-style workflow constructors' argument.",
  },
  {
    name: "HookPoint",
    definition:
      '"SystemStartup" | "SystemShutdown" | "BeforeAgentInit" | "AfterAgentInit" | "BeforeAgentExecution" | "AfterAgentExecution" | "BeforeAgentShutdown" | "AfterAgentShutdown" | "BeforeToolDiscovery" | "AfterToolDiscovery" | "BeforeToolExecution" | "AfterToolExecution" | "ToolValidation" | "ToolError" | "AgentError" | "BeforeWorkflowStart" | "WorkflowStageTransition" | "BeforeWorkflowStage" | "AfterWorkflowStage" | "WorkflowCheckpoint" | "WorkflowRollback" | "AfterWorkflowComplete" | "WorkflowError"',
    description: "Where a hook runs.",
  },
  {
    name: "HookPriority",
    definition: '"highest" | "high" | "normal" | "low" | "lowest"',
    description: "Hook order: highest first.",
  },
  {
    name: "HookContext",
    definition:
      "{ point: HookPoint; component: { type: string; name: string }; correlation_id: string; language: string; data: { [key: string]: JsonValue } }",
    description: "What a hook callback receives.",
  },
  {
    name: "HookResult",
    definition:
      '"continue" | "skip" | { type: "modified"; data: { [key: string]: JsonValue } } | { type: "cancel"; reason?: string } | undefined',
    description: "What a hook callback may return.",
  },
  {
    name: "HookInfo",
    definition: "{ id: string; name: string; hook_point: HookPoint; priority: HookPriority; language: string }",
    description: "A registered hook.",
  },
  {
    name: "SpellEvent",
    definition:
      "{ id: string; event_type: string; data: JsonValue; timestamp: string; sequence: number; language: string; correlation_id?: string }",
    description: "An event received from a subscription.",
  },
  {
    name: "ProviderView",
    definition:
      "{ name: string; available: boolean; enabled: boolean; models: string[]; reason?: string; capabilities: { supports_streaming: boolean; supports_tools: boolean; supports_multimodal: boolean; available_models: string[] } }",
    description: "A model provider.",
  },
  {
    name: "RagDocument",
    definition: "{ content?: string; text?: string; id?: string | number; metadata?: { [key: string]: JsonValue } }",
    description:
      "A document to ingest: its text in `content` (or `text`), an optional id (by default one derived from the text), metadata to filter on.",
  },
  {
    name: "RagIngestOptions",
    definition:
      '{ scope?: string; scope_id?: string; tenant_id?: string; provider?: string; chunking?: { chunk_size?: number; overlap?: number; strategy?: "sliding_window" | "fixed" | "sentence" | "paragraph" } }',
    description:
      "Where to store (scope `global` by default; `scope_id` makes `<scope>:<scope_id>`; `tenant_id` is scope `tenant`), which embedding model (`mock`, `openai` or `provider/model`), how to chunk (`chunk_size` and `overlap` in words).",
  },
  {
    name: "RagIngestResult",
    definition: "{ success: boolean; documents_processed: number; vectors_created: number; total_tokens: number }",
    description: "What an ingest stored: one vector per chunk.",
  },
  {
    name: "RagSearchOptions",
    definition:
      "{ top_k?: number; k?: number; scope?: string; scope_id?: string; tenant_id?: string; threshold?: number; metadata_filter?: { [key: string]: JsonValue }; filters?: { [key: string]: JsonValue } }",
    description:
      "How many results (`top_k` or `k`, 1 to 100, default 10), which scope, the lowest score kept, and metadata every result must match (a list matches any of its values).",
  },
  {
    name: "RagSearchResult",
    definition:
      "{ id: string; content: string; text: string; score: number; metadata: { doc_id: string; chunk_index: number; [key: string]: JsonValue } }",
    description: "One matching chunk, best first; `score` is the cosine similarity.",
  },
  {
    name: "RagStats",
    definition:
      "{ total_vectors: number; total_documents: number; total_storage_bytes: number; embeddings_generated: number; embedding_tokens: number; searches_performed: number; model?: string; dimensions?: number }",
    description: "A scope's size and usage (`searches_performed` counts this run's searches).",
  },
  { name: "DebugLevel", definition: '"trace" | "debug" | "info" | "warn" | "error"', description: "Debug log levels." },
  ...SESSION_TYPES,
  ...MEMORY_TYPES,
  ...TEMPLATE_TYPES,
];
