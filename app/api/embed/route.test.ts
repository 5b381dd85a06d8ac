import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EMBED_CAPS } from "@/lib/llm/caps";
import { createEmbedPostHandler } from "@/lib/llm/embed-route-handler";
import { embedMockText } from "@/lib/llm/mock-embedding";
import { llmRequest } from "@/lib/llm/testing/collect";
import { startOpenAiMockServer, type OpenAiMockServer } from "@/lib/llm/testing/openai-mock-server";
import { BYOK_HEADER, type EmbedResponseBody } from "@/lib/llm/wire";
import { createMemoryRateLimiter } from "@/lib/ratelimit";
import { POST } from "./route";

const hello = { model: "mock/embed", texts: ["the cat sat", "a dog ran"] };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { kind: string; message: string; field?: string } }).error;
}

let upstream: OpenAiMockServer;
beforeAll(async () => {
  upstream = await startOpenAiMockServer();
});
afterAll(() => upstream.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("POST /api/embed", () => {
  it("answers one mock vector per text, in order, with usage and no caching", async () => {
    const response = await POST(llmRequest(hello));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as EmbedResponseBody;
    expect(body.model).toBe("mock/embed");
    expect(body.embeddings).toEqual(hello.texts.map((t) => embedMockText(t)));
    expect(body.usage.tokens).toBe(6);
  });

  it.each([
    ["malformed JSON", "{not json", "body"],
    ["a missing model", { texts: ["a"] }, "model"],
    ["a model that is not provider/model", { model: "no spaces please", texts: ["a"] }, "model"],
    ["texts that are not a list", { model: "mock/embed", texts: "a" }, "texts"],
    ["an empty list of texts", { model: "mock/embed", texts: [] }, "texts"],
    ["a text that is not a string", { model: "mock/embed", texts: ["a", 3] }, "texts[1]"],
    ["a base URL in the body", { ...hello, baseURL: "http://evil.example" }, "baseURL"],
    ["one text too many", { model: "mock/embed", texts: Array(EMBED_CAPS.maxTexts + 1).fill("x") }, "texts"],
    ["too many characters", { model: "mock/embed", texts: ["y".repeat(EMBED_CAPS.maxTotalChars), "z"] }, "texts"],
  ])("refuses %s with 400 naming the field", async (_name, body, field) => {
    const response = await POST(llmRequest(body));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.kind).toBe("bad_request");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field.split("[")[0]);
  });

  it("accepts exactly the caps", async () => {
    const atTexts = await POST(llmRequest({ model: "mock/embed", texts: Array(EMBED_CAPS.maxTexts).fill("x") }));
    expect(atTexts.status).toBe(200);
    const atChars = await POST(llmRequest({ model: "mock/embed", texts: ["y".repeat(EMBED_CAPS.maxTotalChars)] }));
    expect(atChars.status).toBe(200);
  });

  it("refuses an unknown provider with 400 unknown_model and OpenAI without a key with 503", async () => {
    const unknown = await POST(llmRequest({ ...hello, model: "acme/embedder" }));
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({ kind: "unknown_model", field: "model" });
    const handler = createEmbedPostHandler({ env: {} });
    const noKey = await handler(llmRequest({ ...hello, model: "openai/text-embedding-3-small" }));
    expect(noKey.status).toBe(503);
    expect(await errorOf(noKey)).toMatchObject({ kind: "unavailable", field: "model" });
  });

  it("refuses a body over the cap with 413, with or without Content-Length", async () => {
    const handler = createEmbedPostHandler({ env: {}, caps: { ...EMBED_CAPS, maxBodyBytes: 1000 } });
    const big = { model: "mock/embed", texts: ["x".repeat(1000)] };
    expect((await handler(llmRequest(big))).status).toBe(413);
    const text = JSON.stringify(big);
    const chunked = new Request("http://127.0.0.1/api/embed", {
      method: "POST",
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < text.length; i += 100) c.enqueue(new TextEncoder().encode(text.slice(i, i + 100)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    const refused = await handler(chunked);
    expect(refused.status).toBe(413);
    expect(await errorOf(refused)).toMatchObject({ kind: "bad_request", field: "body" });
    expect((await handler(llmRequest({ model: "mock/embed", texts: ["x".repeat(900)] }))).status).toBe(200);
  });

  it("answers 429 with Retry-After once a client's bucket is empty, per client", async () => {
    const handler = createEmbedPostHandler({
      env: {},
      limiter: createMemoryRateLimiter({ capacity: 2, refillPerSecond: 0.1 }),
    });
    const from = (ip: string) => llmRequest(hello, { "x-forwarded-for": ip });
    expect((await handler(from("1.1.1.1"))).status).toBe(200);
    expect((await handler(from("1.1.1.1"))).status).toBe(200);
    const refused = await handler(from("1.1.1.1"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await errorOf(refused)).toMatchObject({
      kind: "rate_limited",
      message: expect.stringMatching(/embedding calls/),
    });
    expect((await handler(from("2.2.2.2"))).status).toBe(200);
  });

  it("the exported route takes its rate limit from EMBED_RATE_LIMIT_BURST / EMBED_RATE_LIMIT_PER_MINUTE", async () => {
    vi.resetModules();
    vi.stubEnv("EMBED_RATE_LIMIT_BURST", "1");
    vi.stubEnv("EMBED_RATE_LIMIT_PER_MINUTE", "1");
    const route = await import("./route");
    const from = () => llmRequest(hello, { "x-forwarded-for": "9.9.9.8" });
    expect((await route.POST(from())).status).toBe(200);
    const refused = await route.POST(from());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
  });

  it("uses a brought key for that call only, and never echoes a malformed one", async () => {
    const handler = createEmbedPostHandler({ env: { OPENAI_BASE_URL: upstream.baseUrl } });
    const response = await handler(
      llmRequest({ model: "openai/embedder", texts: ["abc", "hello"] }, { [BYOK_HEADER]: "sk-embed-111" }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as EmbedResponseBody;
    expect(body).toEqual({
      model: "openai/embedder",
      embeddings: [
        [3, 1, 1],
        [5, 2, 1],
      ],
      usage: { tokens: 2 },
    });
    const sent = upstream.requests.at(-1);
    expect(sent?.path).toMatch(/\/embeddings$/);
    expect(sent?.authorization).toBe("Bearer sk-embed-111");
    expect(JSON.stringify(body)).not.toContain("sk-embed-111");

    const secret = "sk-bad key with spaces";
    const bad = await handler(llmRequest(hello, { [BYOK_HEADER]: secret }));
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toContain("bad key");
    expect(text).toContain(BYOK_HEADER);
  });

  it("scrubs the key out of a provider's error, and reports it as upstream 502", async () => {
    const handler = createEmbedPostHandler({ env: { OPENAI_BASE_URL: upstream.baseUrl } });
    const response = await handler(
      llmRequest({ model: "openai/fail-401", texts: ["x"] }, { [BYOK_HEADER]: "sk-secret-key-9876" }),
    );
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).not.toContain("sk-secret-key-9876");
    expect(text).toContain("[redacted]");
    expect(JSON.parse(text).error.kind).toBe("upstream");
  });

  it("gives up on a provider past the time cap with 504 timeout", async () => {
    const handler = createEmbedPostHandler({ env: { OPENAI_BASE_URL: upstream.baseUrl }, maxRequestMs: 200 });
    const response = await handler(llmRequest({ model: "openai/never-respond", texts: ["x"] }));
    expect(response.status).toBe(504);
    expect(await errorOf(response)).toMatchObject({ kind: "timeout" });
  });
});
