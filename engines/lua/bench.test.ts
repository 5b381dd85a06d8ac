/**
 * Measurements of the Lua engine (printed; loose bounds so a pathological regression fails):
 * cold start, warm start, fib(27), host-call overhead, state memory with an API injected.
 * Run alone: `npx vitest run engines/lua/bench.test.ts`.
 */
import { describe, expect, it } from "vitest";
import type { ApiSurface } from "../../lib/core/engine";
import { createLuaEngine } from "./engine";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

function benchApi(): ApiSurface {
  const functions: ApiSurface["globals"][string]["functions"] = { noop: () => null, id: (args) => args[0] ?? null };
  // A surface about the size of the spell API: 12 globals × 10 functions, 6 classes × 15 methods.
  const globals: ApiSurface["globals"] = { Bench: { functions } };
  for (let g = 0; g < 12; g++) {
    const fns: typeof functions = {};
    for (let f = 0; f < 10; f++) fns[`fn${f}`] = () => f;
    globals[`G${g}`] = { functions: fns, values: { NAME: `G${g}`, LIST: [1, 2, 3] } };
  }
  const classes: ApiSurface["classes"] = {};
  for (let c = 0; c < 6; c++) {
    const methods: ApiSurface["classes"][string]["methods"] = {};
    for (let m = 0; m < 15; m++) methods[`m${m}`] = () => m;
    classes[`C${c}`] = { methods };
  }
  return { globals, classes };
}

describe("lua engine measurements", () => {
  it("cold and warm start, fib(27), host calls, memory", async () => {
    const t0 = performance.now();
    const engine = await createLuaEngine();
    const first = await engine.execute("return 1");
    const cold = performance.now() - t0;
    expect(first).toMatchObject({ ok: true, value: 1 });

    const warm: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const e = await createLuaEngine();
      await e.execute("return 1");
      warm.push(performance.now() - t);
    }

    const fibSrc = `local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(27)`;
    const fib: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await engine.execute(fibSrc);
      expect(r).toMatchObject({ ok: true, value: 196418 });
      fib.push(r.stats.cpuMs ?? r.stats.durationMs);
    }
    const jsFib = (n: number): number => (n < 2 ? n : jsFib(n - 1) + jsFib(n - 2));
    const tv = performance.now();
    jsFib(27);
    const v8Fib = performance.now() - tv;

    const N = 100_000;
    const api = benchApi();
    const hostLoop = await engine.execute(`local f = Bench.noop for i = 1, ${N} do f() end`, { api });
    const luaLoop = await engine.execute(`local f = function() return nil end for i = 1, ${N} do f() end`, { api });
    const argLoop = await engine.execute(`local f = Bench.id for i = 1, ${N} do f(i) end`, { api });
    const perCall = (((hostLoop.stats.cpuMs ?? 0) - (luaLoop.stats.cpuMs ?? 0)) / N) * 1000;
    const perCallArg = (((argLoop.stats.cpuMs ?? 0) - (luaLoop.stats.cpuMs ?? 0)) / N) * 1000;

    const withApi = await engine.execute(`return 1`, { api });

    const numbers = {
      coldStartMs: round(cold, 1),
      warmStartMedianMs: round(median(warm)),
      warmStartMinMs: round(Math.min(...warm)),
      fib27LuaMs: round(median(fib), 1),
      fib27V8Ms: round(v8Fib, 1),
      fibRatioLuaToV8: round(median(fib) / v8Fib, 1),
      hostCallUs: round(perCall),
      hostCallWithArgUs: round(perCallArg),
      stateWithApiBytes: withApi.stats.memoryBytes,
    };
    console.log("lua engine measurements", JSON.stringify(numbers));

    expect(median(warm)).toBeLessThan(50);
    expect(perCall).toBeLessThan(50);
    expect(withApi.stats.memoryBytes).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});
