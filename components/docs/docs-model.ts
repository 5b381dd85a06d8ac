/**
 * Everything the /docs page shows, built from the one API definition (`SPELL_API_REFERENCE`), the tool registry
 * (`listTools()`) and the examples catalog: signatures in both languages, parameters, result types, snippets, and
 * an "Open in playground" share link for every snippet. Pure data, so it is tested without rendering.
 */
import type { JsonValue } from "@/lib/core/json";
import { EXAMPLES } from "@/examples/catalog";
import type { SpellLanguage } from "@/lib/core/dialect";
import { encodeShareLink } from "@/lib/share/link";
import type { ApiClassDoc, ApiFunctionDoc, ApiGlobalDoc, ApiParamDoc } from "@/lib/spell/reference-types";
import { SPELL_API_REFERENCE, SPELL_API_TYPES } from "@/lib/spell/reference";
import { listTools, type ToolDefinition } from "@/lib/tools";
import { toJsLiteral, toLuaLiteral } from "./literals";
import { TOOL_EXAMPLES } from "./tool-examples";

export interface DocSnippet {
  lua: string;
  js: string;
  /** `/#v1/lua/...`: opens the Lua snippet in the playground. */
  luaLink: string;
  jsLink: string;
}

export interface DocFunction {
  /** Anchor id, e.g. `Agent.builder` or `AgentBuilder-name`. */
  id: string;
  name: string;
  luaSignature: string;
  jsSignature: string;
  description: string;
  params: ApiParamDoc[];
  returns: string;
  /** The JS result: `Promise<T>` for calls that wait. */
  jsReturns: string;
  snippet?: DocSnippet;
}

export interface DocSection {
  id: string;
  name: string;
  kind: "global" | "class";
  description: string;
  functions: DocFunction[];
  values?: { name: string; type: string; description?: string }[];
}

export interface DocToolParam {
  name: string;
  type: string;
  required: boolean;
  description: string;
  values?: string[];
  defaultValue?: string;
}

interface DocToolExample {
  title: string;
  snippet: DocSnippet;
  /** What the tool returned for these parameters when the docs were built. */
  result: string;
}

export interface DocTool {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  category: string;
  params: DocToolParam[];
  examples: DocToolExample[];
}

interface DocExample {
  slug: string;
  title: string;
  description: string;
  level: string;
  tags: string[];
  luaLink: string;
  jsLink: string;
}

export interface DocsModel {
  gettingStarted: DocSnippet;
  globals: DocSection[];
  classes: DocSection[];
  types: { name: string; definition: string; description: string }[];
  hookPoints: string[];
  tools: DocTool[];
  examples: DocExample[];
}

const GETTING_STARTED = {
  lua: [
    "-- Build an agent on the offline mock model and ask it something.",
    'local agent = Agent.builder():name("helper"):model("mock/default"):build()',
    'local reply = agent:execute({text = "What is a spell?"})',
    "print(reply.text)",
    "",
    "-- Tools run right here in the browser.",
    'local sum = Tool.execute("calculator", {operation = "evaluate", input = "6 * 7"})',
    'print("6 * 7 = " .. sum.result.result)',
  ].join("\n"),
  js: [
    "// Build an agent on the offline mock model and ask it something.",
    'const agent = Agent.builder().name("helper").model("mock/default").build();',
    'const reply = await agent.execute({ text: "What is a spell?" });',
    "print(reply.text);",
    "",
    "// Tools run right here in the browser.",
    'const sum = await Tool.execute("calculator", { operation: "evaluate", input: "6 * 7" });',
    'print("6 * 7 = " + sum.result.result);',
  ].join("\n"),
};

/** `/#v1/<lang>/<payload>` for a snippet. */
async function playgroundLink(language: SpellLanguage, source: string, model?: string): Promise<string> {
  return `/${await encodeShareLink({ language, source, ...(model ? { model } : {}) })}`;
}

async function createSnippet(lua: string, js: string, model?: string): Promise<DocSnippet> {
  const [luaLink, jsLink] = await Promise.all([
    playgroundLink("lua", lua, model),
    playgroundLink("javascript", js, model),
  ]);
  return { lua, js, luaLink, jsLink };
}

const RECEIVERS: Record<string, string> = {
  AgentBuilder: "builder",
  WorkflowBuilder: "builder",
  AgentStream: "stream",
  HookHandle: "hook",
  DebugTimer: "timer",
};

/** The variable name a method is shown on: `agent:execute`, `builder:name`. */
function receiverName(className: string): string {
  return RECEIVERS[className] ?? className.charAt(0).toLowerCase() + className.slice(1);
}

function paramList(params: ApiParamDoc[]): string {
  return params.map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ");
}

export function luaSignature(owner: string, fn: ApiFunctionDoc): string {
  const args = paramList(fn.params);
  return fn.call === "static" ? `${owner}.${fn.name}(${args})` : `${receiverName(owner)}:${fn.name}(${args})`;
}

export function jsSignature(owner: string, fn: ApiFunctionDoc): string {
  const args = paramList(fn.params);
  const call = fn.call === "static" ? `${owner}.${fn.name}(${args})` : `${receiverName(owner)}.${fn.name}(${args})`;
  return fn.async ? `await ${call}` : call;
}

