/**
 * Debug and profile runs through the Node controller and a real worker: pauses come back as messages, the
 * paused run answers inspections, a pause longer than the wall-clock limit is not killed by the watchdog, and a
 * profile run delivers its profile before the result.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DebugPause, DebugScope, DebugVariable, EvaluateResult } from "@/lib/core/debug";
import type { ProfileData } from "@/lib/core/profile";
import { createNodeRunController } from "./node-controller";
import type { RunController } from "./types";

const LUA = `local total = 0
for i = 1, 3 do
  total = total + i
end
return total`;

describe("debug and profile runs through the controller", { timeout: 120_000 }, () => {
  let controller: RunController;
  beforeAll(async () => {
    controller = createNodeRunController({ spare: false, warmEngines: ["lua"] });
    await controller.ready;
  });
  afterAll(() => controller.dispose());

  it("pauses, inspects, steps, outlives the wall clock while paused, and ends", async () => {
    const pauses: DebugPause[] = [];
    let scopes: DebugScope[] = [];
    let locals: DebugVariable[] = [];
    let evaluated: unknown;
    const wallTimeoutMs = 1000;
    const result = await controller.run({ engine: "lua", source: LUA, limits: { wallTimeoutMs } }, undefined, {
      debug: {
        breakpoints: [{ line: 3 }],
        onPause(pause) {
          pauses.push(pause);
          void (async () => {
            if (pauses.length === 1) {
              scopes = (await controller.inspect!({ op: "scopes", frameId: 0 })) as DebugScope[];
              locals = (await controller.inspect!({ op: "variables", ref: scopes[0].ref })) as DebugVariable[];
              evaluated = await controller.inspect!({ op: "evaluate", expression: "i * 10" });
              // Held past the wall-clock limit (and its grace): paused time does not count.
              await new Promise((r) => setTimeout(r, wallTimeoutMs + 1500));
              controller.debug!({ kind: "breakpoints", breakpoints: [] });
              controller.debug!({ kind: "action", action: "stepOver" });
            } else controller.debug!({ kind: "action", action: "continue" });
          })();
        },
        onResume() {},
      },
    });
    expect(result.ok ? result.value : result.error).toBe(6);
    expect(pauses.map((p) => [p.line, p.reason])).toEqual([
      [3, "breakpoint"],
      [2, "step"],
    ]);
    expect(scopes.map((s) => s.name)).toEqual(["Locals", "Upvalues", "Globals"]);
    expect(locals.find((v) => v.name === "i")?.value).toBe("1");
    expect((evaluated as EvaluateResult & { ok: true }).value.value).toBe("10");
  });

  it("stop while paused cancels the run", async () => {
    const result = await controller.run({ engine: "lua", source: LUA }, undefined, {
      debug: {
        breakpoints: [{ line: 3 }],
        onPause: () => controller.debug!({ kind: "action", action: "stop" }),
        onResume() {},
      },
    });
    expect(result.ok ? "ok" : result.error.kind).toBe("cancelled");
  });

  it("a profile run hands over its profile before the result", async () => {
    let profile: ProfileData | undefined;
    const result = await controller.run(
      { engine: "lua", source: "local s = 0\nfor i = 1, 300000 do s = s + i end\nreturn s" },
      undefined,
      { onProfile: (p) => (profile = p) },
    );
    expect(result.ok).toBe(true);
    expect(profile?.functions.map((f) => f.name)).toContain("main chunk");
  });
});
