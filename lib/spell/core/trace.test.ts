import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/core/events";
import { FIXED_BOUNDS } from "@/lib/core/limits";
import { createTracer } from "./trace";

function tracerWithEvents() {
  const events: RunEvent[] = [];
  return {
    events,
    tracer: createTracer(
      (e) => events.push(e),
      () => 0,
    ),
  };
}

describe("the tracer's bounds", () => {
  it("refuses a call nested deeper than the limit with an api error naming it", () => {
    const { tracer } = tracerWithEvents();
    let parentId: string | undefined;
    for (let i = 0; i < FIXED_BOUNDS.maxCallDepth; i++) parentId = tracer.start("tool", "t", { parentId }).id;
    expect(() => tracer.start("tool", "t", { parentId })).toThrow(
      expect.objectContaining({
        kind: "api",
        message: expect.stringContaining(`the limit is ${FIXED_BOUNDS.maxCallDepth}`),
      }),
    );
    expect(tracer.start("tool", "top").id).toBeTruthy(); // a top-level call still opens
  });

  it("refuses more open calls than the limit, and opens again once some end", () => {
    const { tracer } = tracerWithEvents();
    const spans = Array.from({ length: FIXED_BOUNDS.maxOpenCalls }, () => tracer.start("agent", "a"));
    expect(() => tracer.start("agent", "a")).toThrow(expect.objectContaining({ kind: "api" }));
    spans[0].end();
    expect(() => tracer.start("agent", "a")).not.toThrow();
  });

  it("traces at most maxTracedCalls calls, then one note, and still ends what it started", () => {
    const { tracer, events } = tracerWithEvents();
    const open = tracer.start("workflow", "w");
    for (let i = 0; i < FIXED_BOUNDS.maxTracedCalls + 50; i++) tracer.start("tool", "t").end({ output: i });
    open.end();
    const starts = events.filter((e) => e.type === "trace" && e.phase === "start");
    const ends = events.filter((e) => e.type === "trace" && e.phase === "end");
    const notes = events.filter((e) => e.type === "log");
    expect(starts).toHaveLength(FIXED_BOUNDS.maxTracedCalls);
    expect(ends).toHaveLength(FIXED_BOUNDS.maxTracedCalls);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: "warn", text: expect.stringContaining("trace truncated") });
    expect(ends.at(-1)).toMatchObject({ id: open.id });
  });
});
