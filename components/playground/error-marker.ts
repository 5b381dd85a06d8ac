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
 * The marker for the last run's error: none when the error has no line, when the run was stopped, or when the
 * editor now shows the other language (the line would point into a different spell).
 */
export function errorMarkerFor(
  error: SpellErrorData | undefined,
  ranLanguage: string | undefined,
  shownLanguage: SpellLanguage,
): ErrorMarker | null {
  if (!error || error.line === undefined || error.kind === "cancelled" || ranLanguage !== shownLanguage) return null;
  return { line: error.line, column: error.column, message: `${error.kind}: ${error.message}` };
}
