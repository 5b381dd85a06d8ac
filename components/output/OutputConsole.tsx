"use client";
/**
 * The console: streamed output with levels, a level and text filter, clear, copy and download. Model text streams
 * into one growing line per call. Errors show kind, message and a clickable line.
 *
 * Only the rows in view (and a few around them) are in the DOM (@tanstack/react-virtual, rows measured as they
 * render, since lines wrap and stream blocks are taller): a flood of prints costs a frame a few dozen rows, not
 * thousands. The run store already coalesces events into one update per animation frame.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { ConsoleLine } from "@/lib/store/run-view";
import { consoleText } from "@/lib/store/run-view";
import { CopyIcon, DownloadIcon, TrashIcon } from "@/components/ui/icons";

export interface OutputConsoleProps {
  lines: ConsoleLine[];
  running?: boolean;
  onClear?(): void;
  /** Clicking an error's line number moves the editor there. */
  onJumpToLine?(line: number): void;
  /** Shown when there is nothing yet. */
  emptyHint?: React.ReactNode;
  /** Hide the toolbar (embeds). */
  compact?: boolean;
  /** The whole output as text, dropped lines included ("Download output" saves it as a .txt file). */
  fullText?(): string;
}

/** A one-line row's height (13 px text, leading-relaxed); rows are measured once rendered. */
const ESTIMATED_ROW_PX = 21;
/** Rows rendered beyond the visible ones, each way (smooth scrolling, and short outputs render whole). */
const OVERSCAN_ROWS = 20;
/** Within this distance of the bottom, the console follows new output. */
const STICK_PX = 24;

type LevelFilter = "all" | "errors" | "warnings";

export function OutputConsole({
  lines,
  running,
  onClear,
  onJumpToLine,
  emptyHint,
  compact,
  fullText,
}: OutputConsoleProps) {
  const [filter, setFilter] = useState("");
  const [level, setLevel] = useState<LevelFilter>("all");
  const [copied, setCopied] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return lines.filter((l) => {
      if (level === "errors" && !(l.kind === "error" || (l.kind === "log" && l.level === "error"))) return false;
      if (
        level === "warnings" &&
        !(
          l.kind === "error" ||
          (l.kind === "log" && (l.level === "error" || l.level === "warn")) ||
          (l.kind === "system" && l.level === "warn")
        )
      )
        return false;
      if (!q) return true;
      return consoleText([l]).toLowerCase().includes(q);
    });
  }, [lines, filter, level]);

  // The dropped-lines note stays in view above the rows (a virtualized list would scroll it out of the DOM).
  const dropped = shown[0]?.kind === "system" && shown[0].note === "dropped" ? shown[0] : null;
  const listed = useMemo(() => (dropped ? shown.slice(1) : shown), [shown, dropped]);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: listed.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: useCallback((index: number) => listed[index].id, [listed]),
    overscan: OVERSCAN_ROWS,
    // Scrolling re-renders in React's own batch, not synchronously inside each scroll event.
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();

  // Follow the output while the user is at the bottom (after every render: new lines, or rows measured taller).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current && el.scrollHeight - el.scrollTop - el.clientHeight > 1) el.scrollTop = el.scrollHeight;
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(consoleText(shown));
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    } catch {
      setCopied(false);
    }
  };

  const download = () => {
    if (!fullText) return;
    const url = URL.createObjectURL(new Blob([fullText()], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "llmspell-output.txt";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      {!compact && (
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
          <label className="sr-only" htmlFor="console-filter">
            Filter console output
          </label>
          <input
            id="console-filter"
            type="search"
            placeholder="Filter output"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="input h-7 w-24 min-w-0 flex-1 text-xs sm:max-w-48"
          />
          <label className="sr-only" htmlFor="console-level">
            Show levels
          </label>
          <select
            id="console-level"
            value={level}
            onChange={(e) => setLevel(e.target.value as LevelFilter)}
            className="input h-7 text-xs"
          >
            <option value="all">All levels</option>
            <option value="warnings">Warnings and errors</option>
            <option value="errors">Errors only</option>
          </select>
          <div className="ml-auto flex items-center gap-1">
            <button
              type="button"
              className="icon-btn"
              onClick={copy}
              aria-label="Copy console output"
              title="Copy output"
            >
              <CopyIcon />
              <span className="sr-only" aria-live="polite">
                {copied ? "Copied" : ""}
              </span>
            </button>
            {fullText && (
              <button
                type="button"
                className="icon-btn"
                onClick={download}
                disabled={lines.length === 0}
                aria-label="Download output"
                title="Download output (every line, up to the output cap)"
              >
                <DownloadIcon />
              </button>
            )}
            {onClear && (
              <button
                type="button"
                className="icon-btn"
                onClick={onClear}
                aria-label="Clear console"
                title="Clear console (Ctrl/Cmd+K)"
              >
                <TrashIcon />
              </button>
            )}
          </div>
        </div>
      )}
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
        }}
        className="min-h-0 flex-1 overflow-auto px-3 font-mono text-[13px] leading-relaxed"
        role="log"
        aria-label="Console output"
        aria-live="polite"
        // A scrollable region the keyboard can reach (arrows and Page keys scroll it).
        tabIndex={0}
        data-testid="console"
      >
        {shown.length === 0 ? (
          <div className="py-6 text-center font-sans text-sm text-zinc-500 dark:text-zinc-400">
            {lines.length > 0 ? "No lines match the filter." : (emptyHint ?? "Output appears here.")}
          </div>
        ) : (
          <>
            {dropped && (
              <div className="sticky top-0 z-10 -mx-3 border-b border-zinc-200 bg-white px-3 py-1 dark:border-zinc-800 dark:bg-zinc-950">
                <Line line={dropped} onJumpToLine={onJumpToLine} />
              </div>
            )}
            <div className="relative my-2 w-full" style={{ height: virtualizer.getTotalSize() }}>
              <div
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}
              >
                {rows.map((row) => (
                  // flow-root: a row's own margins count in its measured height.
                  <div
                    key={row.key}
                    data-index={row.index}
                    data-row=""
                    ref={virtualizer.measureElement}
                    className="flow-root"
                  >
                    <Line line={listed[row.index]} onJumpToLine={onJumpToLine} />
                  </div>
                ))}
              </div>
            </div>
          </>
        )}
        {running && (
          <span className="mb-2 inline-block h-4 w-2 animate-pulse bg-violet-500 align-middle" aria-hidden="true" />
        )}
      </div>
    </div>
  );
}

