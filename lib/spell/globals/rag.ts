/**
 * RAG: rs-llmspell's retrieval-augmented generation global. `ingest` chunks documents, embeds the chunks through
 * `runtime.llm.embed` and stores them in a scope; `search` embeds a query with the scope's model and returns the
 * most similar chunks (brute-force cosine). The index persists where State does (lib/spell/rag/rag-store.ts).
 * `configure`, `create_session_collection` and `configure_session` answer as rs-llmspell does; TTLs and caches
 * are accepted and reported, not enforced.
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import type { HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import { RAG_BOUNDS } from "@/lib/core/limits";
import { utf8Length } from "@/lib/encoding/utf8";
import { DEFAULT_EMBEDDING_MODEL, EMBEDDING_PROVIDERS, resolveEmbeddingModelId } from "@/lib/llm/default-model";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, nonNegInt, posInt, table } from "../core/validate";
import { splitIntoChunks } from "../rag/chunking";
import { embedTextsForRag } from "../rag/embed-call";
import { readDocuments, readIngestOptions, readSearchOptions, scopeKeyOf } from "../rag/rag-args";
import { createRagStore } from "../rag/rag-store";
import { searchCollection, type StoredChunk } from "../rag/vector-index";
import type { GlobalModule } from "./module";

/** rs-llmspell's default `vector_ttl` of `configure_session`, in seconds. */
const DEFAULT_VECTOR_TTL = 3600;

const fmt = (n: number) => n.toLocaleString("en-US");

const configureSchema = z.object({
  session_ttl: nonNegInt.optional(),
  default_provider: nonEmptyStr.optional(),
  enable_cache: z.boolean().optional(),
  cache_ttl: nonNegInt.optional(),
});

const configureSessionSchema = z.object({ session_id: nonEmptyStr, vector_ttl: posInt.optional() });

