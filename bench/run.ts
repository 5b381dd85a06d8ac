/**
 * `npm run bench`: engine and host benchmarks measured side by side in one run, printed as one table
 * (median and p95 with sample counts) plus the ratios the README quotes. Bounded: about a minute.
 *
 *   npx tsx bench/run.ts [--quick] [--no-gateway] [--gateway]
 *
 * The spell-API overhead section (bench/api.ts: `Tool.execute` and `agent:execute` from each engine against the
 * TypeScript calls they wrap) runs alone too: `npx tsx bench/api.ts`.
 *
 * The gateway bench (bench/gateway.ts, needs a production build) runs at the end when time is left, or always
 * with --gateway (then the run takes longer than a minute).
 */
import { dialectOf } from "@/lib/core/dialect";
import { cpus, loadavg } from "node:os";
import { existsSync } from "node:fs";
import type { ApiSurface } from "@/lib/core/engine";
import {
  ENGINES,
  measureColdStart,
  measureCpu,
  measureHostCalls,
  measureMemory,
  measurePlainCalls,
  measureWarmStart,
  type EngineName,
} from "./engines";
import { measureRunOverhead, measureStopLatency, startHostBench } from "./host";
import { formatTable, median, type Sample } from "./stats";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
/** performance.now() counts from process start, so the budget includes loading this script. */
const BUDGET_MS = 52_000;
const started = performance.now();
const deadline = BUDGET_MS;
const left = () => deadline - performance.now();

/** The spell API loads its tools (large libraries): only when the memory section runs. */
async function apiFor(engine: EngineName): Promise<() => ApiSurface> {
  const [{ createMockLlmClient }, { createSpellApi, DEFAULT_LIMITS }, { createMemoryStateStore }] = await Promise.all([
    import("@/lib/llm/mock"),
    import("@/lib/spell"),
    import("@/lib/spell/state/memory"),
  ]);
  return () =>
    createSpellApi({
      llm: createMockLlmClient(),
      state: createMemoryStateStore(),
      emit: () => {},
      now: () => performance.now() - started,
      signal: new AbortController().signal,
      limits: DEFAULT_LIMITS,
      defaultModel: "mock/default",
      engine,
      dialect: dialectOf(engine),
    });
}

async function main() {
  console.log(
    `llmspell bench: node ${process.version}, ${cpus().length} cpu(s) (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const samples: Sample[] = [];
  let api: typeof import("./api") | undefined;
  const skipped: string[] = [];
  const section = async (name: string, minMs: number, fn: () => Promise<Sample[] | Sample>) => {
    if (left() < minMs) {
      skipped.push(`${name} (time budget)`);
      return;
    }
    const t0 = performance.now();
    try {
      const s = await fn();
      samples.push(...(Array.isArray(s) ? s : [s]).filter((x) => x.values.length > 0 || x.note));
    } catch (err) {
      skipped.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    process.stderr.write(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  };

  for (const engine of ENGINES)
    await section(`${engine} warm start`, 3000, () => measureWarmStart(engine, quick ? 10 : 30));
  for (const engine of ENGINES)
    await section(`${engine} host calls`, 3000, () => measureHostCalls(engine, quick ? 1 : 3, 3000));
  await section("plain calls", 0, async () => measurePlainCalls(5));
  await section("cpu", 5000, () => measureCpu(quick ? 2 : 3));

  // The host's workers start only now: loading them (module compile, wasm) on a 2-core machine would slow the
  // in-process measures above, warm starts most of all.
  let host: Awaited<ReturnType<typeof startHostBench>> | null = null;
  try {
    host = await startHostBench();
    const h = host;
    await section("run overhead", 3000, () => measureRunOverhead(h, quick ? 10 : 30));
    await section("stop latency (busy loops)", 2000, () => measureStopLatency(h, quick ? 2 : 5, 0, deadline));
    for (const engine of ENGINES)
      await section(`${engine} cold start`, 5000, () => measureColdStart(engine, quick ? 1 : 2));
    // Stopping a long C call terminates a worker, and the new spare loads while the rest would run.
    await section("stop latency (C call)", 2000, () => measureStopLatency(h, 0, quick ? 1 : 2, deadline));
    // Last: these build the spell API in this process, which loads every tool library.
    await section("api overhead", 6000, async () => {
      api = await import("./api");
      return api.runApiBench({ reps: quick ? 3 : 5 });
    });
    for (const engine of ENGINES)
      await section(`${engine} memory`, 2000, async () => measureMemory(engine, 3, await apiFor(engine)));
  } catch (err) {
    skipped.push(`host: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    host?.dispose();
  }

  console.log("");
  console.log(formatTable(samples));
  console.log("");
  const plain = samples.find((s) => s.name.startsWith("v8: plain"));
  for (const engine of ENGINES) {
    const calls = samples.find((s) => s.name.startsWith(`${engine}: host call`));
    if (calls && plain) {
      console.log(
        `${engine}: a host call costs ${median(calls.values).toFixed(2)} µs, ${(median(calls.values) / median(plain.values)).toFixed(0)}× a plain TS call`,
      );
    }
  }
  for (const s of samples.filter((x) => x.note?.includes("× V8"))) console.log(`${s.name}: ${s.note}`);
  for (const line of api?.summarizeApiBench(samples) ?? []) console.log(line);

  await runGateway(skipped);
  if (skipped.length) console.log(`\nskipped: ${skipped.join("; ")}`);
  console.log(
    `\ntotal ${(performance.now() / 1000).toFixed(1)} s (${(started / 1000).toFixed(1)} s of it loading the bench)`,
  );
}

async function runGateway(skipped: string[]) {
  const file = new URL("./gateway.ts", import.meta.url);
  if (!existsSync(file) || argv.includes("--no-gateway")) return;
  if (left() < 25_000 && !argv.includes("--gateway")) {
    skipped.push("gateway bench (time budget; include it with --gateway, or run it alone: npx tsx bench/gateway.ts)");
    return;
  }
  try {
    const { runGatewayBench } = (await import("./gateway")) as typeof import("./gateway");
    console.log("");
    const r = await runGatewayBench({
      pairs: quick ? 10 : 40,
      warmup: 5,
      concurrency: quick ? 20 : 50,
      log: (l) => console.log(l),
    });
    console.log(
      `gateway: ttft added median ${r.added.ttft.median.toFixed(1)} ms (p99 ${r.added.ttft.p99.toFixed(1)}), total added median ${r.added.total.median.toFixed(1)} ms, ratio ${r.ratio.total.toFixed(2)}× over ${r.pairs} pairs`,
    );
  } catch (err) {
    skipped.push(`gateway bench: ${err instanceof Error ? err.message : String(err)}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
