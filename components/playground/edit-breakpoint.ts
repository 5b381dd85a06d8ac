/** Right-click on a breakpoint's glyph: ask for its condition, or a logpoint message (`log: x is {x}`). */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { DebugState } from "@/lib/store/debug";

export function editBreakpoint(state: DebugState, language: SpellLanguage, line: number): void {
  const bp = state.breakpoints[language]?.find((b) => b.line === line);
  const current = bp?.logMessage !== undefined ? `log: ${bp.logMessage}` : (bp?.condition ?? "");
  const answer = window.prompt(
    `Breakpoint on line ${line}: a condition (e.g. i == 3), or "log: message {expr}" for a logpoint. Empty: always stop.`,
    current,
  );
  if (answer === null) return;
  const log = /^log:\s*(.*)$/s.exec(answer.trim());
  state.editBreakpoint(
    language,
    line,
    log ? { logMessage: log[1], condition: "" } : { condition: answer, logMessage: "" },
  );
}
