/**
 * The TypeScript service's semantic diagnostics of a JavaScript spell (checkJs against the generated spell API
 * `.d.ts`, computed by Monaco's TypeScript worker in the page), turned into our diagnostics and merged with the
 * checker's: the checker owns names (unknown globals, with the spell's own globals counted) and the API's
 * members, so TypeScript's reports of those are dropped; what stays is what only types can tell, like
 * `r.txt` on an agent's result or a wrong argument type.
 */
import type { Diagnostic, SourceRange } from "./diagnostic";

/** The part of TypeScript's `Diagnostic` we read (Monaco's worker returns it as plain data). */
export interface TypeScriptDiagnostic {
  start?: number;
  length?: number;
  code: number;
  /** warning = 0, error = 1, suggestion = 2, message = 3 */
  category: number;
  messageText: string | { messageText: string; next?: TypeScriptDiagnostic["messageText"][] };
}

/**
 * Codes the checker answers better, or that do not apply to a spell:
 * names (2304, 2552 and the "did you mean to install" variants), redeclaring an API global in the spell
 * (2300, 2451: a spell may shadow one), top-level await, for await and return (1375, 1378, 1431, 1432, 1108: a
 * spell is a module body).
 */
const DROPPED_CODES = new Set([
  2304, 2552, 2580, 2582, 2583, 2584, 2591, 2593, 2300, 2451, 1375, 1378, 1431, 1432, 1108,
]);

function flatten(text: TypeScriptDiagnostic["messageText"]): string {
  if (typeof text === "string") return text;
  return [text.messageText, ...(text.next ?? []).map(flatten)].join(" ");
}

/** Our diagnostics from TypeScript's, given the editor's offset → position conversion. */
export function toTypeDiagnostics(
  diagnostics: readonly TypeScriptDiagnostic[],
  positionAt: (offset: number) => { line: number; column: number },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if ((d.category !== 0 && d.category !== 1) || DROPPED_CODES.has(d.code) || d.start === undefined) continue;
    const start = positionAt(d.start);
    const end = positionAt(d.start + Math.max(1, d.length ?? 1));
    out.push({
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: d.category === 1 ? "error" : "warning",
      rule: "type-check",
      message: `${flatten(d.messageText)} (TS${d.code})`,
    });
  }
  return out;
}

function overlaps(a: SourceRange, b: SourceRange): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
}

/** The checker's diagnostics plus TypeScript's that do not overlap one of them (the checker's say it better). */
export function mergeDiagnostics(checker: readonly Diagnostic[], types: readonly Diagnostic[]): Diagnostic[] {
  const extra = types.filter((t) => !checker.some((c) => overlaps(c, t)));
  return [...checker, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
}
