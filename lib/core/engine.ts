/**
 * The one interface every script engine implements, and the API surface it injects.
 *
 * Nothing here names a concrete engine. `lib/spell/` builds an {@link ApiSurface} (the spell API as a tree of
 * host functions over JSON-shaped values) and every engine injects it with a thin prelude of its own idioms.
 */
import type { SpellDialect, SpellLanguage } from "./dialect";
import type { CpuMeter } from "./cpu-meter";
import type { OutputMeter } from "./run-output";
import type { JsonValue } from "./json";
import type { ExecutionResult, RunEvent } from "./events";
import type { DebugSession } from "./debug";
import type { Profiler } from "./profile";
import type { SandboxPreset } from "./sandbox";

/**
 * A script function handed to the host (a hook callback, a `Tool.register` execute, a stream callback).
 * Calling it runs the script function inside its engine and resolves with its JSON-shaped return value;
 * an error raised by the script rejects with a {@link SpellError}.
 */
export interface SpellFunction {
  readonly __spellFunction: true;
  call(...args: JsonValue[]): Promise<JsonValue>;
}

export function isSpellFunction(v: unknown): v is SpellFunction {
  return typeof v === "object" && v !== null && (v as { __spellFunction?: unknown }).__spellFunction === true;
}

/**
 * A reference to a host object (an agent, a builder, a workflow, a stream...). Engines wrap it into a script
 * object whose methods are the class's methods in {@link ApiSurface.classes}: `obj:m(a)` in Lua and
 * `obj.m(a)` in JavaScript call `classes[$class].methods.m(handle, [a])`.
 */
export interface HandleRef {
  $handle: number;
  $class: string;
}

export function isHandleRef(v: unknown): v is HandleRef {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as HandleRef).$handle === "number" &&
    typeof (v as HandleRef).$class === "string"
  );
}

/** What an argument or return value of a host function may be. */
export type HostValue =
  null | undefined | boolean | number | string | SpellFunction | HandleRef | HostValue[] | { [key: string]: HostValue };

/**
 * A host function. Arguments arrive converted from the script (tables/objects to JSON, script functions to
 * {@link SpellFunction}, wrapped handles back to {@link HandleRef}). A Promise return suspends Lua (it looks
 * synchronous) and becomes a Promise in JavaScript. Throwing a {@link SpellError} raises it in the script.
 */
export type HostFunction = (args: HostValue[]) => HostValue | Promise<HostValue>;

/** A method of a host class: called with the handle of the receiver. */
export type HostMethod = (self: HandleRef, args: HostValue[]) => HostValue | Promise<HostValue>;

export interface HostClass {
  methods: Record<string, HostMethod>;
  /**
   * JavaScript only: when set, the wrapped object is an async iterator (`for await (const x of obj)`) whose
   * `next()` is this method; it resolves to the next value, or to `null`/`undefined` when done.
   */
  asyncIteratorNext?: string;
}

export interface ApiGlobal {
  functions: Record<string, HostFunction>;
  /** Plain values set on the global table (constants, enum-like tables). */
  values?: Record<string, JsonValue>;
}

/**
 * The spell API as injected into an engine: built once per run by `lib/spell/` and the same for every engine.
 * Engines add only their idioms (Lua colon calls and sync-looking awaits; JS promises and classes).
 */
export interface ApiSurface {
  globals: Record<string, ApiGlobal>;
  classes: Record<string, HostClass>;
  /** Plain global values, e.g. Lua's positional `arg` (`ARGS` comes from {@link ExecuteOptions.args}). */
  values?: Record<string, JsonValue>;
  /**
   * Engine-specific prelude source that the API wants evaluated after injection (for example a pure-script
   * helper), keyed by the language an engine's dialect speaks. Optional; most APIs need none.
   */
  preludes?: Partial<Record<SpellLanguage, string>>;
}

