/**
 * The run store: owns one run controller (a pre-warmed engine worker), starts and stops runs, and folds
 * their events into console lines, a trace tree, a live token count and elapsed time.
 *
 * The controller factory is injected so tests (and /embed) can pass their own.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ExecutionResult, RunEvent, TraceEvent } from "@/lib/core/events";
import type { Recording } from "@/lib/recording/schema";
import type { InspectRequest, DebugCommand } from "@/lib/runner/protocol";
import type { RunController, RunExtras, RunRequest, RunResult } from "@/lib/runner/types";
import type { RunHistoryEntry } from "./run-history";
import { applyRunEvent, clearConsoleLines, countTokens, createRunView, type RunView } from "./run-view";

type RunStatus = "idle" | "running" | "done" | "failed" | "cancelled";

interface RunState {
  status: RunStatus;
  /** Increments per run; events of an older run are ignored. */
  runId: number;
  view: RunView;
  /** Date.now() when the run started / ended. */
  startedAt: number | null;
  endedAt: number | null;
  tokens: { input: number; output: number; live: number };
  /** Engine warm-up: "warming" until the controller says ready, "failed" when it could not start. */
  engine: "warming" | "ready" | "failed";
  engineError?: string;
  /** What the last run ran (for the error marker: it applies only to the same language). */
  lastRequest: RunRequest | null;
  /** The last run's recording (the page records every run), to share or replay. */
  recording: Recording | null;
  /** Show a trace read from a file (an OTLP import) in place of the last run's. */
  showTrace(events: TraceEvent[], label: string): void;
  /** Reopen a run from the history into the panels (console, trace, result), as it ended. */
  showPast(entry: RunHistoryEntry): void;
  /** `extras`: a debug or profile run (the debug store passes them). */
  run(request: RunRequest, extras?: RunExtras): Promise<ExecutionResult | null>;
  /** A debug run's command (an action, breakpoints, a pause request). */
  debug(command: Exclude<DebugCommand, { kind: "inspect" }>): void;
  /** Read the paused debug run. */
  inspect(request: InspectRequest): Promise<unknown>;
  /** The store's run controller (started on first use): the REPL prompt runs its entries on the same worker. */
  controller(): Promise<RunController>;
  stop(): void;
  clearConsole(): void;
  dispose(): void;
}

export interface RunStoreOptions {
  createController: () => RunController | Promise<RunController>;
  /** How event batches are flushed to subscribers. Default: one animation frame (or 16 ms). */
  schedule?: (flush: () => void) => void;
  now?: () => number;
}

export type RunStore = StoreApi<RunState>;

function defaultSchedule(flush: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
}

