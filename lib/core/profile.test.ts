import { describe, expect, it } from "vitest";
import { MAX_PROFILE_EVENTS, Profiler, type ProfileData, type StackEntry } from "./profile";
import { toChromeTrace, toSpeedscope } from "./profile-format";
import { speedscopeFileSchema } from "./profile-format.test-schema";

const fn = (name: string, line: number, at: number): StackEntry => ({ frame: { name, file: "spell", line }, line: at });
const MAIN = fn("main chunk", 0, 9);

/** A profiler on a clock the test moves. */
function manual() {
  let t = 0;
  const p = new Profiler("spell", () => t);
  return { p, advance: (ms: number) => (t += ms) };
}

/** Events must open and close like a stack. */
function assertBalanced(d: ProfileData) {
  const open: number[] = [];
  const problems: string[] = [];
  let last = 0;
  for (const e of d.events) {
    if (e.at < last) problems.push(`event at ${e.at} after ${last}`);
    last = e.at;
    if (e.type === "O") open.push(e.frame);
    else if (open.pop() !== e.frame) problems.push(`close of ${e.frame} is not the top`);
  }
  expect(problems.slice(0, 3)).toEqual([]);
  expect(open).toEqual([]);
}

const row = (d: ProfileData, name: string) => d.functions.find((f) => f.name === name)!;

describe("Profiler", () => {
  it("turns samples into balanced events with self and total per function and per line", () => {
    const { p, advance } = manual();
    p.sample([MAIN, fn("slow", 2, 3)]);
    advance(90);
    p.sample([MAIN, fn("fast", 5, 6)]);
    advance(10);
    const d = p.finish();
    assertBalanced(d);
    expect(row(d, "slow")).toMatchObject({ selfMs: 90, totalMs: 90 });
    expect(row(d, "fast")).toMatchObject({ selfMs: 10, totalMs: 10 });
    expect(row(d, "main chunk")).toMatchObject({ selfMs: 0, totalMs: 100 });
    expect(d.functions[0].name).toBe("slow"); // sorted by self time
    expect(d.lines.find((l) => l.line === 3)).toMatchObject({ selfMs: 90, totalMs: 90 });
    expect(d.lines.find((l) => l.line === 9)).toMatchObject({ selfMs: 0, totalMs: 100 });
    expect(d.samples).toBe(2);
  });

  it("counts recursion once in a function's total", () => {
    const { p, advance } = manual();
    p.sample([MAIN, fn("fib", 1, 2), fn("fib", 1, 3), fn("fib", 1, 2)]);
    advance(50);
    const d = p.finish();
    expect(row(d, "fib")).toMatchObject({ selfMs: 50, totalMs: 50 });
    assertBalanced(d);
  });

  it("makes model and tool calls wait frames on the stack they were called from", () => {
    const { p, advance } = manual();
    const calls = p.callObserver();
    p.attachEngine({ stackNow: () => [MAIN, fn("ask", 4, 5)] });
    p.sample([MAIN]);
    advance(5);
    calls.started({ kind: "model", name: "mock/default" }, undefined);
    advance(200);
    calls.ended({ kind: "model", name: "mock/default" }, {});
    calls.started({ kind: "agent", name: "helper" }, undefined); // not a wait: no frame
    calls.started({ kind: "tool", name: "calculator" }, undefined);
    advance(30);
    calls.ended({ kind: "tool", name: "calculator" }, {});
    advance(1);
    const d = p.finish();
    assertBalanced(d);
    expect(row(d, "model mock/default")).toMatchObject({ selfMs: 200, totalMs: 200, wait: true });
    expect(row(d, "tool calculator")).toMatchObject({ selfMs: 30, wait: true });
    expect(row(d, "ask")).toMatchObject({ selfMs: 1, totalMs: 231 });
    expect(d.frames.map((f) => f.name)).not.toContain("agent helper");
    // A wait's time is its calling line's total, not the line's self.
    expect(d.lines.find((l) => l.line === 5)).toMatchObject({ selfMs: 1, totalMs: 231 });
  });

  it("keeps events balanced when concurrent waits end out of order", () => {
    const { p, advance } = manual();
    const calls = p.callObserver();
    p.sample([MAIN]);
    calls.started({ kind: "model", name: "a" }, undefined);
    advance(1);
    calls.started({ kind: "model", name: "b" }, undefined);
    advance(1);
    calls.ended({ kind: "model", name: "a" }, {});
    advance(1);
    calls.ended({ kind: "model", name: "b" }, {});
    const d = p.finish();
    assertBalanced(d);
    expect(row(d, "model a").totalMs).toBe(2);
    expect(row(d, "model b").totalMs).toBe(2);
  });

  it(`stops the timeline at ${MAX_PROFILE_EVENTS} events, closed, and keeps the totals`, () => {
    const { p, advance } = manual();
    const n = MAX_PROFILE_EVENTS / 2 + 100;
    for (let i = 0; i < n; i++) {
      p.sample(i % 2 ? [MAIN, fn("a", 1, 2)] : [MAIN, fn("b", 3, 4)]);
      advance(1);
    }
    const d = p.finish();
    expect(d.truncated).toBe(true);
    expect(d.events.length).toBeLessThanOrEqual(MAX_PROFILE_EVENTS + 2);
    assertBalanced(d);
    expect(row(d, "main chunk").totalMs).toBe(n);
  });

  it("writes a speedscope file of the evented profile and a Chrome trace", () => {
    const { p, advance } = manual();
    const calls = p.callObserver();
    p.sample([MAIN, fn("slow", 2, 3)]);
    advance(2);
    calls.started({ kind: "tool", name: "calculator" }, undefined);
    advance(3);
    calls.ended({ kind: "tool", name: "calculator" }, {});
    const d = p.finish();
    const file = toSpeedscope(d);
    expect(speedscopeFileSchema.safeParse(file).success).toBe(true);
    expect(file.profiles[0]).toMatchObject({ type: "evented", unit: "milliseconds", startValue: 0, endValue: 5 });
    expect(file.shared.frames.map((f) => f.name)).toEqual(["main chunk", "slow", "tool calculator"]);
    const trace = toChromeTrace(d);
    const spans = trace.traceEvents.filter((e) => e.ph !== "M");
    expect(spans.filter((e) => e.ph === "B").length).toBe(spans.filter((e) => e.ph === "E").length);
    expect(spans.find((e) => e.name === "tool calculator")).toMatchObject({ ph: "B", ts: 2000, cat: "wait" });
  });
});
