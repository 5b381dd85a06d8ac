/**
 * What the Session, Artifact and Memory stores of one State store may hold. Like RAG_BOUNDS, no caller sets them,
 * and each has a conformance case showing a spell cannot get past it (lib/spell/conformance/cases/api-session.ts,
 * api-memory.ts).
 */
export const SESSION_BOUNDS = {
  /** Sessions one State store keeps. */
  maxSessions: 1_000,
  /** Characters of a session's name or description, and of an artifact's name (rs-llmspell: 255 for names). */
  maxNameChars: 255,
  /** UTF-8 bytes of one artifact's content. */
  maxArtifactBytes: 1024 * 1024,
  /** Artifacts one session keeps. */
  maxArtifactsPerSession: 1_000,
  /** UTF-8 bytes of every artifact's content, every session together. */
  maxArtifactBytesTotal: 32 * 1024 * 1024,
  /** UTF-8 bytes of metadata (a session's or an artifact's), as JSON. */
  maxMetadataBytes: 64 * 1024,
} as const;

export const MEMORY_BOUNDS = {
  /** UTF-8 bytes of one episodic entry's content. */
  maxEntryBytes: 64 * 1024,
  /** Episodic entries kept, every session together. */
  maxEntries: 10_000,
  /** Entities semantic memory keeps. */
  maxEntities: 5_000,
  /** The largest `limit` of a search. */
  maxLimit: 1_000,
} as const;

export const CONTEXT_BOUNDS = {
  /** rs-llmspell's smallest token budget. */
  minTokens: 100,
  /** The largest token budget one assembly may ask for. */
  maxTokens: 128_000,
} as const;
