/**
 * A spell session in a worker (the REPL's, in the CLI and in the page): one engine session and one spell API kept
 * between runs, so globals, agents, registered tools and hooks made by one entry are there for the next.
 *
 * Each entry is a run of its own as far as limits go: its own CPU, wall clock, output budget and cancel
 * ({@link openRunScope}, as for {@link runSpell}). The spell API sees the entry in progress through a runtime
 * whose clock, signal, limits and event sink follow the current entry. What the API counts across calls (model
 * calls and tokens against `maxModelCalls`/`maxRunTokens`, traced calls) is counted for the whole session, as
 * for one long run.
 */
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import type { EngineSession, ScriptEngine, SessionMode } from "@/lib/core/engine";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import { sandboxRules } from "@/lib/core/sandbox";
import { clampLimits } from "@/lib/core/limits";
import { SpellError } from "@/lib/core/errors";
import { createCpuMeter } from "@/lib/core/cpu-meter";
import type { LlmClient } from "@/lib/llm/types";
import { createSpellApi, type SpellRuntime, type StateStore } from "@/lib/spell";
import {
  createRegisteredEngine,
  failEarly,
  openRunScope,
  toSpellError,
  type RunScope,
  type RunSpellDeps,
} from "./run-spell";
import type { RunRequest } from "./types";

export interface SpellSession {
  readonly engine: string;
  /** False once the engine session is gone (an entry broke it, or `close`). */
  readonly alive: boolean;
  /** Run `request.source` in the session. Never rejects. */
  evaluate(request: RunRequest, deps: EntryDeps, mode: SessionMode): Promise<ExecutionResult>;
  close(): void;
}

/** What one entry needs from its worker: where its events go and how it is cancelled (as for a run). */
export type EntryDeps = Pick<RunSpellDeps, "emit" | "signal" | "pollCancel" | "cpu">;

export interface OpenSessionDeps {
  llm: LlmClient;
  state: StateStore;
  createEngine?: (name: string) => Promise<ScriptEngine>;
}

/**
 * Open a session for `request.engine` with the request's model, mock setting and args. Rejects with a SpellError
 * when the engine cannot be made or keeps no sessions.
 */
export async function openSpellSession(request: RunRequest, deps: OpenSessionDeps): Promise<SpellSession> {
  const engine = await (deps.createEngine ?? createRegisteredEngine)(request.engine);
  if (!engine.openSession) {
    engine.dispose();
    throw new SpellError("configuration", `the ${engine.name} engine does not keep sessions, so it has no REPL`);
  }
  // The entry in progress; between entries, a quiet scope (no events, an unaborted signal).
  const idle = new AbortController();
  let current: { scope: RunScope | null } = { scope: null };
  const limits = clampLimits(request.limits, sandboxRules(request.sandbox).limits);
  const idleCpu = createCpuMeter();
  const runtime: SpellRuntime = {
    // The entry's client: the worker's, or a recorder's over it when the entry records (the page's runs do).
    get llm() {
      return current.scope?.llm ?? deps.llm;
    },
    state: deps.state,
    emit: (event: RunEvent) => current.scope?.emitApiOutput(event),
    now: () => current.scope?.now() ?? 0,
    get signal() {
      return current.scope?.signal ?? idle.signal;
    },
    get limits() {
      return current.scope?.limits ?? limits;
    },
    get cpu() {
      return current.scope?.cpu ?? idleCpu;
    },
    // Read once, when the API is made: the tape of the entry that opens the session (a recorded run's).
    get tape() {
      return current.scope?.tape;
    },
    ...(request.sandbox ? { sandbox: request.sandbox } : {}),
    defaultModel: request.model ?? DEFAULT_MODEL,
    mockAll: request.mockAll,
    args: request.args,
    engine: engine.name,
    dialect: engine.dialect,
  };
  // Opened by the first entry, inside its scope, so a recorded first run records the API's set-up too.
  let session: EngineSession | null = null;
  let closed = false;
  const open = async (): Promise<EngineSession> =>
    (session ??= await engine.openSession!({
      api: createSpellApi(runtime),
      args: request.args,
      memoryLimitBytes: limits.memoryLimitBytes,
      chunkName: "spell",
    }));
  return {
    engine: engine.name,
    get alive() {
      return !closed && (session === null || session.alive);
    },
    async evaluate(entry, entryDeps, mode) {
      const scope = openRunScope({ ...entry, engine: engine.name }, { ...entryDeps, llm: deps.llm, state: deps.state });
      if ("early" in scope) return scope.early;
      current = { scope };
      try {
        const opened = await open();
        const result = await opened.evaluate(entry.source, mode, scope.executeOptions);
        return scope.finalize(result);
      } catch (err) {
        return failEarly(toSpellError(err, "runtime"), engine.name, scope.now, entryDeps.emit);
      } finally {
        current = { scope: null };
        scope.close();
      }
    },
    close() {
      closed = true;
      session?.close();
      engine.dispose();
    },
  };
}