async function documentFunction(owner: string, fn: ApiFunctionDoc, separator: string): Promise<DocFunction> {
  const lua = fn.lua?.trim();
  const js = fn.js?.trim();
  return {
    id: `${owner}${separator}${fn.name}`,
    name: fn.name,
    luaSignature: luaSignature(owner, fn),
    jsSignature: jsSignature(owner, fn),
    description: fn.description,
    params: fn.params,
    returns: fn.returns,
    jsReturns: fn.async ? `Promise<${fn.returns}>` : fn.returns,
    ...(lua || js
      ? { snippet: await createSnippet(lua ?? `-- See the JavaScript example.`, js ?? `// See the Lua example.`) }
      : {}),
  };
}

async function documentGlobal(g: ApiGlobalDoc): Promise<DocSection> {
  return {
    id: g.name,
    name: g.name,
    kind: "global",
    description: g.description,
    functions: await Promise.all(g.functions.map((f) => documentFunction(g.name, f, "."))),
    ...(g.values?.length ? { values: g.values } : {}),
  };
}

async function documentClass(c: ApiClassDoc): Promise<DocSection> {
  return {
    id: `class-${c.name}`,
    name: c.name,
    kind: "class",
    description: c.description,
    functions: await Promise.all(c.methods.map((m) => documentFunction(c.name, m, "-"))),
  };
}

type SchemaNode = { [key: string]: JsonValue };
const isNode = (v: JsonValue | undefined): v is SchemaNode => typeof v === "object" && v !== null && !Array.isArray(v);

function schemaType(node: SchemaNode): string {
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (typeof node.type === "string") {
    if (node.type === "array" && isNode(node.items) && typeof node.items.type === "string")
      return `${node.items.type}[]`;
    return node.type;
  }
  if (Array.isArray(node.type)) return node.type.join(" | ");
  if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
    const options = ((node.anyOf ?? node.oneOf) as JsonValue[]).filter(isNode).map(schemaType);
    return [...new Set(options)].join(" | ") || "any";
  }
  return "any";
}

export function describeToolParams(schema: SchemaNode): DocToolParam[] {
  const properties = isNode(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === "string")
    : [];
  return Object.entries(properties).map(([name, raw]) => {
    const node = isNode(raw) ? raw : {};
    return {
      name,
      type: schemaType(node),
      required: required.includes(name),
      description: typeof node.description === "string" ? node.description : "",
      ...(Array.isArray(node.enum) ? { values: node.enum.map((v) => String(v)) } : {}),
      ...(node.default !== undefined ? { defaultValue: JSON.stringify(node.default) } : {}),
    };
  });
}

function toolSnippetSources(tool: string, params: { [key: string]: JsonValue }): { lua: string; js: string } {
  return {
    lua: `local r = Tool.execute(${JSON.stringify(tool)}, ${toLuaLiteral(params)})\nprint(JSON.stringify(r, {pretty = true}))`,
    js: `const r = await Tool.execute(${JSON.stringify(tool)}, ${toJsLiteral(params)});\nprint(JSON.stringify(r, null, 2));`,
  };
}

async function runToolForDocs(tool: ToolDefinition, params: { [key: string]: JsonValue }): Promise<string> {
  try {
    return JSON.stringify(await tool.execute(params, { signal: new AbortController().signal }), null, 2);
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function documentTool(tool: ToolDefinition): Promise<DocTool> {
  const examples = TOOL_EXAMPLES[tool.name] ?? [];
  return {
    id: `tool-${tool.name}`,
    name: tool.name,
    aliases: tool.aliases ?? [],
    description: tool.description,
    category: tool.category,
    params: describeToolParams(tool.schema as SchemaNode),
    examples: await Promise.all(
      examples.map(async (ex) => {
        const { lua, js } = toolSnippetSources(tool.name, ex.params);
        return {
          title: ex.title,
          snippet: await createSnippet(lua, js),
          result: await runToolForDocs(tool, ex.params),
        };
      }),
    ),
  };
}

export async function buildDocsModel(): Promise<DocsModel> {
  const [gettingStarted, globals, classes, tools, examples] = await Promise.all([
    createSnippet(GETTING_STARTED.lua, GETTING_STARTED.js, "mock/default"),
    Promise.all(SPELL_API_REFERENCE.globals.map(documentGlobal)),
    Promise.all(SPELL_API_REFERENCE.classes.map(documentClass)),
    Promise.all(listTools().map(documentTool)),
    Promise.all(
      EXAMPLES.map(async (e) => ({
        slug: e.slug,
        title: e.title,
        description: e.description,
        level: e.level,
        tags: e.tags,
        luaLink: await playgroundLink("lua", e.lua, e.model),
        jsLink: await playgroundLink("javascript", e.js, e.model),
      })),
    ),
  ]);
  return {
    gettingStarted,
    globals,
    classes,
    types: SPELL_API_TYPES.map((t) => ({ name: t.name, definition: t.definition, description: t.description })),
    hookPoints: [...SPELL_API_REFERENCE.hookPoints],
    tools,
    examples,
  };
}
