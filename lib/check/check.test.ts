import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { CHECK_CASES } from "./cases";
import { CHECK_RULES } from "./diagnostic";
import { canCheck, checkSpell } from "./index";
import { SANDBOX_CHECK_CASES } from "./sandbox-cases";

const EXAMPLES = join(process.cwd(), "examples");

describe("checker conformance: javascript", () => {
  for (const c of CHECK_CASES.filter((c) => c.js !== null)) {
    it(c.name, () => {
      const wantsUnused = c.expect.some((e) => e.rule === "unused-local");
      const got = checkSpell(c.js!, "javascript", c.models ? { models: c.models } : {}).filter(
        (d) => wantsUnused || d.rule !== "unused-local",
      );
      expect(got.map((d) => ({ rule: d.rule, line: d.line }))).toEqual(
        c.expect.map(({ rule, line }) => ({ rule, line })),
      );
      c.expect.forEach((e, i) => {
        if (e.fix) expect(got[i].fix?.edits[0].text).toBe(e.fix);
      });
    });
  }
});

for (const language of ["lua", "javascript"] as const) {
  if (!canCheck(language)) continue;
  describe(`checker under a sandbox preset: ${language}`, () => {
    for (const c of SANDBOX_CHECK_CASES) {
      it(c.name, () => {
        const got = checkSpell(language === "lua" ? c.lua : c.js, language, { sandbox: c.sandbox }).filter(
          (d) => d.rule !== "unused-local",
        );
        expect(got.map((d) => ({ rule: d.rule, line: d.line }))).toEqual(c.expect);
      });
    }
  });
}

describe("checker: the table", () => {
  it("has a case for every rule", () => {
    const covered = new Set([...CHECK_CASES, ...SANDBOX_CHECK_CASES].flatMap((c) => c.expect.map((e) => e.rule)));
    expect(CHECK_RULES.filter((r) => !covered.has(r))).toEqual(["dot-call"]); // dot-call is Lua's: its cases come with the Lua extractor
  });
});

describe("checker: what ships checks clean", () => {
  it("every JavaScript example", () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".js"))) {
      const problems = checkSpell(readFileSync(join(EXAMPLES, file), "utf8"), "javascript").filter(
        (d) => d.severity !== "info",
      );
      expect(problems, file).toEqual([]);
    }
  });

  it("every JavaScript snippet of the API reference", () => {
    const snippets = [
      ...SPELL_API_REFERENCE.globals.flatMap((g) => g.functions),
      ...SPELL_API_REFERENCE.classes.flatMap((c) => c.methods),
    ]
      // A snippet that starts with `.` shows one link of a builder chain, not a whole spell.
      .flatMap((f) => (f.js && !f.js.startsWith(".") ? [{ name: f.name, js: f.js }] : []));
    expect(snippets.length).toBeGreaterThan(20);
    for (const s of snippets) {
      const errors = checkSpell(s.js, "javascript").filter(
        (d) => d.severity === "error" && d.rule !== "unknown-global",
      );
      expect(errors, `${s.name}: ${s.js}`).toEqual([]);
    }
  });

  it("gives a fix that, applied, makes the diagnostic go away", () => {
    const source = "const b = Agent.bulder();\nprint(b);";
    const [d] = checkSpell(source, "javascript");
    const edit = d.fix!.edits[0];
    const lines = source.split("\n");
    const line = lines[edit.range.line - 1];
    lines[edit.range.line - 1] =
      line.slice(0, edit.range.column - 1) + edit.text + line.slice(edit.range.endColumn - 1);
    expect(checkSpell(lines.join("\n"), "javascript")).toEqual([]);
  });
});
