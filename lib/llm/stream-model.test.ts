/** The gateway's one model step (streamText) against the AI SDK's own mock model (`ai/test`). */
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { GATEWAY_CAPS } from "./caps";
import { streamLanguageModel } from "./stream-model";
import { collectParts } from "./testing/collect";

const usage = { inputTokens: { total: 5 }, outputTokens: { total: 3 } } as never;

function modelOf(chunks: LanguageModelV4StreamPart[]) {
  return new MockLanguageModelV4({ doStream: { stream: simulateReadableStream({ chunks }) } as never });
}

const request = {
  model: "test/model",
  messages: [
    { role: "system" as const, content: "Be brief." },
    { role: "user" as const, content: "Add 1 and 2" },
  ],
  tools: [{ name: "calculator", description: "math", parameters: { type: "object", properties: {} } }],
  temperature: 0.2,
  topP: 0.8,
  seed: 42,
};

describe("streamLanguageModel on streamText", () => {
  it("maps text, a tool call, usage and the finish reason, and sends the prompt, tools and settings", async () => {
    const model = modelOf([
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "1" },
      { type: "text-delta", id: "1", delta: "Let me " },
      { type: "text-delta", id: "1", delta: "add." },
      { type: "text-end", id: "1" },
      { type: "tool-call", toolCallId: "c1", toolName: "calculator", input: '{"input":"1+2"}' },
      { type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage },
    ] as LanguageModelV4StreamPart[]);
    const parts = await collectParts(streamLanguageModel(model, request, { caps: GATEWAY_CAPS }));
    expect(parts).toEqual([
      { type: "text-delta", text: "Let me " },
      { type: "text-delta", text: "add." },
      { type: "tool-call", toolCallId: "c1", toolName: "calculator", input: { input: "1+2" } },
      { type: "usage", usage: { inputTokens: 5, outputTokens: 3 } },
      { type: "finish", finishReason: "tool-calls" },
    ]);
    const call = model.doStreamCalls[0];
    expect(call.prompt[0]).toEqual({ role: "system", content: "Be brief." });
    expect(call.temperature).toBe(0.2);
    expect(call.topP).toBe(0.8);
    expect(call.seed).toBe(42);
    expect(call.tools?.map((t) => t.name)).toEqual(["calculator"]);
  });

  it("a tool the request did not offer ends the stream with a malformed error", async () => {
    const model = modelOf([
      { type: "stream-start", warnings: [] },
      { type: "tool-call", toolCallId: "c1", toolName: "shell", input: "{}" },
      { type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage },
    ] as LanguageModelV4StreamPart[]);
    const parts = await collectParts(streamLanguageModel(model, request, { caps: GATEWAY_CAPS }));
    expect(parts.at(-1)).toMatchObject({ type: "error", kind: "malformed", message: expect.stringContaining("shell") });
  });

  it("a provider error part becomes one scrubbed error part", async () => {
    const model = modelOf([
      { type: "stream-start", warnings: [] },
      { type: "error", error: new Error("upstream said sk-live-abcdef123456 is bad") },
    ] as LanguageModelV4StreamPart[]);
    const parts = await collectParts(streamLanguageModel(model, request, { caps: GATEWAY_CAPS }));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ type: "error" });
    expect(JSON.stringify(parts)).not.toContain("sk-live-abcdef123456");
  });

  it("carries what the mock reports it received (its provider metadata) on the finish part", async () => {
    const model = modelOf([
      { type: "stream-start", warnings: [] },
      {
        type: "finish",
        finishReason: { unified: "stop", raw: "stop" },
        usage,
        providerMetadata: { mock: { received: { temperature: 0.2, topP: "high", seed: 42 } } },
      },
    ] as LanguageModelV4StreamPart[]);
    const parts = await collectParts(streamLanguageModel(model, request, { caps: GATEWAY_CAPS }));
    // Only finite numbers are kept.
    expect(parts.at(-1)).toEqual({ type: "finish", finishReason: "stop", received: { temperature: 0.2, seed: 42 } });
  });
});
