/** Where the editor marks the last run's error, as a pure function of the run's state (tested beside it). */
import type { SpellErrorData } from "@/lib/core/errors";
import type { SpellLanguage } from "@/lib/core/dialect";

export interface ErrorMarker {
  /** 1-based line */
  line: number;
  column?: number;
  message: string;
}

/**
 * The marker for the last run's error: none when the error has no line, when the run was stopped, when the
 * editor now shows the other language, or when the code changed since the run (the line would point into a
 * different spell).
 */
export function errorMarkerFor(
  error: SpellErrorData | undefined,
  ran: { engine: string; source: string } | undefined,
  shown: { language: SpellLanguage; source: string },
): ErrorMarker | null {
  if (!error || error.line === undefined || error.kind === "cancelled") return null;
  if (ran?.engine !== shown.language || ran.source !== shown.source) return null;
  return { line: error.line, column: error.column, message: `${error.kind}: ${error.message}` };
}
