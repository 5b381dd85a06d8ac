/**
 * Host measurements through the Node run controller (worker threads): what a run costs on top of the engine,
 * and how fast Stop gets the host ready for the next run.
 */
import type { ControllerIncident } from "@/lib/runner/controller";
import { createNodeRunController } from "@/lib/runner/node-controller";
import type { RunController } from "@/lib/runner/types";
import { ENGINES, type EngineName } from "./engines";
import type { Sample } from "./stats";

export interface HostBench {
  controller: RunController;
  /** Resolves when every worker spawned so far (primary and spare) is warm, or after `timeoutMs`. */
  allWarm(timeoutMs: number): Promise<boolean>;
  dispose(): void;
}

export async function startHostBench(): Promise<HostBench> {
  let spawned = 0;
  let warmed = 0;
  const controller = createNodeRunController({
    onIncident: (i: ControllerIncident) => {
      if (i.type === "spawned") spawned++;
      if (i.type === "ready") warmed++;
    },
  });
  await controller.ready;
  return {
    controller,
    async allWarm(timeoutMs) {
      const until = performance.now() + timeoutMs;
      while (warmed < spawned) {
        if (performance.now() > until) return false;
        await new Promise((r) => setTimeout(r, 10));
      }
      return true;
    },
    dispose: () => controller.dispose(),
  };
}

const trivial = (engine: EngineName) => (engine === "lua" ? "return 1" : "export default 1;");

/** Round trip of a trivial spell through the controller (post, fresh instance, API, run, events back). */
export async function measureRunOverhead(host: HostBench, count: number): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const engine of ENGINES) {
    const values: number[] = [];
    const inWorker: number[] = [];
    for (let i = 0; i < count + 3; i++) {
      const t0 = performance.now();
      const r = await host.controller.run({ engine, source: trivial(engine) });
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${engine}: ${r.error.message}`);
      if (i >= 3) {
        values.push(ms);
        inWorker.push(r.stats.durationMs);
      }
    }
    out.push({
      name: `${engine}: small spell through the node controller`,
      unit: "ms",
      values,
      note: "round trip, API injected",
    });
    out.push({ name: `${engine}:   of which inside the worker`, unit: "ms", values: inWorker });
  }
  return out;
}

/**
 * Stop latency: from cancel to the next run's result, for a busy loop (stopped in-engine) and, for Lua, a long
 * C call (stopped by terminating the worker; the spare takes over).
 */
export async function measureStopLatency(
  host: HostBench,
  loops: number,
  cCalls: number,
  deadline: number,
): Promise<Sample[]> {
  const out: Sample[] = [];
  const loopSource = { lua: "while true do end", javascript: "while (true) {}" } as const;
  for (const engine of ENGINES) {
    const stopped: number[] = [];
    const nextReady: number[] = [];
    // A busy loop stops in-engine: no worker is replaced, so there is no spare to wait for.
    for (let i = 0; i < loops && performance.now() < deadline; i++) {
      const r = await stopAndNext(host.controller, engine, loopSource[engine]);
      stopped.push(r.stopped);
      nextReady.push(r.next);
    }
    if (loops === 0) continue;
    out.push({ name: `${engine}: stop a busy loop (cancel → cancelled)`, unit: "ms", values: stopped });
    out.push({ name: `${engine}: stop a busy loop → next run's result`, unit: "ms", values: nextReady });
  }
  if (cCalls === 0) return out;
  const stopped: number[] = [];
  const nextReady: number[] = [];
  for (let i = 0; i < cCalls && performance.now() < deadline; i++) {
    if (!(await host.allWarm(Math.max(0, deadline - performance.now())))) break;
    const r = await stopAndNext(
      host.controller,
      "lua",
      'local s = string.rep("a", 3000)\nreturn s:find(".-.-.-.-.-b")',
    );
    stopped.push(r.stopped);
    nextReady.push(r.next);
  }
  out.push({
    name: "lua: stop a long C call (terminate) → cancelled",
    unit: "ms",
    values: stopped,
    note: "pattern match; worker terminated",
  });
  out.push({
    name: "lua: stop a long C call → next run's result",
    unit: "ms",
    values: nextReady,
    note: "on the pre-warmed spare",
  });
  return out;
}

async function stopAndNext(controller: RunController, engine: EngineName, source: string) {
  const pending = controller.run({ engine, source });
  await new Promise((r) => setTimeout(r, 60));
  const t0 = performance.now();
  controller.cancel();
  const result = await pending;
  const stopped = performance.now() - t0;
  if (result.ok || result.error.kind !== "cancelled") throw new Error(`${engine}: expected a cancelled run`);
  const next = await controller.run({ engine, source: trivial(engine) });
  if (!next.ok) throw new Error(`${engine}: the run after a stop failed: ${next.error.message}`);
  return { stopped, next: performance.now() - t0 };
}
