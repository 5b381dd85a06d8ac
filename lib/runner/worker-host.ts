/**
 * The worker side of the protocol, written once for both transports: warm the engines, run one spell at a time,
 * stream its events, honour cancel, and send heartbeats while a run is in progress.
 */
import { createCpuMeter } from "@/lib/core/cpu-meter";
import { observeModuleLoads } from "@/lib/tools";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { ScriptEngine } from "@/lib/core/engine";
import type { LlmClient } from "@/lib/llm/types";
import type { StateStore } from "@/lib/spell";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import {
  HEARTBEAT_INTERVAL_MS,
  isControllerMessage,
  type RunMessage,
  type WorkerMessage,
  type WorkerPort,
} from "./protocol";
import { runSpell, warmEngines } from "./run-spell";
import { createWorkerDebugBridge, type WorkerDebugBridge } from "./debug-bridge";
import { Profiler } from "@/lib/core/profile";
import { openSpellSession } from "./session";
import { createSessionTable } from "./session-table";
import type { RunRequest } from "./types";

export interface WorkerHostDeps {
  port: WorkerPort;
  /** The model client for a run (HTTP to /api/llm in the browser, direct providers in Node). */
  createLlm(request: RunRequest): LlmClient;
  /** Where `State` lives for a run; `warning` becomes a log line of that run (e.g. a fallback to memory). */
  createState(request: RunRequest): Promise<{ store: StateStore; warning?: string }>;
  /** Engine factory override (tests); the registry by default. */
  createEngine?: (name: string) => Promise<ScriptEngine>;
  /** Engines to pre-load; every registered engine by default. */
  warmEngineNames?: string[];
}

/** Start serving runs on `port`. Returns a promise that settles once the worker has sent `ready`. */
export function startWorkerHost(deps: WorkerHostDeps): Promise<void> {
  const { port } = deps;
  let current: { id: number; abort: AbortController; debug?: WorkerDebugBridge } | null = null;
  /** Shared cancel flag (the id of the last cancelled run), when the controller sent one. */
  let cancelFlag: Int32Array | undefined;

  const post = (message: WorkerMessage) => {
    try {
      port.post(message);
    } catch {
      // A value that cannot be cloned as is (a class instance in an event): send its JSON copy instead.
      port.post(JSON.parse(JSON.stringify(message)) as WorkerMessage);
    }
  };

  // A heavy tool module loading blocks this thread: tell the controller it is host work, not a stuck spell.
  observeModuleLoads((name) => {
    if (current) post({ type: "host-work", id: current.id, label: `loading ${name}` });
  });

  const t0 = performance.now();
  const warmed = warmEngines(deps.warmEngineNames, deps.createEngine).then(
    ({ loaded, failed }) => {
      for (const f of failed) post({ type: "fatal", message: `engine ${f.engine} failed to load: ${f.message}` });
      post({ type: "ready", engines: loaded, warmupMs: Math.round(performance.now() - t0) });
    },
    (err: unknown) => {
      post({ type: "fatal", message: `engines failed to load: ${err instanceof Error ? err.message : String(err)}` });
      post({ type: "ready", engines: [], warmupMs: Math.round(performance.now() - t0) });
    },
  );

  /** The run's State store; a store that cannot open falls back to memory, with a warning for the run. */
  async function openState(request: RunRequest): Promise<{ store: StateStore; warning?: string }> {
    try {
      return await deps.createState(request);
    } catch (err) {
      return {
        store: createMemoryStateStore(),
        warning: `State is kept in memory for this run: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }

  const sessions = createSessionTable({
    open: async (request, emit) => {
      const { store, warning } = await openState(request);
      if (warning) emit({ type: "log", level: "warn", text: warning, t: 0 });
      return openSpellSession(request, { llm: deps.createLlm(request), state: store, createEngine: deps.createEngine });
    },
  });

  async function handleRun(message: RunMessage): Promise<void> {
    const { id, request } = message;
    if (current) {
      post({ type: "done", id, result: busyResult(request.engine) });
      return;
    }
    const abort = new AbortController();
    const debug = message.debug
      ? createWorkerDebugBridge((event) => post({ type: "debug", id, event }), message.debug)
      : undefined;
    const profile = message.profile && !debug ? new Profiler("spell") : undefined;
    current = { id, abort, ...(debug ? { debug } : {}) };
    const cpu = createCpuMeter();
    const heartbeat = setInterval(() => post({ type: "heartbeat", cpuMs: cpu.elapsedMs() }), HEARTBEAT_INTERVAL_MS);
    try {
      await warmed;
      const emit = (event: RunEvent) => post({ type: "event", id, event });
      const entryDeps = {
        emit,
        signal: abort.signal,
        pollCancel: cancelFlag ? pollFlag(cancelFlag, id) : undefined,
        cpu,
      };
      if (request.session) {
        post({ type: "done", id, result: await sessions.run(request, request.session, entryDeps) });
        return;
      }
      const { store, warning } = await openState(request);
      if (warning) emit({ type: "log", level: "warn", text: warning, t: 0 });
      const result = await runSpell(request, {
        ...entryDeps,
        llm: deps.createLlm(request),
        state: store,
        createEngine: deps.createEngine,
        ...(debug ? { debug: debug.session } : {}),
        ...(profile ? { profile } : {}),
      });
      if (profile) post({ type: "profile", id, profile: profile.finish() });
      post({ type: "done", id, result: warning ? withLog(result, warning) : result });
    } catch (err) {
      post({ type: "fatal", id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      clearInterval(heartbeat);
      debug?.close();
      current = null;
    }
  }

  port.onMessage((raw) => {
    if (!isControllerMessage(raw)) {
      post({ type: "fatal", message: "the worker received a message it does not understand" });
      return;
    }
    if (raw.type === "init") {
      cancelFlag = raw.cancelFlag;
      return;
    }
    if (raw.type === "cancel") {
      if (current?.id === raw.id) {
        current.abort.abort();
        current.debug?.onCommand({ kind: "action", action: "stop" });
      }
      return;
    }
    if (raw.type === "debug") {
      if (current?.id === raw.id) current.debug?.onCommand(raw.command);
      return;
    }
    void handleRun(raw);
  });

  return warmed;
}

function pollFlag(flag: Int32Array, id: number): () => boolean {
  return () => Atomics.load(flag, 0) === id;
}

function busyResult(engine: string): ExecutionResult {
  return {
    ok: false,
    error: { kind: "configuration", message: "the worker is already running a spell" },
    logs: [],
    stats: { engine, durationMs: 0 },
  };
}

function withLog(result: ExecutionResult, text: string): ExecutionResult {
  return { ...result, logs: [{ level: "warn", text }, ...result.logs] };
}
