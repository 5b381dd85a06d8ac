"use client";
/** The output pane: the run's status line and the Console, Trace, Result, State and History tabs. */
import { useState } from "react";
import { DebugPanel } from "@/components/debug/DebugPanel";
import { ProfilePanel } from "@/components/debug/ProfilePanel";
import { useShallow } from "zustand/react/shallow";
import { OutputConsole } from "@/components/output/OutputConsole";
import { ReplPrompt } from "@/components/output/ReplPrompt";
import { RunHistoryPanel } from "@/components/history/RunHistoryPanel";
import { JsonTree } from "@/components/result/JsonTree";
import { StatePanel } from "@/components/state/StatePanel";
import { TraceFileBar } from "@/components/trace/TraceFileBar";
import { TracePanel, formatMs } from "@/components/trace/TracePanel";
import type { PlaygroundStores } from "@/lib/store/playground";
import { fullOutputText, totalCost, traceEventsOf, type RunView } from "@/lib/store/run-view";
import { displayKeys } from "@/lib/store/shortcuts";
import { PLAYGROUND_STATE_NAMESPACE } from "@/lib/store/state-panel";
import { useElapsed, useIsMac, useStore } from "./hooks";
import { OutputTabs, type OutputTab } from "./OutputTabs";
import { describeRunStatus } from "./run-status";
import { useRunHistory } from "./use-run-history";

export function OutputPane({ stores }: { stores: PlaygroundStores }) {
  const { status, view, tokens, startedAt, endedAt, engine, engineError, runId } = useStore(
    stores.run,
    useShallow((s) => ({
      status: s.status,
      view: s.view,
      tokens: s.tokens,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      engine: s.engine,
      engineError: s.engineError,
      runId: s.runId,
    })),
  );
  const language = useStore(stores.editor, (s) => s.language);
  const [tab, setTab] = useState<OutputTab>("console");
  const { paused, profile } = useStore(
    stores.debug,
    useShallow((s) => ({ paused: s.paused, profile: s.profile })),
  );
  // A new pause shows the Debug tab; a new profile the Profile tab (adjusting state when a store value changes).
  const [seen, setSeen] = useState({ paused, profile });
  if (seen.paused !== paused || seen.profile !== profile) {
    setSeen({ paused, profile });
    if (paused && seen.paused !== paused) setTab("debug");
    else if (profile && seen.profile !== profile) setTab("profile");
  }
  const running = status === "running";
  const elapsed = useElapsed(startedAt, endedAt, running);
  const runKeys = displayKeys("Mod+Enter", useIsMac());
  const { clearConsole, showTrace, showPast } = stores.run.getState();
  const history = useRunHistory(stores.run);
  const statusText = describeRunStatus({
    status,
    engine,
    engineError,
    elapsedMs: elapsed,
    runMs: (view.result ?? view.error)?.stats.durationMs,
    tokens,
    costUsd: totalCost(view),
  });

  return (
    <OutputTabs
      tab={tab}
      onTab={setTab}
      counts={{ trace: Object.keys(view.nodes).length }}
      status={
        <span data-testid="run-status" data-status={status}>
          {statusText}
        </span>
      }
      panels={{
        console: (
          <div className="flex h-full min-h-0 flex-col">
            <div className="min-h-0 flex-1">
              <OutputConsole
                lines={view.lines}
                running={running}
                onClear={clearConsole}
                fullText={() => fullOutputText(stores.run.getState().view)}
                onJumpToLine={stores.ui.getState().revealLine}
                emptyHint={
                  <>
                    {/* Keys for a keyboard; a touch screen has only the button. */}
                    <span className="touch-only:hidden">
                      Press <kbd className="kbd">{runKeys}</kbd> or <strong>Run</strong> to cast the spell.
                    </span>
                    <span className="hidden touch-only:inline">
                      Tap <strong>Run</strong> to cast the spell.
                    </span>
                  </>
                }
              />
            </div>
            <ReplPrompt store={stores.repl} language={language} />
          </div>
        ),
        trace: (
          <div className="flex h-full flex-col">
            <TraceFileBar
              events={() => traceEventsOf(stores.run.getState().view)}
              canExport={!running && view.roots.length > 0}
              startedAt={startedAt}
              onImport={showTrace}
            />
            <div className="min-h-0 flex-1 overflow-auto">
              <TracePanel
                nodes={view.nodes}
                roots={view.roots}
                nowMs={running ? elapsed : view.lastT}
                running={running}
              />
            </div>
          </div>
        ),
        result: <ResultPanel view={view} running={running} />,
        state: <StatePanel namespace={PLAYGROUND_STATE_NAMESPACE} refreshKey={runId * 10 + (running ? 0 : 1)} />,
        debug: <DebugPanel debug={stores.debug} language={language} />,
        profile: <ProfilePanel profile={profile} running={running} />,
        history: (
          <RunHistoryPanel
            entries={history.entries}
            problem={history.problem}
            onOpen={(entry) => {
              showPast(entry);
              setTab("console");
            }}
            onReplay={(entry) => {
              if (entry.recording) void stores.recorded.getState().open(entry.recording);
              setTab("console");
            }}
            onClear={() => void history.clear()}
          />
        ),
      }}
    />
  );
}

function ResultPanel({ view, running }: { view: RunView; running: boolean }) {
  if (view.result) {
    const { stats, value } = view.result;
    return (
      <div className="h-full overflow-auto p-3" data-testid="result">
        <StatsLine stats={stats} />
        {value === null || value === undefined ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">The spell returned nothing.</p>
        ) : (
          <JsonTree value={value} label="Returned value" />
        )}
      </div>
    );
  }
  if (view.error) {
    return (
      <div className="h-full overflow-auto p-3" data-testid="result">
        <StatsLine stats={view.error.stats} />
        <p className="text-sm text-red-700 dark:text-red-300">
          The run ended with <strong>{view.error.error.kind}</strong>: {view.error.error.message}
        </p>
      </div>
    );
  }
  return (
    <div className="flex h-full items-center justify-center p-6 text-sm text-zinc-500 dark:text-zinc-400">
      {running ? "Running…" : "The value your spell returns shows here."}
    </div>
  );
}

function StatsLine({ stats }: { stats: { engine: string; durationMs: number; cpuMs?: number; memoryBytes?: number } }) {
  return (
    <p className="mb-2 flex flex-wrap gap-x-4 text-xs text-zinc-500 dark:text-zinc-400">
      <span>engine {stats.engine}</span>
      <span>wall {formatMs(stats.durationMs)}</span>
      {stats.cpuMs !== undefined && <span>cpu {formatMs(stats.cpuMs)}</span>}
      {stats.memoryBytes !== undefined && <span>memory {(stats.memoryBytes / 1024 / 1024).toFixed(1)} MiB</span>}
    </p>
  );
}
