import { describe, expect, it } from "vitest";
import type { TraceEnd } from "@/lib/core/events";
import type { LlmClient, StreamPart } from "@/lib/llm/types";
import { createHarness } from "../test-support";

type ModelInput = {
  messages: { role: string; content?: string }[];
  tools: { name: string; description: string; parameters: object }[];
  params: Record<string, { value: number; source: string }>;
};

describe("the model span", () => {
  it("carries the request's messages, system prompt first, and the offered tools' schemas", async () => {
    const h = createHarness();
    const agent = h.chain(
      h.callSync("Agent.builder"),
      ["name", "poet"],
      ["system_prompt", "You write haiku about the sea."],
      ["allowed_tools", ["calculator"]],
      ["build"],
    );
    await h.invoke(agent, "execute", { text: "compute 2+2" });
    const models = h.starts("model");
    expect(models.length).toBe(2); // the tool call, then the answer
    const [first, second] = models.map((s) => s.input as ModelInput);
    expect(first.tools.map((t) => t.name)).toEqual(["calculator"]);
    expect(first.tools[0].description).toMatch(/\w/);
    expect(first.tools[0].parameters).toMatchObject({ type: "object" });
    expect((models[0].input as { last: unknown }).last).toEqual({ role: "user", content: "compute 2+2" });
    expect(first.messages).toEqual([
      { role: "system", content: "You write haiku about the sea." },
      { role: "user", content: "compute 2+2" },
    ]);
    // The second call also holds the assistant's tool call and the tool's result.
    expect(second.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    const agentSpan = h.starts("agent")[0];
    expect(models.every((m) => m.parentId === agentSpan.id)).toBe(true);
  });

  it("keeps a long system prompt whole (the request view folds it, never cuts it)", async () => {
    const h = createHarness();
    const prompt = "sea ".repeat(3000);
    const agent = h.chain(h.callSync("Agent.builder"), ["system_prompt", prompt], ["build"]);
    await h.invoke(agent, "execute", { text: "hi" });
    const input = h.starts("model")[0].input as ModelInput;
    expect(input.messages[0].content).toBe(prompt);
  });

  it("fills parameters an agent does not set from the page's settings; the agent's own win", async () => {
    const h = createHarness({ modelDefaults: { temperature: 0.3, topP: 0.9, seed: 7 } });
    const plain = h.chain(h.callSync("Agent.builder"), ["name", "plain"], ["build"]);
    const own = h.chain(h.callSync("Agent.builder"), ["name", "own"], ["temperature", 0.2], ["build"]);
    await h.invoke(plain, "execute", { text: "one" });
    await h.invoke(own, "execute", { text: "two" });
    await h.invoke(own, "execute", { text: "three", parameters: { temperature: 1.5 } });
    const [a, b, c] = h.starts("model").map((s) => (s.input as ModelInput).params);
    expect(a.temperature).toEqual({ value: 0.3, source: "settings" });
    expect(a.topP).toEqual({ value: 0.9, source: "settings" });
    expect(a.seed).toEqual({ value: 7, source: "settings" });
    expect(a.maxTokens.source).toBe("budget");
    expect(b.temperature).toEqual({ value: 0.2, source: "agent" });
    expect(c.temperature).toEqual({ value: 1.5, source: "call" });
    // The mock (behind the AI SDK, as in the gateway) echoes what reached it.
    const ends = h.traces().filter((e): e is TraceEnd => e.phase === "end" && e.id.startsWith("model-"));
    const received = ends.map((e) => (e.output as { received?: object }).received);
    expect(received).toEqual([
      { temperature: 0.3, topP: 0.9, seed: 7 },
      { temperature: 0.2, topP: 0.9, seed: 7 },
      { temperature: 1.5, topP: 0.9, seed: 7 },
    ]);
  });

  it("reports the provider's usage and the time to the first token; estimates usage only when none is reported", async () => {
    const reported = createHarness();
    const a = reported.chain(reported.callSync("Agent.builder"), ["build"]);
    await reported.invoke(a, "execute", { text: "hello" });
    const end = reported.traces().find((e): e is TraceEnd => e.phase === "end" && e.id.startsWith("model-"))!;
    const out = end.output as { usage: string; first_token_time_ms: number };
    expect(out.usage).toBe("reported");
    expect(out.first_token_time_ms).toBeGreaterThanOrEqual(0);
    expect(end.tokens!.output).toBeGreaterThan(0);

    const silent: LlmClient = {
      async *stream(): AsyncGenerator<StreamPart> {
        yield { type: "text-delta", text: "twelve chars" };
        yield { type: "finish", finishReason: "stop" };
      },
      embed: async () => ({ ok: false, kind: "unavailable", message: "none" }),
      listModels: async () => [],
    };
    const h = createHarness({ llm: silent });
    const b = h.chain(h.callSync("Agent.builder"), ["build"]);
    await h.invoke(b, "execute", { text: "hello" });
    const est = h.traces().find((e): e is TraceEnd => e.phase === "end" && e.id.startsWith("model-"))!;
    expect((est.output as { usage: string }).usage).toBe("estimated");
    expect(est.tokens).toEqual({ input: expect.any(Number), output: 3 });
    expect(est.tokens!.input).toBeGreaterThan(0);
  });
});
