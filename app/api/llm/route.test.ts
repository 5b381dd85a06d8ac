import { afterEach, describe, expect, it, vi } from "vitest";
import { GATEWAY_CAPS } from "@/lib/llm/caps";
import { createLlmPostHandler } from "@/lib/llm/route-handler";
import { llmRequest, readResponseParts, textOfParts } from "@/lib/llm/testing/collect";
import { BYOK_HEADER } from "@/lib/llm/wire";
import { createMemoryRateLimiter } from "@/lib/ratelimit";
import { POST } from "./route";

const hello = { model: "mock/default", messages: [{ role: "user", content: "hello gateway" }] };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { kind: string; message: string; field?: string } }).error;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("POST /api/llm", () => {
  it("streams the AI SDK UI message stream (SSE) with headers that defeat buffering", async () => {
    const response = await POST(llmRequest(hello));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("content-encoding")).toBe("identity");
    const parts = await readResponseParts(response);
    expect(textOfParts(parts)).toContain("hello gateway");
    expect(parts.at(-2)?.type).toBe("usage");
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
  });

  it("gives the same reply to the same request", async () => {
    const a = await readResponseParts(await POST(llmRequest(hello)));
    const b = await readResponseParts(await POST(llmRequest(hello)));
    expect(a).toEqual(b);
  });

  it("serves any mock/<name> deterministically, mock/echo still echoing", async () => {
    const anything = { ...hello, model: "mock/anything" };
    const response = await POST(llmRequest(anything));
    expect(response.status).toBe(200);
    const a = await readResponseParts(response);
    expect(textOfParts(a)).toContain("hello gateway");
    expect(a.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    expect(await readResponseParts(await POST(llmRequest(anything)))).toEqual(a);
    expect(textOfParts(await readResponseParts(await POST(llmRequest({ ...hello, model: "mock/echo" }))))).toBe(
      "hello gateway",
    );
  });

  it("streams a tool call for a tool-enabled request", async () => {
    const tools = [
      {
        name: "lookup",
        description: "Look a word up",
        parameters: { type: "object", properties: { word: { type: "string" } }, required: ["word"] },
      },
    ];
    const parts = await readResponseParts(await POST(llmRequest({ ...hello, tools })));
    expect(parts[0]).toMatchObject({ type: "tool-call", toolName: "lookup", input: { word: "hello gateway" } });
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "tool-calls" });
  });

  it.each([
    ["malformed JSON", "{not json", "body"],
    ["a wrong type", { ...hello, temperature: "hot" }, "temperature"],
    ["a message of an unknown role", { ...hello, messages: [{ role: "wizard", content: "x" }] }, "messages[0].role"],
    ["an empty message list", { ...hello, messages: [] }, "messages"],
    ["a missing model", { messages: hello.messages }, "model"],
    ["a base URL in the body", { ...hello, baseURL: "http://evil.example" }, "baseURL"],
    [
      "a tool schema that is not JSON Schema",
      {
        ...hello,
        tools: [{ name: "t", description: "d", parameters: { type: "object", properties: { a: { type: 12 } } } }],
      },
      "tools[0].parameters",
    ],
    [
      "a tool schema that is not an object schema",
      { ...hello, tools: [{ name: "t", description: "d", parameters: { type: "string" } }] },
      "tools[0].parameters",
    ],
    [
      "a bad tool name",
      { ...hello, tools: [{ name: "no spaces allowed", description: "d", parameters: { type: "object" } }] },
      "tools[0].name",
    ],
    [
      "a response format that is not JSON Schema",
      { ...hello, responseFormat: { type: "object", required: "name" } },
      "responseFormat",
    ],
  ])("refuses %s with 400 naming the field", async (_name, body, field) => {
    const response = await POST(llmRequest(body));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.kind).toBe("bad_request");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field.split("[")[0]);
  });

  it.each([
    ["an unknown provider", "acme/model-1", /Unknown provider "acme"/],
    ["a mock model name that is not one name", "mock/a/b", /Unknown model "mock\/a\/b"/],
  ])("refuses %s with 400 unknown_model", async (_name, model, message) => {
    const response = await POST(llmRequest({ ...hello, model }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ kind: "unknown_model", field: "model" });
    expect(error.message).toMatch(message);
  });

  it("refuses a body over 64 KiB with 413, with or without Content-Length, and keeps serving", async () => {
    const huge = { ...hello, messages: [{ role: "user", content: "x".repeat(GATEWAY_CAPS.maxBodyBytes) }] };
    const declared = await POST(llmRequest(huge));
    expect(declared.status).toBe(413);
    const text = JSON.stringify(huge);
    const chunked = new Request("http://127.0.0.1/api/llm", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < text.length; i += 8192) c.enqueue(new TextEncoder().encode(text.slice(i, i + 8192)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect((await POST(chunked)).status).toBe(413);
    const justUnder = { ...hello, messages: [{ role: "user", content: "x".repeat(GATEWAY_CAPS.maxBodyBytes - 200) }] };
    expect((await POST(llmRequest(justUnder))).status).toBe(200);
  });

  it("answers 429 with Retry-After once a client's bucket is empty, per client", async () => {
    const handler = createLlmPostHandler({
      env: {},
      limiter: createMemoryRateLimiter({ capacity: 2, refillPerSecond: 0.1 }),
    });
    const from = (ip: string) =>
      new Request("http://127.0.0.1/api/llm", {
        method: "POST",
        headers: { "x-forwarded-for": ip },
        body: JSON.stringify(hello),
      });
    expect((await handler(from("1.1.1.1"))).status).toBe(200);
    expect((await handler(from("1.1.1.1"))).status).toBe(200);
    const refused = await handler(from("1.1.1.1"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(refused)).kind).toBe("rate_limited");
    expect((await handler(from("2.2.2.2"))).status).toBe(200);
  });

  it("the exported route takes its rate limit from LLM_RATE_LIMIT_BURST / LLM_RATE_LIMIT_PER_MINUTE", async () => {
    vi.resetModules();
    vi.stubEnv("LLM_RATE_LIMIT_BURST", "2");
    vi.stubEnv("LLM_RATE_LIMIT_PER_MINUTE", "1");
    const route = await import("./route");
    const from = () =>
      new Request("http://127.0.0.1/api/llm", {
        method: "POST",
        headers: { "x-forwarded-for": "9.9.9.9" },
        body: JSON.stringify(hello),
      });
    expect((await route.POST(from())).status).toBe(200);
    expect((await route.POST(from())).status).toBe(200);
    const refused = await route.POST(from());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
  });

  it("refuses OpenAI models without a key as unavailable, and never echoes a malformed BYOK header", async () => {
    const handler = createLlmPostHandler({ env: {} });
    const noKey = await handler(llmRequest({ ...hello, model: "openai/gpt-4o-mini" }));
    expect(noKey.status).toBe(503);
    expect((await errorOf(noKey)).kind).toBe("unavailable");
    const secret = "sk-bad key with spaces";
    const bad = await handler(llmRequest(hello, { [BYOK_HEADER]: secret }));
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).not.toContain("bad key");
    expect(body).toContain(BYOK_HEADER);
  });
});
