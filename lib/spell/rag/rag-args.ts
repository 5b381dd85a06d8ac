/**
 * The arguments of `RAG.ingest` and `RAG.search` as rs-llmspell takes them, checked at the API boundary: one
 * document or a list of them (`{content | text, id?, metadata?}`), the options tables, and how `scope`,
 * `scope_id` and `tenant_id` name a scope. Wrong shapes are `type` errors naming the argument; documents past
 * RAG_BOUNDS are `api` errors. Metadata is read with `jsonArg` (never zod's copy), so `__proto__` stays a key.
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import { RAG_BOUNDS } from "@/lib/core/limits";
import { utf8Length } from "@/lib/encoding/utf8";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, num, table } from "../core/validate";
import { formatPathKey, isPlainObject, scriptTypeName } from "../core/values";
import { CHUNKING_STRATEGIES, DEFAULT_CHUNKING, type ChunkingOptions } from "./chunking";
import type { Metadata } from "./vector-index";

export interface RagDocument {
  id: string;
  content: string;
  metadata: Metadata;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** A stable id for a document given none: a 53-bit hash of its text (the same text is the same document). */
function contentId(content: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `doc_${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0")}`;
}

/** One document at `path` (`documents[2]`, or `document` when one was given alone). */
function readDocument(ctx: SpellContext, path: string, raw: unknown): RagDocument {
  const where = "RAG.ingest";
  ctx.check(where, path, table, raw);
  const doc = raw as Record<string, unknown>;
  const field = doc.content !== undefined && doc.content !== null ? "content" : "text";
  const value = doc[field];
  if (value === undefined || value === null)
    throw new SpellError("type", `${where} expects ${path}.content (or .text) to be a non-empty string, got nothing`);
  const content = ctx.check(where, `${path}.${field}`, nonEmptyStr, value);
  if (content.trim() === "")
    throw new SpellError("type", `${where} expects ${path}.${field} to hold some text, got only whitespace`);
  // rs-llmspell reads ids as Lua strings, which an integer converts to.
  const id =
    doc.id === undefined || doc.id === null
      ? contentId(content)
      : typeof doc.id === "number" && Number.isInteger(doc.id)
        ? String(doc.id)
        : ctx.check(where, `${path}.id`, nonEmptyStr, doc.id);
  const bytes = utf8Length(content);
  if (bytes > RAG_BOUNDS.maxDocumentBytes)
    throw new SpellError(
      "api",
      `${where}: document "${id}" is ${fmt(bytes)} bytes (UTF-8); a document may be at most ${fmt(RAG_BOUNDS.maxDocumentBytes)} bytes (split it into several documents)`,
    );
  let metadata: Metadata = {};
  if (doc.metadata !== undefined && doc.metadata !== null) {
    ctx.check(where, `${path}.metadata`, table, doc.metadata);
    metadata = ctx.jsonArg(doc.metadata, where, `${path}.metadata`, "stored") as Metadata;
    const size = utf8Length(JSON.stringify(metadata));
    if (size > RAG_BOUNDS.maxMetadataBytes)
      throw new SpellError(
        "api",
        `${where}: the metadata of document "${id}" is ${fmt(size)} bytes as JSON; it may be at most ${fmt(RAG_BOUNDS.maxMetadataBytes)}`,
      );
  }
  return { id, content, metadata };
}

/**
 * The documents of `RAG.ingest(documents)`: one document (a table with `content` or `text`) or a list of them;
 * an empty table is an empty list. A later document with the id of an earlier one replaces it.
 */
export function readDocuments(ctx: SpellContext, raw: unknown): RagDocument[] {
  let docs: RagDocument[];
  if (Array.isArray(raw)) {
    docs = raw.map((d, i) => readDocument(ctx, `documents${formatPathKey(i, ctx.dialect)}`, d));
  } else {
    ctx.check("RAG.ingest", "documents", table, raw);
    docs = isPlainObject(raw) && Object.keys(raw).length === 0 ? [] : [readDocument(ctx, "document", raw)];
  }
  const byId = new Map<string, RagDocument>();
  for (const d of docs) {
    byId.delete(d.id);
    byId.set(d.id, d);
  }
  return [...byId.values()];
}

