import { describe, expect, it } from "vitest";
import { FALLBACK_MODELS, fetchListedModelIds, fetchModels, parseModelsResponse, withBroughtKey } from "./models";

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

  it("a brought key makes OpenAI available, and nothing else changes", () => {
    const info = parseModelsResponse({
      defaultModel: "mock/default",
      providers: [
        { name: "mock", available: true, models: [{ id: "mock/default" }] },
        { name: "openai", available: false, reason: "no key", models: [{ id: "openai/gpt-4o" }] },
        { name: "local", available: false, reason: "down", models: [{ id: "local/x" }] },
      ],
    });
    expect(withBroughtKey(info, false)).toBe(info);
    const withKey = withBroughtKey(info, true);
    expect(withKey.providers.map((p) => [p.name, p.available, p.reason])).toEqual([
      ["mock", true, undefined],
      ["openai", true, undefined],
      ["local", false, "down"],
    ]);
  });

  it("lists every model id once per page for the checker, or none when the list is unavailable", async () => {
    let calls = 0;
    const body = {
      defaultModel: "mock/default",
      providers: [{ name: "mock", available: true, models: [{ id: "mock/a" }] }],
    };
    const ok = (async () => {
      calls++;
      return Response.json(body);
    }) as typeof fetch;
    expect(await fetchListedModelIds(ok)).toEqual(["mock/a"]);
    expect(await fetchListedModelIds(ok)).toEqual(["mock/a"]);
    expect(calls).toBe(1);
  });
});
