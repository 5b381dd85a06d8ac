/** The CPU meter on a clock the test moves by hand (no real timing). */
import { describe, expect, it } from "vitest";
import { createCpuMeter } from "./cpu-meter";

function fakeClock() {
  let now = 1000;
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("createCpuMeter", () => {
  it("counts only the time between enter and exit", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    t.advance(50); // before the VM: not counted
    expect(meter.enter()).toBe(true);
    t.advance(7);
    expect(meter.exit()).toBe(true);
    t.advance(100); // waiting on the host: not counted
    meter.enter();
    t.advance(3);
    meter.exit();
    expect(meter.elapsedMs()).toBe(10);
  });

  it("includes the open slice in elapsedMs", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    meter.enter();
    t.advance(4);
    meter.exit();
    meter.enter();
    t.advance(6);
    expect(meter.running).toBe(true);
    expect(meter.elapsedMs()).toBe(10);
  });

  it("opens and closes the slice only at the outermost enter and exit", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    expect(meter.enter()).toBe(true);
    t.advance(2);
    expect(meter.enter()).toBe(false);
    t.advance(3);
    expect(meter.exit()).toBe(false);
    expect(meter.running).toBe(true);
    t.advance(5);
    expect(meter.exit()).toBe(true);
    expect(meter.running).toBe(false);
    // Nested time is counted once, not once per level.
    expect(meter.elapsedMs()).toBe(10);
  });

  it("ignores an exit without an enter", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    expect(meter.exit()).toBe(false);
    expect(meter.running).toBe(false);
    expect(meter.enter()).toBe(true);
    t.advance(1);
    expect(meter.exit()).toBe(true);
    expect(meter.elapsedMs()).toBe(1);
  });

  it("exceeds a limit only once more than the limit is counted", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    meter.enter();
    t.advance(10);
    expect(meter.exceeds(10)).toBe(false);
    t.advance(1);
    expect(meter.exceeds(10)).toBe(true);
  });

  it("reset forgets what was counted; an open slice restarts from now", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    meter.enter();
    t.advance(8);
    meter.exit();
    meter.reset();
    expect(meter.elapsedMs()).toBe(0);
    meter.enter();
    t.advance(5);
    meter.reset();
    t.advance(2);
    meter.exit();
    expect(meter.elapsedMs()).toBe(2);
  });

  it("reads performance.now when no clock is given", () => {
    const meter = createCpuMeter();
    meter.enter();
    meter.exit();
    expect(meter.elapsedMs()).toBeGreaterThanOrEqual(0);
    expect(meter.running).toBe(false);
  });

  it("adds charged host work to what it counted, and ignores nonsense charges", () => {
    const t = fakeClock();
    const meter = createCpuMeter(t.clock);
    meter.enter();
    t.advance(10);
    meter.exit();
    meter.charge(25);
    meter.charge(-5);
    meter.charge(Number.NaN);
    expect(meter.elapsedMs()).toBe(35);
    expect(meter.exceeds(30)).toBe(true);
  });
});
