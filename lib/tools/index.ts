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
import { sandboxRules, type SandboxPreset } from "@/lib/core/sandbox";
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

/** Does the sandbox preset let a run use this tool? (`minimal` keeps only the pure ones.) */
function isToolAllowed(tool: ToolDefinition, sandbox: SandboxPreset | undefined): boolean {
  return sandboxRules(sandbox).tools === "all" || tool.pure;
}

/**
 * A built-in tool by its name or one of its aliases (`text_manipulator`) that the sandbox preset allows, or
 * undefined (a tool the preset refuses is not there for the run: see {@link findRefusedTool}).
 */
export function findTool(name: string, sandbox?: SandboxPreset): ToolDefinition | undefined {
  const tool = byName.get(name);
  return tool && isToolAllowed(tool, sandbox) ? tool : undefined;
}

/** A built-in tool that exists but that the sandbox preset refuses, so a run can say why it is missing. */
export function findRefusedTool(name: string, sandbox: SandboxPreset | undefined): ToolDefinition | undefined {
  const tool = byName.get(name);
  return tool && !isToolAllowed(tool, sandbox) ? tool : undefined;
}

/** Every built-in tool the sandbox preset allows, in registry order (a fresh array). */
export function listTools(sandbox?: SandboxPreset): ToolDefinition[] {
  return BUILTIN_TOOLS.filter((t) => isToolAllowed(t, sandbox));
}

/** The distinct categories of the built-in tools, sorted. */
export function toolCategories(): string[] {
  return [...new Set(BUILTIN_TOOLS.map((t) => t.category))].sort();
}
