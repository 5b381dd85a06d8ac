/**
 * The one registry of built-in tools. `Tool.*` in the spell API and agents' tool calling read it through
 * these functions only.
 */
import { base64Encoder } from "./base64-encoder";
import { calculator } from "./calculator";
import { citationFormatter } from "./citation-formatter";
import { csvAnalyzer } from "./csv-analyzer";
import { dataValidator } from "./data-validator";
import { datetimeHandler } from "./datetime-handler";
import { diffCalculator } from "./diff-calculator";
import { graphBuilder } from "./graph-builder";
import { hashCalculator } from "./hash-calculator";
import { jsonProcessor } from "./json-processor";
import { templateCreator } from "./template-creator";
import { textManipulator } from "./text-manipulator";
import type { ToolDefinition } from "./types";
import { urlAnalyzer } from "./url-analyzer";
import { uuidGenerator } from "./uuid-generator";

export type { ToolDefinition, JsonObject } from "./types";
export { countModuleLoads, observeModuleLoads } from "./internal/lazy";

export const BUILTIN_TOOLS: readonly ToolDefinition[] = Object.freeze([
  calculator,
  textManipulator,
  uuidGenerator,
  hashCalculator,
  base64Encoder,
  datetimeHandler,
  diffCalculator,
  dataValidator,
  templateCreator,
  jsonProcessor,
  csvAnalyzer,
  urlAnalyzer,
  graphBuilder,
  citationFormatter,
]);

const byName = new Map<string, ToolDefinition>();
for (const tool of BUILTIN_TOOLS) {
  byName.set(tool.name, tool);
  for (const alias of tool.aliases ?? []) byName.set(alias, tool);
}

/** A built-in tool by its name or one of its aliases (`text_manipulator`), or undefined. */
export function findTool(name: string): ToolDefinition | undefined {
  return byName.get(name);
}

/** Every built-in tool, in registry order (a fresh array). */
export function listTools(): ToolDefinition[] {
  return [...BUILTIN_TOOLS];
}

/** The distinct categories of the built-in tools, sorted. */
export function toolCategories(): string[] {
  return [...new Set(BUILTIN_TOOLS.map((t) => t.category))].sort();
}