export function createRagModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  const store = createRagStore(ctx.runtime.state);
  let defaultModel = DEFAULT_EMBEDDING_MODEL;
  /** Searches this run made, per scope (rs-llmspell's `searches_performed`). */
  const searches = new Map<string, number>();
  /** Ingests and cleanups still running (a JavaScript spell may call `save` without awaiting them). */
  const changing = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    changing.add(p);
    const done = () => changing.delete(p);
    p.then(done, done);
    return p;
  };

  /** `"provider/model"` for a provider option, or a `type` error naming it. */
  const modelOf = (where: string, name: string, provider: string): string => {
    const id = resolveEmbeddingModelId(provider);
    if (id === undefined)
      throw new SpellError(
        "type",
        `${where} expects ${name} to be one of ${EMBEDDING_PROVIDERS.map((p) => JSON.stringify(p)).join(", ")} or a "provider/model" id, got "${provider}"`,
      );
    return id;
  };

  const ingest = async (docsArg: unknown, optsArg: unknown): Promise<JsonValue> => {
    const docs = readDocuments(ctx, docsArg);
    const opts = readIngestOptions(ctx, optsArg);
    const explicit = opts.provider !== undefined ? modelOf("RAG.ingest", "options.provider", opts.provider) : undefined;
    const parentId = ctx.ambientParent();
    const input = { documents: docs.length, scope: opts.scope, chunking: { ...opts.chunking } };
    return ctx.tracer.run("retrieval", "RAG.ingest", { parentId, input }, async (span) => {
      const chunked = docs.map((d) => ({ doc: d, parts: splitIntoChunks(d.content, opts.chunking) }));
      const count = chunked.reduce((n, c) => n + c.parts.length, 0);
      if (count > RAG_BOUNDS.maxChunksPerIngest)
        throw new SpellError(
          "api",
          `RAG.ingest: the documents make ${fmt(count)} chunks; one call may make at most ${fmt(RAG_BOUNDS.maxChunksPerIngest)} (raise chunking.chunk_size or ingest in several calls)`,
        );
      const existing = await store.collection(opts.scope);
      const model = explicit ?? existing?.model ?? defaultModel;
      const texts = chunked.flatMap((c) => c.parts);
      const embedded = await embedTextsForRag(ctx, model, texts, span.id);
      const chunks: StoredChunk[] = chunked.flatMap(({ doc, parts }) =>
        parts.map((content, i) => ({
          id: parts.length === 1 ? doc.id : `${doc.id}#${i}`,
          docId: doc.id,
          content,
          metadata: { ...doc.metadata, doc_id: doc.id, chunk_index: i },
        })),
      );
      if (chunks.length > 0)
        await store.ingest(opts.scope, {
          model: embedded.model,
          dimensions: embedded.dimensions,
          docIds: new Set(docs.map((d) => d.id)),
          chunks,
          vectors: embedded.vectors,
          tokens: embedded.tokens,
        });
      return {
        success: true,
        documents_processed: docs.length,
        vectors_created: embedded.vectors.length,
        total_tokens: embedded.tokens,
      };
    });
  };

  const search = async (queryArg: unknown, optsArg: unknown): Promise<JsonValue> => {
    const query = check("RAG.search", "query", nonEmptyStr, queryArg);
    const opts = readSearchOptions(ctx, optsArg);
    const input = {
      query,
      scope: opts.scope,
      k: opts.k,
      threshold: opts.threshold ?? null,
      filter: opts.filter ?? null,
    };
    return ctx.tracer.run(
      "retrieval",
      "RAG.search",
      { parentId: ctx.ambientParent(), input },
      async (span) => {
        const collection = await store.collection(opts.scope);
        searches.set(opts.scope, (searches.get(opts.scope) ?? 0) + 1);
        if (!collection || collection.chunks.length === 0) return { success: true, total: 0, results: [] };
        const embedded = await embedTextsForRag(ctx, collection.model, [query], span.id);
        if (embedded.dimensions !== collection.dimensions)
          throw new SpellError(
            "provider",
            `RAG.search: ${embedded.model} returned a query vector of ${embedded.dimensions} dimensions, but scope "${opts.scope}" holds ${collection.dimensions}`,
          );
        const hits = searchCollection(collection, embedded.vectors[0], opts);
        const results = hits.map(({ chunk, score }) => ({
          id: chunk.id,
          content: chunk.content,
          text: chunk.content,
          score,
          metadata: chunk.metadata,
        }));
        return { success: true, total: results.length, results };
      },
      (r) => {
        const results = (r as { results: { id: string; score: number }[] }).results;
        return { total: results.length, results: results.map((x) => ({ id: x.id, score: x.score })) };
      },
    );
  };

  const scopeArgs = (where: string, scope: unknown, scopeId: unknown) =>
    scopeKeyOf({
      scope: check(where, "scope", nonEmptyStr, scope),
      ...(scopeId === undefined || scopeId === null
        ? {}
        : { scope_id: check(where, "scope_id", nonEmptyStr, scopeId) }),
    });

  const stats = async (scope: string): Promise<JsonValue> => {
    const c = await store.collection(scope);
    const rows = c?.chunks.length ?? 0;
    const textBytes = c ? c.chunks.reduce((n, ch) => n + utf8Length(ch.content), 0) : 0;
    return {
      total_vectors: rows,
      total_documents: c ? new Set(c.chunks.map((ch) => ch.docId)).size : 0,
      total_storage_bytes: rows * (c?.dimensions ?? 0) * 4 + textBytes,
      embeddings_generated: c?.usage.embeddingsGenerated ?? 0,
      embedding_tokens: c?.usage.embeddingTokens ?? 0,
      searches_performed: searches.get(scope) ?? 0,
      ...(c ? { model: c.model, dimensions: c.dimensions } : {}),
    };
  };

  return {
    name: "RAG",
    global: {
      functions: {
        ingest: ([docs, opts]) => track(ingest(docs, opts)) as Promise<HostValue>,
        search: ([query, opts]) => search(query, opts) as Promise<HostValue>,
        cleanup_scope: ([scope, scopeId]) => track(store.removeScope(scopeArgs("RAG.cleanup_scope", scope, scopeId))),
        get_stats: ([scope, scopeId]) => stats(scopeArgs("RAG.get_stats", scope, scopeId)) as Promise<HostValue>,
        list_providers: () => [...EMBEDDING_PROVIDERS],
        configure: ([options]) => {
          check("RAG.configure", "options", table, options);
          const o = check("RAG.configure", "options", configureSchema, options);
          if (o.default_provider !== undefined)
            defaultModel = modelOf("RAG.configure", "options.default_provider", o.default_provider);
          return null;
        },
        save: async () => {
          await Promise.allSettled([...changing]);
          await store.flush();
          return null;
        },
        create_session_collection: ([sessionId, ttl]) => {
          const id = check("RAG.create_session_collection", "session_id", nonEmptyStr, sessionId);
          const t =
            ttl === undefined || ttl === null
              ? undefined
              : check("RAG.create_session_collection", "ttl", nonNegInt, ttl);
          return { session_id: id, namespace: `session_${id}`, ...(t !== undefined ? { ttl: t } : {}), created: true };
        },
        configure_session: ([options]) => {
          check("RAG.configure_session", "options", table, options);
          const o = check("RAG.configure_session", "options", configureSessionSchema, options);
          return { session_id: o.session_id, vector_ttl: o.vector_ttl ?? DEFAULT_VECTOR_TTL, configured: true };
        },
      },
    },
  };
}
