/**
 * The hardening fuzz test (issue 21): every risky construct alone, then random combinations from fixed seeds,
 * in both languages, through one warm Node controller as the page reuses its worker. Each run must end
 * contained: a result or an error of an expected kind, a CPU stop (not the wall clock) for spells that never
 * wait, bounded output and error text, and the next run in the same controller unaffected.
 * `FUZZ_SEEDS=1000` (and `FUZZ_FIRST_SEED`) explore more seeds locally; CI runs the fixed few.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import { FIXED_BOUNDS } from "@/lib/core/limits";
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import { createNodeRunController } from "../node-controller";
import type { RunController } from "../types";
import { generateRiskySpell, listRiskyParts, type RiskySpell } from "./risky-spells";

const LIMITS = { timeoutMs: 400, wallTimeoutMs: 20_000, memoryLimitBytes: 16 * 1024 * 1024, maxOutputBytes: 64 * 1024 };
const CONTAINED_KINDS = new Set(["timeout", "memory", "runtime", "syntax", "api", "tool", "conversion", "type"]);
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 12);
const FIRST_SEED = Number(process.env.FUZZ_FIRST_SEED ?? 1);

function expectContained(result: ExecutionResult, spell: RiskySpell, language: string) {
  const label = `${language} [${spell.parts.join(" + ")}]`;
  const printed = result.logs.reduce((n, l) => n + Buffer.byteLength(l.text) + 32, 0);
  expect(printed, `${label}: output`).toBeLessThanOrEqual(LIMITS.maxOutputBytes + 200);
  // Lua's allocator holds the limit exactly. QuickJS counts its own bytes loosely, so the JavaScript engine
  // backs its limit with a cap on wasm heap growth (limit + 8 MiB, engines/javascript/interrupts.ts) from a
  // fresh 16 MiB heap each run: bounded, the same for every run of a warm worker, never growing across runs.
  const memoryBound = LIMITS.memoryLimitBytes + (language === "javascript" ? 24 * 1024 * 1024 : 0);
  if (result.stats.memoryBytes !== undefined)
    expect(result.stats.memoryBytes, `${label}: memory`).toBeLessThanOrEqual(memoryBound);
  if (result.ok) return;
  expect(CONTAINED_KINDS.has(result.error.kind), `${label}: kind ${result.error.kind}: ${result.error.message}`).toBe(
    true,
  );
  expect(result.error.message.length, `${label}: message length`).toBeLessThan(FIXED_BOUNDS.maxErrorMessageChars + 100);
  // None of these spells waits on anything: a time stop is a CPU stop, never the wall clock. It is the engine's
  // own, or, when the machine is so loaded that the worker starves between the engine's checks, the controller's
  // watchdog reading the same CPU meter (then the worker is replaced; the next run below must still be fine).
  if (result.error.kind === "timeout")
    expect(
      [
        STOP_MESSAGES.cpu(LIMITS.timeoutMs),
        `the spell ran past its CPU limit of ${LIMITS.timeoutMs} ms inside a call the engine cannot interrupt`,
      ],
      `${label}: stopped by`,
    ).toContain(result.error.message);
}

describe("hardening fuzz: risky spells stay contained in a warm worker", { timeout: 600_000 }, () => {
  let controller: RunController;
  beforeAll(async () => {
    controller = createNodeRunController({ spare: false });
    await controller.ready;
  }, 120_000);
  afterAll(() => controller.dispose());

  const spells = [...listRiskyParts(), ...Array.from({ length: SEEDS }, (_, i) => generateRiskySpell(FIRST_SEED + i))];
  for (const language of ["lua", "javascript"] as const) {
    it(`${language}: ${spells.length} spells, each contained, the next run unaffected`, async () => {
      for (const spell of spells) {
        const source = language === "lua" ? spell.lua : spell.js;
        const result = await controller.run({ engine: language, source, mockAll: true, limits: LIMITS });
        if (process.env.FUZZ_VERBOSE) {
          const outcome = result.ok ? "ok" : `${result.error.kind}: ${result.error.message.slice(0, 100)}`;
          console.log(`${language} [${spell.parts.join(" + ")}] ${outcome}`);
        }
        if (process.env.FUZZ_REPORT_ONLY) {
          try {
            expectContained(result, spell, language);
          } catch (e) {
            console.log(`FAIL ${(e as Error).message.split("\n")[0]}`);
          }
        } else expectContained(result, spell, language);
        const after = await controller.run({
          engine: language,
          source: language === "lua" ? "return 1 + 1" : "return 1 + 1;",
          limits: LIMITS,
        });
        expect(after, `${language} [${spell.parts.join(" + ")}]: the next run`).toMatchObject({ ok: true, value: 2 });
      }
    });
  }

  it("the memory limit holds for every run of a warm worker, after one that used much of it", async () => {
    for (const language of ["lua", "javascript"] as const) {
      const hold = (mib: number) =>
        controller.run({
          engine: language,
          source:
            language === "lua"
              ? `local big = string.rep("x", ${mib} * 1024 * 1024) return #big`
              : `const big = "x".repeat(${mib} * 1024 * 1024); return big.length;`,
          // A CPU limit with room: this test is about memory, and a loaded machine is slow to fill 25 MiB.
          limits: { ...LIMITS, timeoutMs: 10_000, memoryLimitBytes: 64 * 1024 * 1024 },
        });
      expect(await hold(25), `${language}: 25 MiB under 64 MiB`).toMatchObject({ ok: true });
      for (let i = 0; i < 3; i++)
        expect(await hold(120), `${language}: 120 MiB under 64 MiB, run ${i + 1}`).toMatchObject({
          ok: false,
          error: { kind: "memory" },
        });
    }
  });

  it("a State key named __proto__ does not pollute the worker for the next run", async () => {
    const polluted = await controller.run({
      engine: "javascript",
      source: 'await State.save("__proto__", "polluted", true);\nreturn ({}).polluted === undefined;',
      limits: LIMITS,
    });
    expect(polluted).toMatchObject({ ok: true, value: true });
    const agent = await controller.run({
      engine: "lua",
      source: 'local a = Agent.builder():model("mock/echo"):build()\nreturn a:execute({ text = "hi" }).text',
      mockAll: true,
      limits: LIMITS,
    });
    expect(agent).toMatchObject({ ok: true });
  });
});
