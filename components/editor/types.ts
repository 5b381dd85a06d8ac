/** Props shared by the Monaco editor and its plain textarea fallback. */
import type { Diagnostic } from "@/lib/check";
import type { SpellLanguage } from "@/lib/core/dialect";

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
  /** The models the server offers, so the checker can flag a model string that is none of them. */
  models?: readonly string[];
}
