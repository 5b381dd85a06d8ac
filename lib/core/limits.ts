/**
 * Every limit a run has, in one place. A spell or a caller may lower a limit, never raise it:
 * use {@link clampLimits} on anything that comes from outside.
 */
export interface RunLimits {
  /** CPU time spent running spell code (excludes waiting on models and other host promises). */
  timeoutMs: number;
  /** Wall-clock time for the whole run, waits included. */
  wallTimeoutMs: number;
  /** Engine heap. */
  memoryLimitBytes: number;
  /** Captured output (logs and streamed text); past it output is dropped with one note. */
  maxOutputBytes: number;
  /** Largest source a run accepts. */
  maxSourceBytes: number;
  /** Model tokens (input + output) the whole run may spend. */
  maxRunTokens: number;
  /** Tool calls one agent execution may make before it stops asking the model. */
  maxToolCalls: number;
  /** Model calls one run may make. */
  maxModelCalls: number;
  /**
   * Embedding tokens (`RAG.ingest`, `RAG.search`) the whole run may spend, apart from `maxRunTokens`: embedding
   * is cheap per token, but a full index is millions of tokens (10,000 chunks of 512 words).
   */
  maxEmbeddingTokens: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  timeoutMs: 10_000,
  wallTimeoutMs: 120_000,
  memoryLimitBytes: 64 * 1024 * 1024,
  maxOutputBytes: 1024 * 1024,
  maxSourceBytes: 1024 * 1024,
  maxRunTokens: 200_000,
  maxToolCalls: 5,
  maxModelCalls: 100,
  maxEmbeddingTokens: 2_000_000,
};

/**
 * Bounds no caller sets: they keep what one run can make of the host finite whatever the spell does.
 * Each has a test that a spell cannot get past it (see the security section of README.md).
 */
export const FIXED_BOUNDS = {
  /** Characters of an error message; the rest is cut with a note saying how much. */
  maxErrorMessageChars: 4000,
  /** Agent, tool, workflow and model calls nested inside each other (a tool that calls itself). */
  maxCallDepth: 64,
  /** Agent, tool, workflow and model calls open at once, nested or not. */
  maxOpenCalls: 1000,
  /**
   * Values one conversion between an engine and the host may make (a table, a string, a number each count).
   * A structure that shares one table many times expands as a tree when it crosses: six tables of thirty slots,
   * each pointing at the next, are 30^6 values. Past the bound the conversion stops with a `conversion` error.
   */
  maxConvertedValues: 1_000_000,
  /** String characters one conversion may copy (the engine's memory limit does not see host copies). */
  maxConvertedStringChars: 64 * 1024 * 1024,
  /** Calls one run traces (a start and an end event each); past it calls still run, untraced, after one note. */
  maxTracedCalls: 10_000,
} as const;

/**
 * What the `RAG` index of one State store may hold and what one call may ask of it. Like FIXED_BOUNDS, no caller
 * sets them, and each has a test that a spell cannot get past it (lib/spell/conformance/cases/api-rag.ts and
 * lib/spell/rag/*.test.ts).
 */
export const RAG_BOUNDS = {
  /** UTF-8 bytes of one document's text. */
  maxDocumentBytes: 1024 * 1024,
  /** UTF-8 bytes of one document's metadata, as JSON. */
  maxMetadataBytes: 64 * 1024,
  /** Chunks one `RAG.ingest` call may make, all its documents together. */
  maxChunksPerIngest: 2_000,
  /** Chunks the index holds, every scope together. */
  maxChunks: 10_000,
  /** Characters of chunk text the index holds, every scope together. */
  maxTextChars: 16 * 1024 * 1024,
  /** Characters of one chunk: a longer run of text is cut into chunks this long. */
  maxChunkChars: 8_192,
  /** The largest `chunking.chunk_size`, in words. */
  maxChunkSize: 2_048,
  /** The largest `top_k` of a search. */
  maxTopK: 100,
} as const;

/** Take the smaller of each requested limit and the default; ignore anything that is not a positive number. */
export function clampLimits(requested: Partial<RunLimits> | undefined, ceiling: RunLimits = DEFAULT_LIMITS): RunLimits {
  const out = { ...ceiling };
  if (!requested) return out;
  for (const key of Object.keys(ceiling) as (keyof RunLimits)[]) {
    const v = requested[key];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) out[key] = Math.min(v, ceiling[key]);
  }
  return out;
}
