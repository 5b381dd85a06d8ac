/**
 * The Lua engine as a registry plugin. It stays light: wasmoon and its wasm are loaded only when `create` is
 * first called (`./engine` is imported dynamically), so listing engines costs nothing.
 */
import { LUA_DIALECT } from "../../lib/core/dialect";
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
  dialect: LUA_DIALECT,
  editorLanguage: "lua",
  features: LUA_FEATURES,
  async create(config?: EngineConfig): Promise<ScriptEngine> {
    const { createLuaEngine } = await import("./engine");
    return createLuaEngine(config);
  },
};
