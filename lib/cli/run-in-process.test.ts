import { describe, expect, it } from "vitest";
import { createCpuMeter } from "@/lib/core/cpu-meter";
import { watchLongSlices } from "./run-in-process";

function watched() {
  let now = 0;
  const clock = () => now;
  const calls: string[] = [];
  const meter = watchLongSlices(
    createCpuMeter(clock),
    100,
    { onLong: () => calls.push("long"), onEnd: () => calls.push("end") },
    clock,
  );
  return { meter, calls, advance: (ms: number) => (now += ms) };
}

describe("watchLongSlices", () => {
  it("says when a slice has run past the threshold, once, and when it ends", () => {
    const { meter, calls, advance } = watched();
    meter.enter();
    advance(60);
    meter.exceeds(10_000);
    expect(calls).toEqual([]);
    advance(60);
    expect(meter.elapsedMs()).toBe(120);
    meter.exceeds(10_000);
    expect(calls).toEqual(["long"]);
    meter.exit();
    expect(calls).toEqual(["long", "end"]);
  });

  it("measures from the outermost enter: a nested call does not restart the slice", () => {
    const { meter, calls, advance } = watched();
    meter.enter();
    advance(80);
    meter.enter();
    advance(30);
    meter.exit();
    meter.elapsedMs();
    expect(calls).toEqual(["long"]);
  });

  it("stays quiet for short slices, and between slices", () => {
    const { meter, calls, advance } = watched();
    for (let i = 0; i < 5; i++) {
      meter.enter();
      advance(50);
      meter.exceeds(10_000);
      meter.exit();
      advance(500);
      meter.elapsedMs();
    }
    expect(calls).toEqual([]);
    expect(meter.elapsedMs()).toBe(250);
  });
});
