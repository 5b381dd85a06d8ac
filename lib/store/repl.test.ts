import { describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import type { RunController, RunRequest } from "@/lib/runner/types";
import { linkRunToRepl } from "./playground";
import { createReplStore, MAX_REPL_HISTORY, MAX_REPL_LINES, PAGE_SESSION_ID } from "./repl";
import { createRunStore } from "./run";

/** A controller that answers each entry with its source as the display, and records the requests. */
function echoController(requests: RunRequest[]): RunController {
  return {
    ready: Promise.resolve(),
    async run(request, onEvent) {
      requests.push(request);
      onEvent?.({ type: "log", level: "log", text: `ran ${request.source}`, t: 0 });
      const result: ExecutionResult = {
        ok: true,
        value: null,
        logs: [],
        stats: { engine: request.engine, durationMs: 0 },
        session: { display: request.source, session: request.session?.fresh ? "opened" : "kept" },
      };
      return result;
    },
    cancel() {},
    dispose() {},
  };
}

function setup(engine = "lua") {
  const requests: RunRequest[] = [];
  const controller = echoController(requests);
  const settings = { engine, mockAll: true };
  const repl = createReplStore({ controller: async () => controller, settings: () => settings });
  return { repl, requests, controller, settings };
}

describe("the page's REPL store", () => {
  it("runs entries in the page session and shows their output and values", async () => {
    const { repl, requests } = setup();
    await repl.getState().submit("1 + 1");
    await repl.getState().submit("x");
    expect(repl.getState().lines.map((l) => [l.kind, l.text])).toEqual([
      ["input", "> 1 + 1"],
      ["log", "ran 1 + 1"],
      ["value", "1 + 1"],
      ["input", "> x"],
      ["log", "ran x"],
      ["value", "x"],
    ]);
    expect(requests.map((r) => r.session)).toEqual([
      { id: PAGE_SESSION_ID, mode: "entry", fresh: true },
      { id: PAGE_SESSION_ID, mode: "entry", fresh: false },
    ]);
  });

  it("walks the history with Up and Down, keeping the draft", async () => {
    const { repl } = setup();
    for (const entry of ["a", "b", "a"]) await repl.getState().submit(entry);
    const { recall } = repl.getState();
    expect(repl.getState().history).toEqual(["b", "a"]);
    expect(recall(-1, "draft")).toBe("a");
    expect(recall(-1, "a")).toBe("b");
    expect(recall(-1, "b")).toBe("b");
    expect(recall(1, "b")).toBe("a");
    expect(recall(1, "a")).toBe("draft");
  });

  it(`keeps at most ${MAX_REPL_LINES} transcript lines and ${MAX_REPL_HISTORY} history entries`, async () => {
    const { repl } = setup();
    for (let i = 0; i < MAX_REPL_HISTORY + 10; i++) await repl.getState().submit(`e${i}`);
    expect(repl.getState().history).toHaveLength(MAX_REPL_HISTORY);
    expect(repl.getState().history.at(-1)).toBe(`e${MAX_REPL_HISTORY + 9}`);
    for (let i = 0; i < MAX_REPL_LINES / 3; i++) await repl.getState().submit(`f${i}`);
    expect(repl.getState().lines).toHaveLength(MAX_REPL_LINES);
  });

  it("continues the session a page run opened, instead of opening a fresh one", async () => {
    const { repl, requests, controller } = setup();
    const run = createRunStore({ createController: () => controller, schedule: (f) => f() });
    linkRunToRepl(run, repl);
    await run.getState().run({
      engine: "lua",
      source: "plan = 1",
      session: { id: PAGE_SESSION_ID, mode: "spell", fresh: true },
    });
    await new Promise((r) => setTimeout(r, 0));
    await repl.getState().submit("plan");
    expect(requests.at(-1)?.session).toEqual({ id: PAGE_SESSION_ID, mode: "entry", fresh: false });
    expect(repl.getState().lines.some((l) => l.kind === "info" && /Lua run's globals/.test(l.text))).toBe(true);
  });

  it("opens a fresh session when the editor's language changed", async () => {
    const { repl, requests, settings } = setup();
    await repl.getState().submit("x = 1");
    settings.engine = "javascript";
    await repl.getState().submit("1");
    expect(requests.at(-1)).toMatchObject({ engine: "javascript", session: { fresh: true } });
  });

  it("completes from the spell API reference in the editor's language", async () => {
    const { repl } = setup("javascript");
    expect(await repl.getState().complete("Agent.bu", 8)).toEqual({ from: 6, items: ["builder"] });
  });
});
