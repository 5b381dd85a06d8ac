import { describe, expect, it } from "vitest";
import { restrictLlmClient } from "./sandbox";
import type { LlmClient, LlmRequest, StreamPart } from "./types";

function spyClient() {
  const calls: string[] = [];
  const client: LlmClient = {
    async *stream(request) {
      calls.push(`stream ${request.model}`);
      yield { type: "text-delta", text: "hi" };
      yield { type: "finish", finishReason: "stop" };
    },
    async embed(modelId, texts) {
      calls.push(`embed ${modelId}`);
      return { ok: true, modelId, embeddings: texts.map(() => [1]), tokens: 1 };
    },
    async listModels() {
      return [
        { name: "mock", available: true, models: [{ id: "mock/default" }] },
        { name: "openai", available: true, models: [{ id: "openai/gpt-4o-mini" }] },
      ];
    },
  };
  return { client, calls };
}

const request = (model: string): LlmRequest => ({ model, messages: [{ role: "user", content: "x" }] });

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

describe("restrictLlmClient", () => {
  it("is the client itself under standard", () => {
    const { client } = spyClient();
    expect(restrictLlmClient(client, undefined)).toBe(client);
    expect(restrictLlmClient(client, "standard")).toBe(client);
  });

  it("refuses a model that is not the mock under strict, without calling the client", async () => {
    const { client, calls } = spyClient();
    const strict = restrictLlmClient(client, "strict");
    expect(await collect(strict.stream(request("openai/gpt-4o-mini")))).toEqual([
      {
        type: "error",
        kind: "unavailable",
        message: "the strict sandbox preset allows only mock/* models; 'openai/gpt-4o-mini' was refused",
      },
    ]);
    expect(await strict.embed("openai/text-embedding-3-small", ["a"])).toMatchObject({
      ok: false,
      kind: "unavailable",
    });
    expect(calls).toEqual([]);
  });

  it("passes mock models through under minimal", async () => {
    const { client, calls } = spyClient();
    const minimal = restrictLlmClient(client, "minimal");
    expect((await collect(minimal.stream(request("mock/echo"))))[0]).toEqual({ type: "text-delta", text: "hi" });
    expect((await minimal.embed("mock/embed", ["a"])).ok).toBe(true);
    expect(calls).toEqual(["stream mock/echo", "embed mock/embed"]);
  });

  it("lists other providers as unavailable, saying why", async () => {
    const { client } = spyClient();
    const providers = await restrictLlmClient(client, "strict").listModels();
    expect(providers.map((p) => [p.name, p.available])).toEqual([
      ["mock", true],
      ["openai", false],
    ]);
    expect(providers[1].reason).toMatch(/strict sandbox preset/);
  });
});
