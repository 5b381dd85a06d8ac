/**
 * Engine measurements in this process: warm instance creation, host-call cost, CPU speed against V8, and
 * memory per instance. Each returns samples; `bench/run.ts` prints them side by side.
 */
import { Worker } from "node:worker_threads";
import { SPELL_LANGUAGES } from "@/lib/core/dialect";
import type { ApiSurface } from "@/lib/core/engine";
import { createEngine } from "@/engines/registry";
import { median, time, type Sample } from "./stats";

/** The built-in engines, one per language. */
export const ENGINES = SPELL_LANGUAGES;
export type EngineName = (typeof ENGINES)[number];

/** The same spell in each language. */
const ret = (engine: EngineName, expr: string) => (engine === "lua" ? `return ${expr}` : `export default ${expr};`);

export async function measureColdStart(engine: EngineName, count: number): Promise<Sample> {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    values.push(
      await new Promise<number>((resolve, reject) => {
        const w = new Worker(new URL("./cold-worker.mjs", import.meta.url), { workerData: { engine } });
        w.once("message", (m: { ms: number; ok: boolean }) => {
          void w.terminate();
          if (m.ok) resolve(m.ms);
          else reject(new Error(`cold start of ${engine} did not return 1`));
        });
        w.once("error", reject);
      }),
    );
  }
  return {
    name: `${engine}: cold start (module + instance + return 1)`,
    unit: "ms",
    values,
    note: "fresh worker thread, tsx-loaded",
  };
}

export async function measureWarmStart(engine: EngineName, count: number): Promise<Sample[]> {
  (await createEngine(engine)).dispose(); // module loaded
  // A warm host has run spells before: let V8 compile the engine's glue before measuring.
  for (let i = 0; i < 5; i++) {
    const e = await createEngine(engine);
    await e.execute(ret(engine, "1"));
    e.dispose();
  }
  const create: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const e = await createEngine(engine);
    const t1 = performance.now();
    const r = await e.execute(ret(engine, "1"));
    const t2 = performance.now();
    e.dispose();
    if (!r.ok) throw new Error(`${engine}: return 1 failed: ${r.error.message}`);
    create.push(t1 - t0);
    total.push(t2 - t0);
  }
  return [
    { name: `${engine}: warm instance creation`, unit: "ms", values: create },
    { name: `${engine}: warm start (instance + return 1)`, unit: "ms", values: total },
  ];
}

const CALLS = 100_000;

function noopApi(): ApiSurface {
  return { globals: { Bench: { functions: { noop: () => null } } }, classes: {} };
}

/** Per-call µs of `Bench.noop()` called CALLS times from the spell, and the same loop over a plain TS function. */
export async function measureHostCalls(engine: EngineName, reps: number, budgetMs: number): Promise<Sample> {
  const source =
    engine === "lua"
      ? `for i = 1, ${CALLS} do Bench.noop() end\nreturn 1`
      : `for (let i = 0; i < ${CALLS}; i++) Bench.noop();\nexport default 1;`;
  const empty =
    engine === "lua"
      ? `for i = 1, ${CALLS} do end\nreturn 1`
      : `for (let i = 0; i < ${CALLS}; i++) {}\nexport default 1;`;
  const values: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < reps && (i === 0 || performance.now() < until); i++) {
    const withCalls = await timedRun(engine, source, noopApi());
    const loopOnly = await timedRun(engine, empty, noopApi());
    values.push(((withCalls - loopOnly) * 1000) / CALLS);
  }
  return { name: `${engine}: host call (Bench.noop(), ${CALLS / 1000}k calls)`, unit: "µs/call", values };
}

export function measurePlainCalls(reps: number): Sample {
  const api = noopApi();
  const noop = api.globals.Bench.functions.noop;
  const values: number[] = [];
  let sink = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) if (noop([]) === null) sink++;
    values.push(((performance.now() - t0) * 1000) / CALLS);
  }
  if (sink < 0) console.log(sink);
  return { name: `v8: plain TS call of the same function`, unit: "µs/call", values };
}

async function timedRun(engine: EngineName, source: string, api?: ApiSurface): Promise<number> {
  const e = await createEngine(engine);
  try {
    const t0 = performance.now();
    const r = await e.execute(source, { api, timeoutMs: 60_000 });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`${engine}: ${r.error.kind}: ${r.error.message}`);
    return ms;
  } finally {
    e.dispose();
  }
}

const FIB_LUA = "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nreturn fib(27)";
const FIB_JS = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nexport default fib(27);";
const SORT_N = 20_000;
const SORT_LUA = `local t, x = {}, 12345\nfor i = 1, ${SORT_N} do x = (x * 1103515245 + 12345) % 2147483648; t[i] = x end\ntable.sort(t)\nreturn t[1] <= t[2]`;
const SORT_JS = `const t = []; let x = 12345;\nfor (let i = 0; i < ${SORT_N}; i++) { x = (x * 1103515245 + 12345) % 2147483648; t.push(x); }\nt.sort((a, b) => a - b);\nexport default t[0] <= t[1];`;

function fibV8(n: number): number {
  return n < 2 ? n : fibV8(n - 1) + fibV8(n - 2);
}

export async function measureCpu(reps: number): Promise<Sample[]> {
  const out: Sample[] = [];
  const v8Fib: number[] = [];
  const v8Sort: number[] = [];
  for (let i = 0; i < 5; i++) fibV8(27); // let V8 optimise first: the baseline is optimised V8
  for (let i = 0; i < reps; i++) {
    v8Fib.push(await time(() => fibV8(27)));
    v8Sort.push(
      await time(() => {
        const t: number[] = [];
        let x = 12345;
        for (let j = 0; j < SORT_N; j++) {
          x = (x * 1103515245 + 12345) % 2147483648;
          t.push(x);
        }
        t.sort((a, b) => a - b);
      }),
    );
  }
  for (const engine of ENGINES) {
    const fib: number[] = [];
    const sort: number[] = [];
    for (let i = 0; i < reps; i++) {
      fib.push(await timedRun(engine, engine === "lua" ? FIB_LUA : FIB_JS));
      sort.push(await timedRun(engine, engine === "lua" ? SORT_LUA : SORT_JS));
    }
    out.push({
      name: `${engine}: fib(27)`,
      unit: "ms",
      values: fib,
      note: `${(median(fib) / median(v8Fib)).toFixed(1)}× V8`,
    });
    out.push({
      name: `${engine}: sort ${SORT_N / 1000}k numbers`,
      unit: "ms",
      values: sort,
      note: `${(median(sort) / median(v8Sort)).toFixed(1)}× V8`,
    });
  }
  out.push(
    { name: "v8: fib(27)", unit: "ms", values: v8Fib },
    { name: `v8: sort ${SORT_N / 1000}k numbers`, unit: "ms", values: v8Sort },
  );
  return out;
}

/** Engine memory of a run with the full spell API injected, as the engine reports it (`stats.memoryBytes`). */
export async function measureMemory(engine: EngineName, count: number, makeApi: () => ApiSurface): Promise<Sample> {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const e = await createEngine(engine);
    const r = await e.execute(ret(engine, "1"), { api: makeApi() });
    e.dispose();
    if (r.stats.memoryBytes !== undefined) values.push(r.stats.memoryBytes / (1024 * 1024));
  }
  return {
    name: `${engine}: engine memory, spell API injected`,
    unit: "MiB",
    values,
    note: values.length
      ? engine === "lua"
        ? "peak, as the engine reports it"
        : "in use at the end, as QuickJS reports it"
      : "the engine does not report memory",
  };
}
