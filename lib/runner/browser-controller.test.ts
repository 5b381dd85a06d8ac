/**
 * The browser transport with a stand-in `Worker` global: how the worker is spawned (a module worker whose URL
 * Next/Turbopack can bundle), how messages and load errors map onto the shared controller.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ControllerMessage } from "./protocol";
import { createBrowserRunController } from "./browser-controller";

class StubWorker extends EventTarget {
  static made: StubWorker[] = [];
  posted: ControllerMessage[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    StubWorker.made.push(this);
  }
  postMessage(m: ControllerMessage) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
  fail(message: string) {
    const e = new Event("error") as Event & { message: string };
    e.message = message;
    this.dispatchEvent(e);
  }
}

const g = globalThis as { Worker?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.Worker;
  g.Worker = StubWorker;
  StubWorker.made = [];
});
afterEach(() => {
  g.Worker = saved;
});

describe("browser run controller", () => {
  it("spawns a module worker from browser-worker.ts and runs through it", async () => {
    const c = createBrowserRunController({ spare: false });
    const w = StubWorker.made[0];
    expect(w.url.pathname).toMatch(/lib\/runner\/browser-worker\.ts$/);
    expect(w.options.type).toBe("module");
    w.reply({ type: "ready", engines: ["lua"], warmupMs: 5 });
    await c.ready;
    const pending = c.run({ engine: "lua", source: "return 1" });
    await new Promise((r) => setTimeout(r, 0));
    const run = w.posted.find((m) => m.type === "run");
    expect(run).toBeDefined();
    w.reply({ type: "not-a-message" }); // ignored
    w.reply({
      type: "done",
      id: run!.id,
      result: { ok: true, value: 1, logs: [], stats: { engine: "lua", durationMs: 1 } },
    });
    expect((await pending).ok).toBe(true);
    c.dispose();
    expect(w.terminated).toBe(true);
  });

  it("a worker that fails to load is replaced, and the error is reported to a waiting run", async () => {
    const c = createBrowserRunController({ spare: false });
    const pending = c.run({ engine: "lua", source: "x" });
    StubWorker.made[0].fail("SyntaxError in chunk");
    StubWorker.made[1].fail("SyntaxError in chunk");
    StubWorker.made[2].fail("SyntaxError in chunk");
    const result = await pending;
    expect(!result.ok && result.error.message).toMatch(/failed to start 3 times: SyntaxError in chunk/);
    c.dispose();
  });

  it("without cross-origin isolation there is no shared cancel flag: cancel posts a message, then terminates", async () => {
    const c = createBrowserRunController();
    const w = StubWorker.made[0];
    expect(w.posted.some((m) => m.type === "init")).toBe(
      typeof SharedArrayBuffer !== "undefined" && globalThis.crossOriginIsolated !== false,
    );
    w.reply({ type: "ready", engines: ["lua"], warmupMs: 5 });
    await c.ready;
    const pending = c.run({ engine: "lua", source: "while true do end" });
    await new Promise((r) => setTimeout(r, 0));
    c.cancel();
    expect(w.posted.at(-1)?.type).toBe("cancel");
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe("cancelled");
    expect(w.terminated).toBe(true);
    c.dispose();
  });
});
