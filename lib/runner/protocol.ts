/**
 * The messages between a run controller and its worker: one protocol, two transports (a browser Web Worker and
 * a Node `worker_threads` worker). Every message is plain structured-cloneable data.
 *
 * controller → worker: `init`, `run`, `cancel`, `debug` (a debug run's actions, breakpoints and inspections)
 * worker → controller: `ready`, `heartbeat`, `event`, `debug` (paused, resumed, inspected), `profile`, `done`,
 * `fatal`
 */
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { Breakpoint, DebugAction, DebugPause } from "@/lib/core/debug";
import type { ProfileData } from "@/lib/core/profile";
import type { RunRequest } from "./types";

/** Start one run. `id` ties every later message to this run. */
export interface RunMessage {
  type: "run";
  id: number;
  request: RunRequest;
  /** A debug run with these breakpoints: the worker reports pauses and waits for `debug` actions. */
  debug?: { breakpoints: Breakpoint[]; pauseAtStart?: boolean };
  /** A profile run: the worker sends the `profile` before `done`. */
  profile?: boolean;
}

/** What a client reads in a paused run (answered by an `inspected` debug event with the same `req`). */
export type InspectRequest =
  | { op: "scopes"; frameId: number }
  | { op: "variables"; ref: number }
  | { op: "evaluate"; expression: string; frameId?: number };

export type DebugCommand =
  | { kind: "action"; action: DebugAction }
  | { kind: "breakpoints"; breakpoints: Breakpoint[] }
  | { kind: "pause" }
  | { kind: "inspect"; req: number; request: InspectRequest };

interface DebugCommandMessage {
  type: "debug";
  id: number;
  command: DebugCommand;
}

export type DebugEvent =
  { kind: "paused"; pause: DebugPause } | { kind: "resumed" } | { kind: "inspected"; req: number; result: unknown };

interface DebugEventMessage {
  type: "debug";
  id: number;
  event: DebugEvent;
}

interface ProfileMessage {
  type: "profile";
  id: number;
  profile: ProfileData;
}

/** Abort the run with this id inside the engine (the controller terminates the worker if that is not enough). */
interface CancelMessage {
  type: "cancel";
  id: number;
}

/** Sent once after spawn when the transport has shared memory: the cancel flag the controller writes to. */
interface InitMessage {
  type: "init";
  cancelFlag: Int32Array;
}

export type ControllerMessage = InitMessage | RunMessage | CancelMessage | DebugCommandMessage;

/** The worker has loaded its engine modules and accepts runs. */
interface ReadyMessage {
  type: "ready";
  /** Engines whose modules are loaded and warm. */
  engines: string[];
  /** How long loading took in the worker, in ms. */
  warmupMs: number;
}

/**
 * Sent on a timer while the worker's event loop is free. A worker that stays silent during a run is blocked in
 * spell code or a long C call; the controller uses this to notice a run the engine cannot stop by itself.
 */
interface HeartbeatMessage {
  type: "heartbeat";
  /** The running spell's CPU time so far (its meter), so the controller judges a run by CPU, not by messages. */
  cpuMs?: number;
}

/** A run event, in the order the engine produced it. */
interface EventMessage {
  type: "event";
  id: number;
  event: RunEvent;
}

/** The run finished (with a result or an error); no more messages for this id follow. */
export interface DoneMessage {
  type: "done";
  id: number;
  result: ExecutionResult;
}

/**
 * The worker is about to block its event loop on host work that is not the spell's (loading a heavy tool
 * module): the silence that follows is not a stuck spell, for at most {@link HOST_WORK_ALLOWANCE_MS}.
 */
interface HostWorkMessage {
  type: "host-work";
  id: number;
  /** What the host is doing, e.g. `loading mathjs`. */
  label: string;
}

/** Silence allowed after a `host-work` message, beyond the CPU limit and its grace. */
export const HOST_WORK_ALLOWANCE_MS = 15_000;

/** Something broke outside any spell (a module failed to load, a bad message). The worker may be unusable. */
interface FatalMessage {
  type: "fatal";
  /** The run it broke, when there was one. */
  id?: number;
  message: string;
}

export type WorkerMessage =
  | ReadyMessage
  | HeartbeatMessage
  | HostWorkMessage
  | EventMessage
  | DebugEventMessage
  | ProfileMessage
  | DoneMessage
  | FatalMessage;

/** How often the worker sends a heartbeat while idle or waiting, in ms. */
export const HEARTBEAT_INTERVAL_MS = 50;

const CONTROLLER_TYPES = new Set(["init", "run", "cancel", "debug"]);
const WORKER_TYPES = new Set(["ready", "heartbeat", "host-work", "event", "debug", "profile", "done", "fatal"]);

function hasType(value: unknown, types: Set<string>): value is { type: string } {
  return typeof value === "object" && value !== null && types.has((value as { type?: unknown }).type as string);
}

/** Narrow an incoming message in the worker; anything else is a protocol error. */
export function isControllerMessage(value: unknown): value is ControllerMessage {
  if (!hasType(value, CONTROLLER_TYPES)) return false;
  if (value.type === "init") return (value as Partial<InitMessage>).cancelFlag instanceof Int32Array;
  const m = value as Partial<RunMessage>;
  if (typeof m.id !== "number") return false;
  if (m.type === "run") return typeof m.request === "object" && m.request !== null;
  if ((value as { type: string }).type === "debug")
    return typeof (value as Partial<DebugCommandMessage>).command === "object";
  return true;
}

/** Narrow an incoming message in the controller. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return hasType(value, WORKER_TYPES);
}

/**
 * What a controller needs from a transport: post a message, hear messages and crashes, and kill the worker.
 * The browser and Node controllers each implement it once; everything else is shared.
 */
export interface WorkerTransport {
  post(message: ControllerMessage): void;
  /** Every message the worker sends. */
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** The worker died or threw outside a run (an uncaught error, out of memory, a failed load). */
  onCrash(listener: (reason: string) => void): void;
  /** Stop the worker at once, whatever it is doing. */
  terminate(): void;
  /**
   * Shared with the worker when the platform allows (always in Node; in browsers only when cross-origin
   * isolated): the controller stores a run's id here to cancel it even while the worker's thread is busy.
   */
  cancelFlag?: Int32Array;
}

/** What a worker needs from its side of the transport. */
export interface WorkerPort {
  post(message: WorkerMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}
