import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostic";
import { mergeDiagnostics, toTypeDiagnostics, type TypeScriptDiagnostic } from "./type-check";

const source = "const r = await Agent.bulder();\nprint(r.txt);\nprint(nope);";
function positionAt(offset: number) {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
const at = (text: string, code: number, category = 1, message: TypeScriptDiagnostic["messageText"] = "m") => ({
  start: source.indexOf(text),
  length: text.length,
  code,
  category,
  messageText: message,
});

describe("TypeScript's diagnostics in the checker's shape", () => {
  it("keeps errors and warnings with their range and code, and flattens message chains", () => {
    const got = toTypeDiagnostics(
      [
        at("txt", 2339, 1, {
          messageText: "Property 'txt' does not exist on type 'AgentResult'.",
          next: [{ messageText: "Did you mean 'text'?" }],
        }),
      ],
      positionAt,
    );
    expect(got).toEqual([
      {
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 12,
        severity: "error",
        rule: "type-check",
        message: "Property 'txt' does not exist on type 'AgentResult'. Did you mean 'text'? (TS2339)",
      },
    ]);
  });

  it("drops suggestions, name lookups and the module-body codes the checker answers", () => {
    const got = toTypeDiagnostics(
      [at("nope", 2304), at("nope", 2552), at("await", 1375), at("txt", 80001, 2), at("r", 7043, 3)],
      positionAt,
    );
    expect(got).toEqual([]);
  });

  it("merges: the checker's diagnostic wins where both report the same place", () => {
    const ours: Diagnostic = {
      line: 1,
      column: 23,
      endLine: 1,
      endColumn: 29,
      severity: "error",
      rule: "unknown-member",
      message: "Agent has no function 'bulder'",
    };
    const types = toTypeDiagnostics([at("bulder", 2551), at("txt", 2339)], positionAt);
    const merged = mergeDiagnostics([ours], types);
    expect(merged.map((d) => [d.rule, d.line])).toEqual([
      ["unknown-member", 1],
      ["type-check", 2],
    ]);
  });
});
