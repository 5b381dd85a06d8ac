import { describe, expect, it } from "vitest";
import type { ModelsResponse } from "@/lib/llm/wire";
import { GET } from "./route";

describe("GET /api/models", () => {
  it("answers { defaultModel, providers } with the mock available and nothing secret", async () => {
    const response = await GET(new Request("http://127.0.0.1/api/models"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as ModelsResponse;
    expect(body.defaultModel).toBe("mock/default");
    const mock = body.providers.find((p) => p.name === "mock");
    expect(mock).toMatchObject({ available: true });
    expect(mock?.models.map((m) => m.id)).toContain("mock/default");
    expect(body.providers.map((p) => p.name)).toContain("openai");
    if (process.env.OPENAI_API_KEY) expect(JSON.stringify(body)).not.toContain(process.env.OPENAI_API_KEY);
  });
});
