import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpLlmClient, fetchModels } from "./client";
import { createDirectLlmClient } from "./direct";
import { createEmbedPostHandler } from "./embed-route-handler";
import { embedMockText } from "./mock-embedding";
import { createLlmPostHandler, createModelsGetHandler } from "./route-handler";
import { collectParts, textOfParts } from "./testing/collect";
import { startOpenAiMockServer, type OpenAiMockServer } from "./testing/openai-mock-server";
import { createMemoryRateLimiter } from "@/lib/ratelimit";
import type { LlmRequest } from "./types";
import { BYOK_HEADER } from "./wire";

const hello: LlmRequest = { model: "mock/default", messages: [{ role: "user", content: "hello client" }] };

/** A fetch that calls the route handlers in-process, recording what was sent. */
function routeFetch(
  env: Record<string, string | undefined> = {},
  limiter = createMemoryRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 }),
) {
  const post = createLlmPostHandler({ env, limiter });
  const embed = createEmbedPostHandler({ env, limiter });
  const get = createModelsGetHandler({ env });
  const sent: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), "http://127.0.0.1"), init);
    sent.push(request.clone());
    const path = new URL(request.url).pathname;
    return path === "/api/models" ? get(request) : path === "/api/embed" ? embed(request) : post(request);
  }) as typeof fetch;
  return { fetchImpl, sent };
}

let upstream: OpenAiMockServer;
beforeAll(async () => {
  upstream = await startOpenAiMockServer({ slowChunkMs: 100 });
});
afterAll(() => upstream.close());

describe("createHttpLlmClient", () => {
  it("streams typed parts from /api/llm, the same parts the direct client gives", async () => {
    const { fetchImpl, sent } = routeFetch();
    const client = createHttpLlmClient({ fetch: fetchImpl });
    const http = await collectParts(client.stream(hello));
    const direct = await collectParts(createDirectLlmClient({ env: {} }).stream(hello));
    expect(http).toEqual(direct);
    expect(textOfParts(http)).toContain("hello client");
    expect(sent[0].method).toBe("POST");
    expect(new URL(sent[0].url).pathname).toBe("/api/llm");
    expect(sent[0].headers.get(BYOK_HEADER)).toBeNull();
  });

  it("turns a refusal into one error part (bad request, rate limit with retry time)", async () => {
    const { fetchImpl } = routeFetch({}, createMemoryRateLimiter({ capacity: 1, refillPerSecond: 0.01 }));
    const client = createHttpLlmClient({ fetch: fetchImpl });
    expect(await collectParts(client.stream({ ...hello, messages: [] }))).toEqual([
      { type: "error", kind: "bad_request", message: "messages: must hold at least one message" },
    ]);
    const limited = await collectParts(client.stream(hello));
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ type: "error", kind: "rate_limited" });
    if (limited[0].type === "error") expect(limited[0].message).toMatch(/Retry after \d+ s/);
  });

  it("sends the brought key in its header only with model calls, and marks OpenAI available", async () => {
    const { fetchImpl, sent } = routeFetch({ OPENAI_BASE_URL: upstream.baseUrl });
    const client = createHttpLlmClient({ fetch: fetchImpl, byokKey: "sk-mine-123456" });
    const parts = await collectParts(client.stream({ ...hello, model: "openai/llama" }));
    expect(textOfParts(parts)).toBe("Hello from the mock server: hello client");
    expect(upstream.requests.at(-1)?.authorization).toBe("Bearer sk-mine-123456");
    const providers = await client.listModels();
    expect(providers.find((p) => p.name === "openai")?.available).toBe(true);
    expect(sent.at(-1)?.headers.get(BYOK_HEADER)).toBeNull();
  });

  it("stops on abort with a cancelled part, and the upstream call is abandoned", async () => {
    const { fetchImpl } = routeFetch({ OPENAI_BASE_URL: upstream.baseUrl, OPENAI_API_KEY: "sk-x-000" });
    const client = createHttpLlmClient({ fetch: fetchImpl });
    const before = upstream.abandoned;
    const controller = new AbortController();
    const parts = [];
    for await (const part of client.stream({ ...hello, model: "openai/slow-stream" }, controller.signal)) {
      parts.push(part);
      if (part.type === "text-delta") controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: "error", kind: "cancelled" });
    await expect.poll(() => upstream.abandoned, { timeout: 2_000 }).toBe(before + 1);
  });

  it("reports an unreachable gateway as one upstream error part", async () => {
    const client = createHttpLlmClient({
      baseUrl: "http://127.0.0.1:1",
      fetch: (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch,
    });
    expect(await collectParts(client.stream(hello))).toEqual([
      { type: "error", kind: "upstream", message: "Could not reach the model gateway (/api/llm)." },
    ]);
  });

  it("reports a stream that ends without a finish as malformed", async () => {
    const fetchImpl = (async () =>
      new Response(
        'data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\ndata: {"type":"text-delta","id":"t","delta":"half"}\n\n',
        { status: 200 },
      )) as typeof fetch;
    const parts = await collectParts(createHttpLlmClient({ fetch: fetchImpl }).stream(hello));
    expect(parts).toEqual([
      { type: "text-delta", text: "half" },
      { type: "error", kind: "malformed", message: expect.stringContaining("ended before a finish") },
    ]);
  });

  it("mockAll answers in-process without any request", async () => {
    let calls = 0;
    const client = createHttpLlmClient({
      mockAll: true,
      fetch: (async () => (calls++, new Response())) as typeof fetch,
    });
    const parts = await collectParts(client.stream({ ...hello, model: "openai/gpt-4o" }));
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    expect(calls).toBe(0);
  });

  it("lists models as { defaultModel, providers }", async () => {
    const { fetchImpl } = routeFetch({});
    const models = await fetchModels("", fetchImpl);
    expect(models.defaultModel).toBe("mock/default");
    expect(models.providers.map((p) => [p.name, p.available])).toEqual([
      ["mock", true],
      ["openai", false],
    ]);
    expect(models.providers[1].reason).toMatch(/OPENAI_API_KEY/);
  });
});

