/**
 * The JavaScript engine as a registry plugin. It stays light: QuickJS and its wasm are loaded only when
 * `create` is first called (`./engine` is imported dynamically), so listing engines costs nothing.
 */
import { JAVASCRIPT_DIALECT } from "../../lib/core/dialect";
import type { EngineConfig, EngineFeatures, EnginePlugin, ScriptEngine } from "../../lib/core/engine";

export const JAVASCRIPT_FEATURES: EngineFeatures = {
  streaming: true,
  async: true,
  modules: false,
  memoryLimit: true,
  interrupt: true,
};

export const javascriptPlugin: EnginePlugin = {
  name: "javascript",
  dialect: JAVASCRIPT_DIALECT,
  editorLanguage: "javascript",
  features: JAVASCRIPT_FEATURES,
  async create(config?: EngineConfig): Promise<ScriptEngine> {
    const { createJavascriptEngine } = await import("./engine");
    return createJavascriptEngine(config);
  },
};
