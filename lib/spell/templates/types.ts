/** What a built-in template is: rs-llmspell's metadata, its parameters, a cost estimate, and the run itself. */
import type { JsonValue } from "@/lib/core/json";
import type { ParamSpec } from "./params";
import type { TemplateEnv } from "./env";

/** rs-llmspell's TemplateCategory, printed with `{:?}`. */
type TemplateCategory = "Research" | "Chat" | "Analysis" | "CodeGen" | "Document" | "Workflow";

interface TemplateMetadata {
  id: string;
  name: string;
  description: string;
  category: TemplateCategory;
  version: string;
  author: string;
  requires: string[];
  tags: string[];
}

/** A template's output before the global adds metadata and metrics (rs-llmspell's TemplateOutput). */
interface TemplateRun {
  result_type: "text" | "structured" | "multiple";
  result: JsonValue;
  artifacts?: { filename: string; content: string; mime_type: string; metadata?: JsonValue }[];
}

export interface TemplateDefinition {
  metadata: TemplateMetadata;
  params: ParamSpec[];
  /** Model calls a run makes and the tokens they are expected to send and receive, from the params. */
  estimate(params: { [name: string]: unknown }): { agents: number; inputTokens: number; outputTokens: number };
  run(env: TemplateEnv, params: { [name: string]: unknown }): Promise<TemplateRun>;
}
