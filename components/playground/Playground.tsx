"use client";
/**
 * The playground page: header (language, examples, model, Run/Stop, Share, help, settings, theme), the editor,
 * and the output tabs. The stores are created on the client after hydration; until then a light shell paints.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SpellEditor } from "@/components/editor/SpellEditor";
import { OutputConsole } from "@/components/output/OutputConsole";
import { TracePanel, formatMs } from "@/components/trace/TracePanel";
import { JsonTree } from "@/components/result/JsonTree";
import { StatePanel } from "@/components/state/StatePanel";
import { SplitPane } from "@/components/ui/SplitPane";
import { BookIcon, GearIcon, HelpIcon, ShareIcon } from "@/components/ui/icons";
import type { ExampleSpell } from "@/examples/catalog";
import { buildRunRequest, getPlaygroundStores, type PlaygroundStores } from "@/lib/store/playground";
import { totalCost, type RunView } from "@/lib/store/run-view";
import { createShareUrl } from "@/lib/store/share-open";
import { displayKeys } from "@/lib/store/shortcuts";
import { PLAYGROUND_STATE_NAMESPACE } from "@/lib/store/state-panel";
import { onStorageNotice } from "@/lib/store/storage";
import { useAppliedTheme } from "@/components/ui/use-applied-theme";
import { isMacPlatform, useElapsed, useStore } from "./hooks";
import { LanguageSwitch } from "./LanguageSwitch";
import { ModelPicker } from "./ModelPicker";
import { Notices, type Notice } from "./Notices";
import { OutputTabs, type OutputTab } from "./OutputTabs";
import { PlaygroundShell } from "./PlaygroundShell";
import { RunButtons } from "./RunButtons";
import { ThemeSwitch } from "./ThemeSwitch";
import { describeRunStatus } from "./run-status";
import { useGlobalShortcuts } from "./use-global-shortcuts";
import { useShareLinkFromHash } from "./use-share-link-from-hash";

// Dialogs load on first open: they are not needed to paint, edit or run a spell.
const ExamplesDialog = dynamic(() => import("./ExamplesDialog").then((m) => m.ExamplesDialog), { ssr: false });
const SettingsDialog = dynamic(() => import("./SettingsDialog").then((m) => m.SettingsDialog), { ssr: false });
const HelpDialog = dynamic(() => import("./HelpDialog").then((m) => m.HelpDialog), { ssr: false });
const ShareDialog = dynamic(() => import("@/components/share/ShareDialog").then((m) => m.ShareDialog), { ssr: false });

export function Playground() {
  const [stores, setStores] = useState<PlaygroundStores | null>(null);
  useEffect(() => {
    // Stores read browser storage: create them only on the client, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client initialisation
    setStores(getPlaygroundStores());
  }, []);
  if (!stores) return <PlaygroundShell />;
  return <PlaygroundView stores={stores} />;
}

type Dialogs = "none" | "examples" | "settings" | "help" | "share";

function PlaygroundView({ stores }: { stores: PlaygroundStores }) {
  const { editor, settings, run } = stores;
  const language = useStore(editor, (s) => s.language);
  const source = useStore(editor, (s) => s.sources[s.language]);
  const args = useStore(editor, (s) => s.args);
  const theme = useStore(settings, (s) => s.theme);
  const model = useStore(settings, (s) => s.model);
  const mockAll = useStore(settings, (s) => s.mockAll);
  const fontSize = useStore(settings, (s) => s.fontSize);
  const keybindings = useStore(settings, (s) => s.keybindings);
  const editorKind = useStore(settings, (s) => s.editorKind);
  const status = useStore(run, (s) => s.status);
  const view = useStore(run, (s) => s.view);
  const tokens = useStore(run, (s) => s.tokens);
  const startedAt = useStore(run, (s) => s.startedAt);
  const endedAt = useStore(run, (s) => s.endedAt);
  const engine = useStore(run, (s) => s.engine);
  const engineError = useStore(run, (s) => s.engineError);
  const lastRequest = useStore(run, (s) => s.lastRequest);
  const runId = useStore(run, (s) => s.runId);

  const applied = useAppliedTheme(theme);
  const running = status === "running";
  const elapsed = useElapsed(startedAt, endedAt, running);
  const [tab, setTab] = useState<OutputTab>("console");
  const [dialog, setDialog] = useState<Dialogs>("none");
  const [notices, setNotices] = useState<Notice[]>([]);
  const [focusLine, setFocusLine] = useState<{ line: number; nonce: number } | null>(null);
  const [isMac, setIsMac] = useState(false);
  const noticeId = useRef(0);

  const notify = useCallback((tone: Notice["tone"], text: string, ttlMs = 5000) => {
    const id = ++noticeId.current;
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, tone, text }].slice(-4));
    if (ttlMs > 0) setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), ttlMs);
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- platform is known only on the client
    setIsMac(isMacPlatform());
    return onStorageNotice((n) =>
      notify(n.problem === "corrupt" ? "warn" : "error", n.message, n.problem === "corrupt" ? 8000 : 0),
    );
  }, [notify]);

  useShareLinkFromHash(editor, settings, notify);

  const startRun = useCallback(() => {
    void run.getState().run(buildRunRequest(editor.getState(), settings.getState()));
  }, [run, editor, settings]);
  const stopRun = useCallback(() => run.getState().stop(), [run]);
  const clearConsole = useCallback(() => run.getState().clearConsole(), [run]);

  const copyShareLink = useCallback(async () => {
    const e = editor.getState();
    try {
      const url = await createShareUrl(
        { language: e.language, source: e.sources[e.language], model: settings.getState().model, args: e.args },
        window.location.origin,
      );
      await navigator.clipboard.writeText(url);
      notify("success", `Share link copied (${url.length} characters).`);
    } catch (err) {
      // No clipboard permission (or a spell too large): the dialog shows the link or the reason.
      setDialog("share");
      if (err instanceof Error && /too large|Cannot share/i.test(err.message)) notify("error", err.message);
    }
  }, [editor, settings, notify]);

  useGlobalShortcuts({
    isRunning: () => run.getState().status === "running",
    run: startRun,
    stop: stopRun,
    share: () => void copyShareLink(),
    clear: clearConsole,
    help: () => setDialog("help"),
  });

  const errorMarker = useMemo(() => {
    const err = view.error?.error;
    if (!err || err.line === undefined || err.kind === "cancelled" || lastRequest?.engine !== language) return null;
    return { line: err.line, column: err.column, message: `${err.kind}: ${err.message}` };
  }, [view.error, lastRequest, language]);

  const openExample = (ex: ExampleSpell) => {
    editor
      .getState()
      .openSpell({ language, source: language === "lua" ? ex.lua : ex.js }, `before opening the example "${ex.title}"`);
    if (ex.model) settings.getState().update({ model: ex.model });
    setDialog("none");
    notify("info", `Opened "${ex.title}". Press ${displayKeys("Mod+Enter", isMac)} to run it.`);
  };

  const statusText = describeRunStatus({
    status,
    engine,
    engineError,
    elapsedMs: elapsed,
    tokens,
    costUsd: totalCost(view),
  });

  const runKeys = displayKeys("Mod+Enter", isMac);
  const editorPane = (
    <section className="flex h-full min-h-0 flex-col bg-white dark:bg-[#0b0b0f]" aria-label="Spell editor">
      <div className="flex h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 text-xs text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
        <span className="font-mono text-zinc-700 dark:text-zinc-300">spell.{language === "lua" ? "lua" : "js"}</span>
        {errorMarker && (
          <button
            type="button"
            className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-700 dark:bg-red-500/15 dark:text-red-300"
            onClick={() => setFocusLine({ line: errorMarker.line, nonce: Date.now() })}
          >
            error on line {errorMarker.line}
          </button>
        )}
        <span className="ml-auto hidden sm:inline">Saved in this browser</span>
      </div>
      <div className="min-h-0 flex-1">
        <SpellEditor
          language={language}
          value={source}
          onChange={(v) => editor.getState().setSource(language, v)}
          errorMarker={errorMarker}
          fontSize={fontSize}
          theme={applied}
          vim={keybindings === "vim"}
          editorKind={editorKind}
          focusLine={focusLine}
        />
      </div>
    </section>
  );

  const outputPane = (
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
          <OutputConsole
            lines={view.lines}
            running={running}
            onClear={clearConsole}
            onJumpToLine={(line) => setFocusLine({ line, nonce: Date.now() })}
            emptyHint={
              <span>
                Press <kbd className="kbd">{runKeys}</kbd> or <strong>Run</strong> to cast the spell.
              </span>
            }
          />
        ),
        trace: (
          <TracePanel nodes={view.nodes} roots={view.roots} nowMs={running ? elapsed : view.lastT} running={running} />
        ),
        result: <ResultPanel view={view} running={running} />,
        state: <StatePanel namespace={PLAYGROUND_STATE_NAMESPACE} refreshKey={runId * 10 + (running ? 0 : 1)} />,
      }}
    />
  );

  const currentSpell = { language, source, model, ...(args !== undefined ? { args: args as never } : {}) };

  return (
    <div
      className="flex h-dvh flex-col bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="playground"
      data-theme-applied={applied}
    >
      <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white/90 px-3 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
        <h1 className="flex items-center gap-2 text-sm font-semibold tracking-tight">
          <Logo />
          <span>
            LLMSpell <span className="font-normal text-zinc-500 dark:text-zinc-400">Playground</span>
          </span>
        </h1>
        <LanguageSwitch value={language} onChange={(l) => editor.getState().setLanguage(l)} />
        <button type="button" className="btn h-8 gap-1.5" onClick={() => setDialog("examples")}>
          <BookIcon />
          Examples
        </button>
        <div className="order-last flex w-full items-center gap-2 sm:order-none sm:w-auto">
          <ModelPicker
            model={model}
            mockAll={mockAll}
            onModel={(m) => settings.getState().update({ model: m })}
            onMockAll={(on) => settings.getState().update({ mockAll: on })}
          />
        </div>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          <RunButtons
            running={running}
            elapsedMs={elapsed}
            tokens={tokens.input + tokens.output + tokens.live}
            onRun={startRun}
            onStop={stopRun}
            runKeys={runKeys}
          />
          <span className="mx-1 hidden h-5 w-px bg-zinc-200 sm:block dark:bg-zinc-700" aria-hidden="true" />
          <button
            type="button"
            className="icon-btn"
            onClick={() => setDialog("share")}
            aria-label="Share"
            title={`Share (${displayKeys("Mod+S", isMac)} copies a link)`}
          >
            <ShareIcon />
          </button>
          <button
            type="button"
            className="icon-btn"
            onClick={() => setDialog("help")}
            aria-label="Help and shortcuts"
            title="Help and shortcuts"
          >
            <HelpIcon />
          </button>
          <button
            type="button"
            className="icon-btn"
            onClick={() => setDialog("settings")}
            aria-label="Settings"
            title="Settings"
          >
            <GearIcon />
          </button>
          <ThemeSwitch value={theme} onChange={(t) => settings.getState().update({ theme: t })} />
        </div>
      </header>
      <main className="flex min-h-0 flex-1">
        <SplitPane
          first={editorPane}
          second={outputPane}
          storageKey="llmspell.split"
          label="Resize editor and output"
        />
      </main>
      {dialog === "examples" && (
        <ExamplesDialog open onClose={() => setDialog("none")} language={language} onOpen={openExample} />
      )}
      {dialog === "settings" && (
        <SettingsDialog open onClose={() => setDialog("none")} settings={settings} editor={editor} />
      )}
      {dialog === "help" && <HelpDialog open onClose={() => setDialog("none")} isMac={isMac} />}
      {dialog === "share" && <ShareDialog open onClose={() => setDialog("none")} spell={currentSpell} />}
      <Notices notices={notices} onDismiss={(id) => setNotices((l) => l.filter((n) => n.id !== id))} />
    </div>
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

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="llmspell-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8b5cf6" />
          <stop offset="1" stopColor="#d946ef" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#llmspell-logo)" />
      <path
        d="M9 22l9-12M18 10l1.2-3M18 10l3 1.2M12 9l.6 1.6M22 17l1.6.6M10 15l-1.6-.6"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
