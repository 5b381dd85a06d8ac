"use client";

import { useEffect, useId, useRef, useState } from "react";
import { copyText } from "./copy-text";

export interface CopyFieldProps {
  label: string;
  value: string;
  /** Extra line under the field (length, hints). */
  hint?: React.ReactNode;
  multiline?: boolean;
  testId?: string;
}

/** A read-only field with a Copy button that says when it copied. */
export function CopyField({ label, value, hint, multiline, testId }: CopyFieldProps) {
  const id = useId();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onCopy() {
    const ok = await copyText(value);
    setStatus(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus("idle"), 2000);
  }

  const fieldClass =
    "w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs text-zinc-800 focus:outline-2 focus:outline-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <div className="flex items-start gap-2">
        {multiline ? (
          <textarea
            id={id}
            readOnly
            value={value}
            rows={3}
            className={`${fieldClass} resize-none`}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input
            id={id}
            readOnly
            value={value}
            className={fieldClass}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <button
          type="button"
          onClick={onCopy}
          aria-label={`Copy ${label.toLowerCase()}`}
          className="shrink-0 rounded-md bg-violet-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500"
        >
          {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : "Copy"}
        </button>
      </div>
      {hint ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</div> : null}
      <span role="status" className="sr-only">
        {status === "copied"
          ? `${label} copied`
          : status === "failed"
            ? `Could not copy the ${label.toLowerCase()}`
            : ""}
      </span>
    </div>
  );
}
