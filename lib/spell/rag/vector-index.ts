/**
 * One RAG collection (the chunks of one scope): chunk records in insertion order and their vectors, unit length,
 * in one Float32Array (row i is chunk i). Search is brute-force cosine similarity: one dot product per chunk
 * that passes the metadata filter, keeping the best `k` in a small sorted list. Nothing here is asynchronous;
 * callers make a change and persist it.
 */
import type { JsonValue } from "@/lib/core/json";

export type Metadata = { [key: string]: JsonValue };

export interface StoredChunk {
  id: string;
  docId: string;
  content: string;
  /** The document's metadata plus `doc_id` and `chunk_index`. */
  metadata: Metadata;
}

export interface Collection {
  /** The embedding model every vector came from (a query must be embedded with it too). */
  model: string;
  dimensions: number;
  chunks: StoredChunk[];
  /** Row-major vectors; its length is a capacity, only the first `chunks.length` rows are used. */
  vectors: Float32Array;
  /** Characters of chunk text held. */
  textChars: number;
  /** Vectors made and tokens spent for this collection since it was created (rs-llmspell's usage stats). */
  usage: { embeddingsGenerated: number; embeddingTokens: number };
}

export interface SearchHit {
  chunk: StoredChunk;
  /** Cosine similarity, rounded to 6 decimals. */
  score: number;
}

export interface SearchOptions {
  k: number;
  /** Keep only hits scoring at least this much. */
  threshold?: number;
  /** Keep only chunks whose metadata matches (see {@link matchesFilter}). */
  filter?: Metadata;
}

export function createCollection(model: string, dimensions: number): Collection {
  return {
    model,
    dimensions,
    chunks: [],
    vectors: new Float32Array(0),
    textChars: 0,
    usage: { embeddingsGenerated: 0, embeddingTokens: 0 },
  };
}

/** Copy `vector` into `out` scaled to unit length (a zero vector stays zero). */
function writeUnit(out: Float32Array, offset: number, vector: ArrayLike<number>): void {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  for (let i = 0; i < vector.length; i++) out[offset + i] = vector[i] * scale;
}

/** Append chunks with their vectors (one per chunk, `dimensions` long; checked by the caller). */
export function appendChunks(c: Collection, chunks: StoredChunk[], vectors: ArrayLike<number>[]): void {
  const rows = c.chunks.length + chunks.length;
  if (rows * c.dimensions > c.vectors.length) {
    const grown = new Float32Array(Math.max(rows, c.chunks.length * 2, 16) * c.dimensions);
    grown.set(c.vectors.subarray(0, c.chunks.length * c.dimensions));
    c.vectors = grown;
  }
  for (let i = 0; i < chunks.length; i++) {
    writeUnit(c.vectors, (c.chunks.length + i) * c.dimensions, vectors[i]);
    c.textChars += chunks[i].content.length;
  }
  c.chunks.push(...chunks);
}

/** Remove every chunk whose document id is in `docIds`, keeping the others' order; returns how many went. */
export function removeDocuments(c: Collection, docIds: ReadonlySet<string>): number {
  let kept = 0;
  const d = c.dimensions;
  for (let i = 0; i < c.chunks.length; i++) {
    const chunk = c.chunks[i];
    if (docIds.has(chunk.docId)) {
      c.textChars -= chunk.content.length;
      continue;
    }
    if (kept !== i) {
      c.chunks[kept] = chunk;
      c.vectors.copyWithin(kept * d, i * d, (i + 1) * d);
    }
    kept++;
  }
  const removed = c.chunks.length - kept;
  c.chunks.length = kept;
  return removed;
}

/** Deep equality of JSON values (object keys in any order). */
function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/**
 * Does `metadata` match every key of `filter`? A filter value matches a metadata value that equals it, or a
 * list (array) holding it; a list as the filter value matches any one of its items.
 */
export function matchesFilter(metadata: Metadata, filter: Metadata): boolean {
  for (const key of Object.keys(filter)) {
    if (!Object.hasOwn(metadata, key)) return false;
    const have = metadata[key];
    const want = filter[key];
    const wanted = Array.isArray(want) ? want : [want];
    const had = Array.isArray(have) ? [have, ...have] : [have];
    if (!wanted.some((w) => had.some((h) => jsonEqual(h, w)))) return false;
  }
  return true;
}

/** `q · v[base .. base + d)`, four products a step (about 1.5× faster than one at a time in V8). */
function dotAt(q: Float32Array, v: Float32Array, base: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    s0 += q[i] * v[base + i];
    s1 += q[i + 1] * v[base + i + 1];
    s2 += q[i + 2] * v[base + i + 2];
    s3 += q[i + 3] * v[base + i + 3];
  }
  for (; i < d; i++) s0 += q[i] * v[base + i];
  return s0 + s1 + s2 + s3;
}

/** The `k` chunks most similar to `query` (any length-`dimensions` vector), best first; ties keep insertion order. */
export function searchCollection(c: Collection, query: ArrayLike<number>, opts: SearchOptions): SearchHit[] {
  const d = c.dimensions;
  const q = new Float32Array(d);
  writeUnit(q, 0, query);
  const filter = opts.filter && Object.keys(opts.filter).length > 0 ? opts.filter : undefined;
  const threshold = opts.threshold ?? -Infinity;
  // The best hits so far, best first: parallel arrays so the hot loop allocates nothing.
  const bestRows: number[] = [];
  const bestScores: number[] = [];
  const v = c.vectors;
  for (let row = 0, n = c.chunks.length; row < n; row++) {
    if (filter && !matchesFilter(c.chunks[row].metadata, filter)) continue;
    const dot = dotAt(q, v, row * d, d);
    if (dot < threshold) continue;
    if (bestRows.length === opts.k && dot <= bestScores[bestScores.length - 1]) continue;
    let at = bestRows.length;
    while (at > 0 && bestScores[at - 1] < dot) at--;
    bestRows.splice(at, 0, row);
    bestScores.splice(at, 0, dot);
    if (bestRows.length > opts.k) {
      bestRows.pop();
      bestScores.pop();
    }
  }
  return bestRows.map((row, i) => ({ chunk: c.chunks[row], score: Math.round(bestScores[i] * 1e6) / 1e6 }));
}
