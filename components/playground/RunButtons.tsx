"use client";
/** Run and Stop, with the running time and live token count. */
import { PlayIcon, StopIcon } from "@/components/ui/icons";
import { formatMs } from "@/components/trace/TracePanel";

export interface RunButtonsProps {
  running: boolean;
  elapsedMs: number;
  tokens: number;
  onRun(): void;
  onStop(): void;
  runKeys: string;
}

export function RunButtons({ running, elapsedMs, tokens, onRun, onStop, runKeys }: RunButtonsProps) {
  return (
    <div className="flex items-center gap-2">
      {running && (
        <span
          className="hidden items-center gap-2 text-xs tabular-nums text-zinc-600 2xl:flex dark:text-zinc-300"
          aria-live="off"
          data-testid="run-meter"
        >
          <span className="h-2 w-2 animate-pulse rounded-full bg-violet-500" aria-hidden="true" />
          {formatMs(elapsedMs)} · {tokens} tok
        </span>
      )}
      <button
        type="button"
        onClick={onRun}
        aria-label="Run"
        className="btn btn-primary h-8 gap-1.5 px-3"
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title={`Run (${runKeys})`}
      >
        <PlayIcon className="h-3.5 w-3.5" />
        <span>Run</span>
        <kbd className="ml-1 hidden rounded bg-violet-900/70 px-1 text-[10px] font-medium text-white 2xl:inline">
          {runKeys}
        </kbd>
      </button>
      <button
        type="button"
        onClick={onStop}
        disabled={!running}
        className="btn h-8 gap-1.5 px-3 enabled:border-red-300 enabled:text-red-700 dark:enabled:border-red-500/40 dark:enabled:text-red-300"
        aria-keyshortcuts="Escape"
        title="Stop (Esc)"
      >
        <StopIcon className="h-3.5 w-3.5" />
        <span className="max-2xl:sr-only">Stop</span>
      </button>
    </div>
  );
}
