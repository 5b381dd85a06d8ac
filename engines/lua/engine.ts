/**
 * The Lua engine (Lua 5.4 through wasmoon). The wasm module is loaded once per JS module and kept warm; every
 * `execute` gets a fresh Lua state (sandbox, API and limits set up from scratch), closed when the run ends, so
 * nothing a spell does outlives its run.
 */
import { LuaFactory } from "wasmoon";
import { LUA_DIALECT } from "../../lib/core/dialect";
import type { EngineConfig, EngineSession, ExecuteOptions, ScriptEngine } from "../../lib/core/engine";
import { SpellError } from "../../lib/core/errors";
import type { ExecutionResult, RunEvent } from "../../lib/core/events";
import { closedSessionResult, disposedEngineResult, streamExecution } from "../../lib/core/run-output";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import { luaApiFor, type EmscriptenModule, type LuaApi } from "./lua-api";
import { LUA_FEATURES } from "./plugin";
import { LuaRun } from "./run";

interface Loaded {
  factory: LuaFactory;
  api: LuaApi;
}

let loading: Promise<Loaded> | null = null;

/** A page or a Web Worker (classic or module); not Node, not Node's worker_threads. */
export function isBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; WorkerGlobalScope?: unknown };
  if (typeof g.window === "object" && g.window !== null && typeof g.window.document !== "undefined") return true;
  if (typeof g.WorkerGlobalScope === "function") return true;
  return false;
}

/**
 * Where the wasm comes from: in a browser our own bundled asset (never a CDN: given no URL, wasmoon would fetch
 * it from a public package CDN); in Node, wasmoon finds the file beside its own module.
 */
export function resolveWasmUrl(config?: EngineConfig): string | undefined {
  if (config?.wasmUrl) return config.wasmUrl;
  if (!isBrowser()) return undefined;
  return new URL("wasmoon/dist/glue.wasm", import.meta.url).href;
}

/** Load the wasm module once (later calls reuse it; a failed load is retried on the next call). */
function loadLua(config?: EngineConfig): Promise<Loaded> {
  if (!loading) {
    loading = (async () => {
      const factory = new LuaFactory(resolveWasmUrl(config));
      const wasm = await factory.getLuaModule();
      return { factory, api: luaApiFor(wasm.module as unknown as EmscriptenModule) };
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

class LuaScriptEngine implements ScriptEngine {
  readonly name = "lua";
  readonly dialect = LUA_DIALECT;
  readonly features = LUA_FEATURES;
  private disposed = false;
  private readonly active = new Set<LuaRun>();

  constructor(private readonly loaded: Loaded) {}

  private newState() {
    return this.loaded.factory.createEngine({
      openStandardLibs: true,
      injectObjects: false,
      enableProxy: false,
      traceAllocations: true,
    });
  }

  async execute(source: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
    if (this.disposed) return disposedEngineResult("lua", opts.onEvent);
    const run = new LuaRun(await this.newState(), this.loaded.api, opts);
    this.active.add(run);
    try {
      return await run.execute(source);
    } finally {
      this.active.delete(run);
    }
  }

  /** One Lua state kept open between entries; a run stopped by a limit leaves it usable (its thread is dropped). */
  async openSession(opts: ExecuteOptions = {}): Promise<EngineSession> {
    if (this.disposed) throw new SpellError("configuration", STOP_MESSAGES.disposed(), { engine: "lua" });
    const run = new LuaRun(await this.newState(), this.loaded.api, opts);
    const failed = await run.openSession();
    if (failed) {
      run.closeSession();
      throw SpellError.from(failed);
    }
    this.active.add(run);
    const active = this.active;
    return {
      get alive() {
        return run.alive;
      },
      evaluate: (source, mode, entryOpts) =>
        run.alive ? run.evaluate(source, mode, entryOpts) : Promise.resolve(closedSessionResult(entryOpts.onEvent)),
      close() {
        active.delete(run);
        run.closeSession();
      },
    };
  }

  executeStreaming(source: string, opts: ExecuteOptions = {}): AsyncIterable<RunEvent> {
    return streamExecution((s, o) => this.execute(s, o), source, opts);
  }

  dispose(): void {
    this.disposed = true;
    for (const run of this.active) run.abort();
  }
}

/** A fresh Lua engine; the first call loads the wasm (~30–60 ms), later ones take microseconds. */
export async function createLuaEngine(config?: EngineConfig): Promise<ScriptEngine> {
  return new LuaScriptEngine(await loadLua(config));
}
