/**
 * A RAG collection as the JSON value State stores keep (IndexedDB, a JSON file, memory):
 *
 *   { format: 1, model, dimensions, usage: { embeddings_generated, embedding_tokens },
 *     chunks: [{ id, doc_id, content, metadata }], vectors: "<base64 of little-endian float32 rows>" }
 *
 * All vectors are one base64 string (a third larger than the bytes, a fraction of JSON numbers). Reading checks
 * every field by hand rather than with zod, so a metadata key such as `__proto__` stays an ordinary key.
 */
import type { JsonValue } from "@/lib/core/json";
import { decodeBase64, encodeBase64 } from "@/lib/encoding/base64";
import { createCollection, type Collection, type Metadata, type StoredChunk } from "./vector-index";

const FORMAT = 1;

/** The collection as one JSON value. */
export function encodeCollection(c: Collection): JsonValue {
  const n = c.chunks.length;
  const bytes = new Uint8Array(n * c.dimensions * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n * c.dimensions; i++) view.setFloat32(i * 4, c.vectors[i], true);
  return {
    format: FORMAT,
    model: c.model,
    dimensions: c.dimensions,
    usage: { embeddings_generated: c.usage.embeddingsGenerated, embedding_tokens: c.usage.embeddingTokens },
    chunks: c.chunks.map((ch) => ({ id: ch.id, doc_id: ch.docId, content: ch.content, metadata: ch.metadata })),
    vectors: encodeBase64(bytes),
  };
}

const isObject = (v: unknown): v is { [key: string]: JsonValue } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** The collection a stored value holds, or a sentence saying what is wrong with it. */
export function decodeCollection(value: JsonValue): Collection | string {
  if (!isObject(value)) return "it is not an object";
  if (value.format !== FORMAT) return `its format is ${JSON.stringify(value.format ?? null)}, not ${FORMAT}`;
  const { model, dimensions, usage, chunks, vectors } = value;
  if (typeof model !== "string" || model === "") return "its model is not a name";
  if (!isCount(dimensions) || dimensions === 0) return "its dimensions are not a positive integer";
  if (!isObject(usage) || !isCount(usage.embeddings_generated) || !isCount(usage.embedding_tokens))
    return "its usage is not two counts";
  if (!Array.isArray(chunks)) return "its chunks are not a list";
  if (typeof vectors !== "string") return "its vectors are not a base64 text";
  const c = createCollection(model, dimensions);
  c.usage = { embeddingsGenerated: usage.embeddings_generated, embeddingTokens: usage.embedding_tokens };
  for (let i = 0; i < chunks.length; i++) {
    const ch = chunks[i];
    if (
      !isObject(ch) ||
      typeof ch.id !== "string" ||
      typeof ch.doc_id !== "string" ||
      typeof ch.content !== "string" ||
      !isObject(ch.metadata)
    )
      return `chunk ${i} is not { id, doc_id, content, metadata }`;
    const chunk: StoredChunk = { id: ch.id, docId: ch.doc_id, content: ch.content, metadata: ch.metadata as Metadata };
    c.chunks.push(chunk);
    c.textChars += chunk.content.length;
  }
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(vectors);
  } catch (e) {
    return `its vectors are not base64 (${(e as Error).message})`;
  }
  if (bytes.length !== chunks.length * dimensions * 4)
    return `its vectors hold ${bytes.length} bytes, not ${chunks.length} × ${dimensions} float32s`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  c.vectors = new Float32Array(chunks.length * dimensions);
  for (let i = 0; i < c.vectors.length; i++) c.vectors[i] = view.getFloat32(i * 4, true);
  return c;
}
