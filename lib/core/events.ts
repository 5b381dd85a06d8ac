/** Run events: everything observable about a run, and the result a run ends with. */
import type { JsonValue } from "./json";
import type { SpellErrorData } from "./errors";

export type LogLevel = "debug" | "info" | "log" | "warn" | "error";

export interface LogEvent {
  type: "log";
  level: LogLevel;
  text: string;
  /** ms since the run started */
  t: number;
}

/** `embedding`: one call of an embedding model; `retrieval`: one `RAG.ingest` or `RAG.search`. */
export type TraceKind = "agent" | "tool" | "workflow" | "step" | "hook" | "event" | "model" | "embedding" | "retrieval";

export interface TraceStart {
  type: "trace";
  phase: "start";
  id: string;
  parentId?: string;
  kind: TraceKind;
  name: string;
  t: number;
  input?: JsonValue;
  model?: string;
}

export interface TraceEnd {
  type: "trace";
  phase: "end";
  id: string;
  t: number;
  durationMs: number;
  output?: JsonValue;
  error?: SpellErrorData;
  model?: string;
  tokens?: { input: number; output: number };
  /** Estimated cost in USD when the model's price is known. */
  costUsd?: number;
}

export type TraceEvent = TraceStart | TraceEnd;

/** A model token delta, as it arrives. `traceId` ties it to the agent call that streams it. */
export interface StreamEvent {
  type: "stream";
  traceId?: string;
  text: string;
  t: number;
}

interface ResultEvent {
  type: "result";
  value: JsonValue;
  stats: ExecutionStats;
}

export interface ErrorEvent {
  type: "error";
  error: SpellErrorData;
  stats: ExecutionStats;
}

export type RunEvent = LogEvent | TraceEvent | StreamEvent | ResultEvent | ErrorEvent;

export interface ExecutionStats {
  engine: string;
  /** Wall-clock duration of the run. */
  durationMs: number;
  /** Time spent running spell code (excludes time waiting on host promises such as model calls). */
  cpuMs?: number;
  /** Engine memory, when the engine can tell: Lua reports the run's peak, JavaScript what it holds as the run ends. */
  memoryBytes?: number;
  /** True when output was cut at the output cap. */
  outputTruncated?: boolean;
}

export interface LogEntry {
  level: LogLevel;
  text: string;
}

/**
 * What a run in a session (the REPL) adds to its result. `display` is an entry's value as the REPL shows it,
 * rendered by the engine in its own language; `incomplete` says the entry stops mid-statement (the REPL reads
 * another line); `session` tells whether the entry ran in the session it expected or in a new one.
 */
export interface SessionFacts {
  display?: string;
  incomplete?: boolean;
  /**
   * `opened`: a new session, as asked; `kept`: the same session as the last entry; `restarted`: the session
   * the entry expected was gone (its worker restarted, or an entry broke it), so it ran in a new one; `lost`:
   * this entry broke the session (the engine could not recover), so the next runs in a new one.
   */
  session?: "opened" | "kept" | "restarted" | "lost";
}

export type ExecutionResult = (
  | { ok: true; value: JsonValue; logs: LogEntry[]; stats: ExecutionStats }
  | { ok: false; error: SpellErrorData; logs: LogEntry[]; stats: ExecutionStats }
) & { session?: SessionFacts };