describe("createDirectLlmClient", () => {
  it("mockAll sends every model to the mock", async () => {
    const parts = await collectParts(
      createDirectLlmClient({ env: {}, mockAll: true }).stream({ ...hello, model: "openai/gpt-4o" }),
    );
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
  });

  it("reads OPENAI_BASE_URL from its env and uses byokKey", async () => {
    const client = createDirectLlmClient({ env: { OPENAI_BASE_URL: upstream.baseUrl }, byokKey: "sk-direct-999" });
    const parts = await collectParts(client.stream({ ...hello, model: "openai/qwen" }));
    expect(textOfParts(parts)).toBe("Hello from the mock server: hello client");
    expect(upstream.requests.at(-1)?.authorization).toBe("Bearer sk-direct-999");
  });

  it("gives validation and provider problems as one error part", async () => {
    const client = createDirectLlmClient({ env: {} });
    expect(await collectParts(client.stream({ ...hello, model: "openai/gpt-4o" }))).toEqual([
      { type: "error", kind: "unavailable", message: expect.stringContaining("OPENAI_API_KEY") },
    ]);
    expect(await collectParts(client.stream({ ...hello, temperature: 9 }))).toMatchObject([
      { type: "error", kind: "bad_request" },
    ]);
    for (const bad of [{ topP: 1.5 }, { topP: -0.1 }, { seed: 1.5 }, { seed: -1 }, { seed: 2 ** 31 }])
      expect(await collectParts(client.stream({ ...hello, ...bad }))).toEqual([
        { type: "error", kind: "bad_request", message: expect.stringMatching(/^(topP|seed): /) },
      ]);
  });
});

