import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { CHECK_CASES, type CheckCase } from "./cases";
import { CHECK_RULES } from "./diagnostic";
import { checkSpell } from "./index";

const EXAMPLES = join(process.cwd(), "examples");

for (const language of ["lua", "javascript"] as const) {
  const sourceOf = (c: CheckCase) => (language === "lua" ? c.lua : c.js);
  describe(`checker conformance: ${language}`, () => {
    for (const c of CHECK_CASES.filter((c) => sourceOf(c) !== null)) {
      it(c.name, () => {
        const wantsUnused = c.expect.some((e) => e.rule === "unused-local");
        const got = checkSpell(sourceOf(c)!, language, c.models ? { models: c.models } : {}).filter(
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
}

describe("checker: the table", () => {
  it("has a case for every rule", () => {
    const covered = new Set(CHECK_CASES.flatMap((c) => c.expect.map((e) => e.rule)));
    expect(CHECK_RULES.filter((r) => !covered.has(r))).toEqual(["type-check"]); // the page's TypeScript worker gives it
  });

  it("has at least 150 cases, most of them in both languages", () => {
    expect(CHECK_CASES.length).toBeGreaterThanOrEqual(150);
    expect(CHECK_CASES.filter((c) => c.lua !== null && c.js !== null).length).toBeGreaterThanOrEqual(90);
    expect(new Set(CHECK_CASES.map((c) => c.name)).size).toBe(CHECK_CASES.length);
  });
});

describe("checker: what ships checks clean", () => {
  for (const [language, extension] of [
    ["lua", ".lua"],
    ["javascript", ".js"],
  ] as const) {
    it(`every ${language} example`, () => {
      const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(extension));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const problems = checkSpell(readFileSync(join(EXAMPLES, file), "utf8"), language).filter(
          (d) => d.severity !== "info",
        );
        expect(problems, file).toEqual([]);
      }
    });

    it(`every ${language} snippet of the API reference`, () => {
      const snippets = [
        ...SPELL_API_REFERENCE.globals.flatMap((g) => g.functions),
        ...SPELL_API_REFERENCE.classes.flatMap((c) => c.methods),
      ]
        // A snippet that starts with `.` or `:` shows one link of a builder chain, not a whole spell.
        .flatMap((f) => {
          const code = language === "lua" ? f.lua : f.js;
          return code && !/^[.:]/.test(code) ? [{ name: f.name, code }] : [];
        });
      expect(snippets.length).toBeGreaterThan(20);
      for (const s of snippets) {
        const errors = checkSpell(s.code, language).filter(
          (d) => d.severity === "error" && d.rule !== "unknown-global",
        );
        expect(errors, `${s.name}: ${s.code}`).toEqual([]);
      }
    });
  }

  it("every fix, applied, makes its diagnostic go away", () => {
    let applied = 0;
    for (const c of CHECK_CASES)
      for (const language of ["lua", "javascript"] as const) {
        const source = language === "lua" ? c.lua : c.js;
        if (source === null) continue;
        const options = c.models ? { models: c.models } : {};
        for (const d of checkSpell(source, language, options).filter((d) => d.fix)) {
          const fixed = applyEdits(source, d.fix!.edits);
          const again = checkSpell(fixed, language, options);
          expect(
            again.filter((x) => x.rule === d.rule && x.line === d.line),
            `${c.name} (${language}): ${fixed}`,
          ).toEqual([]);
          applied++;
        }
      }
    expect(applied).toBeGreaterThan(10);
  });
});

function applyEdits(
  source: string,
  edits: { range: { line: number; column: number; endColumn: number }; text: string }[],
): string {
  const lines = source.split("\n");
  for (const { range, text } of [...edits].reverse()) {
    const line = lines[range.line - 1];
    lines[range.line - 1] = line.slice(0, range.column - 1) + text + line.slice(range.endColumn - 1);
  }
  return lines.join("\n");
}
