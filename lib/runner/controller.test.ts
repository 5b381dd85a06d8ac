/**
 * The controller's policy, tested over a scripted fake transport: the test plays the worker, so every timing
 * path (in-engine cancel, terminate after 50 ms, stall, crash, supersede) is exercised deterministically.
 */
import { describe, expect, it, vi } from "vitest";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import { createRunController, type ControllerIncident } from "./controller";
import { HOST_WORK_ALLOWANCE_MS, type ControllerMessage, type WorkerMessage, type WorkerTransport } from "./protocol";

class FakeWorker implements WorkerTransport {
  posted: ControllerMessage[] = [];
  terminated = false;
  private listeners: ((m: WorkerMessage) => void)[] = [];
  private crashListeners: ((reason: string) => void)[] = [];
  post(message: ControllerMessage) {
    this.posted.push(message);
  }
  onMessage(listener: (m: WorkerMessage) => void) {
    this.listeners.push(listener);
  }
  onCrash(listener: (reason: string) => void) {
    this.crashListeners.push(listener);
  }
  terminate() {
    this.terminated = true;
  }
  send(m: WorkerMessage) {
    for (const l of this.listeners) l(m);
  }
  crash(reason: string) {
    for (const l of this.crashListeners) l(reason);
  }
  ready() {
    this.send({ type: "ready", engines: ["fake"], warmupMs: 1 });
  }
  lastRunId(): number {
    const runs = this.posted.filter((m) => m.type === "run");
    return runs[runs.length - 1]!.id;
  }
}

