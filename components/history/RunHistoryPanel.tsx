"use client";
/**
 * The History tab: the last runs of this browser, newest first. Open puts a run back into the panels; ticking
 * two runs compares their outputs as a line diff. Renders what it is given; the history itself is lib/store's.
 */
import { useState } from "react";
import { diffOutputs, type RunHistoryEntry } from "@/lib/store/run-history";

export interface RunHistoryPanelProps {
  entries: RunHistoryEntry[] | null;
  problem?: string;
  onOpen(entry: RunHistoryEntry): void;
  onClear(): void;
}

const STATUS_STYLE: Record<RunHistoryEntry["status"], string> = {
  done: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  cancelled: "text-amber-700 dark:text-amber-400",
};

function formatWhen(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" });
}

export function RunHistoryPanel({ entries, problem, onOpen, onClear }: RunHistoryPanelProps) {
  const [picked, setPicked] = useState<string[]>([]);
  if (problem) return <p className="p-4 text-sm text-red-700 dark:text-red-300">{problem}</p>;
  if (!entries) return <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">Loading the run history…</p>;
  if (entries.length === 0)
    return (
      <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400" data-testid="run-history">
        Your runs show here (the last 20 of this browser), to reopen or compare.
      </p>
    );
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  // The older run is the "before" of the diff.
  const compared = picked
    .map((id) => entries.find((e) => e.id === id))
    .filter((e) => e !== undefined)
    .sort((a, b) => a.at - b.at);
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="run-history">
      <div className="flex items-center gap-3 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <span>Tick two runs to compare their output.</span>
        <button type="button" className="ml-auto underline hover:no-underline" onClick={onClear}>
          Clear history
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-white text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-1.5 font-medium">
                <span className="sr-only">Compare</span>
              </th>
              <th className="px-2 py-1.5 font-medium">When</th>
              <th className="px-2 py-1.5 font-medium">Status</th>
              <th className="px-2 py-1.5 font-medium">Model</th>
              <th className="px-2 py-1.5 text-right font-medium">Time</th>
              <th className="px-2 py-1.5 text-right font-medium">Tokens</th>
              <th className="px-2 py-1.5 text-right font-medium">Cost</th>
              <th className="px-2 py-1.5 font-medium">Code</th>
              <th className="px-2 py-1.5" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-zinc-100 dark:border-zinc-900" data-testid="run-history-row">
                <td className="px-3 py-1">
                  <input
                    type="checkbox"
                    aria-label={`Compare the run of ${formatWhen(e.at)}`}
                    checked={picked.includes(e.id)}
                    onChange={() => toggle(e.id)}
                  />
                </td>
                <td className="whitespace-nowrap px-2 py-1">{formatWhen(e.at)}</td>
                <td className={`px-2 py-1 font-medium ${STATUS_STYLE[e.status]}`}>{e.status}</td>
                <td className="whitespace-nowrap px-2 py-1 font-mono">
                  {e.model}
                  {e.mockAll ? " (mock)" : ""}
                </td>
                <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">{Math.round(e.durationMs)} ms</td>
                <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                  {e.tokens.input + e.tokens.output}
                </td>
                <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                  {e.costUsd !== undefined ? `$${e.costUsd.toFixed(4)}` : "–"}
                </td>
                <td className="px-2 py-1 font-mono" title={`${e.language}, source ${e.sourceHash}`}>
                  {e.language} {e.sourceHash.slice(0, 7)}
                </td>
                <td className="px-2 py-1">
                  <button
                    type="button"
                    className="rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
                    onClick={() => onOpen(e)}
                  >
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {compared.length === 2 && <OutputDiff a={compared[0]} b={compared[1]} />}
      </div>
    </div>
  );
}

function OutputDiff({ a, b }: { a: RunHistoryEntry; b: RunHistoryEntry }) {
  const parts = diffOutputs(a.output, b.output);
  const same = parts.every((p) => p.kind === "same");
  return (
    <section
      className="border-t border-zinc-200 p-3 dark:border-zinc-800"
      aria-label="Output diff"
      data-testid="run-diff"
    >
      <h3 className="mb-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Output of {formatWhen(a.at)} (−) against {formatWhen(b.at)} (+){same ? ": identical" : ""}
      </h3>
      <pre className="overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900" tabIndex={0}>
        {parts.map((p, i) => (
          <span
            key={i}
            className={
              p.kind === "added"
                ? "block bg-emerald-500/15 text-emerald-800 dark:text-emerald-300"
                : p.kind === "removed"
                  ? "block bg-red-500/15 text-red-800 line-through decoration-red-400/50 dark:text-red-300"
                  : "block"
            }
          >
            {p.text
              .replace(/\n$/, "")
              .split("\n")
              .map((l) => `${p.kind === "added" ? "+ " : p.kind === "removed" ? "- " : "  "}${l}`)
              .join("\n")}
          </span>
        ))}
      </pre>
    </section>
  );
}
