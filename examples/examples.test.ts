/**
 * Every example runs in both languages through the real engines on the mock provider, succeeds, and prints
 * the same lines in Lua and in JavaScript.
 */
import { describe, expect, it } from "vitest";
import { formatSpellError } from "@/lib/core/errors";
import { HOOK_POINTS } from "@/lib/spell/globals/hook";
import { listTools } from "@/lib/tools";
import { EXAMPLES } from "./catalog";
import { runExample, type ExampleRun } from "./run-example";

function failure(run: ExampleRun): string {
  if (run.result.ok) return "";
  return `${formatSpellError(run.result.error)}\n--- output so far:\n${run.lines.join("\n")}`;
}

describe("examples run in both languages and agree", () => {
  it("there are at least 16 examples", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(16);
  });

  for (const example of EXAMPLES) {
    it(`${example.slug}: Lua and JavaScript succeed and print the same lines`, async () => {
      const lua = await runExample("lua", example.lua, { model: example.model });
      expect(lua.result.ok, `lua failed: ${failure(lua)}`).toBe(true);
      const js = await runExample("javascript", example.js, { model: example.model });
      expect(js.result.ok, `javascript failed: ${failure(js)}`).toBe(true);
      expect(lua.lines.length, "the example prints something").toBeGreaterThan(2);
      expect(js.lines).toEqual(lua.lines);
      // The console already shows each model reply as it streams: printing it again as it is shows it twice
      // (a labelled line that quotes it, like "answer: ...", is fine).
      const printed = lua.lines.join("\n");
      for (const reply of lua.streamed.map((r) => r.trim()).filter(Boolean)) {
        expect(
          lua.lines.includes(reply) || printed.startsWith(reply) || printed.includes(`\n${reply}\n`),
          `the example prints the streamed reply again: ${reply}`,
        ).toBe(false);
      }
    });
  }
});

describe("examples cover the API", () => {
  const lua = EXAMPLES.map((e) => e.lua).join("\n");
  const js = EXAMPLES.map((e) => e.js).join("\n");

  it("every global is used in both languages", () => {
    const globals = [
      "Agent",
      "Tool",
      "Workflow",
      "State",
      "RAG",
      "Session",
      "Artifact",
      "Memory",
      "Context",
      "Template",
      "Hook",
      "Event",
      "JSON",
      "Provider",
      "Debug",
      "Config",
      "Streaming",
      "ARGS",
    ];
    for (const g of globals) {
      expect(lua, `no Lua example uses ${g}`).toMatch(new RegExp(`\\b${g}\\b[.:]?`));
      expect(js, `no JavaScript example uses ${g}`).toMatch(new RegExp(`\\b${g}\\b`));
    }
  });

  it("every built-in tool is called in both languages", () => {
    for (const tool of listTools()) {
      expect(lua, `no Lua example calls ${tool.name}`).toContain(`"${tool.name}"`);
      expect(js, `no JavaScript example calls ${tool.name}`).toContain(`"${tool.name}"`);
    }
  });

  it("every workflow type, and hooks at several points", () => {
    for (const type of ["sequential", "parallel", "conditional", "loop"]) {
      expect(lua).toContain(`:${type}()`);
      expect(js).toContain(`.${type}()`);
    }
    const points = HOOK_POINTS.filter((p) => lua.includes(`"${p}"`));
    expect(points.length).toBeGreaterThanOrEqual(2);
  });
});
