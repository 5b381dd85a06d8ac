import { describe, expect, it } from "vitest";
import { EMBED_RATE_LIMIT, GATEWAY_CAPS, LLM_RATE_LIMIT, rateLimitFromEnv } from "./caps";
import { prepareLlmCall } from "./gateway";
import { capMaxTokens, validateLlmRequest } from "./request-schema";
import { createLlmPostHandler } from "./route-handler";
import { collectParts, llmRequest } from "./testing/collect";
import type { ChatMessage, LlmRequest } from "./types";

const user = (content: string): ChatMessage => ({ role: "user", content });
const base: LlmRequest = { model: "mock/default", messages: [user("hi")] };

describe("gateway caps", () => {
  it("body: exactly the cap is read, one byte more is 413", async () => {
    const handler = createLlmPostHandler({ env: {} });
    const shell = JSON.stringify({ ...base, messages: [user("")] });
    const fill = (size: number) => JSON.stringify({ ...base, messages: [user("y".repeat(size - shell.length))] });
    expect(new TextEncoder().encode(fill(GATEWAY_CAPS.maxBodyBytes)).length).toBe(GATEWAY_CAPS.maxBodyBytes);
    expect((await handler(llmRequest(fill(GATEWAY_CAPS.maxBodyBytes)))).status).toBe(200);
    expect((await handler(llmRequest(fill(GATEWAY_CAPS.maxBodyBytes + 1)))).status).toBe(413);
  });

  it("messages: the cap is accepted, one more is refused", () => {
    const at = Array.from({ length: GATEWAY_CAPS.maxMessages }, (_, i) => user(`m${i}`));
    expect(validateLlmRequest({ ...base, messages: at }, GATEWAY_CAPS).ok).toBe(true);
    expect(validateLlmRequest({ ...base, messages: [...at, user("one more")] }, GATEWAY_CAPS)).toMatchObject({
      ok: false,
      field: "messages",
      message: expect.stringContaining(`at most ${GATEWAY_CAPS.maxMessages}`),
    });
  });

  it("tools: the cap is accepted, one more is refused", () => {
    const tools = Array.from({ length: GATEWAY_CAPS.maxTools + 1 }, (_, i) => ({
      name: `t${i}`,
      description: "",
      parameters: { type: "object" },
    }));
    expect(validateLlmRequest({ ...base, tools: tools.slice(0, -1) }, GATEWAY_CAPS).ok).toBe(true);
    expect(validateLlmRequest({ ...base, tools }, GATEWAY_CAPS)).toMatchObject({ ok: false, field: "tools" });
  });

  it("max output tokens: the default and the ceiling, a smaller request kept", () => {
    expect(capMaxTokens(base, GATEWAY_CAPS)).toBe(GATEWAY_CAPS.maxOutputTokens);
    expect(capMaxTokens({ ...base, maxTokens: GATEWAY_CAPS.maxOutputTokens * 4 }, GATEWAY_CAPS)).toBe(
      GATEWAY_CAPS.maxOutputTokens,
    );
    expect(capMaxTokens({ ...base, maxTokens: 7 }, GATEWAY_CAPS)).toBe(7);
  });

  it("max output tokens reach the provider: the mock stops at the cap with finish reason length", async () => {
    const caps = { ...GATEWAY_CAPS, maxOutputTokens: 3 };
    const call = prepareLlmCall(
      { model: "mock/echo", messages: [user("a b c d e f")], maxTokens: 100 },
      { env: {}, caps },
    );
    if (!call.ok) throw new Error(call.message);
    const parts = await collectParts(call.stream());
    expect(parts.filter((p) => p.type === "text-delta")).toHaveLength(3);
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "length" });
  });

  it("request duration: a call past the cap ends with a timeout part", async () => {
    const caps = { ...GATEWAY_CAPS, maxRequestMs: 150 };
    const call = prepareLlmCall(
      { model: "mock/echo", messages: [user("one two three four five six seven eight")] },
      { env: { LLMSPELL_MOCK_DELAY_MS: "40" }, caps },
    );
    if (!call.ok) throw new Error(call.message);
    const parts = await collectParts(call.stream());
    expect(parts.at(-1)).toEqual({
      type: "error",
      kind: "timeout",
      message: "The model call took longer than 0.15 s and was stopped.",
    });
    expect(parts.some((p) => p.type === "text-delta")).toBe(true);
  });

  it("tool steps per run: the cap is accepted, one more step is refused", () => {
    const step = (i: number): ChatMessage[] => [
      { role: "assistant", content: "", toolCalls: [{ id: `c${i}`, name: "t", input: {} }] },
      { role: "tool", toolCallId: `c${i}`, toolName: "t", output: i },
    ];
    const run = (steps: number) => ({
      ...base,
      messages: [user("go"), ...Array.from({ length: steps }, (_, i) => step(i)).flat()],
    });
    expect(validateLlmRequest(run(GATEWAY_CAPS.maxToolSteps), GATEWAY_CAPS).ok).toBe(true);
    expect(validateLlmRequest(run(GATEWAY_CAPS.maxToolSteps + 1), GATEWAY_CAPS)).toMatchObject({
      ok: false,
      field: "messages",
      message: expect.stringContaining(`limit is ${GATEWAY_CAPS.maxToolSteps}`),
    });
  });

  it("rate limit: defaults, environment overrides, and off", () => {
    expect(rateLimitFromEnv({})).toEqual(LLM_RATE_LIMIT);
    expect(rateLimitFromEnv({ LLM_RATE_LIMIT_PER_MINUTE: "120", LLM_RATE_LIMIT_BURST: "5" })).toEqual({
      capacity: 5,
      refillPerSecond: 2,
    });
    expect(rateLimitFromEnv({ LLM_RATE_LIMIT_PER_MINUTE: "0" })).toBeNull();
    expect(rateLimitFromEnv({ LLM_RATE_LIMIT_PER_MINUTE: "nonsense" })).toEqual(LLM_RATE_LIMIT);
  });

  it("rate limit of /api/embed: its own defaults and EMBED_ variables, apart from the LLM ones", () => {
    expect(rateLimitFromEnv({}, "EMBED", EMBED_RATE_LIMIT)).toEqual(EMBED_RATE_LIMIT);
    expect(rateLimitFromEnv({ LLM_RATE_LIMIT_PER_MINUTE: "0" }, "EMBED", EMBED_RATE_LIMIT)).toEqual(EMBED_RATE_LIMIT);
    expect(
      rateLimitFromEnv({ EMBED_RATE_LIMIT_PER_MINUTE: "60", EMBED_RATE_LIMIT_BURST: "3" }, "EMBED", EMBED_RATE_LIMIT),
    ).toEqual({
      capacity: 3,
      refillPerSecond: 1,
    });
    expect(rateLimitFromEnv({ EMBED_RATE_LIMIT_PER_MINUTE: "0" }, "EMBED", EMBED_RATE_LIMIT)).toBeNull();
  });
});
