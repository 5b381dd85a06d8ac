/**
 * What a debug session and the profiler cost a spell: fib(25) in each engine as a plain run, under a debug
 * session with no breakpoint, with a breakpoint on a line that is never reached, and profiled (targets: at
 * most 1.5×, 2× and 1.5× the plain run). Medians of 7 runs after a warm-up; each run checks fib's value so a
 * broken run cannot be fast. Then the profile of a spell whose slow() does 90 % of the work: the share of the
 * time it attributes to slow (target: at least 80 %). Run with `npx tsx bench/debug.ts`.
 */
import { createEngine } from "@/engines/registry";
import { DebugSession } from "@/lib/core/debug";
import { Profiler } from "@/lib/core/profile";

const LUA = `local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local never = function()
  return 0
end
return fib(25)`;

const JS = `function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
const never = function () {
  return 0;
};
return fib(25);`;

const NEVER_LINE = 6;
const RUNS = 7;

type Arm = "plain" | "debug, no breakpoint" | "debug, breakpoint never hit" | "profiled";

async function time(engineName: string, source: string, arm: Arm): Promise<number> {
  const engine = await createEngine(engineName);
  const debug =
    arm === "plain" || arm === "profiled"
      ? undefined
      : new DebugSession(
          { synchronous: true, paused: () => "continue" },
          arm === "debug, breakpoint never hit" ? [{ line: NEVER_LINE }] : [],
        );
  const t0 = performance.now();
  const profile = arm === "profiled" ? new Profiler() : undefined;
  const r = await engine.execute(source, { debug, profile });
  const ms = performance.now() - t0;
  engine.dispose();
  if (!r.ok || r.value !== 75025) throw new Error(`${engineName} ${arm}: wrong result ${JSON.stringify(r)}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  console.log(`fib(25), median of ${RUNS} runs (ms, whole execute including a fresh VM)`);
  for (const [engineName, source] of [
    ["lua", LUA],
    ["javascript", JS],
  ] as const) {
    const arms: Arm[] = ["plain", "debug, no breakpoint", "debug, breakpoint never hit", "profiled"];
    for (const arm of arms) await time(engineName, source, arm); // warm-up
    const samples = new Map<Arm, number[]>(arms.map((a) => [a, []]));
    for (let i = 0; i < RUNS; i++) for (const arm of arms) samples.get(arm)!.push(await time(engineName, source, arm));
    const plain = median(samples.get("plain")!);
    for (const arm of arms) {
      const m = median(samples.get(arm)!);
      console.log(
        `  ${engineName.padEnd(10)} ${arm.padEnd(28)} ${m.toFixed(1).padStart(7)} ms  ${(m / plain).toFixed(2)}×`,
      );
    }
  }
}

const SLOW_LUA = `local function work(n)
  local s = 0
  for i = 1, n do s = s + i % 7 end
  return s
end
local function slow() local s = work(900000); return s end
local function fast() local s = work(100000); return s end
return slow() + fast()`;

const SLOW_JS = `function work(n) {
  let s = 0;
  for (let i = 1; i <= n; i++) s = s + (i % 7);
  return s;
}
function slow() { const s = work(900000); return s; }
function fast() { const s = work(100000); return s; }
return slow() + fast();`;

/** The share of the profile's time that has `slow` on the stack. */
async function slowShare(engineName: string, source: string): Promise<{ share: number; samples: number }> {
  const engine = await createEngine(engineName);
  const profile = new Profiler();
  const r = await engine.execute(source, { profile });
  engine.dispose();
  if (!r.ok) throw new Error(`${engineName}: ${r.error.message}`);
  const data = profile.finish();
  const main = data.functions.find((f) => f.name === "main chunk")!;
  const slow = data.functions.find((f) => f.name === "slow")!;
  return { share: slow.totalMs / main.totalMs, samples: data.samples };
}

await main();
console.log("profile of slow() (90 % of the work) + fast() (10 %): share of the time attributed to slow");
for (const [engineName, source] of [
  ["lua", SLOW_LUA],
  ["javascript", SLOW_JS],
] as const) {
  const shares = [];
  for (let i = 0; i < 5; i++) shares.push(await slowShare(engineName, source));
  const worst = shares.reduce((a, b) => (a.share < b.share ? a : b));
  console.log(
    `  ${engineName.padEnd(10)} median ${(median(shares.map((s) => s.share)) * 100).toFixed(1)} %, worst of 5 ${(worst.share * 100).toFixed(1)} % (${worst.samples} samples)`,
  );
}