describe("embed", () => {
  const texts = ["the cat sat", "a dog ran", "cats and dogs", "lighthouse", "ships at sea"];

  it("over HTTP gives the vectors the direct client gives, through POST /api/embed", async () => {
    const { fetchImpl, sent } = routeFetch();
    const http = await createHttpLlmClient({ fetch: fetchImpl }).embed("mock/embed", texts);
    const direct = await createDirectLlmClient({ env: {} }).embed("mock/embed", texts);
    expect(http).toEqual(direct);
    expect(http).toMatchObject({ ok: true, modelId: "mock/embed", embeddings: texts.map((t) => embedMockText(t)) });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(["/api/embed"]);
    expect(sent[0].headers.get(BYOK_HEADER)).toBeNull();
  });

  it("splits texts into requests under the caps and keeps their order", async () => {
    const { fetchImpl, sent } = routeFetch();
    const caps = { maxBodyBytes: 64 * 1024, maxTexts: 2, maxTotalChars: 20 };
    const result = await createHttpLlmClient({ fetch: fetchImpl, embedCaps: caps }).embed("mock/embed", texts);
    expect(result).toMatchObject({ ok: true, embeddings: texts.map((t) => embedMockText(t)) });
    const batches = await Promise.all(sent.map(async (r) => ((await r.json()) as { texts: string[] }).texts));
    expect(batches).toEqual([["the cat sat", "a dog ran"], ["cats and dogs"], ["lighthouse"], ["ships at sea"]]);
    expect(batches.every((b) => b.length <= caps.maxTexts && b.join("").length <= caps.maxTotalChars)).toBe(true);
  });

  it("refuses a text no request could carry, without sending anything", async () => {
    const { fetchImpl, sent } = routeFetch();
    const caps = { maxBodyBytes: 64 * 1024, maxTexts: 2, maxTotalChars: 5 };
    const result = await createHttpLlmClient({ fetch: fetchImpl, embedCaps: caps }).embed("mock/embed", ["123456"]);
    expect(result).toMatchObject({ ok: false, kind: "bad_request" });
    expect(sent).toEqual([]);
  });

  it("sends the brought key in its header and reaches OpenAI-compatible embeddings with it", async () => {
    const { fetchImpl, sent } = routeFetch({ OPENAI_BASE_URL: upstream.baseUrl });
    const client = createHttpLlmClient({ fetch: fetchImpl, byokKey: "sk-embed-mine-1" });
    expect(await client.embed("openai/embedder", ["abc"])).toEqual({
      ok: true,
      modelId: "openai/embedder",
      embeddings: [[3, 1, 1]],
      tokens: 1,
    });
    expect(sent[0].headers.get(BYOK_HEADER)).toBe("sk-embed-mine-1");
    expect(upstream.requests.at(-1)?.authorization).toBe("Bearer sk-embed-mine-1");
  });

  it("turns refusals, an unreachable gateway and a malformed answer into ok: false", async () => {
    const { fetchImpl } = routeFetch({}, createMemoryRateLimiter({ capacity: 1, refillPerSecond: 0.01 }));
    const client = createHttpLlmClient({ fetch: fetchImpl });
    expect(await client.embed("acme/x", ["a"])).toMatchObject({ ok: false, kind: "unknown_model" });
    const limited = await client.embed("mock/embed", ["a"]);
    expect(limited).toMatchObject({ ok: false, kind: "rate_limited", message: expect.stringMatching(/Retry after/) });
    const unreachable = createHttpLlmClient({
      fetch: (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch,
    });
    expect(await unreachable.embed("mock/embed", ["a"])).toEqual({
      ok: false,
      kind: "upstream",
      message: "Could not reach the embedding gateway (/api/embed).",
    });
    const malformed = createHttpLlmClient({
      fetch: (async () =>
        Response.json({ model: "mock/embed", embeddings: [[1]], usage: { tokens: 1 } })) as typeof fetch,
    });
    expect(await malformed.embed("mock/embed", ["a", "b"])).toMatchObject({ ok: false, kind: "malformed" });
  });

  it("reports an abort as cancelled", async () => {
    const { fetchImpl } = routeFetch();
    const controller = new AbortController();
    controller.abort();
    const result = await createHttpLlmClient({ fetch: fetchImpl }).embed("mock/embed", ["a"], controller.signal);
    expect(result).toMatchObject({ ok: false, kind: "cancelled" });
    expect(await createDirectLlmClient({ env: {} }).embed("mock/embed", ["a"], controller.signal)).toMatchObject({
      ok: false,
      kind: "cancelled",
    });
  });

  it("mockAll embeds in-process with mock/embed, whatever the model, in both clients", async () => {
    let calls = 0;
    const http = createHttpLlmClient({ mockAll: true, fetch: (async () => (calls++, new Response())) as typeof fetch });
    const expected = { ok: true, modelId: "mock/embed", embeddings: [embedMockText("hi")], tokens: 1 };
    expect(await http.embed("openai/text-embedding-3-small", ["hi"])).toEqual(expected);
    expect(calls).toBe(0);
    expect(await createDirectLlmClient({ env: {}, mockAll: true }).embed("openai/x", ["hi"])).toEqual(expected);
    expect(await createDirectLlmClient({ env: {} }).embed("openai/x", ["hi"])).toMatchObject({
      ok: false,
      kind: "unavailable",
    });
  });
});
