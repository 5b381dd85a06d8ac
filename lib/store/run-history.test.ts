import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { createIndexedDbStateStore } from "@/lib/spell/state/indexeddb";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { createRunHistory, diffOutputs, RUN_HISTORY_LIMIT, summarizeRun, type FinishedRun } from "./run-history";
import { applyRunEvent, createRunView } from "./run-view";

function finishedRun(source: string, startedAt: number, printed: string[], ok = true): FinishedRun {
  const view = createRunView();
  printed.forEach((text, t) => applyRunEvent(view, { type: "log", level: "log", text, t }));
  applyRunEvent(view, { type: "trace", phase: "start", id: "m", kind: "model", name: "mock/default", t: 1 });
  applyRunEvent(view, {
    type: "trace",
    phase: "end",
    id: "m",
    t: 5,
    durationMs: 4,
    tokens: { input: 12, output: 7 },
    costUsd: 0.001,
  });
  applyRunEvent(
    view,
    ok
      ? { type: "result", value: 42, stats: { engine: "lua", durationMs: 9 } }
      : {
          type: "error",
          error: { kind: "runtime", message: "boom", line: 2 },
          stats: { engine: "lua", durationMs: 9 },
        },
  );
  return {
    request: { engine: "lua", source, model: "mock/default", mockAll: false },
    view,
    status: ok ? "done" : "failed",
    startedAt,
    endedAt: startedAt + 9,
  };
}

describe("run history", () => {
  it("summarizes a run: source hash, model, status, time, tokens, cost, output and trace", () => {
    const entry = summarizeRun(finishedRun('print("a")', 1000, ["hello", "world"]));
    expect(entry).toMatchObject({
      at: 1000,
      language: "lua",
      source: 'print("a")',
      model: "mock/default",
      status: "done",
      durationMs: 9,
      tokens: { input: 12, output: 7 },
      costUsd: 0.001,
      output: "hello\nworld",
      roots: ["m"],
      result: { value: 42 },
    });
    expect(entry.sourceHash).toMatch(/^[0-9a-f]{12}$/);
    expect(summarizeRun(finishedRun('print("a")', 2000, [])).sourceHash).toBe(entry.sourceHash);
    expect(summarizeRun(finishedRun('print("b")', 2000, [])).sourceHash).not.toBe(entry.sourceHash);
    expect(summarizeRun(finishedRun("x", 3000, [], false))).toMatchObject({
      status: "failed",
      error: { error: { kind: "runtime" } },
    });
  });

  it("keeps the newest runs up to the limit, newest first", async () => {
    const history = createRunHistory(createMemoryStateStore());
    for (let i = 0; i < RUN_HISTORY_LIMIT + 5; i++)
      await history.add(summarizeRun(finishedRun(`print(${i})`, 1000 + i, [String(i)])));
    const list = await history.list();
    expect(list).toHaveLength(RUN_HISTORY_LIMIT);
    expect(list[0].source).toBe(`print(${RUN_HISTORY_LIMIT + 4})`);
    expect(list.at(-1)!.source).toBe("print(5)");
    await history.remove(list[0].id);
    expect(await history.list()).toHaveLength(RUN_HISTORY_LIMIT - 1);
    await history.clear();
    expect(await history.list()).toEqual([]);
  });

  it("survives a reload in IndexedDB", async () => {
    const factory = new IDBFactory();
    await createRunHistory(createIndexedDbStateStore("runs-test", factory)).add(
      summarizeRun(finishedRun('print("kept")', 5, ["kept"])),
    );
    const again = await createRunHistory(createIndexedDbStateStore("runs-test", factory)).list();
    expect(again.map((e) => e.output)).toEqual(["kept"]);
  });

  it("bounds what one run keeps", () => {
    const entry = summarizeRun(
      finishedRun(
        "p",
        1,
        Array.from({ length: 4000 }, (_, i) => `line ${i} ${"x".repeat(100)}`),
      ),
    );
    expect(entry.lines.length).toBeLessThanOrEqual(2000);
    expect(entry.output.length).toBeLessThan(256 * 1024 + 100);
    expect(entry.output).toMatch(/output cut at 262144 characters in the history\)$/);
  });

  it("diffs two runs' outputs by line", () => {
    expect(diffOutputs("a\nb\nc\n", "a\nB\nc\n")).toEqual([
      { kind: "same", text: "a\n" },
      { kind: "removed", text: "b\n" },
      { kind: "added", text: "B\n" },
      { kind: "same", text: "c\n" },
    ]);
  });
});
