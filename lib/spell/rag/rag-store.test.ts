import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IDBFactory } from "fake-indexeddb";
import { SpellError } from "@/lib/core/errors";
import { RAG_BOUNDS } from "@/lib/core/limits";
import type { StateStore } from "../runtime";
import { createIndexedDbStateStore } from "../state/indexeddb";
import { createJsonFileStateStore } from "../state/json-file";
import { createMemoryStateStore } from "../state/memory";
import { createRagStore, RAG_STATE_SCOPE, type IngestBatch } from "./rag-store";
import { searchCollection } from "./vector-index";

const dir = mkdtempSync(join(tmpdir(), "rag-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A batch of one-word chunks, one document each, with vectors [i, 1]. */
function batch(
  n: number,
  opts: { prefix?: string; model?: string; content?: (i: number) => string } = {},
): IngestBatch {
  const prefix = opts.prefix ?? "d";
  const chunks = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    docId: `${prefix}${i}`,
    content: opts.content ? opts.content(i) : `word${i}`,
    metadata: { doc_id: `${prefix}${i}`, chunk_index: 0, n: i },
  }));
  return {
    model: opts.model ?? "mock/embed",
    dimensions: 2,
    docIds: new Set(chunks.map((c) => c.docId)),
    chunks,
    vectors: chunks.map((_, i) => [i, 1]),
    tokens: n,
  };
}

async function errorOf(p: Promise<unknown>): Promise<SpellError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SpellError) return e;
    throw e;
  }
  throw new Error("no error");
}

const stores: [string, () => StateStore][] = [
  ["memory", () => createMemoryStateStore()],
  ["JSON file", () => createJsonFileStateStore(join(dir, `${Math.random().toString(36).slice(2)}.json`))],
  ["IndexedDB", () => createIndexedDbStateStore(`rag-${Math.random()}`, new IDBFactory())],
];

describe.each(stores)("the RAG index persists in the %s State store", (_name, make) => {
  it("round-trips through a fresh index on the same store (a later run)", async () => {
    const state = make();
    const first = createRagStore(state);
    await first.ingest("global", batch(3));
    await first.ingest("tenant:a", batch(2, { prefix: "t" }));
    const second = createRagStore(state);
    const c = await second.collection("global");
    expect(c?.chunks.map((ch) => ch.id)).toEqual(["d0", "d1", "d2"]);
    expect(c?.usage).toEqual({ embeddingsGenerated: 3, embeddingTokens: 3 });
    expect(searchCollection(c!, [2, 1], { k: 1 })[0].chunk.metadata).toEqual({ doc_id: "d2", chunk_index: 0, n: 2 });
    expect(await second.totals()).toEqual({ chunks: 5, textChars: 5 * "word0".length });
    expect(await state.keys(RAG_STATE_SCOPE)).toEqual(["global", "tenant:a"]);
    expect(await second.removeScope("tenant:a")).toBe(2);
    expect(await state.keys(RAG_STATE_SCOPE)).toEqual(["global"]);
    expect(await createRagStore(state).collection("tenant:a")).toBeUndefined();
  });
});

