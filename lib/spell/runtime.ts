/**
 * What the spell API needs from the place it runs in (a browser worker, a Node worker, a test):
 * how to call models, where State lives, where run events go, and the run's limits.
 */
import type { CallObserver } from "@/lib/core/call-observer";
import type { CpuMeter } from "@/lib/core/cpu-meter";
import type { SpellDialect } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent } from "@/lib/core/events";
import type { LlmClient, SamplingParams } from "@/lib/llm/types";
import type { RunLimits } from "../core/limits";
import type { SandboxPreset } from "../core/sandbox";

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

/**
 * A recorded run, as the spell API sees it (lib/recording implements it, recording or replaying): the clock the
 * spell reads, the seed of its random generator, and tool results that are not a pure function of their input.
 * Model calls need nothing here: a recording wraps the {@link LlmClient}.
 */
export interface RunTape {
  /** Seeds the spell's random generator (Lua `math.random`, JS `Math.random`) and the API's random ids. */
  readonly randomSeed: number;
  /** A clock value the spell reads: `live()` remembered when recording, the recorded value when replaying. */
  clock(kind: "time" | "cpu", live: () => number): number;
  /** A tool result that is not a pure function of `params`: `run()` remembered, or the recorded result. */
  tool(name: string, params: JsonValue, run: () => Promise<JsonValue>): Promise<JsonValue>;
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
  /** The run's security preset (`standard` when absent): which built-in tools exist for it. */
  sandbox?: SandboxPreset;
  /** The model used when a spell names none, e.g. "mock/default". */
  defaultModel: string;
  /** Send every model call to the mock provider ("mock every model" for demos and `--mock`). */
  mockAll?: boolean;
  /** Sampling parameters for model calls that set none of their own (the page's model settings, CLI flags). */
  modelDefaults?: SamplingParams;
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
  /** Set when the run is recorded or replayed. */
  tape?: RunTape;
}
