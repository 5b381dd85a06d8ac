/**
 * The JavaScript engine: QuickJS (sync release variant) behind the {@link ScriptEngine} interface. The wasm
 * module is loaded once per process; every run gets a fresh runtime and context (see ./run.ts).
 */
import { JAVASCRIPT_DIALECT } from "../../lib/core/dialect";
import { SpellError } from "../../lib/core/errors";
import { type EngineConfig, type ExecuteOptions, type ScriptEngine } from "../../lib/core/engine";
import { type ExecutionResult } from "../../lib/core/events";
import { disposedEngineResult, streamExecution } from "../../lib/core/run-output";
import { JAVASCRIPT_FEATURES } from "./plugin";
import { forgetQuickJs, hasGrownHeap, loadQuickJs } from "./quickjs-module";
import { JavascriptRun } from "./run";

async function load(config: EngineConfig) {
  try {
    return await loadQuickJs(config);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const where = config.wasmUrl ? ` from ${config.wasmUrl}` : "";
    throw new SpellError("configuration", `the JavaScript engine could not load its wasm${where}: ${why}`, {
      engine: "javascript",
    });
  }
}

export async function createJavascriptEngine(config: EngineConfig = {}): Promise<ScriptEngine> {
  let quickjs = await load(config);
  let broken = false;
  let disposed = false;
  const execute = async (source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> => {
    if (disposed) return disposedEngineResult("javascript", opts.onEvent);
    if (broken) {
      quickjs = await load(config);
      broken = false;
    }
    const run = new JavascriptRun(quickjs, source, opts);
    const result = await run.execute();
    if (run.moduleBroken || hasGrownHeap(quickjs)) {
      // The wasm aborted (it should not), or the run grew the heap (so the next run could use the space it
      // freed beyond its own limit): drop the module so the next run starts from a fresh one.
      forgetQuickJs();
      broken = true;
    }
    return result;
  };
  return {
    name: "javascript",
    dialect: JAVASCRIPT_DIALECT,
    features: JAVASCRIPT_FEATURES,
    execute,
    executeStreaming: (source, opts = {}) => streamExecution(execute, source, opts),
    dispose() {
      disposed = true;
    },
  };
}
