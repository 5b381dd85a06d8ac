/**
 * What a debug session costs a spell that does not stop: fib(25) in each engine as a plain run, under a debug
 * session with no breakpoint, and with a breakpoint on a line that is never reached (targets: at most 1.5× and
 * 2× the plain run). Medians of 7 runs after a warm-up; each run checks fib's value so a broken run cannot be
 * fast. Run with `npx tsx bench/debug.ts`.
 */
import { createEngine } from "@/engines/registry";
import { DebugSession } from "@/lib/core/debug";

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

type Arm = "plain" | "debug, no breakpoint" | "debug, breakpoint never hit";

async function time(engineName: string, source: string, arm: Arm): Promise<number> {
  const engine = await createEngine(engineName);
  const debug =
    arm === "plain"
      ? undefined
      : new DebugSession(
          { synchronous: true, paused: () => "continue" },
          arm === "debug, breakpoint never hit" ? [{ line: NEVER_LINE }] : [],
        );
  const t0 = performance.now();
  const r = await engine.execute(source, { debug });
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
    const arms: Arm[] = ["plain", "debug, no breakpoint", "debug, breakpoint never hit"];
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

await main();
