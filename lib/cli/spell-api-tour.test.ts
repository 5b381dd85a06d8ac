/**
 * The acceptance of the spell API: "Every example in docs/spell-api.md runs in both languages through
 * `npx llmspell run ... --mock`". fixtures/spell-api-tour.{lua,js} walk the spec section by section, one printed
 * line per check; here the real `llmspell` command runs each (spawned as cli.test.ts does) and the two outputs
 * must be identical line for line. Each run starts Node, tsx and an engine worker, so the two run side by side.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { spawnCli, type CliRun } from "./spawn-cli";
import { beforeAll, describe, expect, it } from "vitest";
import type { TraceStart } from "@/lib/core/events";
import type { JsonReport } from "./output";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TOUR = { lua: "lib/cli/fixtures/spell-api-tour.lua", javascript: "lib/cli/fixtures/spell-api-tour.js" } as const;
type Language = keyof typeof TOUR;
const TIMEOUT_MS = 60_000;

const cli = (args: string[]) => spawnCli(args, { cwd: ROOT });

/** The checks a tour makes: its `say(...)` calls outside comments (a call in a loop prints more than once). */
function checksIn(file: string): number {
  const comment = file.endsWith(".lua") ? /^\s*--/ : /^\s*\/\//;
  return readFileSync(`${ROOT}${file}`, "utf8")
    .split("\n")
    .filter((line) => !comment.test(line))
    .reduce((n, line) => n + (line.match(/(?<![\w.])say\(/g)?.length ?? 0), 0);
}

const runs: Partial<Record<Language, { run: CliRun; report: JsonReport }>> = {};
const texts = (language: Language) => runs[language]!.report.logs.map((l) => l.text);

beforeAll(async () => {
  await Promise.all(
    (Object.keys(TOUR) as Language[]).map(async (language) => {
      const run = await cli(["run", TOUR[language], "--mock", "--json", "--arg", "who=tour"]);
      let report: JsonReport;
      try {
        report = JSON.parse(run.stdout) as JsonReport;
      } catch {
        throw new Error(
          `${language}: --json printed no JSON (exit ${run.code}): ${run.stdout.slice(0, 500)} ${run.stderr.slice(0, 500)}`,
        );
      }
      runs[language] = { run, report };
    }),
  );
}, TIMEOUT_MS);

describe("docs/spell-api.md tour through `llmspell run --mock`", { timeout: TIMEOUT_MS }, () => {
  const checks = checksIn(TOUR.lua);

  it("both tours make the same number of checks", () => {
    expect(checks).toBeGreaterThan(150);
    expect(checksIn(TOUR.javascript)).toBe(checks);
  });

  it.each(Object.keys(TOUR) as Language[])(
    "the %s tour runs to the end: exit 0, ok, no error, one line per check",
    (language) => {
      const { run, report } = runs[language]!;
      expect(report.error).toBeNull();
      expect(report.ok).toBe(true);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(report.stats.engine).toBe(language);
      expect(report.value).toEqual({ tour: "complete", who: "tour" });
      expect(report.logs.length).toBeGreaterThanOrEqual(checks);
      expect(texts(language).at(-1)).toBe("the tour ran to the end: true");
    },
  );

  it("Lua and JavaScript print identical lines", () => {
    expect(texts("javascript")).toEqual(texts("lua"));
  });

  it("print, console.log/info/warn/error and Debug.* keep their levels", () => {
    const level = (language: Language, text: string) => runs[language]!.report.logs.find((l) => l.text === text)?.level;
    expect(["info", "warn", "error"].map((l) => level("javascript", `output: ${l}`))).toEqual([
      "info",
      "warn",
      "error",
    ]);
    expect(level("javascript", "## Agent")).toBe("log");
    expect(level("javascript", "ARGS.who: tour")).toBe("log");
    expect(level("lua", "output: warn")).toBe("log");
    for (const language of Object.keys(TOUR) as Language[]) {
      expect(
        ['[INFO] tour info {"n":1}', "[WARN] tour warn", "[ERROR] tour error"].map((t) => level(language, t)),
      ).toEqual(["info", "warn", "error"]);
    }
  });

  it("the lines say what docs/spell-api.md promises", () => {
    const lines = texts("lua");
    for (const expected of [
      "ARGS.who: tour",
      "err.line is the line of the call: true",
      "the error as text: not_found: Tool 'teleporter' not found (line N)",
      "Tool.execute calculator 2 + 2 * 3: 8",
      "unknown tool: not_found: Tool 'teleporter' not found",
      "missing parameter: tool: Tool execution failed: missing required parameter 'input' for operation 'evaluate'",
      "metadata.finish_reason: stop",
      "the model called: calculator",
      "agent:invokeStream: 3 chunks, success true, chunks_received 3",
      "stream without a callback: 3 chunks: eight nine ten (same as the result: true)",
      "Agent.get missing: nil",
      "registered tool used by an agent: word-counter -> 6 words",
      "{{input.field}}: 7",
      "{{steps.<name>.output}}: hello makes 7",
      "parallel max_concurrency(2): both steps answered: true",
      "parallel max_concurrency(1): the ping waited in vain: true",
      "loop with_collection {{loop_index}}: 1: LUA, 2: JS",
      "timeout_ms: timeout: workflow 'slow' timed out after 100 ms",
      "cancel: api: BeforeAgentExecution hook cancelled agent 'a': no secrets, please",
      "every point named in docs/spell-api.md was reached: true",
      'JSON.stringify pretty: {\\n  "list": [\\n    1,\\n    2\\n  ]\\n}',
      "Streaming collect: [20,30]",
      "mock/<anything>: true",
      "a bare model under --mock: metadata names the model called: mock/default mock",
      "a function in a step input: conversion: Workflow.sequential: steps[<second>].input.fn is a function, which cannot be used as a step input (only JSON values can)",
    ])
      expect(lines).toContain(expected);
    expect(lines.filter((l) => l.includes("a non-SpellError"))).toEqual([]);
  });

  it.each(Object.keys(TOUR) as Language[])(
    "the %s trace has agent, model, tool, workflow, step, hook and event spans",
    (language) => {
      const kinds = new Set(
        runs[language]!.report.trace.filter((e): e is TraceStart => e.phase === "start").map((e) => e.kind),
      );
      for (const kind of ["agent", "model", "tool", "workflow", "step", "hook", "event"]) expect(kinds).toContain(kind);
    },
  );
});
