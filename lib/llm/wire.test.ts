import { describe, expect, it } from "vitest";
import type { StreamPart } from "./types";
import { decodePart, decodeStream, encodePart } from "./wire";

const parts: StreamPart[] = [
  { type: "text-delta", text: "héllo\nworld " },
  { type: "tool-call", toolCallId: "c1", toolName: "calc", input: { expression: "1+1", nested: [1, null, "ü"] } },
  { type: "usage", usage: { inputTokens: 3, outputTokens: 4 } },
  { type: "finish", finishReason: "tool-calls" },
  { type: "error", kind: "timeout", message: "slow" },
];

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
      c.close();
    },
  });
}

describe("NDJSON wire format", () => {
  it.each([1, 3, 7, 1000])("round-trips every part kind when split into %i-byte chunks", async (chunk) => {
    const bytes = new TextEncoder().encode(parts.map(encodePart).join(""));
    const out: StreamPart[] = [];
    for await (const p of decodeStream(streamOf(bytes, chunk))) out.push(p);
    expect(out).toEqual(parts);
  });

  it("one part per line", () => {
    expect(encodePart(parts[0]).split("\n")).toHaveLength(2);
  });

  it("turns a line that is not a part into a malformed error part", () => {
    expect(decodePart("{oops")).toMatchObject({ type: "error", kind: "malformed" });
    expect(decodePart('{"type":"weird"}')).toMatchObject({ type: "error", kind: "malformed" });
  });
});
