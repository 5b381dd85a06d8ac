"use client";
/**
 * Above the output, while the page shows a recorded run (from a share link): "Recorded with <model> on <day>",
 * Replay at a speed (0.25× to 4×), Fork at a step on the mock or the real model, and where a replay diverged.
 * The logic is the recorded-run store's (lib/store/recorded-run.ts).
 */
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { describeRecording, REPLAY_SPEEDS } from "@/lib/recording/describe";
import type { PlaygroundStores } from "@/lib/store/playground";
import { useStore } from "./hooks";
import { OutputPane } from "./OutputPane";

/** The output pane, with the recorded-run bar above it while a recorded run shows. */
export function OutputWithRecording({ stores }: { stores: PlaygroundStores }) {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <RecordedRunBar stores={stores} />
      <div className="min-h-0 flex-1">
        <OutputPane stores={stores} />
      </div>
    </div>
  );
}

function RecordedRunBar({ stores }: { stores: PlaygroundStores }) {
  const { recording, active, speed, divergence, forked } = useStore(
    stores.recorded,
    useShallow((s) => ({
      recording: s.recording,
      active: s.active,
      speed: s.speed,
      divergence: s.divergence,
      forked: s.forked,
    })),
  );
  const running = useStore(stores.run, (s) => s.status === "running");
  const [step, setStep] = useState(1);
  if (!recording || !active) return null;
  const { replay, fork, setSpeed, close } = stores.recorded.getState();
  const steps = Math.max(1, recording.calls.length);

  return (
    <div
      className="flex flex-col gap-1.5 border-b border-violet-200 bg-violet-50 px-3 py-2 text-xs text-violet-950 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-100"
      data-testid="recorded-run"
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong className="font-medium" data-testid="recorded-run-label">
          {describeRecording(recording)}
        </strong>
        <label className="ml-auto flex items-center gap-1">
          Speed
          <select
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            className="rounded border border-violet-300 bg-white px-1 py-0.5 dark:border-violet-700 dark:bg-zinc-900"
            aria-label="Replay speed"
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn h-7" disabled={running} onClick={() => void replay()}>
          Replay
        </button>
        <label className="flex items-center gap-1">
          Fork at step
          <input
            type="number"
            min={1}
            max={steps}
            value={Math.min(step, steps)}
            onChange={(e) => setStep(Math.max(1, Math.min(steps, Math.round(Number(e.target.value)) || 1)))}
            className="w-12 rounded border border-violet-300 bg-white px-1 py-0.5 dark:border-violet-700 dark:bg-zinc-900"
            aria-label="Step to fork at"
          />
        </label>
        <button
          type="button"
          className="btn h-7"
          disabled={running}
          onClick={() => void fork("mock", Math.min(step, steps))}
        >
          Fork on mock
        </button>
        <button
          type="button"
          className="btn h-7"
          disabled={running}
          onClick={() => void fork("model", Math.min(step, steps))}
        >
          Fork on model
        </button>
        <button type="button" className="btn h-7" onClick={close} aria-label="Close the recorded run">
          ×
        </button>
      </div>
      {divergence ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 text-amber-900 dark:text-amber-200">
          <span data-testid="replay-divergence">
            The replay diverged at step {divergence.step}: {divergence.message}
          </span>
          <button type="button" className="btn h-7" disabled={running} onClick={() => void fork("mock")}>
            Fork at step {divergence.step}: continue on the mock
          </button>
          <button type="button" className="btn h-7" disabled={running} onClick={() => void fork("model")}>
            … on the real model
          </button>
        </div>
      ) : null}
      {forked ? (
        <p data-testid="recorded-run-forked">
          Forked{forked.atStep !== undefined ? ` at step ${forked.atStep}` : " where the spell diverged"}: the calls
          after it ran live on {forked.live === "mock" ? "the mock" : "the real model"}.
        </p>
      ) : null}
    </div>
  );
}
