"use client";
/**
 * A plain textarea editor: for touch devices where Monaco works badly, and as a fallback.
 *
 * Line numbers stay right with wrapping and scrolling: each source line is drawn twice in one grid row, as its
 * number and as an invisible mirror of its text that wraps exactly as the textarea does (same font, width and
 * wrapping rules), so a row is as tall as the line's wrapped text. The textarea lies over the mirror column, as
 * tall as the grid (it never scrolls itself); the one scroller around the grid moves numbers and text together.
 * A marked line (the last run's error, the checker's worst diagnostic) tints its whole row.
 */
import { useEffect, useMemo, useRef } from "react";
import type { SpellEditorProps } from "./types";

/** Both the textarea and the mirror: identical text layout is what keeps the rows aligned. */
const TEXT_STYLE = {
  lineHeight: 1.5,
  tabSize: 2,
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  wordBreak: "normal",
  letterSpacing: "normal",
} as const;

export function PlainEditor({
  value,
  onChange,
  readOnly,
  errorMarker,
  fontSize = 14,
  ariaLabel,
  language,
  focusLine,
  diagnostics,
}: SpellEditorProps) {
  const lines = useMemo(() => value.split("\n"), [value]);
  // The worst diagnostic of each line colours its row (the Problems list under the editor says what).
  const flagged = useMemo(() => {
    const worst = new Map<number, "error" | "warning">();
    for (const d of diagnostics ?? [])
      if (d.severity === "error") worst.set(d.line, "error");
      else if (d.severity === "warning" && !worst.has(d.line)) worst.set(d.line, "warning");
    if (errorMarker) worst.set(errorMarker.line, "error");
    return worst;
  }, [diagnostics, errorMarker]);
  const area = useRef<HTMLTextAreaElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const t = area.current;
    if (!t || !focusLine) return;
    const offset = t.value
      .split("\n")
      .slice(0, focusLine.line - 1)
      .reduce((n, l) => n + l.length + 1, 0);
    t.focus({ preventScroll: true });
    t.setSelectionRange(offset, offset);
    grid.current
      ?.querySelector(`[data-line-number="${focusLine.line}"]`)
      ?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [focusLine]);
  const tint = (line: number) =>
    flagged.get(line) === "error" ? "bg-red-500/15" : flagged.get(line) === "warning" ? "bg-amber-500/15" : "";
  return (
    <div className="h-full w-full overflow-auto font-mono" style={{ fontSize }} data-testid="plain-editor">
      <div
        ref={grid}
        className="relative grid min-h-full py-3"
        // One row per line, then a row that takes the rest of the height (a tap below the text still edits).
        style={{
          gridTemplateColumns: "auto minmax(0, 1fr)",
          gridTemplateRows: `repeat(${lines.length}, min-content) 1fr`,
        }}
      >
        {lines.map((text, i) => (
          <div key={i} className="contents">
            <div
              aria-hidden="true"
              data-line-number={i + 1}
              data-marked={flagged.get(i + 1) ?? undefined}
              className={`select-none px-2 text-right text-zinc-400 dark:text-zinc-600 ${
                flagged.get(i + 1) === "error"
                  ? "bg-red-500/20 font-semibold text-red-600 dark:text-red-400"
                  : flagged.get(i + 1) === "warning"
                    ? "bg-amber-500/20 text-amber-700 dark:text-amber-400"
                    : ""
              }`}
              style={{ lineHeight: 1.5, gridColumn: 1 }}
            >
              {i + 1}
            </div>
            <div
              aria-hidden="true"
              className={`pr-3 text-transparent ${tint(i + 1)}`}
              style={{ ...TEXT_STYLE, gridColumn: 2 }}
            >
              {/* An empty line still takes one line's height. */}
              {text === "" ? " " : text}
            </div>
          </div>
        ))}
        <textarea
          ref={area}
          className="absolute inset-0 resize-none overflow-hidden border-0 bg-transparent p-0 pr-3 outline-none"
          style={{ font: "inherit", ...TEXT_STYLE, gridColumn: 2, gridRow: "1 / -1" }}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="soft"
          value={value}
          readOnly={readOnly}
          aria-label={ariaLabel ?? `${language === "lua" ? "Lua" : "JavaScript"} spell`}
          aria-invalid={errorMarker ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {errorMarker && (
        <p className="sr-only" role="status">
          Error on line {errorMarker.line}: {errorMarker.message}
        </p>
      )}
    </div>
  );
}