describe("createRagStore", () => {
  it("replaces a document's chunks when it is ingested again", async () => {
    const store = createRagStore(createMemoryStateStore());
    await store.ingest("s", batch(3));
    await store.ingest("s", { ...batch(1), chunks: [{ ...batch(1).chunks[0], content: "new" }] });
    const c = await store.collection("s");
    expect(c?.chunks.map((ch) => [ch.id, ch.content])).toEqual([
      ["d1", "word1"],
      ["d2", "word2"],
      ["d0", "new"],
    ]);
    expect((await store.totals()).chunks).toBe(3);
  });

  it("holds at most RAG_BOUNDS.maxChunks chunks, every scope together, and a replaced document frees its own", async () => {
    const store = createRagStore(createMemoryStateStore());
    await store.ingest("a", batch(RAG_BOUNDS.maxChunks - 1));
    await store.ingest("b", batch(1, { prefix: "b" }));
    const over = await errorOf(store.ingest("c", batch(1, { prefix: "c" })));
    expect(over.kind).toBe("api");
    expect(over.message).toBe(
      "RAG.ingest: the index would hold 10,001 chunks; it may hold at most 10,000, every scope together (remove some with RAG.cleanup_scope)",
    );
    await store.ingest("b", batch(1, { prefix: "b" }));
    expect((await store.totals()).chunks).toBe(RAG_BOUNDS.maxChunks);
    expect(await store.collection("c")).toBeUndefined();
  });

  it("holds at most RAG_BOUNDS.maxTextChars characters of text", async () => {
    const store = createRagStore(createMemoryStateStore());
    const big = "x".repeat(RAG_BOUNDS.maxChunkChars);
    const chunks = RAG_BOUNDS.maxTextChars / big.length;
    expect(Number.isInteger(chunks)).toBe(true);
    for (let i = 0; i < chunks; i += 1000)
      await store.ingest("s", batch(Math.min(1000, chunks - i), { prefix: `p${i}-`, content: () => big }));
    expect((await store.totals()).textChars).toBe(RAG_BOUNDS.maxTextChars);
    const over = await errorOf(store.ingest("s", batch(1, { prefix: "last", content: () => "y" })));
    expect(over.kind).toBe("api");
    expect(over.message).toMatch(/characters of text; it may hold at most 16,777,216/);
  });

  it("keeps one embedding model per scope", async () => {
    const store = createRagStore(createMemoryStateStore());
    await store.ingest("s", batch(1));
    const mixed = await errorOf(store.ingest("s", batch(1, { prefix: "o", model: "openai/text-embedding-3-small" })));
    expect(mixed.kind).toBe("api");
    expect(mixed.message).toMatch(/scope "s" holds vectors of mock\/embed, not openai\/text-embedding-3-small/);
    await store.ingest("other", batch(1, { model: "openai/text-embedding-3-small" }));
    const wrongSize = await errorOf(store.ingest("s", { ...batch(1, { prefix: "w" }), dimensions: 3 }));
    expect(wrongSize.kind).toBe("provider");
  });

  it("a stored value that cannot be read fails only its scope, and cleanup removes it", async () => {
    const state = createMemoryStateStore();
    await createRagStore(state).ingest("good", batch(1));
    await state.set(RAG_STATE_SCOPE, "bad", { format: 1, model: "m" });
    const store = createRagStore(state);
    expect((await store.collection("good"))?.chunks).toHaveLength(1);
    const broken = await errorOf(store.collection("bad"));
    expect(broken.kind).toBe("api");
    expect(broken.message).toMatch(/the stored index of scope "bad" cannot be read: its dimensions/);
    expect(await store.removeScope("bad")).toBe(0);
    expect(await state.keys(RAG_STATE_SCOPE)).toEqual(["good"]);
    expect(await store.collection("bad")).toBeUndefined();
  });

  it("scope names such as __proto__ are ordinary names", async () => {
    const state = createMemoryStateStore();
    const store = createRagStore(state);
    await store.ingest("__proto__", batch(1));
    await store.ingest("constructor", batch(2));
    const again = createRagStore(state);
    expect((await again.collection("__proto__"))?.chunks).toHaveLength(1);
    expect((await again.collection("constructor"))?.chunks).toHaveLength(2);
    expect(await again.collection("toString")).toBeUndefined();
  });

  it("surfaces a failed write to the call that made the change", async () => {
    const state = createMemoryStateStore();
    const failing: StateStore = { ...state, set: async () => Promise.reject(new Error("disk full")) };
    const store = createRagStore(failing);
    await expect(store.ingest("s", batch(1))).rejects.toThrow("disk full");
    await expect(store.flush()).resolves.toBeUndefined();
  });
});
