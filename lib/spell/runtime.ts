/**
 * What the spell API needs from the place it runs in (a browser worker, a Node worker, a test):
 * how to call models, where State lives, where run events go, and the run's limits.
 */
import type { CallObserver } from "@/lib/core/call-observer";
import type { CpuMeter } from "@/lib/core/cpu-meter";
import type { SpellDialect } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent } from "@/lib/core/events";
import type { LlmClient } from "@/lib/llm/types";
import type { RunLimits } from "../core/limits";

/** Where `State` keeps its values. In memory by default; IndexedDB in the browser; a JSON file in the CLI. */
export interface StateStore {
  get(scope: string, key: string): Promise<JsonValue | undefined>;
  set(scope: string, key: string, value: JsonValue): Promise<void>;
  delete(scope: string, key: string): Promise<boolean>;
  keys(scope: string): Promise<string[]>;
  /** Every scope and key, for the State panel. */
  entries(): Promise<{ scope: string; key: string; value: JsonValue }[]>;
  clear(): Promise<void>;
}

export interface SpellRuntime {
  llm: LlmClient;
  state: StateStore;
  /** Trace and stream events (the engine emits logs and the final result itself). */
  emit(event: RunEvent): void;
  /** ms since the run started, the clock every event uses. */
  now(): number;
  signal: AbortSignal;
  limits: RunLimits;
  /** The model used when a spell names none, e.g. "mock/default". */
  defaultModel: string;
  /** Send every model call to the mock provider ("mock every model" for demos and `--mock`). */
  mockAll?: boolean;
  /** Script arguments (`ARGS`). */
  args?: JsonValue;
  /** The name of the engine running the spell (`Config.getDefaultEngine()` reports it). */
  engine: string;
  /** The language the engine speaks: the API reads it for preludes, list positions and type words. */
  dialect: SpellDialect;
  /** The run's CPU meter, shared with the engine: host work done for the spell (tools) is charged to it. */
  cpu?: CpuMeter;
  /** Watches every traced call (a debugger pausing at agents and tools, a profiler timing waits). */
  calls?: CallObserver;
}
