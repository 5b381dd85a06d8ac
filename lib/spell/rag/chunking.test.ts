import { describe, expect, it } from "vitest";
import { RAG_BOUNDS } from "@/lib/core/limits";
import { DEFAULT_CHUNKING, splitIntoChunks, type ChunkingOptions } from "./chunking";

const words = (n: number, prefix = "w") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(" ");
const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
const window = (chunkSize: number, overlap: number): ChunkingOptions => ({
  chunkSize,
  overlap,
  strategy: "sliding_window",
});

describe("splitIntoChunks", () => {
  it("slides a window of chunk_size words that repeats overlap words", () => {
    expect(splitIntoChunks(words(12), window(5, 2))).toEqual([
      "w1 w2 w3 w4 w5",
      "w4 w5 w6 w7 w8",
      "w7 w8 w9 w10 w11",
      "w10 w11 w12",
    ]);
    expect(splitIntoChunks(words(10), window(5, 0))).toEqual(["w1 w2 w3 w4 w5", "w6 w7 w8 w9 w10"]);
    expect(splitIntoChunks(words(4), window(5, 2))).toEqual(["w1 w2 w3 w4"]);
  });

  it("never ends with a chunk of only repeated words", () => {
    expect(splitIntoChunks(words(8), window(5, 2))).toEqual(["w1 w2 w3 w4 w5", "w4 w5 w6 w7 w8"]);
  });

  it("keeps the text's own spacing and line breaks inside a chunk", () => {
    expect(splitIntoChunks("a  b\nc\t d", window(3, 0))).toEqual(["a  b\nc", "d"]);
  });

  it("makes no chunk of blank text", () => {
    expect(splitIntoChunks("", DEFAULT_CHUNKING)).toEqual([]);
    expect(splitIntoChunks(" \n\t ", DEFAULT_CHUNKING)).toEqual([]);
  });

  it("fixed is the sliding window", () => {
    expect(splitIntoChunks(words(12), { ...window(5, 2), strategy: "fixed" })).toEqual(
      splitIntoChunks(words(12), window(5, 2)),
    );
  });

  it("sentence packs whole sentences and repeats whole ones as overlap", () => {
    const text = "One two three. Four five six seven. Eight nine! Ten?";
    expect(splitIntoChunks(text, { chunkSize: 6, overlap: 0, strategy: "sentence" })).toEqual([
      "One two three.",
      "Four five six seven. Eight nine!",
      "Ten?",
    ]);
    expect(splitIntoChunks(text, { chunkSize: 6, overlap: 2, strategy: "sentence" })).toEqual([
      "One two three.",
      "Four five six seven. Eight nine!",
      "Eight nine! Ten?",
    ]);
    expect(splitIntoChunks(text, { chunkSize: 7, overlap: 3, strategy: "sentence" })).toEqual([
      "One two three. Four five six seven.",
      "Eight nine! Ten?",
    ]);
    expect(splitIntoChunks("A b. C d. E f.", { chunkSize: 4, overlap: 2, strategy: "sentence" })).toEqual([
      "A b. C d.",
      "C d. E f.",
    ]);
  });

  it("a sentence longer than a chunk is cut by words", () => {
    expect(splitIntoChunks(`${words(7)}. Short one.`, { chunkSize: 3, overlap: 0, strategy: "sentence" })).toEqual([
      "w1 w2 w3",
      "w4 w5 w6",
      "w7. Short one.",
    ]);
  });

  it("paragraph cuts at blank lines", () => {
    const text = "First line.\nSame paragraph.\n\n  \nSecond paragraph.\n\nThird.";
    expect(splitIntoChunks(text, { chunkSize: 4, overlap: 0, strategy: "paragraph" })).toEqual([
      "First line.\nSame paragraph.",
      "Second paragraph.\n\nThird.",
    ]);
  });

  it("cuts a word longer than the character cap, and no chunk passes it", () => {
    const long = "x".repeat(25);
    const chunks = splitIntoChunks(`a ${long} b`, { ...window(100, 0), maxChars: 10 });
    expect(chunks).toEqual(["a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx b"]);
    expect(chunks.every((c) => c.length <= 10)).toBe(true);
  });

  it("the default cap is RAG_BOUNDS.maxChunkChars", () => {
    const chunks = splitIntoChunks("y".repeat(RAG_BOUNDS.maxChunkChars * 2 + 1), DEFAULT_CHUNKING);
    expect(chunks.map((c) => c.length)).toEqual([RAG_BOUNDS.maxChunkChars, RAG_BOUNDS.maxChunkChars, 1]);
  });

  it("covers every word in order within its bounds, for many sizes and overlaps", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const text = Array.from({ length: n }, (_, i) => `t${i}${".!?"[Math.floor(random() * 6)] ?? ""}`).join(
        random() < 0.2 ? "\n\n" : " ",
      );
      const chunkSize = 1 + Math.floor(random() * 10);
      const overlap = Math.floor(random() * chunkSize);
      const strategy = (["sliding_window", "sentence", "paragraph"] as const)[trial % 3];
      const chunks = splitIntoChunks(text, { chunkSize, overlap, strategy, maxChars: 40 });
      for (const c of chunks) {
        expect(wordsOf(c).length).toBeLessThanOrEqual(chunkSize);
        expect(c.length).toBeLessThanOrEqual(40);
      }
      // Every chunk is a run of the text's (unique) words; each starts after the one before, leaving no gap.
      const all = wordsOf(text);
      let prevStart = -1;
      let prevEnd = -1;
      const seen = new Set<string>();
      for (const c of chunks) {
        const w = wordsOf(c);
        const start = all.indexOf(w[0]);
        expect(w).toEqual(all.slice(start, start + w.length));
        expect(start).toBeGreaterThan(prevStart);
        expect(start).toBeLessThanOrEqual(prevEnd + 1);
        prevStart = start;
        prevEnd = start + w.length - 1;
        for (const x of w) seen.add(x);
      }
      expect([...seen]).toEqual(all);
    }
  });
});
