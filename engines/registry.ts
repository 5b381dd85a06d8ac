/**
 * The engine registry: built-in engines (Lua, JavaScript) and third-party plugins behind one factory.
 * Only plugin objects live here; each plugin loads its wasm lazily in `create`, so importing the registry
 * (or listing engines) never pulls an engine in.
 */
import { SPELL_LANGUAGES, isSpellLanguage, type SpellDialect, type SpellLanguage } from "../lib/core/dialect";
import { SpellError } from "../lib/core/errors";
import { type EngineConfig, type EngineFeatures, type EnginePlugin, type ScriptEngine } from "../lib/core/engine";
import { javascriptPlugin } from "./javascript/plugin";
import { luaPlugin } from "./lua/plugin";

/** What `listEngines()` tells about an engine (no factory). */
export interface EngineInfo {
  name: string;
  extensions: string[];
  /** The language the engine speaks. */
  language: SpellLanguage;
  editorLanguage?: string;
  features: EngineFeatures;
}

const BUILT_IN: readonly EnginePlugin[] = [luaPlugin, javascriptPlugin];

const plugins = new Map<string, EnginePlugin>(BUILT_IN.map((p) => [p.name, p]));

const NAME_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const EXTENSION_PATTERN = /^[a-z0-9]{1,16}$/;

/**
 * Add (or replace) an engine plugin. Returns a function that removes it again (restoring a built-in engine
 * it replaced). A bad plugin is rejected with a `configuration` error naming the problem.
 */
export function registerEngine(plugin: EnginePlugin): () => void {
  validatePlugin(plugin);
  const previous = plugins.get(plugin.name);
  plugins.set(plugin.name, plugin);
  return () => {
    if (plugins.get(plugin.name) !== plugin) return;
    if (previous) plugins.set(plugin.name, previous);
    else plugins.delete(plugin.name);
  };
}

/** Every registered engine, built-ins first, in registration order. */
export function listEngines(): EngineInfo[] {
  return [...plugins.values()].map((p) => ({
    name: p.name,
    extensions: [...p.dialect.extensions],
    language: p.dialect.language,
    ...(p.editorLanguage ? { editorLanguage: p.editorLanguage } : {}),
    features: { ...p.features },
  }));
}

/** The plugin registered under `name`, or undefined. */
export function getEnginePlugin(name: string): EnginePlugin | undefined {
  return plugins.get(name);
}

/**
 * A fresh engine instance. An unknown name rejects with an `engine_not_found` error that lists the known
 * engines.
 */
export async function createEngine(name: string, config?: EngineConfig): Promise<ScriptEngine> {
  const plugin = plugins.get(name);
  if (!plugin) {
    const known = [...plugins.keys()].join(", ");
    throw new SpellError("engine_not_found", `unknown engine "${name}"; known engines: ${known}`);
  }
  return plugin.create(config);
}

/** The plugin that runs a file, chosen by its extension (`spell.lua` → lua); undefined when none does. */
export function engineForFile(path: string): EnginePlugin | undefined {
  const base = path.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return undefined;
  const ext = base.slice(dot + 1).toLowerCase();
  for (const plugin of plugins.values()) {
    if (plugin.dialect.extensions.some((e) => e.toLowerCase() === ext)) return plugin;
  }
  return undefined;
}

function validatePlugin(plugin: EnginePlugin): void {
  const fail = (why: string) => {
    throw new SpellError("configuration", `cannot register engine plugin: ${why}`);
  };
  if (typeof plugin !== "object" || plugin === null) fail("the plugin must be an object");
  if (typeof plugin.name !== "string" || !NAME_PATTERN.test(plugin.name)) {
    fail(`name must match ${NAME_PATTERN} (got ${JSON.stringify(plugin.name)})`);
  }
  const dialect = plugin.dialect as Partial<SpellDialect> | undefined;
  if (typeof dialect !== "object" || dialect === null) fail(`"${plugin.name}": a dialect is required`);
  if (!isSpellLanguage(dialect?.language)) {
    fail(`"${plugin.name}": dialect.language must be one of ${SPELL_LANGUAGES.join(", ")}`);
  }
  if (dialect?.indexBase !== 0 && dialect?.indexBase !== 1) fail(`"${plugin.name}": dialect.indexBase must be 0 or 1`);
  if (typeof dialect?.typeWords !== "object" || dialect.typeWords === null) {
    fail(`"${plugin.name}": dialect.typeWords are required`);
  }
  if (!Array.isArray(dialect?.extensions)) fail(`"${plugin.name}": dialect.extensions must be an array`);
  for (const ext of plugin.dialect.extensions) {
    if (typeof ext !== "string" || !EXTENSION_PATTERN.test(ext)) {
      fail(`"${plugin.name}": extension ${JSON.stringify(ext)} must be lowercase letters/digits without the dot`);
    }
  }
  if (typeof plugin.create !== "function") fail(`"${plugin.name}": create must be a function`);
  if (typeof plugin.features !== "object" || plugin.features === null) fail(`"${plugin.name}": features are required`);
}
