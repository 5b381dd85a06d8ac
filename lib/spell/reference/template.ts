/** The reference of Template and LocalLLM (spread into SPELL_API_REFERENCE). */
import type { ApiGlobalDoc } from "../reference-types";
import { fn } from "./build";
import type { NamedType } from "./types";

const A = { async: true } as const;

export const TEMPLATE_TYPES: NamedType[] = [
  {
    name: "TemplateInfo",
    definition:
      '{ id: string; name: string; description: string; category: "Research" | "Chat" | "Analysis" | "CodeGen" | "Document" | "Workflow"; version: string; author?: string; requires?: string[]; tags?: string[] }',
    description: "A template's metadata (categories read as rs-llmspell prints them).",
  },
  {
    name: "TemplateParam",
    definition:
      '{ name: string; description: string; param_type: "String" | "Integer" | "Number" | "Boolean" | "Array" | "Object" | "Any"; required: boolean; default?: JsonValue; min?: number; max?: number; min_length?: number; max_length?: number; allowed_values?: JsonValue[] }',
    description: "One parameter of a template's schema.",
  },
  {
    name: "TemplateSchema",
    definition: "{ version: string; parameters: TemplateParam[] }",
    description: "A template's parameters, as rs-llmspell describes them.",
  },
  {
    name: "TemplateOutput",
    definition:
      '{ result_type: "text" | "structured" | "multiple"; result: JsonValue; artifacts?: { filename: string; content: string; mime_type: string; metadata?: JsonValue }[]; metadata: { template_id: string; template_version: string; executed_at: string; parameters: { [key: string]: JsonValue } }; metrics: { duration_ms: number; tokens_used?: number; cost_usd?: number; agents_invoked: number } }',
    description: "What Template.execute returns.",
  },
];

export const TEMPLATE_GLOBALS: ApiGlobalDoc[] = [
  {
    name: "Template",
    description:
      "rs-llmspell's templates: ready-made agent workflows with a parameter schema. Built in: research-assistant, interactive-chat, data-analysis, code-generator, document-processor, workflow-orchestrator; they run on the mock with no key.",
    functions: [
      fn(
        "list",
        "category?: string",
        "TemplateInfo[]",
        "Every template, or those of a category (research, chat, analysis, codegen, document, workflow or orchestration).",
        {
          lua: 'for _, t in ipairs(Template.list("research")) do print(t.id, t.category) end',
          js: 'for (const t of Template.list("research")) console.log(t.id, t.category);',
        },
      ),
      fn(
        "info",
        "name: string, show_schema?: boolean",
        "{ metadata: TemplateInfo; schema?: TemplateSchema }",
        "A template's metadata, and its schema with `show_schema`. An unknown name raises `not_found`.",
      ),
      fn(
        "execute",
        "name: string, params: { [key: string]: JsonValue }",
        "TemplateOutput",
        "Run a template. Params are checked against its schema (a `type` error names the parameter); a missing template raises `not_found`.",
        {
          ...A,
          lua: 'local out = Template.execute("code-generator", { description = "a function that reverses a string", language = "lua" })\nprint(out.result.code)',
          js: 'const out = await Template.execute("code-generator", { description: "a function that reverses a string", language: "lua" });\nconsole.log(out.result.code);',
        },
      ),
      fn(
        "search",
        "query: string, category?: string",
        "TemplateInfo[]",
        "Templates whose id, name, description, category or tags hold every word of the query.",
      ),
      fn(
        "schema",
        "name: string",
        "TemplateSchema & { json_schema: JsonSchema }",
        "A template's parameters, also as a JSON Schema.",
      ),
      fn(
        "estimate_cost",
        "name: string, params: { [key: string]: JsonValue }",
        "{ estimated_tokens?: number; estimated_cost_usd?: number; estimated_duration_ms?: number; confidence: number }",
        "What a run is expected to use (the cost when the model's price is known).",
        A,
      ),
    ],
  },
];

export const LOCAL_LLM_GLOBALS: ApiGlobalDoc[] = [
  {
    name: "LocalLLM",
    description:
      'rs-llmspell\'s local-model status. It reports the OpenAI-compatible server the deployment configured (Ollama, LM Studio, vLLM through OPENAI_BASE_URL) under `ollama`, or "none configured"; Candle is never available here.',
    functions: [
      fn(
        "status",
        "",
        "{ ollama: { running: boolean; models: number; backend?: string; error?: string }; candle: { ready: boolean; models: number; error?: string } }",
        "The local backends: the configured server under `ollama`, Candle never ready.",
        {
          ...A,
          lua: "local s = LocalLLM.status()\nprint(s.ollama.running, s.ollama.models, s.ollama.error)",
          js: "const s = await LocalLLM.status();\nconsole.log(s.ollama.running, s.ollama.models, s.ollama.error);",
        },
      ),
      fn(
        "list",
        'backend?: "ollama" | "candle" | "openai-compatible"',
        "{ id: string; backend: string; model_id: string; size_bytes: number; name?: string }[]",
        "The server's models (`model_id` is what Agent.builder():model takes; `size_bytes` is 0: the server does not say); empty when none is configured.",
        A,
      ),
      fn(
        "info",
        "model_id: string",
        "{ id: string; backend: string; model_id: string; size_bytes: number; name?: string; format: string; loaded: boolean }",
        "One of the server's models; an unknown one raises `not_found`.",
        A,
      ),
      fn(
        "pull",
        "model_spec: string",
        "never",
        "Raises `unsupported_feature`: models are pulled on the server, not from a spell.",
      ),
    ],
  },
];
