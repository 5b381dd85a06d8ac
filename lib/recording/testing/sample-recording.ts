/** A small valid recording for tests of what carries recordings (links, short links, the page's stores). */
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from "../schema";

export function sampleRecording(
  spell: Partial<Recording["spell"]> = {},
  reply = "Hello from the recording",
): Recording {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    recordedAt: "2026-12-05T18:00:00.000Z",
    spell: { engine: "lua", source: 'print("hi")', model: "openai/gpt-4o-mini", ...spell },
    providers: [],
    calls: [
      {
        request: {
          digest: "0".repeat(64),
          model: "openai/gpt-4o-mini",
          tools: [],
          toolsDigest: "1".repeat(64),
          messages: [{ role: "user", digest: "2".repeat(64), preview: "hi" }],
        },
        startedMs: 1,
        chunks: [
          { dt: 5, part: { type: "text-delta", text: reply } },
          { dt: 1, part: { type: "usage", usage: { inputTokens: 3, outputTokens: 4 } } },
          { dt: 0, part: { type: "finish", finishReason: "stop" } },
        ],
      },
    ],
    embeds: [],
    tools: [],
    clock: [],
    randomSeed: 7,
    result: { ok: true, value: null, durationMs: 12 },
  };
}
