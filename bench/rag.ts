/**
 * RAG cost in this process, on the mock embeddings (256 dimensions, no network):
 *
 * - ingest: `RAG.ingest` of 1,000 one-chunk documents (40 words each) through the spell API's host function
 *   (argument checks, chunking, embedding, the index, the write to an in-memory State store), fresh store each
 *   time; then the same stages timed one by one to show where the time goes.
 * - search: `RAG.search` through the host function at 1,000 and 10,000 chunks (the query embedded, the
 *   brute-force cosine scan, results built), and the scan alone (`searchCollection` with a ready query vector),
 *   also with a metadata filter and at OpenAI's 1,536 dimensions. Target: under 20 ms a search at 10,000.
 * - persistence: encoding the 10,000-chunk collection for the State store and reading it back.
 *
 * Every arm checks its result, so a broken call cannot produce a fast number. Run: `npx tsx bench/rag.ts`
 * (about a minute); `--quick` takes fewer samples. A sample output is in bench/rag-sample-output.txt.
 */
import { cpus, loadavg } from "node:os";
import type { HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import { embedMockTexts, MOCK_EMBEDDING_DIMENSIONS } from "@/lib/llm/mock-embedding";
import { createSpellApi } from "@/lib/spell";
import { splitIntoChunks, DEFAULT_CHUNKING } from "@/lib/spell/rag/chunking";
import { decodeCollection, encodeCollection } from "@/lib/spell/rag/persisted-collection";
import {
  appendChunks,
  createCollection,
  searchCollection,
  type Collection,
  type StoredChunk,
} from "@/lib/spell/rag/vector-index";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { createTestRuntime } from "@/lib/spell/testing";
import type { StateStore } from "@/lib/spell/runtime";
import { formatTable, median, type Sample } from "./stats";

const quick = process.argv.includes("--quick");
const INGEST_REPS = quick ? 3 : 7;
const SEARCHES = quick ? 50 : 200;
const TARGET_MS = 20;

/** A seeded generator, so every run measures the same corpus. */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const random = createRandom(42);
const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "zu", "en", "or", "ix", "am", "ul"];
const VOCABULARY = Array.from({ length: 3000 }, () => {
  const n = 2 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join("");
});
const TOPICS = ["alpha", "beta", "gamma", "delta"];

const sentence = (words: number) =>
  Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(" ");

/** `n` documents of 40 words (one chunk each at the default chunking), ids `<prefix><i>`. */
const documents = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    content: sentence(40),
    metadata: { topic: TOPICS[i % TOPICS.length], n: i },
  }));

function createRag(state: StateStore) {
  const api = createSpellApi(createTestRuntime({ state }));
  const fn = (name: string) => api.globals.RAG.functions[name];
  return {
    ingest: (docs: JsonValue, opts: JsonValue = {}) => fn("ingest")([docs as HostValue, opts as HostValue]),
    search: (query: string, opts: JsonValue) => fn("search")([query, opts as HostValue]),
  };
}

function expectValue(what: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

const msSince = (t0: number) => performance.now() - t0;

async function measureIngest(samples: Sample[]): Promise<void> {
  const total: number[] = [];
  for (let rep = 0; rep < INGEST_REPS; rep++) {
    const docs = documents(1000, `r${rep}-`);
    const rag = createRag(createMemoryStateStore());
    const t0 = performance.now();
    const r = (await rag.ingest(docs)) as { vectors_created: number };
    total.push(msSince(t0));
    expectValue("RAG.ingest of 1,000 documents", r.vectors_created, 1000);
  }
  samples.push({ name: "RAG.ingest, 1,000 chunks (whole call)", unit: "ms", values: total });

  // The same work, stage by stage.
  const stages: Record<string, number[]> = { chunking: [], embedding: [], index: [], persist: [] };
  for (let rep = 0; rep < INGEST_REPS; rep++) {
    const docs = documents(1000, `s${rep}-`);
    let t0 = performance.now();
    const parts = docs.map((d) => splitIntoChunks(d.content, DEFAULT_CHUNKING));
    stages.chunking.push(msSince(t0));
    const texts = parts.flat();
    expectValue("chunks", texts.length, 1000);
    t0 = performance.now();
    const { embeddings } = embedMockTexts(texts);
    stages.embedding.push(msSince(t0));
    t0 = performance.now();
    const c = createCollection("mock/embed", MOCK_EMBEDDING_DIMENSIONS);
    const chunks: StoredChunk[] = docs.map((d, i) => ({
      id: d.id,
      docId: d.id,
      content: texts[i],
      metadata: { ...d.metadata, doc_id: d.id, chunk_index: 0 },
    }));
    appendChunks(c, chunks, embeddings);
    stages.index.push(msSince(t0));
    t0 = performance.now();
    await createMemoryStateStore().set("__rag__", "global", encodeCollection(c));
    stages.persist.push(msSince(t0));
  }
  samples.push(
    { name: "  chunking (splitIntoChunks)", unit: "ms", values: stages.chunking },
    { name: "  mock embeddings (embedMockTexts)", unit: "ms", values: stages.embedding },
    { name: "  index append (appendChunks)", unit: "ms", values: stages.index },
    { name: "  encode + State write (memory)", unit: "ms", values: stages.persist },
  );
}

/** An index of `n` chunks built straight from mock vectors, for the scan arms. */
function buildCollection(n: number, dimensions: number): Collection {
  const c = createCollection("mock/embed", dimensions);
  const docs = documents(n, "b");
  const chunks: StoredChunk[] = docs.map((d) => ({
    id: d.id,
    docId: d.id,
    content: d.content,
    metadata: { ...d.metadata, doc_id: d.id, chunk_index: 0 },
  }));
  const vectors =
    dimensions === MOCK_EMBEDDING_DIMENSIONS
      ? embedMockTexts(docs.map((d) => d.content)).embeddings
      : docs.map(() => Array.from({ length: dimensions }, () => random() * 2 - 1));
  appendChunks(c, chunks, vectors);
  return c;
}

/** `n` queries: five words of a stored document each, so every query has a right answer. */
const queriesFor = (docs: { id: string; content: string }[], n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = docs[(i * 7919) % docs.length];
    return { id: d.id, text: d.content.split(" ").slice(5, 10).join(" ") };
  });

