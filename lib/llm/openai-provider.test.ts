/**
 * The real `openai` provider (AI SDK, Chat Completions) end to end through the gateway route handler,
 * against the local OpenAI-compatible SSE mock server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GATEWAY_CAPS } from "./caps";
import { createLlmPostHandler } from "./route-handler";
import { llmRequest, readResponseParts, textOfParts } from "./testing/collect";
import { startOpenAiMockServer, type OpenAiMockServer } from "./testing/openai-mock-server";
import type { StreamPart } from "./types";
import { BYOK_HEADER, decodeStream } from "./wire";

const SERVER_KEY = "sk-server-secret-0123456789abcdef";
const USER_KEY = "sk-user-own-key-fedcba9876543210";
let upstream: OpenAiMockServer;
let handler: (request: Request) => Promise<Response>;

const ask = (model: string, extra: Record<string, unknown> = {}) => ({
  model: `openai/${model}`,
  messages: [{ role: "user", content: "hi there" }],
  ...extra,
});
const calculator = {
  name: "calculator",
  description: "Evaluate arithmetic",
  parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] },
};

async function call(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; parts: StreamPart[]; raw: string }> {
  const response = await handler(llmRequest(body, headers));
  const raw = await response.text();
  const parts = response.status === 200 ? await readResponseParts(new Response(raw)) : [];
  return { status: response.status, parts, raw };
}

beforeAll(async () => {
  upstream = await startOpenAiMockServer({ slowFirstByteMs: 3_000, slowChunkMs: 350 });
  handler = createLlmPostHandler({
    env: { OPENAI_BASE_URL: upstream.baseUrl, OPENAI_API_KEY: SERVER_KEY },
    caps: { ...GATEWAY_CAPS, firstByteTimeoutMs: 400, maxRequestMs: 1_500 },
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await upstream.close();
});

describe("openai provider through /api/llm", () => {
  it("streams text and usage from Chat Completions (not the Responses API) with the server's key", async () => {
    const before = upstream.requests.length;
    const { status, parts } = await call(ask("llama3.2"));
    expect(status).toBe(200);
    expect(textOfParts(parts)).toBe("Hello from the mock server: hi there");
    expect(parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(3);
    expect(parts.at(-2)).toEqual({ type: "usage", usage: { inputTokens: 11, outputTokens: expect.any(Number) } });
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    const sent = upstream.requests[before];
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.authorization).toBe(`Bearer ${SERVER_KEY}`);
    expect(sent.body).toMatchObject({ model: "llama3.2", stream: true, max_tokens: GATEWAY_CAPS.maxOutputTokens });
  });

  it("lowers maxTokens to the cap and passes a smaller one through", async () => {
    await call(ask("m", { maxTokens: 10 * GATEWAY_CAPS.maxOutputTokens }));
    expect(upstream.requests.at(-1)?.body.max_tokens).toBe(GATEWAY_CAPS.maxOutputTokens);
    await call(ask("m", { maxTokens: 50 }));
    expect(upstream.requests.at(-1)?.body.max_tokens).toBe(50);
  });

  it("streams a tool call assembled from fragments, then a final answer after the tool result", async () => {
    const first = await call(ask("m", { tools: [calculator] }));
    expect(first.parts).toContainEqual({
      type: "tool-call",
      toolCallId: "call_mock_1",
      toolName: "calculator",
      input: { expression: "2+2" },
    });
    expect(first.parts.at(-1)).toEqual({ type: "finish", finishReason: "tool-calls" });
    const sentTools = upstream.requests.at(-1)?.body.tools as { function: { name: string; parameters: unknown } }[];
    expect(sentTools[0].function).toMatchObject({ name: "calculator", parameters: calculator.parameters });

    const second = await call(
      ask("m", {
        tools: [calculator],
        messages: [
          { role: "user", content: "what is 2+2" },
          {
            role: "assistant",
            content: "",
            toolCalls: [{ id: "call_mock_1", name: "calculator", input: { expression: "2+2" } }],
          },
          { role: "tool", toolCallId: "call_mock_1", toolName: "calculator", output: 4 },
        ],
      }),
    );
    expect(textOfParts(second.parts)).toBe("The tool said 4.");
    const sentMessages = upstream.requests.at(-1)?.body.messages as { role: string; tool_call_id?: string }[];
    expect(sentMessages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(sentMessages[2].tool_call_id).toBe("call_mock_1");
  });

  it("uses a brought key for that request only and never echoes it", async () => {
    const byok = await call(ask("m"), { [BYOK_HEADER]: USER_KEY });
    expect(byok.status).toBe(200);
    expect(upstream.requests.at(-1)?.authorization).toBe(`Bearer ${USER_KEY}`);
    expect(byok.raw).not.toContain(USER_KEY);
    await call(ask("m"));
    expect(upstream.requests.at(-1)?.authorization).toBe(`Bearer ${SERVER_KEY}`);
  });

  it.each([
    ["fail-401", "auth", /rejected the API key \(401\)/],
    ["fail-429", "rate_limited", /rate limiting.*429.*retry after 7 s/],
    ["fail-500", "upstream", /failed \(500\)/],
    ["stream-error", "upstream", /overloaded mid-stream/],
    ["cut-stream", "upstream", /./],
    ["end-early", "malformed", /ended before the model finished/],
    ["malformed-chunk", "malformed", /malformed stream/],
    ["bad-tool-args", "malformed", /tool "calculator" with arguments that are not valid JSON/],
    ["slow-first-byte", "timeout", /sent nothing for 0.4 s/],
    ["never-respond", "timeout", /sent nothing for 0.4 s/],
    ["slow-stream", "timeout", /longer than 1.5 s/],
  ])("turns upstream %s into one %s error part with no secret, and keeps serving", async (model, kind, message) => {
    for (const headers of [{}, { [BYOK_HEADER]: USER_KEY }] as Record<string, string>[]) {
      const { status, parts, raw } = await call(
        ask(model, model === "bad-tool-args" ? { tools: [calculator] } : {}),
        headers,
      );
      expect(status).toBe(200);
      const last = parts.at(-1);
      expect(last).toMatchObject({ type: "error", kind });
      if (last?.type === "error") expect(last.message).toMatch(message);
      expect(parts.filter((p) => p.type === "error" || p.type === "finish")).toHaveLength(1);
      expect(raw).not.toContain(SERVER_KEY);
      expect(raw).not.toContain(USER_KEY);
      expect(raw).not.toMatch(/sk-[a-z]/);
    }
    const after = await call(ask("m"));
    expect(after.parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
  });

  it("retries once when the connection drops before any response", async () => {
    const before = upstream.requests.filter((r) => r.body.model === "reset-once").length;
    const { parts } = await call(ask("reset-once"));
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    expect(upstream.requests.filter((r) => r.body.model === "reset-once").length).toBe(before + 2);
  });

  it("reports a provider that cannot be reached as one upstream error part", async () => {
    const closed = createLlmPostHandler({
      env: { OPENAI_BASE_URL: "http://127.0.0.1:1/v1", OPENAI_API_KEY: SERVER_KEY },
    });
    const response = await closed(llmRequest(ask("m")));
    const raw = await response.text();
    const parts = await readResponseParts(new Response(raw));
    expect(parts).toEqual([
      { type: "error", kind: "upstream", message: expect.stringMatching(/^Could not reach the provider/) },
    ]);
    expect(raw).not.toContain(SERVER_KEY);
  });

  it("aborts the upstream request when the client disconnects", async () => {
    const abandonedBefore = upstream.abandoned;
    const controller = new AbortController();
    const request = new Request("http://127.0.0.1/api/llm", {
      method: "POST",
      body: JSON.stringify(ask("slow-stream")),
      signal: controller.signal,
    });
    const response = await handler(request);
    const reader = decodeStream(response.body!);
    const first = await reader.next();
    expect(first.value).toMatchObject({ type: "text-delta" });
    controller.abort();
    await reader.return(undefined);
    await vi.waitFor(() => expect(upstream.abandoned).toBe(abandonedBefore + 1), { timeout: 2_000, interval: 20 });
  });

  it("the exported route reads OPENAI_BASE_URL and OPENAI_API_KEY from the server environment", async () => {
    vi.resetModules();
    vi.stubEnv("OPENAI_BASE_URL", upstream.baseUrl);
    vi.stubEnv("OPENAI_API_KEY", SERVER_KEY);
    const { POST } = await import("@/app/api/llm/route");
    const parts = await readResponseParts(await POST(llmRequest(ask("from-env"))));
    expect(textOfParts(parts)).toBe("Hello from the mock server: hi there");
    expect(upstream.requests.at(-1)?.body.model).toBe("from-env");
  });
});
