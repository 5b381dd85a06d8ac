/**
 * Memory and Context cost in this process (no network): `Memory.episodic.add` of N entries through the host
 * function (checks, the State write of the session's list), then `Memory.episodic.search` across every session
 * (`""`) and `Context.assemble(query, "hybrid", 2000)` at 1,000 and 10,000 entries (the most Memory keeps).
 * Scoring is the mock embedding's lexical cosine; each entry's vector is made once per run, so the first search
 * pays for them and later ones scan. Every arm checks its result. Run: `npx tsx bench/memory.ts`.
 */
import { cpus, loadavg } from "node:os";
import type { HostValue } from "@/lib/core/engine";
import { createSpellApi } from "@/lib/spell";
import { createTestRuntime } from "@/lib/spell/testing";

const WORDS = "kettle boil water descale warranty heating element vinegar rinse shipping return box express".split(" ");

async function measure(n: number) {
  const api = createSpellApi(createTestRuntime());
  const Memory = api.globals.Memory.functions;
  const Context = api.globals.Context.functions;
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length];
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    await Memory["episodic.add"]([
      `s${i % 20}`,
      i % 2 ? "assistant" : "user",
      Array.from({ length: 12 }, word).join(" "),
    ]);
  const addMs = performance.now() - t0;
  const t1 = performance.now();
  const first = (await Memory["episodic.search"](["", "descale the kettle", 10])) as HostValue[];
  const firstMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const r = (await Memory["episodic.search"](["", "warranty heating", 10])) as HostValue[];
    times.push(performance.now() - t);
    if (r.length !== 10) throw new Error("search found too few");
  }
  const ctxTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const c = (await Context.assemble(["shipping return", "hybrid", 2000])) as { chunks: unknown[] };
    ctxTimes.push(performance.now() - t);
    if (c.chunks.length === 0) throw new Error("assembly found nothing");
  }
  if (first.length !== 10) throw new Error("first search found too few");
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { n, addMs, firstMs, searchMs: median(times), contextMs: median(ctxTimes) };
}

console.log(`node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`);
for (const n of [1_000, 10_000]) {
  const r = await measure(n);
  console.log(
    `${r.n.toLocaleString("en-US")} entries: add all ${r.addMs.toFixed(0)} ms (${((r.addMs / r.n) * 1000).toFixed(0)} µs each), ` +
      `first search ${r.firstMs.toFixed(1)} ms, search ${r.searchMs.toFixed(2)} ms, Context.assemble hybrid ${r.contextMs.toFixed(2)} ms (medians)`,
  );
}
