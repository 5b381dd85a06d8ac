/**
 * The run history: the last runs of this browser (what ran, with which model, how it ended, tokens, cost, the
 * console and the trace), kept in IndexedDB so a reload keeps them, reopened into the output panels, and two
 * runs' outputs compared as a line diff.
 */
import { diffLines } from "diff";
import type { SpellErrorData } from "@/lib/core/errors";
import type { ExecutionStats } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import { sha256Hex } from "@/lib/recording/sha256";
import type { Recording } from "@/lib/recording/schema";
import type { StateStore } from "@/lib/spell/runtime";
import type { RunStore } from "./run";
import { consoleText, countTokens, totalCost, type ConsoleLine, type RunView, type TraceNode } from "./run-view";

/** Runs kept; the oldest goes first. */
export const RUN_HISTORY_LIMIT = 20;
/** Console lines kept per run (the newest); the output text is cut at MAX_OUTPUT_CHARS with a note. */
const MAX_LINES = 2000;
const MAX_OUTPUT_CHARS = 256 * 1024;
/** A recording larger than this (as JSON) is not kept in the history. */
const MAX_RECORDING_CHARS = 1024 * 1024;

export interface RunHistoryEntry {
  id: string;
  /** Date.now() when the run started. */
  at: number;
  language: string;
  source: string;
  /** The first 12 hex digits of the source's SHA-256: runs of the same code share it. */
  sourceHash: string;
  model: string;
  mockAll: boolean;
  status: "done" | "failed" | "cancelled";
  durationMs: number;
  tokens: { input: number; output: number };
  costUsd?: number;
  /** The console as text (what a diff compares). */
  output: string;
  lines: ConsoleLine[];
  nodes: Record<string, TraceNode>;
  roots: string[];
  result?: { value: JsonValue; stats: ExecutionStats };
  error?: { error: SpellErrorData; stats: ExecutionStats };
  recording?: Recording;
}

export interface FinishedRun {
  request: { engine: string; source: string; model?: string; mockAll?: boolean };
  view: RunView;
  status: RunHistoryEntry["status"];
  startedAt: number;
  endedAt: number;
  recording?: Recording | null;
}

/** One history entry from a finished run (pure: bounded copies of what the panels showed). */
export function summarizeRun(run: FinishedRun): RunHistoryEntry {
  const { request, view } = run;
  const tokens = countTokens(view);
  const text = consoleText(view.lines);
  const output =
    text.length > MAX_OUTPUT_CHARS
      ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n# (output cut at ${MAX_OUTPUT_CHARS} characters in the history)`
      : text;
  const cost = totalCost(view);
  const recording =
    run.recording && JSON.stringify(run.recording).length <= MAX_RECORDING_CHARS ? run.recording : undefined;
  return {
    id: `${run.startedAt.toString(36)}-${sha256Hex(new TextEncoder().encode(`${run.startedAt}\n${request.source}`)).slice(0, 6)}`,
    at: run.startedAt,
    language: request.engine,
    source: request.source,
    sourceHash: sha256Hex(new TextEncoder().encode(request.source)).slice(0, 12),
    model: request.model ?? "",
    mockAll: request.mockAll === true,
    status: run.status,
    durationMs: Math.max(0, run.endedAt - run.startedAt),
    tokens: { input: tokens.input, output: tokens.output },
    ...(cost !== undefined ? { costUsd: cost } : {}),
    output,
    lines: view.lines.slice(-MAX_LINES),
    nodes: view.nodes,
    roots: view.roots,
    ...(view.result ? { result: view.result } : {}),
    ...(view.error ? { error: view.error } : {}),
    ...(recording ? { recording } : {}),
  };
}

export interface RunHistory {
  /** Newest first. */
  list(): Promise<RunHistoryEntry[]>;
  add(entry: RunHistoryEntry): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

const SCOPE = "runs";

/** The history over a key-value store (the page passes an IndexedDB one; tests an in-memory one). */
export function createRunHistory(store: StateStore, limit = RUN_HISTORY_LIMIT): RunHistory {
  const list = async () => {
    const entries = await store.entries();
    return entries
      .filter((e) => e.scope === SCOPE)
      .map((e) => e.value as unknown as RunHistoryEntry)
      .filter((e) => e && typeof e.id === "string" && typeof e.at === "number")
      .sort((a, b) => b.at - a.at);
  };
  return {
    list,
    async add(entry) {
      await store.set(SCOPE, entry.id, entry as unknown as JsonValue);
      const all = await list();
      for (const old of all.slice(limit)) await store.delete(SCOPE, old.id);
    },
    async remove(id) {
      await store.delete(SCOPE, id);
    },
    async clear() {
      for (const key of await store.keys(SCOPE)) await store.delete(SCOPE, key);
    },
  };
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Two runs' outputs as a line diff: what `a` had that `b` lacks is "removed", the reverse "added". */
export function diffOutputs(a: string, b: string): DiffPart[] {
  return diffLines(a, b).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

/**
 * Adds every run of `run` to `history` as it ends (done, failed or stopped); `onAdded` runs after each write.
 * Returns the unsubscribe function.
 */
export function recordRunsInHistory(run: RunStore, history: RunHistory, onAdded?: () => void): () => void {
  return run.subscribe((state, prev) => {
    if (prev.status !== "running" || state.status === "running" || state.status === "idle") return;
    if (!state.lastRequest || state.startedAt === null) return;
    const entry = summarizeRun({
      request: state.lastRequest,
      view: state.view,
      status: state.status,
      startedAt: state.startedAt,
      endedAt: state.endedAt ?? state.startedAt,
      recording: state.recording,
    });
    history.add(entry).then(onAdded, () => undefined);
  });
}
