import { describe, expect, it } from "vitest";
import { FALLBACK_MODELS, fetchModels, parseModelsResponse } from "./models";

describe("model list", () => {
  it("accepts a valid /api/models body", () => {
    const body = {
      defaultModel: "mock/default",
      providers: [
        {
          name: "openai",
          available: false,
          reason: "OPENAI_API_KEY is not set",
          models: [{ id: "openai/gpt-4o-mini", price: { input: 0.15, output: 0.6 } }],
        },
      ],
    };
    expect(parseModelsResponse(body)).toEqual(body);
  });

  it("falls back to the mock models with a reason on a malformed body", () => {
    const info = parseModelsResponse({ defaultModel: "", providers: [] });
    expect(info.providers).toEqual(FALLBACK_MODELS.providers);
    expect(info.problem).toContain("defaultModel");
  });

  it("falls back on HTTP errors and network failures", async () => {
    const http = await fetchModels((async () => new Response("no", { status: 503 })) as typeof fetch);
    expect(http.problem).toContain("503");
    const offline = await fetchModels((async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch);
    expect(offline.problem).toContain("unavailable");
    expect(offline.defaultModel).toBe("mock/default");
  });
});
