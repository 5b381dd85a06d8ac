import { describe, expect, it } from "vitest";
import { SpellError } from "@/lib/core/errors";
import type { TraceEnd } from "@/lib/core/events";
import { createDirectLlmClient } from "@/lib/llm/direct";
import { embedWithMock } from "@/lib/llm/mock";
import type { LlmClient } from "@/lib/llm/types";
import { createScriptedLlm, createHarness } from "../test-support";
import { createMemoryStateStore } from "../state/memory";
import type { StateStore } from "../runtime";

const docs = [
  { id: "paris", content: "Paris is the capital of France.", metadata: { topic: "travel" } },
  { id: "lua", content: "Lua is a small scripting language.", metadata: { topic: "code" } },
];

async function errorOf(p: Promise<unknown>): Promise<SpellError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SpellError) return e;
    throw e;
  }
  throw new Error("no error");
}

type Search = { total: number; results: { id: string; score: number }[] };

describe("RAG", () => {
  it("persists the index through the State store: a later run finds what an earlier one ingested", async () => {
    const state = createMemoryStateStore();
    await createHarness({ state }).call("RAG.ingest", docs, { scope: "session", scope_id: "s1" });
    const later = createHarness({ state });
    const r = (await later.call("RAG.search", "capital of France", {
      scope: "session",
      scope_id: "s1",
      top_k: 1,
    })) as Search;
    expect(r.results.map((x) => x.id)).toEqual(["paris"]);
    expect(await later.call("RAG.get_stats", "session", "s1")).toMatchObject({
      total_vectors: 2,
      searches_performed: 1,
    });
    expect(await later.call("RAG.cleanup_scope", "session", "s1")).toBe(2);
    expect(await createHarness({ state }).call("RAG.get_stats", "session", "s1")).toMatchObject({ total_vectors: 0 });
  });

  it("embeds a search with the model its scope was filled with", async () => {
    const h = createHarness();
    await h.call("RAG.ingest", docs, { provider: "mock/other" });
    await h.call("RAG.search", "Lua");
    expect(h.starts("embedding").map((s) => s.name)).toEqual(["mock/other", "mock/other"]);
    expect(await h.call("RAG.get_stats", "global")).toMatchObject({ model: "mock/other" });
    const mixed = await errorOf(h.call("RAG.ingest", { content: "more" }, { provider: "mock" }));
    expect(mixed.kind).toBe("api");
    expect(mixed.message).toMatch(/holds vectors of mock\/other, not mock\/embed/);
  });

  it("embeds at most 256 texts a call, each call an embedding span inside the ingest's retrieval span", async () => {
    const h = createHarness();
    const text = Array.from({ length: 600 }, (_, i) => `w${i}`).join(" ");
    const r = await h.call("RAG.ingest", { id: "long", content: text }, { chunking: { chunk_size: 1, overlap: 0 } });
    expect(r).toMatchObject({ vectors_created: 600 });
    const [ingest] = h.starts("retrieval");
    const calls = h.starts("embedding");
    expect(calls.map((s) => [s.parentId, (s.input as { texts: number }).texts])).toEqual([
      [ingest.id, 256],
      [ingest.id, 256],
      [ingest.id, 88],
    ]);
  });

  it("a provider that cannot embed raises a provider error naming the model, and stores nothing", async () => {
    const h = createHarness({ mockAll: false, llm: createDirectLlmClient({ env: {} }) });
    const e = await errorOf(h.call("RAG.ingest", docs, { provider: "openai" }));
    expect(e.kind).toBe("provider");
    expect(e.message).toMatch(/^openai\/text-embedding-3-small: OpenAI models need a key/);
    expect(await h.call("RAG.get_stats", "global")).toMatchObject({ total_vectors: 0 });
    const end = h.traces().find((t): t is TraceEnd => t.phase === "end" && t.id === h.starts("embedding")[0].id);
    expect(end?.error?.kind).toBe("provider");
  });

  it("mock every model sends an OpenAI embedding model to mock/embed", async () => {
    const h = createHarness();
    await h.call("RAG.ingest", docs, { provider: "openai" });
    expect(await h.call("RAG.get_stats", "global")).toMatchObject({ model: "mock/embed", dimensions: 256 });
  });

  it("refuses vectors that are not one of one length per text", async () => {
    const broken: LlmClient = {
      ...createScriptedLlm([]),
      embed: async (model, texts) => ({
        ok: true,
        modelId: model,
        embeddings: texts.map((_, i) => [1, i]).slice(1),
        tokens: 1,
      }),
    };
    const h = createHarness({ llm: broken });
    const e = await errorOf(h.call("RAG.ingest", docs));
    expect(e.kind).toBe("provider");
    expect(e.message).toMatch(/did not return one vector of one length per text/);
  });

  it("embedding tokens have a budget of their own, apart from the chat tokens", async () => {
    const h = createHarness({ limits: { maxEmbeddingTokens: 10, maxRunTokens: 1 } });
    await h.call("RAG.ingest", docs);
    const e = await errorOf(h.call("RAG.search", "France"));
    expect(e.kind).toBe("api");
    expect(e.message).toBe(
      "embedding token budget exhausted: this run embedded 17 of its 10 tokens (limits.maxEmbeddingTokens); not calling mock/embed",
    );
    expect(await h.call("Config.get", "limits.max_embedding_tokens")).toBe(10);
  });

  it("a cancelled run stops before embedding", async () => {
    const controller = new AbortController();
    let embedded = 0;
    const llm: LlmClient = {
      ...createScriptedLlm([]),
      embed: async (m, t, s) => (embedded++, embedWithMock(m, t, s)),
    };
    const h = createHarness({ llm, signal: controller.signal });
    controller.abort();
    expect((await errorOf(h.call("RAG.ingest", docs))).kind).toBe("cancelled");
    expect(embedded).toBe(0);
  });

  it("save waits until every change is stored", async () => {
    const inner = createMemoryStateStore();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow: StateStore = { ...inner, set: async (s, k, v) => (await gate, inner.set(s, k, v)) };
    const h = createHarness({ state: slow });
    const ingest = h.call("RAG.ingest", docs);
    let saved = false;
    const save = h.call("RAG.save").then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(saved).toBe(false);
    release();
    await ingest;
    await save;
    expect(await inner.keys("__rag__")).toEqual(["global"]);
  });
});
