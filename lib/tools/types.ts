/**
 * The contract of a built-in tool. One file per tool in `lib/tools/`, all registered in `lib/tools/index.ts`.
 * A tool is pure: no file system, process or network. Its parameter schema is the JSON Schema that agents
 * offer to a model for tool calling and that `Tool.get(name).schema` shows a spell.
 */
import type { JsonValue } from "@/lib/core/json";

export type JsonObject = { [key: string]: JsonValue };

export interface ToolContext {
  /** Aborted when the run is stopped. */
  signal: AbortSignal;
  /** CPU time the spell has left: a tool that computes for long (jq) stops within it. */
  cpuBudgetMs?: number;
}

export interface ToolDefinition {
  /** rs-llmspell's registered name, e.g. `"calculator"`, `"json-processor"`. */
  name: string;
  /** Other names rs-llmspell scripts use for the same tool (e.g. `"json_processor"`). */
  aliases?: string[];
  description: string;
  /** rs-llmspell's category: `utility`, `data`, ... */
  category: string;
  tags?: string[];
  /** JSON Schema (draft 2020-12 subset) of the parameters object. */
  schema: JsonObject;
  /**
   * Run one call. Returns exactly the table a spell sees (rs-llmspell's result family for this tool: the
   * flattened `{success, operation, message?, result?, error?}` for structured tools, the raw shape for the
   * others). An operation that fails returns `success: false, error: {message}`; a parameter that is missing
   * or wrong throws `SpellError("tool", "Tool execution failed: <what is wrong>")`.
   */
  execute(params: JsonObject, ctx: ToolContext): Promise<JsonObject>;
  /**
   * True when a call's result is not a pure function of `params` (it reads the clock or draws random bytes):
   * a recorded run keeps such results and its replay answers them from the recording. Absent: always pure.
   */
  nondeterministic?(params: JsonObject): boolean;
}
