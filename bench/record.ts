/**
 * Recording overhead: every example spell (Lua and JavaScript) run through `runSpell` on the mock provider, plain
 * and with `record: true` (the recording assembled, then serialised to JSON as the CLI writes it), interleaved
 * in pairs so load drifts hit both arms alike. Prints, per arm, the median total over all examples and the
 * overhead; also an instant replay of each recording. Target: recording adds < 5 %.
 * Run with `npx tsx bench/record.ts [--reps N]`.
 */
import { cpus, loadavg } from "node:os";
import { EXAMPLES } from "@/examples/catalog";
import { createMockLlmClient } from "@/lib/llm/mock";
import type { Recording } from "@/lib/recording/schema";
import { runSpell } from "@/lib/runner/run-spell";
import type { RunRequest } from "@/lib/runner/types";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { median } from "./stats";

const repsArg = process.argv.indexOf("--reps");
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 7;

const requests: RunRequest[] = EXAMPLES.flatMap((e) =>
  (["lua", "javascript"] as const).map((engine) => ({
    engine,
    source: engine === "lua" ? e.lua : e.js,
    model: e.model ?? "mock/default",
  })),
);

async function runOne(i: number, mode: "plain" | "record" | "replay", recordings: Recording[]): Promise<number> {
  const request: RunRequest =
    mode === "record"
      ? { ...requests[i], record: true }
      : mode === "replay"
        ? { ...requests[i], replay: { recording: recordings[i] } }
        : requests[i];
  const started = performance.now();
  const result = await runSpell(request, {
    llm: createMockLlmClient(),
    state: createMemoryStateStore(),
    emit: () => undefined,
  });
  if (mode === "record") {
    if (!result.recording) throw new Error("no recording");
    JSON.stringify(result.recording);
    recordings[i] = result.recording;
  }
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${mode} run of example ${i} failed: ${result.error.message}`);
  return ms;
}

async function main() {
  const recordings: Recording[] = [];
  const times = { plain: requests.map(() => [] as number[]), record: requests.map(() => [] as number[]) };
  const replay = requests.map(() => [] as number[]);
  // Warm-up: engines, tool modules, JIT.
  for (let i = 0; i < requests.length; i++) {
    await runOne(i, "plain", recordings);
    await runOne(i, "record", recordings);
  }
  // Each example's plain and recorded runs back to back, the order alternating, so load drifts hit both alike.
  for (let r = 0; r < REPS; r++) {
    for (let i = 0; i < requests.length; i++) {
      const order = (r + i) % 2 === 0 ? (["plain", "record"] as const) : (["record", "plain"] as const);
      for (const mode of order) times[mode][i].push(await runOne(i, mode, recordings));
      replay[i].push(await runOne(i, "replay", recordings));
    }
  }
  const sum = (xs: number[][]) => xs.reduce((n, x) => n + median(x), 0);
  const p = sum(times.plain);
  const rec = sum(times.record);
  const rep = sum(replay);
  const ratios = requests.map((_, i) => median(times.record[i]) / median(times.plain[i]));
  const bytes = recordings.map((x) => JSON.stringify(x).length);
  console.log(
    `record overhead: ${requests.length} example runs (${EXAMPLES.length} examples × Lua, JavaScript) on mock/default, ${REPS} reps each, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`,
  );
  console.log(`  plain runs        ${p.toFixed(1)} ms (sum of per-example medians)`);
  console.log(
    `  recorded runs     ${rec.toFixed(1)} ms  (${rec >= p ? "+" : ""}${(rec - p).toFixed(1)} ms, ${(((rec - p) / p) * 100).toFixed(2)} %; target < 5 %)`,
  );
  console.log(
    `  per example       median recorded/plain ${median(ratios).toFixed(3)}, worst ${Math.max(...ratios).toFixed(3)}`,
  );
  console.log(`  instant replays   ${rep.toFixed(1)} ms  (${((rep / p) * 100).toFixed(0)} % of plain)`);
  console.log(`  recording size    median ${median(bytes)} bytes, largest ${Math.max(...bytes)} bytes (JSON)`);
}

await main();