const LEVEL_STYLE: Record<string, string> = {
  debug: "text-zinc-500 dark:text-zinc-400",
  info: "text-sky-700 dark:text-sky-300",
  log: "",
  warn: "bg-amber-50 text-amber-800 dark:bg-amber-500/10 dark:text-amber-200",
  error: "bg-red-50 text-red-700 dark:bg-red-500/10 dark:text-red-300",
};

const Line = memo(function Line({ line, onJumpToLine }: { line: ConsoleLine; onJumpToLine?: (n: number) => void }) {
  switch (line.kind) {
    case "log":
      return (
        <div
          className={`whitespace-pre-wrap break-words rounded px-1 ${LEVEL_STYLE[line.level]}`}
          data-level={line.level}
        >
          {line.level !== "log" && (
            <span className="mr-2 select-none text-[11px] font-semibold uppercase">{line.level}</span>
          )}
          {line.text}
        </div>
      );
    case "stream":
      return (
        <div
          className="my-1 rounded-md border-l-2 border-violet-400 bg-violet-50/60 px-2 py-1 dark:bg-violet-500/10"
          data-testid="stream-line"
          data-done={line.done}
        >
          <div className="mb-0.5 font-sans text-[11px] font-medium text-violet-700 dark:text-violet-300">
            {line.label}
          </div>
          <div className="whitespace-pre-wrap break-words">
            {line.text}
            {!line.done && (
              <span
                className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-violet-500 align-middle"
                aria-hidden="true"
              />
            )}
          </div>
        </div>
      );
    case "error":
      return (
        <div
          className="my-1 rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200"
          role="alert"
          data-testid="error-line"
        >
          <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 font-sans text-[11px] font-semibold text-white">
            {line.error.kind}
          </span>
          <span className="whitespace-pre-wrap break-words">{line.error.message}</span>
          {line.error.line !== undefined &&
            (onJumpToLine ? (
              <button
                type="button"
                className="ml-2 underline decoration-dotted underline-offset-2 hover:text-red-600"
                onClick={() => onJumpToLine(line.error.line!)}
              >
                line {line.error.line}
              </button>
            ) : (
              <span className="ml-2">line {line.error.line}</span>
            ))}
          {line.error.stack && <pre className="mt-1 whitespace-pre-wrap text-xs opacity-80">{line.error.stack}</pre>}
        </div>
      );
    case "system":
      return (
        <div
          className={`px-1 font-sans text-xs italic ${line.level === "warn" ? "text-amber-700 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}`}
          data-testid={line.note === "dropped" ? "dropped-note" : undefined}
        >
          {line.text}
        </div>
      );
  }
});
