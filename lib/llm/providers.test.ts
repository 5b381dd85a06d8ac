import { describe, expect, it } from "vitest";
import { estimateCost, listProviders, priceOf, resolveModel, splitModelId } from "./providers";

describe("provider registry", () => {
  it("splits provider/model ids; a bare name belongs to openai", () => {
    expect(splitModelId("openai/gpt-4o-mini")).toEqual({ provider: "openai", modelName: "gpt-4o-mini" });
    expect(splitModelId("ollama-model")).toEqual({ provider: "openai", modelName: "ollama-model" });
    expect(splitModelId("openai/library/llama3:8b")).toEqual({ provider: "openai", modelName: "library/llama3:8b" });
  });

  it("knows prices for listed OpenAI models and the free mock, and estimates cost", () => {
    expect(priceOf("openai/gpt-4o-mini")).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf("gpt-4o-mini")).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf("mock/default")).toEqual({ input: 0, output: 0 });
    expect(priceOf("openai/some-local-model")).toBeUndefined();
    expect(estimateCost("openai/gpt-4o-mini", { inputTokens: 1_000_000, outputTokens: 500_000 })).toBeCloseTo(0.45);
  });

  it("lists openai as unavailable without a key, available with one, a base URL, or a brought key", () => {
    const openai = (env: Record<string, string>, byokKey?: string) =>
      listProviders({ env, byokKey }).find((p) => p.name === "openai")!;
    expect(openai({})).toMatchObject({ available: false, reason: expect.stringContaining("OPENAI_API_KEY") });
    expect(openai({ OPENAI_API_KEY: "sk-a" })).toMatchObject({ available: true });
    expect(openai({}, "sk-b")).toMatchObject({ available: true });
    expect(openai({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" })).toMatchObject({ available: true, models: [] });
    expect(openai({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }).server).toBe("openai-compatible");
    expect(openai({ OPENAI_API_KEY: "sk-a" }).server).toBeUndefined();
    expect(
      openai({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_MODELS: "llama3.2, qwen2.5" }).models.map(
        (m) => m.id,
      ),
    ).toEqual(["openai/llama3.2", "openai/qwen2.5"]);
    expect(JSON.stringify(listProviders({ env: { OPENAI_API_KEY: "sk-secret-value" } }))).not.toContain(
      "sk-secret-value",
    );
    const known = openai({ OPENAI_API_KEY: "sk-a" }).models.find((m) => m.id === "openai/gpt-4o-mini");
    expect(known).toMatchObject({ label: "GPT-4o mini", price: { input: 0.15, output: 0.6 } });
  });

  it("builds the chat-completions model for openai and refuses unknown providers", () => {
    const resolved = resolveModel("openai/gpt-4o-mini", { env: { OPENAI_API_KEY: "sk-a" } });
    expect(resolved.ok && resolved.model.provider).toBe("openai.chat");
    expect(resolveModel("acme/x", { env: {} })).toMatchObject({ ok: false, kind: "unknown_model" });
    expect(resolveModel("mock/echo", { env: {} })).toMatchObject({ ok: true, modelId: "mock/echo" });
  });

  it("serves any sane mock/<name> (docs/spell-api.md: mock/<anything> is deterministic) but lists only the named mocks", () => {
    for (const id of ["mock/anything", "mock/gpt-4o", "mock/llama3.2:8b", "mock/x"]) {
      expect(resolveModel(id, { env: {} })).toMatchObject({ ok: true, provider: "mock", modelId: id });
    }
    for (const id of ["mock/", "mock/-x", "mock/a b", "mock/a/b", `mock/${"x".repeat(65)}`]) {
      expect(resolveModel(id, { env: {} })).toMatchObject({ ok: false, kind: "unknown_model" });
    }
    expect(
      listProviders({ env: {} })
        .find((p) => p.name === "mock")
        ?.models.map((m) => m.id),
    ).toEqual(["mock/default", "mock/echo"]);
  });
});
