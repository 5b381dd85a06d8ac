import { describe, expect, it } from "vitest";
import { embedTexts } from "./embed";
import { embedMockText, MOCK_EMBEDDING_DIMENSIONS } from "./mock-embedding";

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const ctx = { env: {} };

describe("embedTexts (embedMany over the provider registry)", () => {
  it("mock embeddings are deterministic, normalised and one per value, in order", async () => {
    const a = await embedTexts("mock/default", ["the cat sat", "a dog ran"], ctx);
    const b = await embedTexts("mock/default", ["the cat sat", "a dog ran"], ctx);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.message);
    expect(a.embeddings).toHaveLength(2);
    expect(a.embeddings[0]).toHaveLength(MOCK_EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...a.embeddings[0])).toBeCloseTo(1, 6);
    expect(a.tokens).toBeGreaterThan(0);
  });

  it("a query is closest to the document that shares its words", () => {
    const docs = [
      "WebAssembly runs Lua in the browser",
      "Paris is the capital of France",
      "Sourdough bread needs a starter",
    ].map((d) => embedMockText(d));
    const query = embedMockText("which capital is Paris");
    const scores = docs.map((d) => cosine(d, query));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it("an empty text embeds as the zero vector, not NaN", () => {
    expect(embedMockText("").every((x) => x === 0)).toBe(true);
  });

  it("unknown providers and unusable OpenAI say why", async () => {
    expect(await embedTexts("nope/x", ["a"], ctx)).toMatchObject({ ok: false, kind: "unknown_model" });
    expect(await embedTexts("openai/text-embedding-3-small", ["a"], ctx)).toMatchObject({
      ok: false,
      kind: "unavailable",
    });
  });
});