const scopeFields = {
  scope: nonEmptyStr.optional(),
  scope_id: nonEmptyStr.optional(),
  tenant_id: nonEmptyStr.optional(),
};

/**
 * The scope options name, as rs-llmspell keys it: none or `"global"` is `global`; `scope` with `scope_id` is
 * `"<scope>:<scope_id>"`; `scope` alone is itself; `tenant_id = "t"` is `tenant:t`.
 */
export function scopeKeyOf(o: { scope?: string; scope_id?: string; tenant_id?: string }): string {
  const scope = o.tenant_id !== undefined ? "tenant" : o.scope;
  const id = o.tenant_id ?? o.scope_id;
  if (scope === undefined || scope === "global") return "global";
  return id !== undefined ? `${scope}:${id}` : scope;
}

const chunkingSchema = z.object({
  chunk_size: z.number().int().min(1).max(RAG_BOUNDS.maxChunkSize).optional(),
  overlap: z.number().int().min(0).optional(),
  strategy: z.enum(CHUNKING_STRATEGIES).optional(),
});

const ingestSchema = z.object({
  ...scopeFields,
  provider: nonEmptyStr.optional(),
  chunking: chunkingSchema.optional(),
});

export interface IngestOptions {
  scope: string;
  provider?: string;
  chunking: ChunkingOptions;
}

/** `options` is a table (or absent): the object to check, named as the script passed it. */
function optionsTable(ctx: SpellContext, where: string, raw: unknown): unknown {
  if (raw === undefined || raw === null) return {};
  ctx.check(where, "options", table, raw);
  return raw;
}

export function readIngestOptions(ctx: SpellContext, raw: unknown): IngestOptions {
  const o = ctx.check("RAG.ingest", "options", ingestSchema, optionsTable(ctx, "RAG.ingest", raw));
  const chunkSize = o.chunking?.chunk_size ?? DEFAULT_CHUNKING.chunkSize;
  // rs-llmspell's default overlap is an eighth of its default size; a smaller chunk gets an eighth of itself.
  const overlap = o.chunking?.overlap ?? Math.min(DEFAULT_CHUNKING.overlap, Math.floor(chunkSize / 8));
  if (overlap >= chunkSize)
    throw new SpellError(
      "type",
      `RAG.ingest expects options.chunking.overlap to be less than chunk_size (${chunkSize}), got number ${overlap}`,
    );
  return {
    scope: scopeKeyOf(o),
    ...(o.provider !== undefined ? { provider: o.provider } : {}),
    chunking: { chunkSize, overlap, strategy: o.chunking?.strategy ?? DEFAULT_CHUNKING.strategy },
  };
}

const topK = z.number().int().min(1).max(RAG_BOUNDS.maxTopK);

const searchSchema = z.object({
  ...scopeFields,
  top_k: topK.optional(),
  k: topK.optional(),
  threshold: num.optional(),
  metadata_filter: z.unknown().optional(),
  filters: z.unknown().optional(),
});

export interface SearchArgs {
  scope: string;
  k: number;
  threshold?: number;
  filter?: Metadata;
}

/** rs-llmspell's default number of results. */
const DEFAULT_TOP_K = 10;

export function readSearchOptions(ctx: SpellContext, raw: unknown): SearchArgs {
  const where = "RAG.search";
  const rawOptions = optionsTable(ctx, where, raw) as Record<string, unknown>;
  const o = ctx.check(where, "options", searchSchema, rawOptions);
  const filterName = o.metadata_filter !== undefined && o.metadata_filter !== null ? "metadata_filter" : "filters";
  const rawFilter = rawOptions[filterName];
  let filter: Metadata | undefined;
  if (rawFilter !== undefined && rawFilter !== null) {
    if (!isPlainObject(rawFilter))
      throw new SpellError(
        "type",
        `${where} expects options.${filterName} to be ${ctx.dialect.typeWords.object === "table" ? "a table" : "an object"} of metadata values, got ${scriptTypeName(rawFilter, ctx.dialect)}`,
      );
    filter = ctx.jsonArg(rawFilter, where, `options.${filterName}`, "matched") as Metadata;
  }
  return {
    scope: scopeKeyOf(o),
    k: o.top_k ?? o.k ?? DEFAULT_TOP_K,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(filter ? { filter } : {}),
  };
}
