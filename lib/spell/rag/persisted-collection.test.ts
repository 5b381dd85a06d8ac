import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import { decodeCollection, encodeCollection } from "./persisted-collection";
import { appendChunks, createCollection, searchCollection, type Collection } from "./vector-index";

function sample(): Collection {
  const c = createCollection("mock/embed", 3);
  const meta = JSON.parse('{"__proto__": "kept", "topic": "x", "tags": ["a"]}');
  appendChunks(
    c,
    [
      { id: "a#0", docId: "a", content: "first ünïcode ✓", metadata: { ...meta, doc_id: "a", chunk_index: 0 } },
      { id: "b", docId: "b", content: "second", metadata: { doc_id: "b", chunk_index: 0 } },
    ],
    [
      [0.1, -2, 3.5],
      [1e-8, 0, -1],
    ],
  );
  c.usage = { embeddingsGenerated: 2, embeddingTokens: 9 };
  return c;
}

describe("encodeCollection / decodeCollection", () => {
  it("round-trips every chunk, exact float32 vectors and usage, through JSON text", () => {
    const c = sample();
    const back = decodeCollection(JSON.parse(JSON.stringify(encodeCollection(c))) as JsonValue);
    if (typeof back === "string") throw new Error(back);
    expect(back.model).toBe("mock/embed");
    expect(back.dimensions).toBe(3);
    expect(back.usage).toEqual(c.usage);
    expect(back.chunks).toEqual(c.chunks);
    expect(Array.from(back.vectors)).toEqual(Array.from(c.vectors.subarray(0, 6)));
    expect(back.textChars).toBe(c.textChars);
    expect(searchCollection(back, [0, 0, -1], { k: 2 })).toEqual(searchCollection(c, [0, 0, -1], { k: 2 }));
  });

  it("keeps __proto__ in metadata an ordinary key", () => {
    const back = decodeCollection(structuredClone(encodeCollection(sample())));
    if (typeof back === "string") throw new Error(back);
    const meta = back.chunks[0].metadata;
    expect(Object.getOwnPropertyDescriptor(meta, "__proto__")?.value).toBe("kept");
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
  });

  it("stores the vectors as one base64 text, smaller than JSON numbers", () => {
    const encoded = encodeCollection(sample()) as { vectors: string };
    expect(typeof encoded.vectors).toBe("string");
    expect(encoded.vectors.length).toBe(Math.ceil((2 * 3 * 4) / 3) * 4);
  });

  it("says what is wrong with a stored value that is not a collection", () => {
    const good = encodeCollection(sample()) as { [key: string]: JsonValue };
    const cases: [JsonValue, RegExp][] = [
      ["text", /not an object/],
      [{ ...good, format: 2 }, /format is 2/],
      [{ ...good, model: "" }, /model/],
      [{ ...good, dimensions: 0 }, /dimensions/],
      [{ ...good, usage: { embeddings_generated: -1, embedding_tokens: 0 } }, /usage/],
      [{ ...good, chunks: "x" }, /chunks are not a list/],
      [{ ...good, chunks: [{ id: "a" }] }, /chunk 0 is not/],
      [{ ...good, vectors: "@@@@" }, /not base64/],
      [{ ...good, vectors: "AAAA" }, /hold 3 bytes, not 2 × 3/],
    ];
    for (const [value, reason] of cases) expect(decodeCollection(value)).toMatch(reason);
  });
});
