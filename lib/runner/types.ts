/**
 * The run controller: what the page and the CLI use to run a spell in a worker (a Web Worker in the browser,
 * a `worker_threads` worker in Node). One message protocol, two transports (`engines/host/`).
 */
import type { Breakpoint, DebugPause } from "@/lib/core/debug";
import type { ProfileData } from "@/lib/core/profile";
import type { DebugCommand, InspectRequest } from "./protocol";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import type { RunLimits } from "@/lib/core/limits";
import type { SandboxPreset } from "@/lib/core/sandbox";
import type { SessionMode } from "@/lib/core/engine";
import type { Recording } from "@/lib/recording/schema";

export interface RunRequest {
  /** Engine name: `lua`, `javascript`, or a registered plugin. */
  engine: string;
  source: string;
  args?: JsonValue;
  /** Limits for this run (clamped to the preset's: a spell may lower them, never raise them). */
  limits?: Partial<RunLimits>;
  /** The security preset (lib/core/sandbox.ts); `standard` when absent. */
  sandbox?: SandboxPreset;
  /** Default model for agents that name none, e.g. `mock/default`. */
  model?: string;
  /** Send every model call to the mock provider. */
  mockAll?: boolean;
  /** The user's own OpenAI key for this run (browser BYOK); sent only to our `/api/llm`, never logged. */
  byokKey?: string;
  /** Where `State` persists: an IndexedDB database name (browser) or a JSON file path (CLI). */
  stateNamespace?: string;
  /**
   * Run in a session kept in the worker (the REPL) instead of a fresh engine: `id` names it, `mode` says how
   * the source runs (`spell`: a whole spell, `entry`: one REPL entry), `fresh` starts a new session under that
   * id (closing the old one). The session opens with this request's engine, model, mock setting, args, memory
   * limit and State; later entries reuse those. The result's `session` facts tell whether it was kept.
   */
  session?: { id: string; mode: SessionMode; fresh?: boolean };
  /** Record the run: the result carries its {@link Recording}. */
  record?: boolean;
  /**
   * Replay a recording: every model call, embedding and non-deterministic tool is answered from it, with no
   * network; `speed` 1 is the recorded pace, 0 (the default) no waiting. A request that differs stops the run
   * with a `replay_diverged` error (its `data.step` names the call), unless the replay is a fork.
   */
  replay?: { recording: Recording; speed?: number; fork?: ReplayFork };
}

/**
 * "Fork at step N": replay the recorded calls before step N (all of them when `atStep` is unset) and answer every
 * other call live, from the mock provider in-process or from the real model; with `record`, the forked run is
 * recorded as a new recording.
 */
export interface ReplayFork {
  live: "mock" | "model";
  atStep?: number;
}

/** A debug or profile run (`RunController.run`'s third argument). */
export interface RunExtras {
  /** Debug the run: start with these breakpoints; hear its pauses and resumes. */
  debug?: {
    breakpoints: Breakpoint[];
    /** Pause at the first line (a step from the start). */
    pauseAtStart?: boolean;
    onPause(pause: DebugPause): void;
    onResume(): void;
  };
  /** Profile the run: the profile arrives before the result. */
  onProfile?: (profile: ProfileData) => void;
}
/** A run's result, with its recording when the request asked for one. */
export type RunResult = ExecutionResult & { recording?: Recording };

export interface RunController {
  /** Resolves when the warm worker has loaded its engines. */
  readonly ready: Promise<void>;
  /** Run one spell; events stream through `onEvent`; resolves with the final result (never rejects). */
  run(request: RunRequest, onEvent?: (event: RunEvent) => void, extras?: RunExtras): Promise<RunResult>;
  /** A debug run's action, breakpoints or pause request (ignored without one). */
  debug?(command: Exclude<DebugCommand, { kind: "inspect" }>): void;
  /** Read the paused debug run (scopes, variables, evaluate); resolves with the worker's answer. */
  inspect?(request: InspectRequest): Promise<unknown>;
  /**
   * Stop the current run: abort in-engine, and terminate + respawn the worker when the engine has not
   * stopped within 50 ms. The pending `run` resolves with a `cancelled` error.
   */
  cancel(): void;
  dispose(): void;
}
