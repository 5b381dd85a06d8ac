/**
 * The run controller, written once over any {@link WorkerTransport}: the browser and Node controllers only say
 * how to spawn a worker.
 *
 * Policy (documented in the RunController contract's spirit):
 * - One run at a time. Calling `run` while a run is active cancels that run (it resolves with a `cancelled`
 *   error) and the new run starts as soon as a worker is free. A run waiting for a worker that is itself
 *   superseded resolves `cancelled` at once.
 * - `cancel` posts an in-engine abort; if the worker has not reported `done` within `cancelGraceMs` (50 ms), the
 *   worker is terminated, the run resolves `cancelled`, and a pre-warmed spare worker takes over at once.
 * - A worker that stays silent (no heartbeat) for longer than the run's CPU limit plus a grace is stuck in a
 *   call the engine cannot interrupt: it is terminated and the run resolves with a `timeout` error. The same
 *   happens past the wall-clock limit plus a grace.
 * - A debug run paused at a breakpoint is never stuck: while paused the watchdog waits, and paused time does not
 *   count against the wall clock (the worker's engine stops its own clocks too).
 * - A worker that crashes resolves the active run with a `runtime` error (`memory` when it ran out of memory)
 *   and is replaced.
 */
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import type { ExecutionResult, LogEntry, RunEvent } from "@/lib/core/events";
import type { SpellErrorData } from "@/lib/core/errors";
import { clampLimits, type RunLimits } from "@/lib/core/limits";
import { sandboxRules } from "@/lib/core/sandbox";
import { HOST_WORK_ALLOWANCE_MS, type DebugEvent, type WorkerMessage, type WorkerTransport } from "./protocol";
import type { RunController, RunExtras, RunRequest } from "./types";

export interface RunControllerOptions {
  /** Start a new worker. Called once at creation, again for the spare, and after every terminate or crash. */
  spawn: () => WorkerTransport;
  /** Keep a second, pre-warmed worker so a terminated worker is replaced at once. Default true. */
  spare?: boolean;
  /** How long an in-engine cancel may take before the worker is terminated. Default 50 ms. */
  cancelGraceMs?: number;
  /** Silence past the CPU limit before a run counts as stuck. Default 500 ms. */
  stallGraceMs?: number;
  /** Time past the wall-clock limit before the worker is terminated. Default 1000 ms. */
  wallGraceMs?: number;
  /** Workers that die before becoming ready, in a row, before the controller gives up. Default 3. */
  maxStartFailures?: number;
  /** Notified of host-side incidents (terminations, crashes, respawns), for logs and tests. */
  onIncident?: (incident: ControllerIncident) => void;
}

export type ControllerIncident =
  | { type: "terminated"; reason: "cancel" | "stall" | "wall" | "dispose" }
  | { type: "crashed"; message: string }
  | { type: "spawned"; role: "primary" | "spare" }
  | { type: "ready"; engines: string[]; warmupMs: number };

interface Slot {
  transport: WorkerTransport;
  ready: Promise<void>;
  isReady: boolean;
  dead: boolean;
  lastHeard: number;
  markReady: () => void;
  /** Settles `ready` for a worker that died before it was ready. */
  markDead: () => void;
}

interface ActiveRun {
  id: number;
  slot: Slot;
  engine: string;
  limits: RunLimits;
  startedAt: number;
  logs: LogEntry[];
  onEvent?: (event: RunEvent) => void;
  resolve: (result: ExecutionResult) => void;
  cancelTimer?: ReturnType<typeof setTimeout>;
  watchdog: ReturnType<typeof setInterval>;
  /** Until when the worker's silence is host work it announced (a module load), not a stuck spell. */
  hostWorkUntil?: number;
  /** The spell's CPU time as the worker's last heartbeat reported it. */
  cpuMs?: number;
  extras?: RunExtras;
  /** A debug run: since when it is paused (undefined while running), and how long it was paused before. */
  pausedSince?: number;
  pausedMs: number;
  inspections: Map<number, (result: unknown) => void>;
}

interface WaitingRun {
  request: RunRequest;
  extras?: RunExtras;
  onEvent?: (event: RunEvent) => void;
  resolve: (result: ExecutionResult) => void;
  /** Resolved already (cancelled or superseded while it waited). */
  settled: boolean;
}

