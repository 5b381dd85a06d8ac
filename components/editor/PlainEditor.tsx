"use client";
/** A plain textarea editor: for touch devices where Monaco works badly, and as a fallback. */
import { useEffect, useMemo, useRef } from "react";
import type { SpellEditorProps } from "./types";

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
  const lines = useMemo(() => value.split("\n").length, [value]);
  // The worst diagnostic of each line colours its number (the Problems list under the editor says what).
  const flagged = useMemo(() => {
    const worst = new Map<number, "error" | "warning">();
    for (const d of diagnostics ?? [])
      if (d.severity === "error") worst.set(d.line, "error");
      else if (d.severity === "warning" && !worst.has(d.line)) worst.set(d.line, "warning");
    return worst;
  }, [diagnostics]);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const t = area.current;
    if (!t || !focusLine) return;
    const offset = t.value
      .split("\n")
      .slice(0, focusLine.line - 1)
      .reduce((n, l) => n + l.length + 1, 0);
    t.focus();
    t.setSelectionRange(offset, offset);
  }, [focusLine]);
  return (
    <div className="flex h-full w-full overflow-auto font-mono" style={{ fontSize }}>
      <div aria-hidden="true" className="select-none px-2 py-3 text-right text-zinc-400 dark:text-zinc-600">
        {Array.from({ length: lines }, (_, i) => (
          <div
            key={i}
            className={
              errorMarker?.line === i + 1 || flagged.get(i + 1) === "error"
                ? "rounded bg-red-500/20 text-red-600 dark:text-red-400"
                : flagged.get(i + 1) === "warning"
                  ? "rounded bg-amber-500/20 text-amber-700 dark:text-amber-400"
                  : ""
            }
            style={{ lineHeight: 1.5 }}
          >
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={area}
        className="h-full min-h-full flex-1 resize-none bg-transparent py-3 pr-3 outline-none"
        style={{ lineHeight: 1.5, tabSize: 2 }}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={value}
        readOnly={readOnly}
        aria-label={ariaLabel ?? `${language === "lua" ? "Lua" : "JavaScript"} spell`}
        aria-invalid={errorMarker ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {errorMarker && (
        <p className="sr-only" role="status">
          Error on line {errorMarker.line}: {errorMarker.message}
        </p>
      )}
    </div>
  );
}
