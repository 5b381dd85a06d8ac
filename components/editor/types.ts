/** Props shared by the Monaco editor and its plain textarea fallback. */
import type { Diagnostic } from "@/lib/check";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { Breakpoint } from "@/lib/core/debug";

/** The debugger's view in the editor (Monaco only): breakpoints in the glyph margin, the paused line, hovers. */
export interface EditorDebugProps {
  breakpoints: Breakpoint[];
  /** The line a debug run is paused at, highlighted. */
  currentLine: number | null;
  /** A click in the glyph margin. */
  onToggle(line: number): void;
  /** A right-click in the glyph margin: edit the line's condition or logpoint. */
  onEdit(line: number): void;
  /** The value of a name under the mouse while paused (null: no hover). */
  hover(expression: string): Promise<string | null>;
}

interface ErrorMarker {
  /** 1-based line */
  line: number;
  /** 1-based column, when known */
  column?: number;
  message: string;
}

export interface SpellEditorProps {
  language: SpellLanguage;
  value: string;
  onChange(value: string): void;
  readOnly?: boolean;
  /** The last run's error, shown as a marker on its line. */
  errorMarker?: ErrorMarker | null;
  /** CSS height; default fills the parent. */
  height?: string | number;
  fontSize?: number;
  theme?: "light" | "dark";
  /** Vim keybindings (Monaco only). */
  vim?: boolean;
  /** "plain" forces the textarea; "auto" uses it on touch-only devices. */
  editorKind?: "auto" | "monaco" | "plain";
  /** Move the cursor to this line and focus the editor (a new `nonce` repeats the jump). */
  focusLine?: { line: number; nonce: number } | null;
  /** Accessible name of the editing area. */
  ariaLabel?: string;
  /** Check the spell as it is typed (markers, quick fixes, the Problems list). Default on. */
  check?: boolean;
  /** The checker's diagnostics, drawn by the editor (SpellEditor computes them). */
  diagnostics?: Diagnostic[];
  /** Breakpoints, the paused line and hovers of the debugger. */
  debug?: EditorDebugProps;
  /** The models the server offers, so the checker can flag a model string that is none of them. */
  models?: readonly string[];
}
