import { Ajv } from "ajv";
import { describe, expect, it, vi } from "vitest";
import { createMockLlmClient, createMockReply, streamMockReply } from "./mock";
import type { LlmRequest, StreamPart, ToolSpec } from "./types";

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}
const textOf = (parts: StreamPart[]) => parts.map((p) => (p.type === "text-delta" ? p.text : "")).join("");

const calculator: ToolSpec = {
  name: "calculator",
  description: "Evaluate an arithmetic expression",
  parameters: {
    type: "object",
    properties: { expression: { type: "string" } },
    required: ["expression"],
    additionalProperties: false,
  },
};
const weather: ToolSpec = {
  name: "get_weather",
  description: "Current weather for a city",
  parameters: {
    type: "object",
    properties: { city: { type: "string", minLength: 1 }, unit: { enum: ["celsius", "fahrenheit"] } },
    required: ["city", "unit"],
  },
};

describe("mock provider", () => {
  it("answers the same request with the same parts, word by word, with usage and finish", async () => {
    const request: LlmRequest = { model: "mock/default", messages: [{ role: "user", content: "Tell me about owls" }] };
    const a = await collect(streamMockReply(request));
    const b = await collect(streamMockReply(request));
    expect(a).toEqual(b);
    const deltas = a.filter((p) => p.type === "text-delta");
    expect(deltas.length).toBeGreaterThan(5);
    for (const d of deltas) expect(d.text.trim().split(/\s+/)).toHaveLength(1);
    expect(textOf(a)).toContain("Tell me about owls");
    expect(a.at(-2)).toEqual({
      type: "usage",
      usage: { inputTokens: expect.any(Number), outputTokens: deltas.length },
    });
    expect(a.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    const other = await collect(
      streamMockReply({ ...request, messages: [{ role: "user", content: "Something else" }] }),
    );
    expect(textOf(other)).not.toEqual(textOf(a));
  });

  it("mock/echo replies with the last user message", async () => {
    const parts = await collect(
      streamMockReply({
        model: "mock/echo",
        messages: [
          { role: "user", content: "first" },
          { role: "assistant", content: "ok" },
          { role: "user", content: "say  this back" },
        ],
      }),
    );
    expect(textOf(parts)).toBe("say  this back");
  });

  it("calls the best-matching offered tool with schema-valid arguments, then answers with the result", async () => {
    const ajv = new Ajv();
    const request: LlmRequest = {
      model: "mock/default",
      messages: [{ role: "user", content: "What's the weather in Oslo?" }],
      tools: [calculator, weather],
    };
    const first = await collect(streamMockReply(request));
    const call = first.find((p) => p.type === "tool-call");
    expect(call).toMatchObject({ type: "tool-call", toolName: "get_weather" });
    if (call?.type !== "tool-call") throw new Error("no call");
    expect(ajv.validate(weather.parameters, call.input)).toBe(true);
    expect(first.at(-1)).toEqual({ type: "finish", finishReason: "tool-calls" });

    const mathCall = createMockReply({
      ...request,
      messages: [{ role: "user", content: "calculator: what is 6 * 7?" }],
    });
    expect(mathCall).toMatchObject({ kind: "tool-call", toolName: "calculator", input: { expression: "6 * 7" } });

    const second = await collect(
      streamMockReply({
        ...request,
        messages: [
          ...request.messages,
          {
            role: "assistant",
            content: "",
            toolCalls: [{ id: call.toolCallId, name: call.toolName, input: call.input }],
          },
          {
            role: "tool",
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            output: { temperature: -3, sky: "snow" },
          },
        ],
      }),
    );
    expect(second.some((p) => p.type === "tool-call")).toBe(false);
    expect(textOf(second)).toContain('{"temperature":-3,"sky":"snow"}');
    expect(second.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
  });

  it("answers a JSON-schema request with a valid instance", async () => {
    const schema = {
      type: "object",
      properties: {
        title: { type: "string" },
        year: { type: "integer", minimum: 1900, maximum: 2100 },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["title", "year", "tags"],
      additionalProperties: false,
    };
    const parts = await collect(
      streamMockReply({
        model: "mock/default",
        messages: [{ role: "user", content: "a film" }],
        responseFormat: schema,
      }),
    );
    const value = JSON.parse(textOf(parts));
    expect(new Ajv().validate(schema, value)).toBe(true);
    expect(parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(1);
  });

  it("stops at maxTokens with finish reason length", async () => {
    const parts = await collect(
      streamMockReply({
        model: "mock/echo",
        messages: [{ role: "user", content: "one two three four five" }],
        maxTokens: 3,
      }),
    );
    expect(textOf(parts)).toBe("one two three ");
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "length" });
    expect(parts.find((p) => p.type === "usage")).toMatchObject({ usage: { outputTokens: 3 } });
  });

  it("waits the configured delay per chunk and stops with a cancelled part on abort", async () => {
    const request: LlmRequest = { model: "mock/echo", messages: [{ role: "user", content: "a b c d" }] };
    vi.useFakeTimers();
    try {
      const got: StreamPart[] = [];
      const done = (async () => {
        for await (const p of streamMockReply(request, { chunkDelayMs: 20 })) got.push(p);
      })();
      await vi.advanceTimersByTimeAsync(19);
      expect(got.filter((p) => p.type === "text-delta")).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(got.filter((p) => p.type === "text-delta")).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(60);
      await done;
      expect(got.filter((p) => p.type === "text-delta")).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }

    const controller = new AbortController();
    const parts: StreamPart[] = [];
    for await (const p of streamMockReply(request, { chunkDelayMs: 20 }, controller.signal)) {
      parts.push(p);
      controller.abort();
    }
    expect(parts).toEqual([
      { type: "text-delta", text: "a " },
      { type: "error", kind: "cancelled", message: expect.any(String) },
    ]);
  });

  it("the mock client answers any model with the mock and lists only the mock", async () => {
    const client = createMockLlmClient();
    const parts = await collect(client.stream({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }));
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop" });
    const providers = await client.listModels();
    expect(providers.map((p) => p.name)).toEqual(["mock"]);
    expect(providers[0].models.map((m) => m.id)).toEqual(["mock/default", "mock/echo"]);
  });
});
