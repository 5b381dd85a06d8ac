import { describe, expect, it } from "vitest";
import {
  appendChunks,
  createCollection,
  matchesFilter,
  removeDocuments,
  searchCollection,
  type Collection,
  type Metadata,
  type StoredChunk,
} from "./vector-index";

const chunk = (id: string, metadata: Metadata = {}, docId = id): StoredChunk => ({
  id,
  docId,
  content: `text of ${id}`,
  metadata: { ...metadata, doc_id: docId },
});

function collectionOf(rows: [string, number[], Metadata?][]): Collection {
  const c = createCollection("test/embed", rows[0][1].length);
  appendChunks(
    c,
    rows.map(([id, , m]) => chunk(id, m)),
    rows.map(([, v]) => v),
  );
  return c;
}

const ids = (hits: { chunk: StoredChunk }[]) => hits.map((h) => h.chunk.id);

describe("searchCollection (cosine similarity)", () => {
  const c = collectionOf([
    ["x", [1, 0, 0]],
    ["y", [0, 2, 0]],
    ["xy", [1, 1, 0]],
    ["minus-x", [-3, 0, 0]],
  ]);

  it("scores the cosine: 1 for the same direction, 0 orthogonal, -1 opposite, whatever the lengths", () => {
    const hits = searchCollection(c, [5, 0, 0], { k: 4 });
    expect(hits.map((h) => [h.chunk.id, h.score])).toEqual([
      ["x", 1],
      ["xy", 0.707107],
      ["y", 0],
      ["minus-x", -1],
    ]);
  });

  it("keeps the best k, best first", () => {
    expect(ids(searchCollection(c, [1, 1, 0], { k: 2 }))).toEqual(["xy", "x"]);
    expect(ids(searchCollection(c, [0, 1, 0], { k: 1 }))).toEqual(["y"]);
  });

  it("keeps insertion order between equal scores", () => {
    const tied = collectionOf([
      ["a", [1, 0]],
      ["b", [2, 0]],
      ["c", [0, 1]],
      ["d", [3, 0]],
    ]);
    expect(ids(searchCollection(tied, [1, 0], { k: 3 }))).toEqual(["a", "b", "d"]);
  });

  it("drops hits below the threshold", () => {
    expect(ids(searchCollection(c, [1, 0, 0], { k: 4, threshold: 0.5 }))).toEqual(["x", "xy"]);
    expect(ids(searchCollection(c, [1, 0, 0], { k: 4, threshold: 1 }))).toEqual(["x"]);
  });

  it("a zero vector scores 0 against everything, never NaN", () => {
    const hits = searchCollection(c, [0, 0, 0], { k: 4 });
    expect(hits.map((h) => h.score)).toEqual([0, 0, 0, 0]);
  });

  it("searches only chunks whose metadata matches the filter", () => {
    const f = collectionOf([
      ["a", [1, 0], { lang: "lua" }],
      ["b", [1, 0.1], { lang: "js" }],
      ["c", [0, 1], { lang: "lua" }],
    ]);
    expect(ids(searchCollection(f, [1, 0], { k: 3, filter: { lang: "lua" } }))).toEqual(["a", "c"]);
    expect(ids(searchCollection(f, [1, 0], { k: 3, filter: {} }))).toEqual(["a", "b", "c"]);
  });
});

describe("matchesFilter", () => {
  const m: Metadata = { topic: "code", level: 2, tags: ["a", "b"], nested: { x: [1, { y: true }] }, nothing: null };

  it("needs every key to match", () => {
    expect(matchesFilter(m, { topic: "code", level: 2 })).toBe(true);
    expect(matchesFilter(m, { topic: "code", level: 3 })).toBe(false);
    expect(matchesFilter(m, { missing: null })).toBe(false);
    expect(matchesFilter(m, { nothing: null })).toBe(true);
  });

  it("a list in the filter means any of its values; a list in the metadata matches a value it holds", () => {
    expect(matchesFilter(m, { topic: ["docs", "code"] })).toBe(true);
    expect(matchesFilter(m, { topic: ["docs"] })).toBe(false);
    expect(matchesFilter(m, { tags: "b" })).toBe(true);
    expect(matchesFilter(m, { tags: ["z", "a"] })).toBe(true);
    expect(matchesFilter(m, { tags: "c" })).toBe(false);
  });

  it("compares objects deeply, keys in any order, and 1 is not '1'", () => {
    expect(matchesFilter(m, { nested: { x: [1, { y: true }] } })).toBe(true);
    expect(matchesFilter(m, { nested: { x: [1, { y: false }] } })).toBe(false);
    expect(matchesFilter({ o: { a: 1, b: 2 } }, { o: { b: 2, a: 1 } })).toBe(true);
    expect(matchesFilter(m, { level: "2" })).toBe(false);
  });

  it("treats __proto__ as an ordinary key", () => {
    const own = JSON.parse('{"__proto__": "x"}') as Metadata;
    expect(matchesFilter(own, JSON.parse('{"__proto__": "x"}') as Metadata)).toBe(true);
    expect(matchesFilter({}, JSON.parse('{"__proto__": "x"}') as Metadata)).toBe(false);
    expect(matchesFilter({ toString: "t" }, { toString: "t" })).toBe(true);
    expect(matchesFilter({}, { constructor: "x" })).toBe(false);
  });
});

describe("appendChunks and removeDocuments", () => {
  it("grows the vector store and keeps rows in step with chunks", () => {
    const c = createCollection("m", 2);
    for (let i = 0; i < 100; i++) appendChunks(c, [chunk(`c${i}`)], [[i + 1, 0]]);
    expect(c.chunks).toHaveLength(100);
    expect(c.vectors.length).toBeGreaterThanOrEqual(200);
    expect(Array.from(c.vectors.subarray(0, 4))).toEqual([1, 0, 1, 0]);
    expect(c.textChars).toBe(c.chunks.reduce((n, ch) => n + ch.content.length, 0));
  });

  it("removes a document's chunks and moves the later rows up, in order", () => {
    const c = createCollection("m", 2);
    appendChunks(
      c,
      [chunk("a#0", {}, "a"), chunk("b", {}, "b"), chunk("a#1", {}, "a"), chunk("c", {}, "c")],
      [
        [1, 0],
        [0, 1],
        [1, 0],
        [-1, 0],
      ],
    );
    expect(removeDocuments(c, new Set(["a"]))).toBe(2);
    expect(c.chunks.map((ch) => ch.id)).toEqual(["b", "c"]);
    expect(Array.from(c.vectors.subarray(0, 4))).toEqual([0, 1, -1, 0]);
    expect(searchCollection(c, [-1, 0], { k: 1 }).map((h) => h.chunk.id)).toEqual(["c"]);
    expect(c.textChars).toBe("text of b".length + "text of c".length);
    expect(removeDocuments(c, new Set(["zzz"]))).toBe(0);
  });
});
