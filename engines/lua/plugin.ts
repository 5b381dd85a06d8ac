/**
 * The Lua engine as a registry plugin. It stays light: wasmoon and its wasm are loaded only when `create` is
 * first called (`./engine` is imported dynamically), so listing engines costs nothing.
 */
import type { EngineConfig, EngineFeatures, EnginePlugin, ScriptEngine } from "../../lib/core/engine";

export const LUA_FEATURES: EngineFeatures = {
  streaming: true,
  async: true,
  modules: false,
  memoryLimit: true,
  interrupt: true,
};

export const luaPlugin: EnginePlugin = {
  name: "lua",
  extensions: ["lua"],
  editorLanguage: "lua",
  features: LUA_FEATURES,
  async create(config?: EngineConfig): Promise<ScriptEngine> {
    const { createLuaEngine } = await import("./engine");
    return createLuaEngine(config);
  },
};