/** Call the caller's event listener; its exceptions must not break the controller (or crash Node). */
function deliver(onEvent: ((event: RunEvent) => void) | undefined, event: RunEvent) {
  if (!onEvent) return;
  try {
    onEvent(event);
  } catch (err) {
    console.error("llmspell: a run event listener threw:", err);
  }
}

export function createRunController(options: RunControllerOptions): RunController {
  const cancelGraceMs = options.cancelGraceMs ?? 50;
  const stallGraceMs = options.stallGraceMs ?? 500;
  const wallGraceMs = options.wallGraceMs ?? 1000;
  const maxStartFailures = options.maxStartFailures ?? 3;
  const useSpare = options.spare ?? true;
  const incident = (i: ControllerIncident) => options.onIncident?.(i);

  let seq = 0;
  let inspectSeq = 0;
  let disposed = false;
  let startFailures = 0;
  let broken: string | null = null;
  let active: ActiveRun | null = null;
  /** The next run, waiting for the active one to end. */
  let waiting: WaitingRun | null = null;
  /** A run waiting for a worker to become ready (no run is active meanwhile). */
  let starting: WaitingRun | null = null;
  let spare: Slot | null = null;

  let resolveFirstReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveFirstReady = resolve));

  function spawnSlot(role: "primary" | "spare"): Slot {
    let markReady!: () => void;
    let markDead!: () => void;
    const readyPromise = new Promise<void>((resolve) => {
      markReady = resolve;
      markDead = resolve;
    });
    const transport = options.spawn();
    const slot: Slot = {
      transport,
      ready: readyPromise,
      isReady: false,
      dead: false,
      lastHeard: performance.now(),
      markReady,
      markDead,
    };
    transport.onMessage((m) => onWorkerMessage(slot, m));
    transport.onCrash((reason) => onWorkerCrash(slot, reason));
    if (transport.cancelFlag) transport.post({ type: "init", cancelFlag: transport.cancelFlag });
    incident({ type: "spawned", role });
    return slot;
  }

  let primary: Slot = spawnSlot("primary");

  function ensureSpare() {
    if (!useSpare || disposed || broken || spare) return;
    spare = spawnSlot("spare");
  }

  function onWorkerMessage(slot: Slot, m: WorkerMessage) {
    if (slot.dead) return;
    slot.lastHeard = performance.now();
    switch (m.type) {
      case "ready":
        slot.isReady = true;
        startFailures = 0;
        slot.markReady();
        incident({ type: "ready", engines: m.engines, warmupMs: m.warmupMs });
        if (slot === primary) {
          resolveFirstReady();
          ensureSpare();
        }
        return;
      case "heartbeat":
        if (active && active.slot === slot && typeof m.cpuMs === "number") active.cpuMs = m.cpuMs;
        return;
      case "host-work":
        if (active && active.slot === slot && active.id === m.id)
          active.hostWorkUntil = performance.now() + HOST_WORK_ALLOWANCE_MS;
        return;
      case "event":
        if (active && active.slot === slot && active.id === m.id) {
          if (m.event.type === "log") active.logs.push({ level: m.event.level, text: m.event.text });
          deliver(active.onEvent, m.event);
        }
        return;
      case "debug":
        if (active && active.slot === slot && active.id === m.id) onDebugEvent(active, m.event);
        return;
      case "profile":
        if (active && active.slot === slot && active.id === m.id) active.extras?.onProfile?.(m.profile);
        return;
      case "done":
        if (active && active.slot === slot && active.id === m.id) settle(m.result);
        return;
      case "fatal":
        if (m.id !== undefined && active && active.slot === slot && active.id === m.id) {
          // The run broke outside the spell; the worker may be in a bad state, so replace it (first: see crash).
          replace(slot, "stall");
          settleWithError({ kind: "runtime", message: `the engine host failed: ${m.message}` });
        }
        return;
    }
  }

  function onDebugEvent(run: ActiveRun, event: DebugEvent) {
    const now = performance.now();
    switch (event.kind) {
      case "paused":
        run.pausedSince = now;
        run.extras?.debug?.onPause(event.pause);
        return;
      case "resumed":
        if (run.pausedSince !== undefined) run.pausedMs += now - run.pausedSince;
        run.pausedSince = undefined;
        run.extras?.debug?.onResume();
        return;
      case "inspected":
        run.inspections.get(event.req)?.(event.result);
        run.inspections.delete(event.req);
        return;
    }
  }

  function onWorkerCrash(slot: Slot, reason: string) {
    if (slot.dead) return;
    slot.dead = true;
    slot.markDead();
    // A browser worker survives an uncaught error; it is no longer trusted either way.
    slot.transport.terminate();
    incident({ type: "crashed", message: reason });
    if (!slot.isReady) startFailures++;
    if (startFailures >= maxStartFailures)
      broken = `the engine worker failed to start ${startFailures} times: ${reason}`;
    // Replace the worker before settling: settling starts the next waiting run, which must not get this one.
    if (slot === spare) {
      spare = null;
      ensureSpare();
    } else if (slot === primary) {
      promote();
    }
    if (active && active.slot === slot) {
      const memory = /out of memory|ERR_WORKER_OUT_OF_MEMORY|allocation failed/i.test(reason);
      settleWithError({
        kind: memory ? "memory" : "runtime",
        message: `the engine worker crashed (${reason}); a fresh one was started`,
      });
    }
    if (broken) {
      resolveFirstReady();
      failWaiting();
    }
  }

  /** Put the spare (or a new worker) in the primary's place and start a new spare. */
  function promote() {
    if (disposed || broken) return;
    if (spare) {
      primary = spare;
      spare = null;
    } else {
      primary = spawnSlot("primary");
    }
    void primary.ready.then(() => {
      if (primary.isReady) resolveFirstReady();
    });
    ensureSpare();
  }

  /** Terminate a worker and put a fresh one in its place. */
  function replace(slot: Slot, reason: "cancel" | "stall" | "wall" | "dispose") {
    if (slot.dead) return;
    slot.dead = true;
    slot.markDead();
    slot.transport.terminate();
    incident({ type: "terminated", reason });
    if (slot === spare) spare = null;
    if (slot === primary) promote();
  }

  function hostError(
    run: ActiveRun | WaitingRun,
    error: SpellErrorData,
    logs: LogEntry[],
    durationMs: number,
  ): ExecutionResult {
    const engine = "engine" in run ? run.engine : run.request.engine;
    const stats = { engine, durationMs: Math.round(durationMs * 1000) / 1000 };
    deliver(run.onEvent, { type: "error", error, stats });
    return { ok: false, error, logs, stats };
  }

  function settleWithError(error: SpellErrorData) {
    if (!active) return;
    settle(hostError(active, error, active.logs, performance.now() - active.startedAt));
  }

  function settle(result: ExecutionResult) {
    const run = active;
    if (!run) return;
    active = null;
    clearInterval(run.watchdog);
    if (run.cancelTimer) clearTimeout(run.cancelTimer);
    for (const answer of run.inspections.values()) answer({ error: "the run ended" });
    if (run.pausedSince !== undefined) run.extras?.debug?.onResume();
    run.resolve(result);
    startNext();
  }

  function startNext() {
    if (active || starting || !waiting) return;
    const next = waiting;
    waiting = null;
    void begin(next);
  }

  /** Resolve a run that never reached a worker. */
  function resolveUnstarted(run: WaitingRun, error: SpellErrorData) {
    if (run.settled) return;
    run.settled = true;
    run.resolve(hostError(run, error, [], 0));
  }

  function failWaiting() {
    const message = broken ?? "the run controller was disposed";
    for (const run of [waiting, starting]) if (run) resolveUnstarted(run, { kind: "configuration", message });
    waiting = null;
    starting = null;
  }

  async function begin(run: WaitingRun): Promise<void> {
    starting = run;
    // Wait for a ready worker; if the one we waited on died meanwhile, wait on its replacement.
    while ((!primary.isReady || primary.dead) && !broken && !disposed && !run.settled) {
      await primary.ready;
    }
    if (starting === run) starting = null;
    if (run.settled || disposed || broken) {
      resolveUnstarted(run, { kind: "configuration", message: broken ?? "the run controller was disposed" });
      startNext();
      return;
    }
    const slot = primary;
    const id = ++seq;
    const limits = clampLimits(run.request.limits, sandboxRules(run.request.sandbox).limits);
    const startedAt = performance.now();
    slot.lastHeard = startedAt;
    const current: ActiveRun = {
      id,
      slot,
      engine: run.request.engine,
      limits,
      startedAt,
      logs: [],
      onEvent: run.onEvent,
      ...(run.extras ? { extras: run.extras } : {}),
      pausedMs: 0,
      inspections: new Map(),
      resolve: (result) => {
        run.settled = true;
        run.resolve(result);
      },
      watchdog: setInterval(() => checkStuck(current), 25),
    };
    active = current;
    try {
      const debug = run.extras?.debug;
      slot.transport.post({
        type: "run",
        id,
        request: run.request,
        ...(debug ? { debug: { breakpoints: debug.breakpoints, pauseAtStart: debug.pauseAtStart } } : {}),
        ...(run.extras?.onProfile && !debug ? { profile: true } : {}),
      });
    } catch (err) {
      // A request that cannot be cloned (a function in args, say) never reaches the worker.
      settleWithError({
        kind: "configuration",
        message: `the run request cannot be sent to the engine worker: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  function checkStuck(run: ActiveRun) {
    if (active !== run) return;
    // A paused debug run waits for its user: its worker is idle on purpose.
    if (run.pausedSince !== undefined) return;
    const now = performance.now();
    const hostWork = run.hostWorkUntil !== undefined && now < run.hostWorkUntil;
    if ((run.cpuMs ?? 0) > run.limits.timeoutMs + stallGraceMs) {
      // The worker still talks (logs, heartbeats) but its spell is past the CPU limit and the engine has not
      // stopped it: progress is judged by CPU, not by messages.
      replace(run.slot, "stall");
      settleWithError({ kind: "timeout", message: STOP_MESSAGES.cpu(run.limits.timeoutMs) });
    } else if (!hostWork && now - run.slot.lastHeard > run.limits.timeoutMs + stallGraceMs) {
      replace(run.slot, "stall");
      settleWithError({
        kind: "timeout",
        message: `the spell ran past its CPU limit of ${run.limits.timeoutMs} ms inside a call the engine cannot interrupt`,
      });
    } else if (now - run.startedAt - run.pausedMs > run.limits.wallTimeoutMs + wallGraceMs) {
      replace(run.slot, "wall");
      settleWithError({
        kind: "timeout",
        message: STOP_MESSAGES.wall(run.limits.wallTimeoutMs),
      });
    }
  }

  function cancelActive(reason: string) {
    const run = active;
    if (!run || run.cancelTimer) return;
    const flag = run.slot.transport.cancelFlag;
    if (flag) Atomics.store(flag, 0, run.id);
    run.slot.transport.post({ type: "cancel", id: run.id });
    run.cancelTimer = setTimeout(() => {
      if (active !== run) return;
      replace(run.slot, "cancel");
      settleWithError({ kind: "cancelled", message: reason });
    }, cancelGraceMs);
  }

  return {
    ready,
    run(request, onEvent, extras) {
      return new Promise<ExecutionResult>((resolve) => {
        const entry: WaitingRun = { request, onEvent, resolve, settled: false, ...(extras ? { extras } : {}) };
        if (disposed || broken) {
          resolveUnstarted(entry, { kind: "configuration", message: broken ?? "the run controller was disposed" });
          return;
        }
        const superseded = { kind: "cancelled" as const, message: "a newer run replaced this one" };
        if (waiting) resolveUnstarted(waiting, superseded);
        if (starting) resolveUnstarted(starting, superseded);
        if (active || starting) {
          waiting = entry;
          cancelActive(superseded.message);
          return;
        }
        void begin(entry);
      });
    },
    debug(command) {
      if (active?.extras?.debug) active.slot.transport.post({ type: "debug", id: active.id, command });
    },
    inspect(request) {
      const run = active;
      if (!run?.extras?.debug || run.pausedSince === undefined)
        return Promise.resolve({ error: "the run is not paused" });
      const req = ++inspectSeq;
      return new Promise((resolve) => {
        run.inspections.set(req, resolve);
        run.slot.transport.post({ type: "debug", id: run.id, command: { kind: "inspect", req, request } });
      });
    },
    cancel() {
      const cancelled = { kind: "cancelled" as const, message: "the run was cancelled" };
      if (waiting) resolveUnstarted(waiting, cancelled);
      waiting = null;
      if (starting) resolveUnstarted(starting, cancelled);
      cancelActive("the run was cancelled");
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (active) settleWithError({ kind: "cancelled", message: "the run controller was disposed" });
      failWaiting();
      for (const slot of [primary, spare]) {
        if (slot && !slot.dead) {
          slot.dead = true;
          slot.markDead();
          slot.transport.terminate();
        }
      }
      spare = null;
      resolveFirstReady();
    },
  };
}
