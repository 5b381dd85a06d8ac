/**
 * The tour's acceptance: every step's solution passes all its checks and every starting spell fails at least
 * one, in both languages, each run through the real engines (Lua and JavaScript in-process) on the mock model.
 */
import { describe, expect, it } from "vitest";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { RunEvent } from "@/lib/core/events";
import { createMockLlmClient } from "@/lib/llm/mock";
import { runSpell } from "@/lib/runner/run-spell";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { evaluateChecks, type CheckResult } from "../checks";
import { parseLesson, type LessonStep } from "../schema";
import { TOUR } from "./index";

async function runStep(step: LessonStep, language: SpellLanguage, which: "start" | "solution") {
  const source = (which === "start" ? step.start : step.solution!)[language]!;
  const events: RunEvent[] = [];
  const result = await runSpell(
    {
      engine: language,
      source,
      ...(step.args !== undefined ? { args: step.args } : {}),
      model: step.model ?? "mock/default",
      mockAll: true,
    },
    { llm: createMockLlmClient(), state: createMemoryStateStore(), emit: (e) => events.push(e) },
  );
  return { result, checks: evaluateChecks(step.checks, { language, source, result, events }) };
}

const failures = (checks: CheckResult[]) =>
  checks.filter((c) => !c.pass).map((c) => `${c.check.kind}: ${c.check.message} (${c.detail})`);

describe("the built-in tour", () => {
  it("is a valid lesson of at least 14 steps, in both languages, every step with checks and a solution", () => {
    expect(parseLesson(TOUR)).toEqual({ ok: true, lesson: TOUR });
    expect(TOUR.steps.length).toBeGreaterThanOrEqual(14);
    expect(TOUR.languages).toEqual(["lua", "javascript"]);
    for (const step of TOUR.steps) {
      expect(step.checks.length, step.id).toBeGreaterThan(0);
      expect(step.solution, step.id).toBeDefined();
    }
  });

  it("covers the topics of the issue", () => {
    const ids = TOUR.steps.map((s) => s.id);
    for (const topic of [
      "hello-world",
      "first-agent",
      "first-tool",
      "structured-output",
      "streaming",
      "sequential-workflow",
      "parallel-workflow",
      "conditional-workflow",
      "loop-workflow",
      "hooks",
      "events",
      "state",
    ])
      expect(ids).toContain(topic);
  });

  const cases = TOUR.steps.flatMap((step) =>
    (["lua", "javascript"] as const).map((language) => [step.id, language, step] as const),
  );

  it.each(cases)(
    "%s (%s): the solution passes every check, the start fails one",
    { timeout: 30_000 },
    async (_id, language, step) => {
      const solved = await runStep(step, language, "solution");
      expect(
        failures(solved.checks),
        JSON.stringify(solved.result.ok ? solved.result.value : solved.result.error),
      ).toEqual([]);
      expect(solved.checks.length).toBeGreaterThan(0);
      const started = await runStep(step, language, "start");
      expect(failures(started.checks).length).toBeGreaterThan(0);
    },
  );
});
