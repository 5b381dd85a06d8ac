/**
 * The JavaScript engine: QuickJS (sync release variant) behind the {@link ScriptEngine} interface. The wasm
 * module is loaded once per process; every run gets a fresh runtime and context (see ./run.ts).
 */
import { JAVASCRIPT_DIALECT } from "../../lib/core/dialect";
import { SpellError } from "../../lib/core/errors";
import { type EngineConfig, type EngineSession, type ExecuteOptions, type ScriptEngine } from "../../lib/core/engine";
import { type ExecutionResult } from "../../lib/core/events";
import { closedSessionResult, disposedEngineResult, streamExecution } from "../../lib/core/run-output";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
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
  /**
   * One QuickJS context kept between entries. A CPU, wall-clock or cancel stop leaves it usable (QuickJS unwinds
   * the interrupted code); the memory backstop tripping, or the module breaking, ends it (`session: "lost"`).
   */
  const openSession = async (opts: ExecuteOptions = {}): Promise<EngineSession> => {
    if (disposed) throw new SpellError("configuration", STOP_MESSAGES.disposed(), { engine: "javascript" });
    if (broken) {
      quickjs = await load(config);
      broken = false;
    }
    const sessionModule = quickjs;
    const run = new JavascriptRun(sessionModule, "", opts);
    const failed = run.openSession();
    if (failed) {
      run.closeSession();
      throw SpellError.from(failed);
    }
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      run.closeSession();
      // As after a run: a module whose heap grew, or that broke, is not reused.
      if (sessionModule === quickjs && (run.moduleBroken || hasGrownHeap(sessionModule))) {
        forgetQuickJs();
        broken = true;
      }
    };
    return {
      get alive() {
        return !closed && run.alive;
      },
      async evaluate(source, mode, entryOpts) {
        if (closed || !run.alive) return closedSessionResult(entryOpts.onEvent);
        const result = await run.evaluate(source, mode, entryOpts);
        if (!run.alive) close();
        return result;
      },
      close,
    };
  };
  return {
    name: "javascript",
    dialect: JAVASCRIPT_DIALECT,
    features: JAVASCRIPT_FEATURES,
    execute,
    openSession,
    executeStreaming: (source, opts = {}) => streamExecution(execute, source, opts),
    dispose() {
      disposed = true;
    },
  };
}
