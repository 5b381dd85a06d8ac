/**
 * What the checker says about a spell: one diagnostic type for both languages, the editor's markers, the
 * Problems list and `llmspell check`. Positions are 1-based; the end is exclusive (the column just after).
 */

export type DiagnosticSeverity = "error" | "warning" | "info";

export const CHECK_RULES = [
  "syntax",
  "unknown-global",
  "unknown-member",
  "dot-call",
  "unknown-tool",
  "unknown-operation",
  "missing-param",
  "unknown-model",
  "missing-await",
  "unused-local",
  "unreachable",
  "endless-loop",
  "huge-repeat",
  // In the page only: TypeScript's semantic checks of a JavaScript spell (type-check.ts), not checkSpell's.
  "type-check",
] as const;

export type CheckRule = (typeof CHECK_RULES)[number];

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A quick fix: replace each range with its text. */
interface DiagnosticFix {
  title: string;
  edits: { range: SourceRange; text: string }[];
}

export interface Diagnostic extends SourceRange {
  severity: DiagnosticSeverity;
  rule: CheckRule;
  message: string;
  fix?: DiagnosticFix;
}
