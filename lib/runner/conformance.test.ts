/**
 * The cross-engine conformance suite: every case in `engines/conformance/cases/*.ts` (the languages) and
 * `lib/spell/conformance/cases/*.ts` (the spell API) (each file exports `cases: ConformanceCase[]`)
 * runs against every registered engine, with one expected result for all of them.
 *
 * Narrow a run with CONFORMANCE_ENGINE=lua (or javascript) and CONFORMANCE_FILTER=<substring of a case name>.
 */
/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent } from "@/lib/core/events";
import type { ScriptEngine } from "@/lib/core/engine";
import { createEngine, listEngines } from "@/engines/registry";
import type { ConformanceCase } from "../core/conformance";

const modules = import.meta.glob<{ cases?: ConformanceCase[] }>(
  ["../../engines/conformance/cases/*.ts", "../spell/conformance/cases/*.ts"],
  {
    eager: true,
  },
);

const files = Object.entries(modules)
  // Each file exports `cases`.
  .map(([path, mod]) => ({ file: path.replace(/^.*\/cases\//, ""), cases: mod.cases ?? [] }))
  .sort((a, b) => a.file.localeCompare(b.file));

const onlyEngine = process.env.CONFORMANCE_ENGINE;
const filter = process.env.CONFORMANCE_FILTER;
const engines = listEngines()
  .map((e) => e.name)
  .filter((name) => !onlyEngine || name === onlyEngine);

describe("conformance cases", () => {
  it("are found, each file exports cases, and every name is unique", () => {
    expect(files.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const { file, cases } of files) {
      expect(cases.length, `${file} exports no cases`).toBeGreaterThan(0);
      for (const c of cases) {
        expect(seen.get(c.name), `"${c.name}" is in ${seen.get(c.name)} and ${file}`).toBeUndefined();
        seen.set(c.name, file);
        expect(typeof c.lua === "string" && typeof c.js === "string", `${c.name}: needs lua and js sources`).toBe(true);
      }
    }
  });
});

/** Log lines that must appear in this order, others allowed between them. */
function includesInOrder(lines: string[], wanted: string[]): boolean {
  let i = 0;
  for (const line of lines) if (i < wanted.length && line === wanted[i]) i++;
  return i === wanted.length;
}

describe("a disposed engine", () => {
  it("resolves the same configuration error in every engine, and sends it as the final event", async () => {
    const outcomes = [];
    for (const name of engines) {
      const engine = await createEngine(name);
      engine.dispose();
      const events: RunEvent[] = [];
      const result = await engine.execute("return 1", { onEvent: (e) => events.push(e) });
      expect(result.ok).toBe(false);
      expect(events.map((e) => e.type)).toEqual(["error"]);
      outcomes.push(result.ok ? null : { kind: result.error.kind, message: result.error.message });
    }
    expect(outcomes[0]).toEqual({ kind: "configuration", message: "this engine was disposed" });
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
  });
});

for (const engineName of engines) {
  describe(`conformance: ${engineName}`, () => {
    let engine: ScriptEngine;
    beforeAll(async () => {
      engine = await createEngine(engineName);
    });
    afterAll(() => engine?.dispose());

    for (const { file, cases } of files) {
      const selected = filter ? cases.filter((c) => c.name.includes(filter)) : cases;
      if (selected.length === 0) continue;
      describe(file, () => {
        for (const c of selected) {
          it(c.name, async () => {
            const events: RunEvent[] = [];
            const controller = new AbortController();
            const api = c.makeApi?.({
              dialect: engine.dialect,
              emit: (e) => events.push(e),
              signal: controller.signal,
            });
            const cancelTimer =
              c.cancelAfterMs !== undefined ? setTimeout(() => controller.abort(), c.cancelAfterMs) : undefined;
            const source = engineName === "lua" ? c.lua : c.js;
            let result;
            try {
              result = await engine.execute(source, {
                api,
                args: c.args,
                timeoutMs: c.timeoutMs,
                wallTimeoutMs: c.wallTimeoutMs,
                memoryLimitBytes: c.memoryLimitBytes,
                maxOutputBytes: c.maxOutputBytes,
                sandbox: c.sandbox,
                signal: controller.signal,
                onEvent: (e) => events.push(e),
              });
            } finally {
              clearTimeout(cancelTimer);
            }
            const logs = result.logs.map((l) => l.text);
            const { expect: want } = c;

            if (want.error) {
              expect(
                result.ok,
                `expected a ${want.error.kind} error, got ${JSON.stringify(result.ok ? result.value : null)}`,
              ).toBe(false);
              if (result.ok) return;
              expect(result.error.kind, result.error.message).toBe(want.error.kind);
              if (want.error.line !== undefined) expect(result.error.line, result.error.message).toBe(want.error.line);
              if (want.error.messageIncludes !== undefined)
                expect(result.error.message).toContain(want.error.messageIncludes);
            } else {
              expect(
                result.ok,
                result.ok ? "" : `${result.error.kind}: ${result.error.message} (line ${result.error.line})`,
              ).toBe(true);
              if (result.ok && "value" in want) expect(result.value).toEqual(want.value);
            }
            if (want.logs) expect(logs).toEqual(want.logs);
            if (want.logsInclude) {
              expect(
                includesInOrder(logs, want.logsInclude),
                `logs ${JSON.stringify(logs)} lack ${JSON.stringify(want.logsInclude)}`,
              ).toBe(true);
            }
            want.check?.({
              value: result.ok ? (result.value as JsonValue) : undefined,
              logs,
              events,
              durationMs: result.stats.durationMs,
            });
          });
        }
      });
    }
  });
}
