"use client";
/**
 * The Problems list under the editor: counts of errors and warnings, and, when opened, one row per
 * diagnostic (line, message, rule) that moves the cursor to its line.
 */
import { useState } from "react";
import type { Diagnostic } from "@/lib/check";

const MARK = { error: "✕", warning: "⚠", info: "ℹ" } as const;
const TONE = {
  error: "text-red-600 dark:text-red-400",
  warning: "text-amber-600 dark:text-amber-400",
  info: "text-sky-600 dark:text-sky-400",
} as const;

export function ProblemsBar({ diagnostics, onPick }: { diagnostics: Diagnostic[]; onPick(line: number): void }) {
  const [open, setOpen] = useState(false);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const infos = diagnostics.length - errors - warnings;
  return (
    <div className="border-t border-zinc-200 text-xs dark:border-zinc-800" data-testid="problems">
      <button
        type="button"
        className="flex w-full items-center gap-3 px-3 py-1 text-left text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="font-medium">Problems</span>
        <span className={errors ? TONE.error : ""} data-testid="problems-errors">
          {MARK.error} {errors}
        </span>
        <span className={warnings ? TONE.warning : ""} data-testid="problems-warnings">
          {MARK.warning} {warnings}
        </span>
        {infos > 0 && (
          <span className={TONE.info}>
            {MARK.info} {infos}
          </span>
        )}
      </button>
      {open && diagnostics.length > 0 && (
        <ul className="max-h-32 overflow-auto pb-1" aria-label="Problems">
          {diagnostics.map((d, i) => (
            <li key={`${d.line}:${d.column}:${d.rule}:${i}`}>
              <button
                type="button"
                className="flex w-full gap-2 px-3 py-0.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-900"
                onClick={() => onPick(d.line)}
              >
                <span className={TONE[d.severity]} aria-label={d.severity}>
                  {MARK[d.severity]}
                </span>
                <span className="text-zinc-500">
                  {d.line}:{d.column}
                </span>
                <span className="flex-1 text-zinc-800 dark:text-zinc-200">{d.message}</span>
                <span className="text-zinc-400">{d.rule}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