export interface ExecuteOptions {
  /** The API to inject. Without it the spell sees only the sandboxed language and `print`/`console`. */
  api?: ApiSurface;
  /** Script arguments, exposed as `ARGS` (absent when undefined); the engine sets it, the API does not. */
  args?: JsonValue;
  /** CPU-time limit for spell code in ms (not time spent waiting on a model). */
  timeoutMs?: number;
  /** Wall-clock limit in ms for the whole run, waits included. */
  wallTimeoutMs?: number;
  memoryLimitBytes?: number;
  /**
   * The security preset (`standard` when absent): the engine holds the limits above to its ceilings whatever
   * they say, and leaves out of the language what it refuses (lib/core/sandbox.ts).
   */
  sandbox?: SandboxPreset;
  /** Cancels the run; the engine stops at its next interrupt check and reports `cancelled`. */
  signal?: AbortSignal;
  /** Chunk name shown in errors and stacks. Default `"spell"`. */
  chunkName?: string;
  /** Every run event as it happens (logs, traces, streams, the final result or error). */
  onEvent?: (event: RunEvent) => void;
  /** Cap on captured output in bytes; past it output is dropped with one note saying so. */
  maxOutputBytes?: number;
  /**
   * The run's output budget when the caller shares it with other output (the runner's: the spell API streams
   * tokens outside the engine). Without it the engine meters `maxOutputBytes` alone.
   */
  output?: OutputMeter;
  /**
   * The run's CPU meter when the caller charges host work to it too (the runner's: a tool's computation is the
   * spell's CPU). Without it the engine meters its VM alone.
   */
  cpu?: CpuMeter;
  /**
   * A debug session: the engine reports lines to it and pauses where it says (see ./debug.ts). Only debug runs
   * pay for the hooks; without it a run is unchanged.
   */
  debug?: DebugSession;
  /** A profiler: the engine samples the spell's stack into it (see ./profile.ts). Ignored in a debug run. */
  profile?: Profiler;
}

export interface EngineFeatures {
  streaming: boolean;
  async: boolean;
  modules: boolean;
  memoryLimit: boolean;
  interrupt: boolean;
}

/**
 * How a session runs a source: `spell` runs it as a whole spell (as `execute` would; its globals stay for the
 * entries after it), `entry` as one REPL entry (an expression's value is shown; in Lua `return <entry>` is tried
 * first, as `lua -i` does).
 */
export type SessionMode = "spell" | "entry";

/**
 * One engine state kept between runs (the REPL): globals and the injected API persist from one `evaluate` to the
 * next. Limits apply per `evaluate` (its options' CPU, wall clock, output, cancel); the memory limit is the
 * session's, set when it opened.
 */
export interface EngineSession {
  /** False once the state is lost (a stop the engine could not recover from, or `close`). */
  readonly alive: boolean;
  /** Run `source` in the session. Never rejects. An entry that cannot compile yet has `session.incomplete`. */
  evaluate(source: string, mode: SessionMode, opts: ExecuteOptions): Promise<ExecutionResult>;
  close(): void;
}

export interface ScriptEngine {
  readonly name: string;
  /** The language this engine speaks, as the spell API needs to know it. */
  readonly dialect: SpellDialect;
  readonly features: EngineFeatures;
  execute(source: string, opts?: ExecuteOptions): Promise<ExecutionResult>;
  executeStreaming(source: string, opts?: ExecuteOptions): AsyncIterable<RunEvent>;
  /**
   * Open a session: a state set up once with `opts.api`, `opts.args` and `opts.memoryLimitBytes`, which then runs
   * sources one after another. Rejects with a SpellError when the state cannot be set up. Engines without
   * sessions leave it out.
   */
  openSession?(opts: ExecuteOptions): Promise<EngineSession>;
  dispose(): void;
}

export interface EngineConfig {
  /** Where the engine's wasm lives (a URL in the browser). Engines that bundle their wasm ignore it. */
  wasmUrl?: string;
}

/** A registered engine: built-in ones and third-party plugins alike. */
export interface EnginePlugin {
  name: string;
  /** The language it speaks: list positions, type words, preludes, and the file extensions it runs. */
  dialect: SpellDialect;
  /** Monaco language id for the editor. */
  editorLanguage?: string;
  features: EngineFeatures;
  /** Load the engine module (wasm) once; later calls are cheap. Then create a fresh instance. */
  create(config?: EngineConfig): Promise<ScriptEngine>;
}