async function measureSearch(samples: Sample[], size: number): Promise<void> {
  // Through the API: ingest `size` documents in calls of at most 2,000 (RAG_BOUNDS.maxChunksPerIngest).
  const rag = createRag(createMemoryStateStore());
  const docs = documents(size, "q");
  const t0 = performance.now();
  for (let i = 0; i < size; i += 2000) await rag.ingest(docs.slice(i, i + 2000));
  const ingestMs = msSince(t0);
  const queries = queriesFor(docs, SEARCHES);
  const api: number[] = [];
  let first = 0;
  let inTop = 0;
  for (const q of queries) {
    const s = performance.now();
    const r = (await rag.search(q.text, { top_k: 5 })) as { results: { id: string }[] };
    api.push(msSince(s));
    if (r.results[0]?.id === q.id) first++;
    if (r.results.some((x) => x.id === q.id)) inTop++;
  }
  // The mock hashes words into 256 buckets, so at 10,000 chunks a query's own document is not always in the top
  // 5; by chance it would be in 5 of 10,000. Half is far from chance and proves the scan ranks by similarity.
  if (inTop < queries.length * 0.5) throw new Error(`search found the right document for only ${inTop} queries`);
  samples.push({
    name: `RAG.search, ${size.toLocaleString("en-US")} chunks, top_k 5 (whole call)`,
    unit: "ms",
    values: api,
    note: `source first ${first}/${queries.length}, in top 5 ${inTop}; ingest of all ${Math.round(ingestMs)} ms`,
  });

  // The scan alone, with ready query vectors.
  const c = buildCollection(size, MOCK_EMBEDDING_DIMENSIONS);
  const vectors = embedMockTexts(queries.map((q) => q.text)).embeddings;
  const scan: number[] = [];
  const filtered: number[] = [];
  for (let i = 0; i < vectors.length; i++) {
    let s = performance.now();
    const hits = searchCollection(c, vectors[i], { k: 5 });
    scan.push(msSince(s));
    if (hits.length !== 5) throw new Error("the scan returned fewer than 5 hits");
    s = performance.now();
    const some = searchCollection(c, vectors[i], { k: 5, filter: { topic: "gamma" } });
    filtered.push(msSince(s));
    if (!some.every((h) => h.chunk.metadata.topic === "gamma")) throw new Error("the filter let a chunk through");
  }
  samples.push(
    { name: "  cosine scan alone (searchCollection)", unit: "ms", values: scan },
    { name: "  cosine scan with metadata_filter", unit: "ms", values: filtered, note: "a quarter of chunks match" },
  );
}

async function measureWideScan(samples: Sample[]): Promise<void> {
  const c = buildCollection(10_000, 1536);
  const scan: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const q = Array.from({ length: 1536 }, () => random() * 2 - 1);
    const s = performance.now();
    const hits = searchCollection(c, q, { k: 5 });
    scan.push(msSince(s));
    if (hits.length !== 5) throw new Error("the scan returned fewer than 5 hits");
  }
  samples.push({
    name: "cosine scan, 10,000 chunks of 1,536 dims",
    unit: "ms",
    values: scan,
    note: "OpenAI text-embedding-3-small size",
  });
}

function measurePersistence(samples: Sample[]): void {
  const c = buildCollection(10_000, MOCK_EMBEDDING_DIMENSIONS);
  const encode: number[] = [];
  const decode: number[] = [];
  let bytes = 0;
  for (let rep = 0; rep < INGEST_REPS; rep++) {
    let s = performance.now();
    const text = JSON.stringify(encodeCollection(c));
    encode.push(msSince(s));
    bytes = text.length;
    s = performance.now();
    const back = decodeCollection(JSON.parse(text) as JsonValue);
    decode.push(msSince(s));
    if (typeof back === "string" || back.chunks.length !== 10_000) throw new Error("the round trip lost chunks");
  }
  const mib = (bytes / 1024 / 1024).toFixed(1);
  samples.push(
    { name: "encode 10,000 chunks for State (+ JSON text)", unit: "ms", values: encode, note: `${mib} MiB of JSON` },
    { name: "read them back (JSON.parse + decode)", unit: "ms", values: decode },
  );
}

async function main(): Promise<void> {
  const [l1, l5] = loadavg();
  console.log(
    `RAG bench: node ${process.version}, ${cpus().length} cpu(s) (${cpus()[0]?.model ?? "?"}), load average ${l1.toFixed(1)} ${l5.toFixed(1)}; ` +
      `mock embeddings, ${MOCK_EMBEDDING_DIMENSIONS} dimensions; ${SEARCHES} searches per arm, ${INGEST_REPS} ingests`,
  );
  const samples: Sample[] = [];
  await measureIngest(samples);
  await measureSearch(samples, 1000);
  await measureSearch(samples, 10_000);
  await measureWideScan(samples);
  measurePersistence(samples);
  console.log(formatTable(samples));
  const at10k = samples.find((s) => s.name.startsWith("RAG.search, 10,000"));
  const m = at10k ? median(at10k.values) : NaN;
  console.log(
    `target: RAG.search under ${TARGET_MS} ms at 10,000 chunks: ${m < TARGET_MS ? "met" : "NOT met"} (median ${m.toFixed(2)} ms)`,
  );
}

await main();
