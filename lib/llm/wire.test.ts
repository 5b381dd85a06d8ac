import { JsonToSseTransformStream, readUIMessageStream, parseJsonEventStream, uiMessageChunkSchema } from "ai";
import { describe, expect, it, vi } from "vitest";
import type { StreamPart } from "./types";
import { decodeStream, encodeStream } from "./wire";

const parts: StreamPart[] = [
  { type: "text-delta", text: "héllo\nworld " },
  { type: "text-delta", text: "again" },
  { type: "tool-call", toolCallId: "c1", toolName: "calc", input: { expression: "1+1", nested: [1, null, "ü"] } },
  { type: "usage", usage: { inputTokens: 3, outputTokens: 4 } },
  { type: "finish", finishReason: "tool-calls" },
  { type: "error", kind: "timeout", message: "slow" },
];

async function* generate(list: StreamPart[]): AsyncGenerator<StreamPart> {
  yield* list;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
      c.close();
    },
  });
}

async function decodeAll(stream: ReadableStream<Uint8Array>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const p of decodeStream(stream)) out.push(p);
  return out;
}

describe("the wire: the AI SDK's UI message stream", () => {
  it("writes exactly the bytes the SDK's JsonToSseTransformStream would", async () => {
    const ours = new TextDecoder().decode(await bytesOf(encodeStream(generate(parts), () => {})));
    const events = ours
      .split("\n\n")
      .filter((e) => e.startsWith("data: {"))
      .map((e) => JSON.parse(e.slice("data: ".length)) as unknown);
    const sdk = new ReadableStream<unknown>({
      start(c) {
        for (const e of events) c.enqueue(e);
        c.close();
      },
    }).pipeThrough(new JsonToSseTransformStream());
    expect(ours).toBe(await new Response(sdk.pipeThrough(new TextEncoderStream())).text());
    expect(ours.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it.each([1, 3, 7, 1000])("round-trips every part kind when split into %i-byte chunks", async (chunk) => {
    const bytes = await bytesOf(encodeStream(generate(parts), () => {}));
    expect(await decodeAll(streamOf(bytes, chunk))).toEqual(parts);
  });

  it("is valid for the SDK's own reader: every event parses as a UI message chunk", async () => {
    const bytes = await bytesOf(encodeStream(generate(parts.slice(0, 5)), () => {}));
    const reader = parseJsonEventStream({ stream: streamOf(bytes, 64), schema: uiMessageChunkSchema }).getReader();
    const types: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      expect(value.success).toBe(true);
      if (value.success) types.push(value.value.type);
    }
    expect(types).toEqual([
      "start",
      "text-start",
      "text-delta",
      "text-delta",
      "text-end",
      "tool-input-available",
      "message-metadata",
      "finish",
    ]);
    const chunks = parseJsonEventStream({ stream: streamOf(bytes, 64), schema: uiMessageChunkSchema }).pipeThrough(
      new TransformStream({ transform: (r, c) => (r.success ? c.enqueue(r.value) : undefined) }),
    );
    let last;
    for await (const message of readUIMessageStream({ stream: chunks })) last = message;
    expect(last?.parts.find((p) => p.type === "text")).toMatchObject({ text: "héllo\nworld again" });
  });

  it("carries the finish part's received parameters, and only numbers of them", async () => {
    const sent: StreamPart[] = [{ type: "finish", finishReason: "stop", received: { temperature: 0.3, seed: 7 } }];
    const bytes = await bytesOf(encodeStream(generate(sent), () => {}));
    expect(await decodeAll(streamOf(bytes, 5))).toEqual(sent);
    const forged = new TextEncoder().encode(
      'data: {"type":"start"}\n\ndata: {"type":"message-metadata","messageMetadata":{"received":{"temperature":"hot","topP":0.5}}}\n\ndata: {"type":"finish","finishReason":"stop"}\n\ndata: [DONE]\n\n',
    );
    expect(await decodeAll(streamOf(forged, 7))).toEqual([
      { type: "finish", finishReason: "stop", received: { topP: 0.5 } },
    ]);
  });

  it("an event that is not a chunk becomes a malformed error part", async () => {
    const bytes = new TextEncoder().encode('data: {"type":"weird"}\n\n');
    expect(await decodeAll(streamOf(bytes, 5))).toEqual([
      { type: "error", kind: "malformed", message: "The gateway sent an event that is not a stream chunk." },
    ]);
  });

  it("a generator that throws ends the stream with one upstream error part", async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: "text-delta", text: "a" };
      throw new Error("boom");
    }
    expect(await decodeAll(encodeStream(failing(), () => {}))).toEqual([
      { type: "text-delta", text: "a" },
      { type: "error", kind: "upstream", message: "The gateway failed while streaming." },
    ]);
  });

  it("cancelling the response stops the generator and calls onCancel", async () => {
    let cancelled = false;
    let finished = false;
    async function* endless(): AsyncGenerator<StreamPart> {
      try {
        for (;;) yield { type: "text-delta", text: "x" };
      } finally {
        finished = true;
      }
    }
    const reader = encodeStream(endless(), () => (cancelled = true)).getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(cancelled && finished).toBe(true));
  });
});
