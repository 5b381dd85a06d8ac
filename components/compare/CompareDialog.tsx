"use client";
/**
 * Compare: run the editor's spell with two models (or two ARGS) side by side: each output, a word diff of the
 * two, tokens, cost and time, and the traces aligned by step; Share opens the share dialog with both recorded
 * runs. What runs and how it is compared lives in lib/store/compare.ts and compare-view.ts.
 */
import { useEffect, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "zustand";
import { Dialog } from "@/components/ui/Dialog";
import { formatMs } from "@/components/trace/TracePanel";
import { FALLBACK_MODELS, fetchModels } from "@/lib/store/models";
import { readCompareArgs, type CompareStore } from "@/lib/store/compare";
import { compareSides, type AlignedStep, type SideSummary, type TraceStep } from "@/lib/store/compare-view";

export interface CompareDialogProps {
  compare: CompareStore;
  /** The page's default model, the left side's starting choice. */
  model: string;
  onClose(): void;
  onShare(): void;
}

export function CompareDialog({ compare, model, onClose, onShare }: CompareDialogProps) {
  const { status, current, sides } = useStore(
    compare,
    useShallow((s) => ({ status: s.status, current: s.current, sides: s.sides })),
  );
  const [models, setModels] = useState<string[]>(() => listModels(FALLBACK_MODELS.providers));
  useEffect(() => {
    const ctl = new AbortController();
    fetchModels(fetch, ctl.signal).then(
      (info) => setModels(listModels(info.providers)),
      () => undefined,
    );
    return () => ctl.abort();
  }, []);
  const [left, setLeft] = useState({ model, args: "" });
  const [right, setRight] = useState({ model: model === "mock/echo" ? "mock/default" : "mock/echo", args: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const running = status === "running";
  const done = status === "done" && sides.length === 2 && sides.every((s) => s.result);
  const comparison = useMemo(() => (done ? compareSides(sides[0], sides[1]) : null), [done, sides]);

  const start = () => {
    const a = readCompareArgs(left.args);
    const b = readCompareArgs(right.args);
    if (!a.ok || !b.ok) {
      setProblem((!a.ok ? a.message : null) ?? (!b.ok ? b.message : ""));
      return;
    }
    setProblem(null);
    void compare.getState().run({ model: left.model, args: a.args }, { model: right.model, args: b.args });
  };

  return (
    <Dialog open onClose={onClose} title="Compare two runs" width="max-w-6xl">
      <div className="flex flex-col gap-4 text-sm" data-testid="compare">
        <datalist id="compare-models">
          {models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <div className="grid gap-3 md:grid-cols-2">
          <SideChoice name="A" value={left} onChange={setLeft} />
          <SideChoice name="B" value={right} onChange={setRight} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className="btn btn-primary h-8" disabled={running} onClick={start}>
            Compare
          </button>
          {running ? (
            <button type="button" className="btn h-8" onClick={() => compare.getState().stop()}>
              Stop
            </button>
          ) : null}
          <button type="button" className="btn h-8" disabled={!done} onClick={onShare}>
            Share comparison…
          </button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite" data-testid="compare-status">
            {running ? `Running ${current === 0 ? "A" : "B"}…` : done ? "Done" : ""}
          </span>
          {problem ? (
            <span role="alert" className="text-xs text-red-700 dark:text-red-300">
              {problem}
            </span>
          ) : null}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Each side runs the editor&apos;s spell with its model as the default (agents that name a model keep it) and is
          recorded, so the comparison can be shared with both runs.
        </p>
        {comparison ? (
          <>
            <div className="grid gap-3 md:grid-cols-2">
              {comparison.sides.map((s, i) => (
                <SideView key={i} side={s} testId={`compare-side-${i === 0 ? "a" : "b"}`} />
              ))}
            </div>
            <section>
              <h3 className="mb-1 text-sm font-medium">Output diff (A → B)</h3>
              <pre
                className="max-h-60 overflow-auto whitespace-pre-wrap rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950"
                data-testid="compare-diff"
              >
                {comparison.outputDiff.map((part, i) =>
                  part.added ? (
                    <ins key={i} className="bg-emerald-100 no-underline dark:bg-emerald-900/50">
                      {part.value}
                    </ins>
                  ) : part.removed ? (
                    <del key={i} className="bg-red-100 dark:bg-red-900/50">
                      {part.value}
                    </del>
                  ) : (
                    <span key={i}>{part.value}</span>
                  ),
                )}
              </pre>
            </section>
            <StepsTable steps={comparison.steps} />
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

function listModels(providers: { models: { id: string }[] }[]): string[] {
  return providers.flatMap((p) => p.models.map((m) => m.id));
}

function SideChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: { model: string; args: string };
  onChange(v: { model: string; args: string }): void;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-xs font-medium">{name}</legend>
      <label className="flex items-center gap-2 text-xs">
        <span className="w-12">Model</span>
        <input
          list="compare-models"
          value={value.model}
          onChange={(e) => onChange({ ...value, model: e.target.value })}
          className="flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          aria-label={`Model ${name}`}
        />
      </label>
      <label className="flex items-center gap-2 text-xs">
        <span className="w-12">ARGS</span>
        <input
          value={value.args}
          placeholder="the editor's ARGS"
          onChange={(e) => onChange({ ...value, args: e.target.value })}
          className="flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          aria-label={`ARGS ${name}`}
        />
      </label>
    </fieldset>
  );
}

function SideView({ side, testId }: { side: SideSummary; testId: string }) {
  return (
    <section
      className="flex min-w-0 flex-col gap-1 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid={testId}
    >
      <h3 className="truncate font-mono text-xs font-medium">{side.label}</h3>
      <p className="flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          tokens {side.tokens.input} in / {side.tokens.output} out
        </span>
        <span>cost {side.costUsd !== undefined ? `$${side.costUsd.toFixed(6)}` : "—"}</span>
        <span>time {side.durationMs !== undefined ? formatMs(side.durationMs) : "—"}</span>
      </p>
      <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded-md bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">
        {side.output || "(no output)"}
      </pre>
      {side.error ? <p className="text-xs text-red-700 dark:text-red-300">{side.error}</p> : null}
    </section>
  );
}

function stepText(s: TraceStep | undefined): string {
  if (!s) return "—";
  const tokens = s.tokens ? ` · ${s.tokens.input}/${s.tokens.output} tok` : "";
  const time = s.durationMs !== undefined ? ` · ${formatMs(s.durationMs)}` : "";
  return `${"  ".repeat(s.depth)}${s.kind} ${s.name}${tokens}${time}`;
}

function StepsTable({ steps }: { steps: AlignedStep[] }) {
  return (
    <section>
      <h3 className="mb-1 text-sm font-medium">Traces, step by step</h3>
      <table className="w-full table-fixed font-mono text-xs" data-testid="compare-steps">
        <thead>
          <tr className="text-left text-zinc-500 dark:text-zinc-400">
            <th className="w-10">#</th>
            <th>A</th>
            <th>B</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((row, i) => (
            <tr key={i} className={row.left && row.right ? "" : "bg-amber-50 dark:bg-amber-900/20"}>
              <td>{i + 1}</td>
              <td className="truncate whitespace-pre">{stepText(row.left)}</td>
              <td className="truncate whitespace-pre">{stepText(row.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
