/**
 * The JavaScript engine: QuickJS (sync release variant) behind the {@link ScriptEngine} interface. The wasm
 * module is loaded once per process; every run gets a fresh runtime and context (see ./run.ts).
 */
import { SpellError, type EngineConfig, type ExecuteOptions, type ExecutionResult, type ScriptEngine } from "../bridge";
import { streamExecution } from "../run-support";
import { JAVASCRIPT_FEATURES } from "./plugin";
import { loadQuickJs } from "./quickjs-module";
import { JavascriptRun } from "./run";

export async function createJavascriptEngine(config: EngineConfig = {}): Promise<ScriptEngine> {
  const quickjs = await loadQuickJs(config);
  let disposed = false;
  const execute = async (source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> => {
    if (disposed) throw new SpellError("configuration", "this JavaScript engine has been disposed");
    return new JavascriptRun(quickjs, source, opts).execute();
  };
  return {
    name: "javascript",
    features: JAVASCRIPT_FEATURES,
    execute,
    executeStreaming: (source, opts = {}) => streamExecution(execute, source, opts),
    dispose() {
      disposed = true;
    },
  };
}