export function createRunStore(options: RunStoreOptions): RunStore {
  const schedule = options.schedule ?? defaultSchedule;
  const now = options.now ?? (() => Date.now());
  let controller: RunController | null = null;
  let controllerPromise: Promise<RunController> | null = null;
  // The view being built by the current run; published copies go to subscribers on flush.
  let working: RunView = createRunView();
  let flushQueued = false;

  const getController = (): Promise<RunController> => {
    if (controller) return Promise.resolve(controller);
    if (!controllerPromise) {
      controllerPromise = Promise.resolve()
        .then(() => options.createController())
        .then((c) => {
          controller = c;
          c.ready.then(
            () => store.setState({ engine: "ready", engineError: undefined }),
            (err: unknown) => store.setState({ engine: "failed", engineError: errorText(err) }),
          );
          return c;
        })
        .catch((err: unknown) => {
          controllerPromise = null;
          store.setState({ engine: "failed", engineError: errorText(err) });
          throw err;
        });
    }
    return controllerPromise;
  };

  const publish = () => {
    flushQueued = false;
    store.setState({
      view: { ...working, lines: [...working.lines], roots: [...working.roots], nodes: { ...working.nodes } },
      tokens: countTokens(working),
    });
  };
  const queueFlush = () => {
    if (flushQueued) return;
    flushQueued = true;
    schedule(publish);
  };

  const store = createStore<RunState>()((set, get) => ({
    status: "idle",
    runId: 0,
    view: createRunView(),
    startedAt: null,
    endedAt: null,
    tokens: { input: 0, output: 0, live: 0 },
    engine: "warming",
    lastRequest: null,
    recording: null,

    showTrace(events, label) {
      if (get().status === "running") get().stop();
      working = createRunView();
      applyRunEvent(working, { type: "log", level: "info", text: label, t: 0 });
      for (const e of events) applyRunEvent(working, e);
      publish();
      set({ status: "done", runId: get().runId + 1, startedAt: null, endedAt: null, recording: null });
    },

    showPast(entry) {
      if (get().status === "running") get().stop();
      working = {
        ...createRunView({ mockAll: entry.mockAll }),
        lines: [...entry.lines],
        nodes: entry.nodes,
        roots: entry.roots,
        ...(entry.result ? { result: entry.result } : {}),
        ...(entry.error ? { error: entry.error } : {}),
        lastT: entry.durationMs,
        nextLineId: Math.max(0, ...entry.lines.map((l) => l.id)) + 1,
      };
      publish();
      set({
        status: entry.status,
        runId: get().runId + 1,
        startedAt: entry.at,
        endedAt: entry.at + entry.durationMs,
        lastRequest: { engine: entry.language, source: entry.source, model: entry.model, mockAll: entry.mockAll },
        recording: entry.recording ?? null,
      });
    },

    async run(request, extras) {
      if (get().status === "running") get().stop();
      const runId = get().runId + 1;
      // Keep the console's lines of earlier runs? No: each run starts clean, like every playground.
      working = createRunView({ mockAll: request.mockAll === true });
      set({
        status: "running",
        runId,
        view: createRunView({ mockAll: request.mockAll === true }),
        startedAt: now(),
        endedAt: null,
        tokens: { input: 0, output: 0, live: 0 },
        lastRequest: request,
        recording: null,
      });
      let c: RunController;
      try {
        c = await getController();
      } catch (err) {
        if (get().runId !== runId) return null;
        const message = `The engine could not start: ${errorText(err)}`;
        applyRunEvent(working, {
          type: "error",
          error: { kind: "configuration", message },
          stats: { engine: request.engine, durationMs: 0 },
        });
        publish();
        set({ status: "failed", endedAt: now() });
        return null;
      }
      if (get().runId !== runId) return null;
      const onEvent = (event: RunEvent) => {
        if (get().runId !== runId) return;
        applyRunEvent(working, event);
        queueFlush();
      };
      const result: RunResult = await c.run(request, onEvent, extras);
      if (get().runId !== runId) return result;
      // Engines send a final result/error event; make sure the view has it even if one did not.
      if (!working.result && !working.error) {
        applyRunEvent(
          working,
          result.ok
            ? { type: "result", value: result.value, stats: result.stats }
            : { type: "error", error: result.error, stats: result.stats },
        );
      }
      publish();
      const status: RunStatus = result.ok ? "done" : result.error.kind === "cancelled" ? "cancelled" : "failed";
      set({ status, endedAt: now(), recording: result.recording ?? null });
      return result;
    },

    debug(command) {
      controller?.debug?.(command);
    },

    inspect(request) {
      return controller?.inspect?.(request) ?? Promise.resolve({ error: "the run is not paused" });
    },

    controller: getController,

    stop() {
      if (get().status !== "running") return;
      controller?.cancel();
      // The controller resolves the pending run with a `cancelled` error; show the stop at once regardless.
      const runId = get().runId + 1;
      const stoppedAt = now();
      const startedAt = get().startedAt ?? stoppedAt;
      if (!working.error && !working.result) {
        applyRunEvent(working, {
          type: "error",
          error: { kind: "cancelled", message: "Stopped by you." },
          stats: { engine: get().lastRequest?.engine ?? "", durationMs: stoppedAt - startedAt },
        });
      }
      publish();
      set({ status: "cancelled", runId, endedAt: stoppedAt });
    },

    clearConsole() {
      clearConsoleLines(working);
      publish();
    },

    dispose() {
      controller?.dispose();
      controller = null;
      controllerPromise = null;
    },
  }));

  return Object.assign(store, { warm: () => getController().catch(() => undefined) });
}

/** Start the controller now (pre-warm) so the first run does not wait for the engine. */
export function warmRunStore(store: RunStore): void {
  (store as RunStore & { warm?: () => void }).warm?.();
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
