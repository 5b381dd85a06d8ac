/**
 * The profiler through a whole run in both engines: a spell whose slow() does 90 % of the work is attributed
 * most of the time, model and tool calls are wait frames, and the file is speedscope's shape. Time comes from
 * the process's CPU clock for the CPU-only spell (so a busy machine that pauses the test does not move it).
 */
import { describe, expect, it } from "vitest";
import { Profiler } from "@/lib/core/profile";
import { toSpeedscope } from "@/lib/core/profile-format";
import { speedscopeFileSchema } from "@/lib/core/profile-format.test-schema";
import { createDirectLlmClient } from "@/lib/llm/direct";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { runSpell } from "./run-spell";

const SLOW = {
  lua: `local function work(n)
  local s = 0
  for i = 1, n do s = s + i % 7 end
  return s
end
local function slow() local s = work(900000); return s end
local function fast() local s = work(100000); return s end
return slow() + fast()`,
  javascript: `function work(n) {
  let s = 0;
  for (let i = 1; i <= n; i++) s = s + (i % 7);
  return s;
}
function slow() { const s = work(900000); return s; }
function fast() { const s = work(100000); return s; }
return slow() + fast();`,
};

const WAITS = {
  lua: `local calc = Tool.execute("calculator", { input = "6 * 7" })
local agent = Agent.builder():name("helper"):model("mock/default"):build()
local r = agent:execute({ text = "hi" })
return calc.result.result`,
  javascript: `const calc = await Tool.execute("calculator", { input: "6 * 7" });
const agent = Agent.builder().name("helper").model("mock/default").build();
const r = await agent.execute({ text: "hi" });
return calc.result.result;`,
};

const cpuClock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function profiled(engine: "lua" | "javascript", source: string, profile: Profiler) {
  const result = await runSpell(
    { engine, source },
    {
      llm: createDirectLlmClient({ mockAll: true, env: {} }),
      state: createMemoryStateStore(),
      emit: () => {},
      profile,
    },
  );
  return { result, data: profile.finish() };
}

for (const engine of ["lua", "javascript"] as const) {
  describe(`profiler: ${engine}`, () => {
    it("attributes at least 80 % of the time to slow() when it does 90 % of the work", async () => {
      const { result, data } = await profiled(engine, SLOW[engine], new Profiler("spell", cpuClock));
      expect(result.ok).toBe(true);
      const total = data.functions.find((f) => f.name === "main chunk")!.totalMs;
      const slow = data.functions.find((f) => f.name === "slow")!;
      expect(data.samples).toBeGreaterThan(10);
      expect(slow.totalMs / total).toBeGreaterThanOrEqual(0.8);
      // slow's own code is one call: its time is work's, below it.
      expect(data.functions.find((f) => f.name === "work")!.selfMs).toBeGreaterThan(slow.selfMs);
      expect(data.lines.some((l) => l.line === 3 || l.line === 4)).toBe(true);
      expect(speedscopeFileSchema.safeParse(toSpeedscope(data)).error).toBeUndefined();
    });

    it("shows model and tool calls as wait frames over the spell's main chunk", { timeout: 60_000 }, async () => {
      const { result, data } = await profiled(engine, WAITS[engine], new Profiler("spell"));
      expect(result.ok).toBe(true);
      const waits = data.functions.filter((f) => f.wait).map((f) => f.name);
      expect(waits.sort()).toEqual(["model mock/default", "tool calculator"]);
      const file = toSpeedscope(data);
      expect(speedscopeFileSchema.safeParse(file).error).toBeUndefined();
      // Each wait opens while the main chunk is open.
      const main = file.shared.frames.findIndex((f) => f.name === "main chunk");
      const open: number[] = [];
      for (const e of file.profiles[0].events) {
        if (e.type === "C") {
          open.pop();
          continue;
        }
        if (file.shared.frames[e.frame].name.startsWith("model ")) expect(open).toContain(main);
        open.push(e.frame);
      }
    });
  });
}
