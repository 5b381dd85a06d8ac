import { describe, expect, it } from "vitest";
import type { TraceEnd } from "@/lib/core/events";
import { createHarness } from "@/lib/spell/test-support";
import { createRequestView, requestViewJson, sourceLabel, type ModelSpan } from "./request-view";

const toolSpan: ModelSpan = {
  name: "mock/default",
  model: "mock/default",
  input: {
    messages: [
      { role: "system", content: "You are a calculator." },
      { role: "user", content: "compute 2+2" },
      { role: "assistant", content: "", toolCalls: [{ id: "c1", name: "calculator", input: { input: "2+2" } }] },
      { role: "tool", toolCallId: "c1", toolName: "calculator", output: { result: 4 } },
    ],
    last: { role: "tool", toolCallId: "c1", toolName: "calculator", output: { result: 4 } },
    tools: [{ name: "calculator", description: "Evaluates math", parameters: { type: "object" } }],
    params: {
      temperature: { value: 0.3, source: "settings" },
      maxTokens: { value: 4000, source: "budget" },
      seed: { value: 7, source: "agent" },
    },
    responseFormat: { type: "object" },
  },
  output: {
    text: "It is 4.",
    toolCalls: [],
    finishReason: "stop",
    usage: "reported",
    first_token_time_ms: 12.5,
    received: { temperature: 0.3, seed: 7 },
  },
  tokens: { input: 40, output: 13 },
  costUsd: 0,
  durationMs: 30,
};

describe("createRequestView", () => {
  it("lists the system prompt, every message in order with tool calls and results, and the tools offered", () => {
    const v = createRequestView(toolSpan);
    expect(v.model).toBe("mock/default");
    expect(v.systemPrompt).toBe("You are a calculator.");
    expect(v.complete).toBe(true);
    expect(v.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(v.messages[2]).toEqual({
      role: "assistant",
      text: "",
      toolCalls: [{ id: "c1", name: "calculator", arguments: { input: "2+2" } }],
    });
    expect(v.messages[3]).toEqual({ role: "tool", toolName: "calculator", toolCallId: "c1", result: { result: 4 } });
    expect(v.tools).toEqual([{ name: "calculator", description: "Evaluates math", schema: { type: "object" } }]);
    expect(v.responseFormat).toEqual({ type: "object" });
  });

  it("gives every parameter its value and source, unset ones as the provider's default, with what was echoed", () => {
    const byKey = Object.fromEntries(createRequestView(toolSpan).params.map((p) => [p.key, p]));
    expect(byKey.temperature).toEqual({
      key: "temperature",
      label: "temperature",
      value: 0.3,
      source: "settings",
      received: 0.3,
    });
    expect(byKey.maxTokens).toMatchObject({ value: 4000, source: "budget" });
    expect(byKey.maxTokens.note).toBeUndefined();
    const big = createRequestView({
      ...toolSpan,
      input: { ...(toolSpan.input as object), params: { maxTokens: { value: 200000, source: "budget" } } },
    });
    expect(big.params.find((p) => p.key === "maxTokens")?.note).toBe("the gateway lowers it to its cap, 4,096");
    expect(byKey.topP).toEqual({ key: "topP", label: "top-p", source: "default" });
    expect(byKey.seed).toMatchObject({ value: 7, source: "agent", received: 7 });
    expect(sourceLabel("settings")).toBe("the page's model settings");
    expect(sourceLabel("default")).toMatch(/not sent/);
  });

  it("reads the response: raw text, finish reason, time to first token, usage (reported or estimated), cost", () => {
    const v = createRequestView(toolSpan);
    expect(v.response).toEqual({ text: "It is 4.", toolCalls: [], finishReason: "stop", firstTokenMs: 12.5 });
    expect(v.usage).toEqual({ input: 40, output: 13, estimated: false });
    expect(v.costUsd).toBe(0);
    const est = createRequestView({ ...toolSpan, output: { ...(toolSpan.output as object), usage: "estimated" } });
    expect(est.usage?.estimated).toBe(true);
  });

  it("reads an older span (last message, tool names, top-level temperature) and an errored call", () => {
    const v = createRequestView({
      name: "mock/echo",
      input: { messages: 2, last: { role: "user", content: "hi" }, tools: ["calculator"], temperature: 0.5 },
      error: { kind: "provider", message: "boom" },
    });
    expect(v.complete).toBe(false);
    expect(v.messages).toEqual([{ role: "user", text: "hi" }]);
    expect(v.systemPrompt).toBeUndefined();
    expect(v.tools).toEqual([{ name: "calculator", description: "", schema: null }]);
    expect(v.params.find((p) => p.key === "temperature")).toMatchObject({ value: 0.5, source: "agent" });
    expect(v.response.error).toEqual({ kind: "provider", message: "boom" });
    expect(v.usage).toBeUndefined();
  });

  it("copies the whole request and response as JSON, texts uncut", () => {
    const long = "x".repeat(20_000);
    const span = {
      ...toolSpan,
      input: { ...(toolSpan.input as object), messages: [{ role: "system", content: long }] },
    } as ModelSpan;
    const doc = JSON.parse(requestViewJson(createRequestView(span)));
    expect(doc.request.messages[0].content).toBe(long);
    expect(doc.request.params.temperature).toEqual({ value: 0.3, source: "settings", received: 0.3 });
    expect(doc.request.params.topP).toBeUndefined();
    expect(doc.request.tools[0].name).toBe("calculator");
    expect(doc.response).toMatchObject({ text: "It is 4.", finishReason: "stop", firstTokenMs: 12.5 });
    expect(doc.usage).toEqual({ input: 40, output: 13, estimated: false });
  });

  it("reads a model span the spell API traced, settings and all", async () => {
    const h = createHarness({ modelDefaults: { temperature: 0.3 } });
    const agent = h.chain(h.callSync("Agent.builder"), ["system_prompt", "Be brief."], ["build"]);
    await h.invoke(agent, "execute", { text: "hello" });
    const start = h.starts("model")[0];
    const end = h.traces().find((e): e is TraceEnd => e.phase === "end" && e.id === start.id)!;
    const v = createRequestView({ ...start, ...end, name: start.name });
    expect(v.systemPrompt).toBe("Be brief.");
    expect(v.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(v.params.find((p) => p.key === "temperature")).toEqual({
      key: "temperature",
      label: "temperature",
      value: 0.3,
      source: "settings",
      received: 0.3,
    });
    expect(v.response.text).toMatch(/mock reply/);
    expect(v.usage?.estimated).toBe(false);
    expect(v.response.firstTokenMs).toBeGreaterThanOrEqual(0);
  });
});
