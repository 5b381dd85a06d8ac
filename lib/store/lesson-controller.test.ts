import { describe, expect, it } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { RunController } from "@/lib/runner/types";
import { PACED_CHUNK_MS, paceRunEvents, tapRunEvents } from "./lesson-controller";

const stats = { engine: "lua", durationMs: 1 };
const done: ExecutionResult = { ok: true, value: null, logs: [], stats };

function fakeController(events: RunEvent[]) {
  let cancels = 0;
  const c: RunController = {
    ready: Promise.resolve(),
    async run(_request, onEvent) {
      for (const e of events) onEvent?.(e);
      return done;
    },
    cancel: () => void cancels++,
    dispose() {},
  };
  return { c, cancels: () => cancels };
}

const events: RunEvent[] = [
  { type: "trace", phase: "start", id: "a", kind: "agent", name: "x", t: 0 },
  { type: "stream", text: "one ", t: 1 },
  { type: "stream", text: "two", t: 2 },
  { type: "trace", phase: "end", id: "a", t: 3, durationMs: 3 },
  { type: "log", level: "log", text: "after", t: 4 },
];

describe("tapRunEvents", () => {
  it("sends every event to the tap and to the caller", async () => {
    const tapped: RunEvent[] = [];
    const seen: RunEvent[] = [];
    const c = tapRunEvents(fakeController(events).c, (e) => tapped.push(e));
    expect(await c.run({ engine: "lua", source: "" }, (e) => seen.push(e))).toBe(done);
    expect(tapped).toEqual(events);
    expect(seen).toEqual(events);
  });
});

describe("paceRunEvents", () => {
  it("waits PACED_CHUNK_MS / pace before each streamed chunk, keeps the order, resolves after the last", async () => {
    const waits: number[] = [];
    const seen: string[] = [];
    let pace = 0.25;
    const c = paceRunEvents(fakeController(events).c, {
      pace: () => pace,
      sleep: async (ms) => {
        waits.push(ms);
        pace = 1; // a change applies to the next chunk
      },
    });
    const result = await c.run({ engine: "lua", source: "" }, (e) => seen.push(e.type === "trace" ? e.phase : e.type));
    expect(result).toBe(done);
    expect(seen).toEqual(["start", "stream", "stream", "end", "log"]);
    expect(waits).toEqual([PACED_CHUNK_MS * 4, PACED_CHUNK_MS]);
  });

  it("does not wait at pace 0, and a stop drops what is queued", async () => {
    const waits: number[] = [];
    const none = paceRunEvents(fakeController(events).c, { pace: () => 0, sleep: async (ms) => void waits.push(ms) });
    await none.run({ engine: "lua", source: "" });
    expect(waits).toEqual([]);

    const fake = fakeController(events);
    const seen: RunEvent[] = [];
    const c: RunController = paceRunEvents(fake.c, {
      pace: () => 1,
      sleep: async () => c.cancel(),
    });
    await c.run({ engine: "lua", source: "" }, (e) => seen.push(e));
    expect(seen.map((e) => e.type)).toEqual(["trace"]);
    expect(fake.cancels()).toBe(1);
  });
});
