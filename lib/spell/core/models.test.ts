import { describe, expect, it } from "vitest";
import { createHarness } from "../test-support";

describe("the model span", () => {
  it("carries the request's messages, system prompt first, and the offered tools", async () => {
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
    const [first, second] = models.map(
      (s) => s.input as { messages: { role: string; content?: string }[]; tools: string[] },
    );
    expect(first.tools).toEqual(["calculator"]);
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
});
