import { describe, expect, it } from "vitest";
import type { DebugPause } from "@/lib/core/debug";
import type { DebugCommand, InspectRequest } from "@/lib/runner/protocol";
import type { RunController, RunExtras } from "@/lib/runner/types";
import { createDebugStore } from "./debug";
import { createRunStore } from "./run";
import { createFakeStorage } from "./test-storage";

const stats = { engine: "lua", durationMs: 1 };
const PAUSE: DebugPause = { reason: "breakpoint", line: 2, frames: [{ id: 0, name: "add", line: 2 }] };

/** A controller that pauses once and answers inspections like a paused worker. */
function fakeDebugController() {
  const commands: DebugCommand[] = [];
  let extras: RunExtras | undefined;
  let finish: (() => void) | null = null;
  const controller: RunController = {
    ready: Promise.resolve(),
    run(_request, _onEvent, x) {
      extras = x;
      return new Promise((resolve) => {
        finish = () => resolve({ ok: true, value: 3, logs: [], stats });
        if (x?.debug) x.debug.onPause(PAUSE);
        else {
          x?.onProfile?.({
            name: "spell",
            durationMs: 1,
            frames: [],
            events: [],
            functions: [],
            lines: [],
            samples: 0,
          });
          finish();
        }
      });
    },
    debug(command) {
      commands.push(command);
      if (command.kind === "action") {
        extras?.debug?.onResume();
        finish?.();
      }
    },
    async inspect(request: InspectRequest) {
      if (request.op === "scopes") return [{ name: "Locals", ref: 1 }];
      if (request.op === "variables") return [{ name: "a", value: "1", type: "number" }];
      return { ok: true, value: { name: request.expression, value: "10", type: "number" } };
    },
    cancel() {},
    dispose() {},
  };
  return { controller, commands, extras: () => extras };
}

describe("debug store", () => {
  it("keeps breakpoints per language in storage, with conditions and logpoints", () => {
    const local = createFakeStorage();
    const run = createRunStore({ createController: () => fakeDebugController().controller });
    const debug = createDebugStore({ run, local });
    debug.getState().toggleBreakpoint("lua", 4);
    debug.getState().toggleBreakpoint("lua", 2);
    debug.getState().editBreakpoint("lua", 4, { condition: "i == 3" });
    debug.getState().toggleBreakpoint("javascript", 7);
    expect(debug.getState().breakpoints.lua).toEqual([{ line: 2 }, { line: 4, condition: "i == 3" }]);
    debug.getState().editBreakpoint("lua", 4, { logMessage: "i is {i}", condition: "" });
    expect(debug.getState().breakpoints.lua?.[1]).toEqual({ line: 4, logMessage: "i is {i}" });
    debug.getState().toggleBreakpoint("lua", 2);
    // A new page reads them back.
    const again = createDebugStore({ run, local });
    expect(again.getState().breakpoints).toEqual({
      lua: [{ line: 4, logMessage: "i is {i}" }],
      javascript: [{ line: 7 }],
    });
  });

  it("ignores stored breakpoints of the wrong shape", () => {
    const local = createFakeStorage();
    local.setItem("llmspell.breakpoints", JSON.stringify({ lua: [{ line: -1 }] }));
    const debug = createDebugStore({
      run: createRunStore({ createController: () => fakeDebugController().controller }),
      local,
    });
    expect(debug.getState().breakpoints).toEqual({});
  });

  it("starts a debug run with the spell's breakpoints, reads the pause, watches, and resumes", async () => {
    const fake = fakeDebugController();
    const run = createRunStore({ createController: () => fake.controller });
    const debug = createDebugStore({ run });
    debug.getState().toggleBreakpoint("lua", 2);
    debug.getState().addWatch("a * 10");
    const done = debug.getState().start({ engine: "lua", source: "x" }, "lua");
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.extras()?.debug?.breakpoints).toEqual([{ line: 2 }]);
    const s = debug.getState();
    expect(s.paused).toEqual(PAUSE);
    expect(s.scopes).toEqual([{ name: "Locals", ref: 1 }]);
    expect(s.children[1]).toEqual([{ name: "a", value: "1", type: "number" }]);
    expect(s.watchValues).toEqual({ "a * 10": "10" });
    expect(await s.hover("a")).toBe("10");
    s.act("stepOver");
    expect(fake.commands).toEqual([{ kind: "action", action: "stepOver" }]);
    await done;
    expect(debug.getState().paused).toBeNull();
    expect(await debug.getState().hover("a")).toBeNull();
  });

  it("a profile run keeps its profile", async () => {
    const run = createRunStore({ createController: () => fakeDebugController().controller });
    const debug = createDebugStore({ run });
    await debug.getState().startProfile({ engine: "lua", source: "x" });
    expect(debug.getState().profile?.name).toBe("spell");
    expect(debug.getState().mode).toBe("profiling");
  });
});