function setup(opts: { spare?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const incidents: ControllerIncident[] = [];
  const controller = createRunController({
    spare: opts.spare,
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    onIncident: (i) => incidents.push(i),
  });
  return { controller, workers, incidents };
}

const ok = (value: number): ExecutionResult => ({
  ok: true,
  value,
  logs: [],
  stats: { engine: "fake", durationMs: 1 },
});
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Fake timers and performance.now, so the controller's grace periods are checked by stepping a clock. */
function useFakeClock() {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"] });
  return { restore: () => vi.useRealTimers() };
}

describe("run controller (scripted worker)", () => {
  it("resolves ready once the worker is warm, then starts a spare", async () => {
    const { controller, workers } = setup();
    expect(workers).toHaveLength(1);
    let isReady = false;
    void controller.ready.then(() => (isReady = true));
    await tick();
    expect(isReady).toBe(false);
    workers[0].ready();
    await tick();
    expect(isReady).toBe(true);
    expect(workers).toHaveLength(2);
    controller.dispose();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it("waits for a ready worker, streams events in order and resolves with the worker's result", async () => {
    const { controller, workers } = setup({ spare: false });
    const events: RunEvent[] = [];
    const pending = controller.run({ engine: "fake", source: "x" }, (e) => events.push(e));
    await tick();
    expect(workers[0].posted).toHaveLength(0);
    workers[0].ready();
    await tick();
    const id = workers[0].lastRunId();
    for (let i = 0; i < 5; i++)
      workers[0].send({ type: "event", id, event: { type: "log", level: "log", text: `l${i}`, t: i } });
    workers[0].send({ type: "event", id: id + 99, event: { type: "log", level: "log", text: "other run", t: 0 } });
    workers[0].send({ type: "done", id, result: ok(42) });
    const result = await pending;
    expect(result).toEqual(ok(42));
    expect(events.map((e) => (e.type === "log" ? e.text : e.type))).toEqual(["l0", "l1", "l2", "l3", "l4"]);
    controller.dispose();
  });

  it("cancel: an engine that stops in time keeps its worker", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const pending = controller.run({ engine: "fake", source: "loop" });
    await tick();
    const id = workers[0].lastRunId();
    controller.cancel();
    expect(workers[0].posted.at(-1)).toEqual({ type: "cancel", id });
    const cancelled: ExecutionResult = {
      ok: false,
      error: { kind: "cancelled", message: "stopped" },
      logs: [],
      stats: { engine: "fake", durationMs: 3 },
    };
    workers[0].send({ type: "done", id, result: cancelled });
    expect(await pending).toEqual(cancelled);
    await tick(80);
    expect(workers[0].terminated).toBe(false);
    expect(workers).toHaveLength(1);
    controller.dispose();
  });

  it("cancel: a worker that does not answer within 50 ms is terminated and the spare takes the next run at once", async () => {
    const { controller, workers, incidents } = setup();
    workers[0].ready();
    await tick();
    workers[1].ready();
    const events: RunEvent[] = [];
    const pending = controller.run({ engine: "fake", source: "stuck" }, (e) => events.push(e));
    await tick();
    const clock = useFakeClock();
    let result: ExecutionResult | undefined;
    try {
      void pending.then((r) => (result = r));
      controller.cancel();
      // Within the grace period the worker may still answer: nothing is settled or terminated yet.
      await vi.advanceTimersByTimeAsync(49);
      expect(result).toBeUndefined();
      expect(workers[0].terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
    } finally {
      clock.restore();
    }
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.error.kind).toBe("cancelled");
    expect(events.at(-1)?.type).toBe("error");
    expect(workers[0].terminated).toBe(true);
    expect(incidents).toContainEqual({ type: "terminated", reason: "cancel" });
    // The spare is now the primary: the next run goes to it without waiting; a new spare is spawned.
    const next = controller.run({ engine: "fake", source: "x" });
    await tick();
    expect(workers[1].posted.filter((m) => m.type === "run")).toHaveLength(1);
    expect(workers).toHaveLength(3);
    workers[1].send({ type: "done", id: workers[1].lastRunId(), result: ok(1) });
    expect((await next).ok).toBe(true);
    // A late message from the terminated worker is ignored.
    workers[0].send({ type: "done", id: 1, result: ok(666) });
    controller.dispose();
  });

  it("a second run cancels the first, then starts", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const first = controller.run({ engine: "fake", source: "a" });
    await tick();
    const firstId = workers[0].lastRunId();
    const second = controller.run({ engine: "fake", source: "b" });
    expect(workers[0].posted.at(-1)).toEqual({ type: "cancel", id: firstId });
    workers[0].send({
      type: "done",
      id: firstId,
      result: {
        ok: false,
        error: { kind: "cancelled", message: "x" },
        logs: [],
        stats: { engine: "fake", durationMs: 1 },
      },
    });
    const r1 = await first;
    expect(r1.ok).toBe(false);
    await tick();
    const secondId = workers[0].lastRunId();
    expect(secondId).not.toBe(firstId);
    workers[0].send({ type: "done", id: secondId, result: ok(2) });
    expect(await second).toEqual(ok(2));
    controller.dispose();
  });

  it("a run superseding one stuck in a C call goes to the spare, never to the terminated worker", async () => {
    const { controller, workers } = setup();
    workers[0].ready();
    await tick();
    workers[1].ready();
    const first = controller.run({ engine: "fake", source: "stuck" });
    await tick();
    const second = controller.run({ engine: "fake", source: "next" });
    const r1 = await first; // the stuck worker never answers: terminated after 50 ms
    expect(!r1.ok && r1.error.kind).toBe("cancelled");
    await tick();
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].posted.filter((m) => m.type === "run")).toHaveLength(1);
    const onSpare = workers[1].posted.filter((m) => m.type === "run");
    expect(onSpare.map((m) => m.type === "run" && m.request.source)).toEqual(["next"]);
    workers[1].send({ type: "done", id: workers[1].lastRunId(), result: ok(9) });
    expect(await second).toEqual(ok(9));
    controller.dispose();
  });

  it("a run waiting behind one whose worker crashes starts on the replacement", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const first = controller.run({ engine: "fake", source: "a" });
    await tick();
    const second = controller.run({ engine: "fake", source: "b" });
    workers[0].crash("boom");
    expect((await first).ok).toBe(false);
    await tick();
    expect(workers[0].posted.filter((m) => m.type === "run")).toHaveLength(1);
    workers[1].ready();
    await tick();
    expect(workers[1].posted.filter((m) => m.type === "run").map((m) => m.type === "run" && m.request.source)).toEqual([
      "b",
    ]);
    workers[1].send({ type: "done", id: workers[1].lastRunId(), result: ok(2) });
    expect(await second).toEqual(ok(2));
    controller.dispose();
  });

  it("a third run supersedes a second that was still waiting", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    void controller.run({ engine: "fake", source: "a" });
    await tick();
    const second = controller.run({ engine: "fake", source: "b" });
    const third = controller.run({ engine: "fake", source: "c" });
    const r2 = await second;
    expect(!r2.ok && r2.error.kind).toBe("cancelled");
    workers[0].send({ type: "done", id: workers[0].lastRunId(), result: ok(1) });
    await tick();
    const runs = workers[0].posted.filter((m) => m.type === "run");
    expect(runs.map((m) => m.type === "run" && m.request.source)).toEqual(["a", "c"]);
    workers[0].send({ type: "done", id: workers[0].lastRunId(), result: ok(3) });
    expect(await third).toEqual(ok(3));
    controller.dispose();
  });

  it("a worker silent for longer than the CPU limit is terminated with a timeout", async () => {
    const { controller, workers, incidents } = setup({ spare: false });
    workers[0].ready();
    const clock = useFakeClock();
    let result: ExecutionResult | undefined;
    try {
      void controller.run({ engine: "fake", source: "c-call", limits: { timeoutMs: 100 } }).then((r) => (result = r));
      // The limit (100 ms) plus the stall grace (500 ms) must pass in silence before the worker is given up.
      await vi.advanceTimersByTimeAsync(575);
      expect(result).toBeUndefined();
      expect(workers[0].terminated).toBe(false);
      // The watchdog looks every 25 ms, so the stall is caught within one period after 600 ms.
      await vi.advanceTimersByTimeAsync(50);
    } finally {
      clock.restore();
    }
    expect(result && !result.ok && result.error.kind).toBe("timeout");
    expect(workers[0].terminated).toBe(true);
    expect(incidents).toContainEqual({ type: "terminated", reason: "stall" });
    controller.dispose();
  });

  it("judges a talking worker by the CPU its heartbeats report: past the limit it is stopped", async () => {
    const { controller, workers, incidents } = setup({ spare: false });
    workers[0].ready();
    const clock = useFakeClock();
    let result: ExecutionResult | undefined;
    try {
      void controller.run({ engine: "fake", source: "x", limits: { timeoutMs: 100 } }).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(1);
      const id = workers[0].lastRunId();
      // Logs and heartbeats keep coming (a swallowed stop with print() in the loop): only the CPU says stuck.
      for (let cpuMs = 50; cpuMs <= 550; cpuMs += 50) {
        workers[0].send({ type: "event", id, event: { type: "log", level: "log", text: "", t: cpuMs } });
        workers[0].send({ type: "heartbeat", cpuMs });
        await vi.advanceTimersByTimeAsync(50);
        expect(result).toBeUndefined();
      }
      workers[0].send({ type: "heartbeat", cpuMs: 650 });
      await vi.advanceTimersByTimeAsync(50);
    } finally {
      clock.restore();
    }
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout", message: STOP_MESSAGES.cpu(100) } });
    expect(incidents).toContainEqual({ type: "terminated", reason: "stall" });
    controller.dispose();
  });

  it("announced host work (a module load) may be silent past the CPU limit, within its allowance", async () => {
    const { controller, workers, incidents } = setup({ spare: false });
    workers[0].ready();
    const clock = useFakeClock();
    let result: ExecutionResult | undefined;
    try {
      void controller.run({ engine: "fake", source: "x", limits: { timeoutMs: 100 } }).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(1);
      const id = workers[0].lastRunId();
      workers[0].send({ type: "host-work", id, label: "loading mathjs" });
      await vi.advanceTimersByTimeAsync(2000);
      expect(workers[0].terminated).toBe(false);
      workers[0].send({ type: "done", id, result: ok(7) });
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toEqual(ok(7));
      // The allowance is bounded: the next run's silence past its limit is a stall again.
      void controller.run({ engine: "fake", source: "y", limits: { timeoutMs: 100 } }).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(1);
      const next = workers[0].lastRunId();
      expect(next).not.toBe(id);
      workers[0].send({ type: "host-work", id: next, label: "loading nunjucks" });
      await vi.advanceTimersByTimeAsync(HOST_WORK_ALLOWANCE_MS - 100);
      expect(workers[0].terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(800);
    } finally {
      clock.restore();
    }
    expect(result && !result.ok && result.error.kind).toBe("timeout");
    expect(incidents).toContainEqual({ type: "terminated", reason: "stall" });
    controller.dispose();
  });

  it("heartbeats keep a run that waits on the host alive past its CPU limit", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const pending = controller.run({ engine: "fake", source: "await-model", limits: { timeoutMs: 50 } });
    await tick();
    const id = workers[0].lastRunId();
    const beat = setInterval(() => workers[0].send({ type: "heartbeat" }), 20);
    await tick(700);
    clearInterval(beat);
    workers[0].send({ type: "done", id, result: ok(7) });
    expect(await pending).toEqual(ok(7));
    expect(workers[0].terminated).toBe(false);
    controller.dispose();
  });

  it("past the wall-clock limit the worker is terminated even while it sends heartbeats", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const beat = setInterval(() => workers[0].send({ type: "heartbeat" }), 20);
    const result = await controller.run({ engine: "fake", source: "x", limits: { wallTimeoutMs: 100 } });
    clearInterval(beat);
    expect(!result.ok && result.error.kind).toBe("timeout");
    expect(!result.ok && result.error.message).toMatch(/wall-clock/);
    expect(workers[0].terminated).toBe(true);
    controller.dispose();
  }, 5000);

  it("a crash during a run resolves it with a clear error and a fresh worker serves the next run", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const events: RunEvent[] = [];
    const pending = controller.run({ engine: "fake", source: "x" }, (e) => events.push(e));
    await tick();
    workers[0].crash("boom");
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe("runtime");
    expect(!result.ok && result.error.message).toMatch(/crashed \(boom\)/);
    expect(events.at(-1)?.type).toBe("error");
    expect(workers).toHaveLength(2);
    const next = controller.run({ engine: "fake", source: "y" });
    await tick();
    expect(workers[1].posted).toHaveLength(0); // waits for the new worker to be ready
    workers[1].ready();
    await tick();
    workers[1].send({ type: "done", id: workers[1].lastRunId(), result: ok(1) });
    expect((await next).ok).toBe(true);
    controller.dispose();
  });

  it("an out-of-memory crash is reported as a memory error", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const pending = controller.run({ engine: "fake", source: "x" });
    await tick();
    workers[0].crash("ERR_WORKER_OUT_OF_MEMORY: Worker terminated due to reaching memory limit");
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe("memory");
    controller.dispose();
  });

  it("gives up after workers fail to start three times in a row, with a clear error", async () => {
    const { controller, workers } = setup({ spare: false });
    const pending = controller.run({ engine: "fake", source: "x" });
    workers[0].crash("cannot load");
    workers[1].crash("cannot load");
    workers[2].crash("cannot load");
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe("configuration");
    expect(!result.ok && result.error.message).toMatch(/failed to start 3 times: cannot load/);
    expect(workers).toHaveLength(3);
    await controller.ready; // settles rather than hanging
    const later = await controller.run({ engine: "fake", source: "x" });
    expect(later.ok).toBe(false);
    controller.dispose();
  });

  it("a listener that throws does not break the run; a request that cannot be cloned fails cleanly", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const original = console.error;
    console.error = () => {};
    try {
      const pending = controller.run({ engine: "fake", source: "x" }, () => {
        throw new Error("UI bug");
      });
      await tick();
      const id = workers[0].lastRunId();
      workers[0].send({ type: "event", id, event: { type: "log", level: "log", text: "a", t: 0 } });
      workers[0].send({ type: "done", id, result: ok(1) });
      expect(await pending).toEqual(ok(1));
    } finally {
      console.error = original;
    }
    workers[0].post = () => {
      throw new Error("could not be cloned");
    };
    const bad = await controller.run({ engine: "fake", source: "x" });
    expect(!bad.ok && bad.error).toMatchObject({
      kind: "configuration",
      message: expect.stringMatching(/could not be cloned/),
    });
    controller.dispose();
  });

  it("a crashed worker is terminated too (a browser worker survives an uncaught error)", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    workers[0].crash("uncaught TypeError");
    expect(workers[0].terminated).toBe(true);
    controller.dispose();
  });

  it("dispose cancels the active run and refuses new ones", async () => {
    const { controller, workers } = setup({ spare: false });
    workers[0].ready();
    const pending = controller.run({ engine: "fake", source: "x" });
    await tick();
    controller.dispose();
    expect(!(await pending).ok).toBe(true);
    const after = await controller.run({ engine: "fake", source: "x" });
    expect(!after.ok && after.error.kind).toBe("configuration");
  });
});
