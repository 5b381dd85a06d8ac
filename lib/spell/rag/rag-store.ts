/**
 * The RAG index of one run: a collection per scope, kept in the run's StateStore under the reserved State scope
 * `__rag__` (key = the RAG scope, value = persisted-collection.ts), so it persists exactly where `State` does:
 * in memory, in IndexedDB in the playground, in the `--state` file in the CLI. Everything is read on first use;
 * each change writes the scope it touched before the call that made it returns. Scope names are spell text, so
 * they live in Maps. The index-wide bounds (RAG_BOUNDS.maxChunks, maxTextChars) are checked here.
 */
import { SpellError } from "@/lib/core/errors";
import { RAG_BOUNDS } from "@/lib/core/limits";
import type { StateStore } from "../runtime";
import { decodeCollection, encodeCollection } from "./persisted-collection";
import { appendChunks, createCollection, removeDocuments, type Collection, type StoredChunk } from "./vector-index";

/** The State scope the index lives in. */
export const RAG_STATE_SCOPE = "__rag__";

export interface IngestBatch {
  model: string;
  dimensions: number;
  /** Documents whose earlier chunks the new ones replace. */
  docIds: ReadonlySet<string>;
  chunks: StoredChunk[];
  vectors: number[][];
  tokens: number;
}

export interface RagStore {
  /** A scope's collection; undefined when it holds nothing. Throws when its stored value cannot be read. */
  collection(scope: string): Promise<Collection | undefined>;
  /** Chunks and text characters held, every readable scope together. */
  totals(): Promise<{ chunks: number; textChars: number }>;
  /** Replace the batch's documents in `scope` and add its chunks, within the bounds; then persist the scope. */
  ingest(scope: string, batch: IngestBatch): Promise<void>;
  /** Drop a scope (a stored value that cannot be read too); returns how many chunks it held. */
  removeScope(scope: string): Promise<number>;
  /** Wait until every change so far is stored. */
  flush(): Promise<void>;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export function createRagStore(state: StateStore): RagStore {
  let loaded: Promise<void> | undefined;
  const collections = new Map<string, Collection>();
  /** Scopes whose stored value cannot be read, with the reason. */
  const broken = new Map<string, string>();
  let writes: Promise<void> = Promise.resolve();

  const load = () =>
    (loaded ??= (async () => {
      for (const scope of await state.keys(RAG_STATE_SCOPE)) {
        const value = await state.get(RAG_STATE_SCOPE, scope);
        if (value === undefined) continue;
        const c = decodeCollection(value);
        if (typeof c === "string") broken.set(scope, c);
        else if (c.chunks.length > 0) collections.set(scope, c);
      }
    })().catch((e) => {
      loaded = undefined;
      throw e;
    }));

  /** Store a scope as it is now (or delete it when empty), after the writes before it. */
  const persist = (scope: string): Promise<void> => {
    const write = writes.then(async () => {
      const c = collections.get(scope);
      if (c && c.chunks.length > 0) await state.set(RAG_STATE_SCOPE, scope, encodeCollection(c));
      else await state.delete(RAG_STATE_SCOPE, scope);
    });
    writes = write.catch(() => {});
    return write;
  };

  const readable = (scope: string) => {
    const reason = broken.get(scope);
    if (reason !== undefined)
      throw new SpellError(
        "api",
        `RAG: the stored index of scope "${scope}" cannot be read: ${reason}. Remove it with RAG.cleanup_scope (or State.delete("${RAG_STATE_SCOPE}", "${scope}")).`,
      );
    return collections.get(scope);
  };

  const totals = () => {
    let chunks = 0;
    let textChars = 0;
    for (const c of collections.values()) {
      chunks += c.chunks.length;
      textChars += c.textChars;
    }
    return { chunks, textChars };
  };

  return {
    async collection(scope) {
      await load();
      return readable(scope);
    },
    async totals() {
      await load();
      return totals();
    },
    async ingest(scope, batch) {
      await load();
      const existing = readable(scope);
      if (existing && existing.model !== batch.model)
        throw new SpellError(
          "api",
          `RAG.ingest: scope "${scope}" holds vectors of ${existing.model}, not ${batch.model}; ingest with provider "${existing.model}" or empty the scope with RAG.cleanup_scope first`,
        );
      if (existing && existing.dimensions !== batch.dimensions)
        throw new SpellError(
          "provider",
          `RAG.ingest: ${batch.model} returned vectors of ${batch.dimensions} dimensions, but scope "${scope}" holds ${existing.dimensions}`,
        );
      let replacedChunks = 0;
      let replacedChars = 0;
      for (const ch of existing?.chunks ?? [])
        if (batch.docIds.has(ch.docId)) {
          replacedChunks++;
          replacedChars += ch.content.length;
        }
      const now = totals();
      const chunks = now.chunks - replacedChunks + batch.chunks.length;
      if (chunks > RAG_BOUNDS.maxChunks)
        throw new SpellError(
          "api",
          `RAG.ingest: the index would hold ${fmt(chunks)} chunks; it may hold at most ${fmt(RAG_BOUNDS.maxChunks)}, every scope together (remove some with RAG.cleanup_scope)`,
        );
      const textChars = now.textChars - replacedChars + batch.chunks.reduce((n, ch) => n + ch.content.length, 0);
      if (textChars > RAG_BOUNDS.maxTextChars)
        throw new SpellError(
          "api",
          `RAG.ingest: the index would hold ${fmt(textChars)} characters of text; it may hold at most ${fmt(RAG_BOUNDS.maxTextChars)}, every scope together (remove some with RAG.cleanup_scope)`,
        );
      const c = existing ?? createCollection(batch.model, batch.dimensions);
      removeDocuments(c, batch.docIds);
      appendChunks(c, batch.chunks, batch.vectors);
      c.usage.embeddingsGenerated += batch.vectors.length;
      c.usage.embeddingTokens += batch.tokens;
      collections.set(scope, c);
      await persist(scope);
    },
    async removeScope(scope) {
      await load();
      const c = collections.get(scope);
      const wasBroken = broken.delete(scope);
      if (!c && !wasBroken) return 0;
      collections.delete(scope);
      await persist(scope);
      return c?.chunks.length ?? 0;
    },
    async flush() {
      await writes;
    },
  };
}
