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
import { listReferenceEntries, SnippetSpells, type ReferenceEntry } from "./snippet-spell";
import { TOOL_EXAMPLES } from "./tool-examples";

export interface DocSnippet {
  lua: string;
  js: string;
  /**
   * `/#v1/lua/...`: opens the snippet in the playground as a whole spell (with the setup it leans on, see
   * snippet-spell.ts); absent when the snippet has no Lua form or cannot stand alone.
   */
  luaLink?: string;
  jsLink?: string;
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

/** A snippet shown as `lua`/`js`; its links open `spells` (the snippet itself unless given). */
async function createSnippet(
  lua: string,
  js: string,
  options: { model?: string; spells?: { lua?: string; js?: string } } = {},
): Promise<DocSnippet> {
  const spells = options.spells ?? { lua, js };
  const [luaLink, jsLink] = await Promise.all([
    spells.lua === undefined ? undefined : playgroundLink("lua", spells.lua, options.model),
    spells.js === undefined ? undefined : playgroundLink("javascript", spells.js, options.model),
  ]);
  return { lua, js, ...(luaLink ? { luaLink } : {}), ...(jsLink ? { jsLink } : {}) };
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

async function documentFunction(entry: ReferenceEntry, spells: SnippetSpells): Promise<DocFunction> {
  const { owner, fn } = entry;
  const lua = fn.lua?.trim();
  const js = fn.js?.trim();
  return {
    id: entry.id,
    name: fn.name,
    luaSignature: luaSignature(owner, fn),
    jsSignature: jsSignature(owner, fn),
    description: fn.description,
    params: fn.params,
    returns: fn.returns,
    jsReturns: fn.async ? `Promise<${fn.returns}>` : fn.returns,
    ...(lua || js
      ? {
          snippet: await createSnippet(lua ?? `-- See the JavaScript example.`, js ?? `// See the Lua example.`, {
            spells: { lua: spells.complete(entry, "lua"), js: spells.complete(entry, "javascript") },
          }),
        }
      : {}),
  };
}

async function documentSection(
  owner: ApiGlobalDoc | ApiClassDoc,
  kind: "global" | "class",
  entries: ReferenceEntry[],
  spells: SnippetSpells,
): Promise<DocSection> {
  return {
    id: kind === "global" ? owner.name : `class-${owner.name}`,
    name: owner.name,
    kind,
    description: owner.description,
    functions: await Promise.all(
      entries.filter((e) => e.kind === kind && e.owner === owner.name).map((e) => documentFunction(e, spells)),
    ),
  };
}

async function documentGlobal(g: ApiGlobalDoc, entries: ReferenceEntry[], spells: SnippetSpells): Promise<DocSection> {
  return {
    ...(await documentSection(g, "global", entries, spells)),
    ...(g.values?.length ? { values: g.values } : {}),
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
  const spells = new SnippetSpells(SPELL_API_REFERENCE);
  const entries = listReferenceEntries(SPELL_API_REFERENCE);
  const [gettingStarted, globals, classes, tools, examples] = await Promise.all([
    createSnippet(GETTING_STARTED.lua, GETTING_STARTED.js, { model: "mock/default" }),
    Promise.all(SPELL_API_REFERENCE.globals.map((g) => documentGlobal(g, entries, spells))),
    Promise.all(SPELL_API_REFERENCE.classes.map((c) => documentSection(c, "class", entries, spells))),
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
