"use client";
/**
 * `/embed`: a minimal playground for an iframe. It reads the spell from the URL (`#v1/...` or `?s=<id>`) and
 * the options from the query (`autorun`, `theme`, `readonly`, `editor`, `height`, `sandbox`), and offers Run/Stop, the
 * editor (optional, or read-only) and the console. A bad link shows a message and leaves a working editor.
 * A spell shared with its recorded run shows that run's output at once (a replay: no network, no key), marked
 * "Recorded with <model> on <day>", with Replay.
 */
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import { spellModelLabel, type ModelLabel } from "@/lib/store/run-models";
import { useAppliedTheme } from "@/components/ui/use-applied-theme";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { SpellEditor } from "@/components/editor/SpellEditor";
import { OutputConsole } from "@/components/output/OutputConsole";
import { PlayIcon, StopIcon } from "@/components/ui/icons";
import type { RunRequest } from "@/lib/runner/types";
import { embedSandbox, parseEmbedParams, type EmbedOptions } from "@/lib/share/embed";
import { describeSharedSpell } from "@/lib/share/share-card";
import { loadEmbedSpell } from "@/lib/share/embed-load";
import { encodeShareLink, type SharedSpell } from "@/lib/share/link";
import { createRunStore, warmRunStore, type RunStore } from "@/lib/store/run";
import { readStoredSandbox } from "@/lib/store/settings";
import { getBrowserStorage } from "@/lib/store/storage";
import { describeRecording } from "@/lib/recording/describe";
import { readSharedRecordings } from "@/lib/share/shared-recordings";
import { replayRequest } from "@/lib/store/recorded-run";

/** State written by embedded spells lives apart from the playground's own. */
const EMBED_STATE_NAMESPACE = "llmspell-embed";

const MODEL_LABEL_TITLE: Record<ModelLabel["from"], string> = {
  run: "The models that answered in the last run",
  source: "The models this spell names",
  default: "The model agents use when they name none",
};

type Loaded =
  | { status: "loading" }
  | { status: "ready"; spell: SharedSpell; problems: string[] }
  | { status: "failed"; message: string; problems: string[] };

const EMPTY_SPELL: SharedSpell = {
  language: "lua",
  source: '-- Write a spell here and press Run.\nprint("Hello from an embedded spell")\n',
};

function useEmbedOptions(): { options: EmbedOptions; problems: string[] } | null {
  const search = useSyncExternalStore(
    () => () => undefined,
    () => window.location.search,
    () => null,
  );
  return useMemo(() => (search === null ? null : parseEmbedParams(search)), [search]);
}

export function EmbedPlayground() {
  const parsed = useEmbedOptions();
  if (!parsed) return <EmbedShell />;
  return <EmbedView options={parsed.options} optionProblems={parsed.problems} />;
}

function EmbedShell() {
  return (
    <div className="flex h-full flex-col" aria-busy="true">
      <div className="h-10 border-b border-zinc-200 dark:border-zinc-800" />
      <div className="flex-1 animate-pulse bg-zinc-50 dark:bg-zinc-900" />
    </div>
  );
}

function EmbedView({ options, optionProblems }: { options: EmbedOptions; optionProblems: string[] }) {
  const theme = useAppliedTheme(options.theme);
  // ?sandbox= may ask for a tighter preset than this browser's Settings, never a looser one.
  const sandboxChoice = useMemo(
    () => embedSandbox(readStoredSandbox(getBrowserStorage("local")), options.sandbox),
    [options.sandbox],
  );
  const sandbox = sandboxChoice.sandbox;

  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [edited, setEdited] = useState<string | null>(null);
  const [runStore] = useState<RunStore>(() =>
    createRunStore({
      createController: async () => {
        const { createBrowserRunController } = await import("@/lib/runner/browser-controller");
        return createBrowserRunController();
      },
    }),
  );
  useEffect(() => {
    warmRunStore(runStore);
    return () => runStore.getState().dispose();
  }, [runStore]);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const result = await loadEmbedSpell(window.location, options.shortId);
      if (cancelled) return;
      setEdited(null);
      setLoaded(
        result.ok
          ? { status: "ready", spell: result.spell, problems: optionProblems }
          : { status: "failed", message: result.message, problems: optionProblems },
      );
    };
    void load();
    window.addEventListener("hashchange", load);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", load);
    };
  }, [options.shortId, optionProblems]);

  const spell = loaded.status === "ready" ? loaded.spell : EMPTY_SPELL;
  const source = edited ?? spell.source;
  const shared = useMemo(() => readSharedRecordings(spell), [spell]);
  const recording = shared.recordings[0];
  const status = useStore(runStore, (s) => s.status);
  const lines = useStore(runStore, (s) => s.view.lines);
  const nodes = useStore(runStore, (s) => s.view.nodes);
  const modelLabel = useMemo(
    () => spellModelLabel({ nodes }, source, spell.model ?? DEFAULT_MODEL),
    [nodes, source, spell.model],
  );
  const engine = useStore(runStore, (s) => s.engine);
  const running = status === "running";

  const run = useCallback(() => {
    const request: RunRequest = {
      engine: spell.language,
      source,
      model: spell.model ?? DEFAULT_MODEL,
      sandbox,
      stateNamespace: EMBED_STATE_NAMESPACE,
    };
    if (spell.args !== undefined) request.args = spell.args;
    // The settings it was shared with, for agents that set none (the embed has no settings of its own).
    if (spell.modelParams) request.modelParams = spell.modelParams;
    void runStore.getState().run(request);
  }, [runStore, spell, source, sandbox]);
  const stop = useCallback(() => runStore.getState().stop(), [runStore]);
  const replay = useCallback(
    (speed: number) => {
      if (!recording) return;
      const request = replayRequest(recording, { ...spell, source }, { recording, speed }, EMBED_STATE_NAMESPACE);
      void runStore.getState().run(request);
    },
    [runStore, spell, source, recording],
  );

  // A recorded run shows at once: replayed with no waiting.
  const shown = useRef<unknown>(null);
  useEffect(() => {
    if (!recording || shown.current === recording) return;
    shown.current = recording;
    replay(0);
  }, [recording, replay]);

  // ?autorun: run once, as soon as the spell is loaded (a recorded run is shown instead).
  const autoran = useRef(false);
  useEffect(() => {
    if (!options.autorun || autoran.current || loaded.status !== "ready" || recording) return;
    autoran.current = true;
    run();
  }, [options.autorun, loaded.status, run, recording]);

  // Ctrl/Cmd+Enter runs, Esc stops, inside the frame.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        run();
      } else if (e.key === "Escape" && runStore.getState().status === "running") {
        stop();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [run, stop, runStore]);

  const openInPlayground = async () => {
    try {
      const fragment = await encodeShareLink({ ...spell, source });
      window.open(`${window.location.origin}/${fragment}`, "_blank", "noopener");
    } catch {
      window.open(`${window.location.origin}/`, "_blank", "noopener");
    }
  };

  const problems =
    loaded.status === "loading"
      ? []
      : sandboxChoice.problem
        ? [...loaded.problems, sandboxChoice.problem]
        : loaded.problems;
  const editorHeight = options.height ?? 240;
  const statusText =
    status === "running"
      ? "Running…"
      : status === "done"
        ? "Done"
        : status === "failed"
          ? "Failed"
          : status === "cancelled"
            ? "Stopped"
            : engine === "warming"
              ? "Starting…"
              : engine === "failed"
                ? "Engine failed"
                : "Ready";

  return (
    <div
      className="flex h-full min-h-0 flex-col bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="embed"
      data-theme={theme}
    >
      <header className="flex h-10 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <h1 className="sr-only">{loaded.status === "ready" ? describeSharedSpell(spell).title : "Embedded spell"}</h1>
        <button
          type="button"
          onClick={run}
          className="btn btn-primary h-7 gap-1.5 px-3"
          title="Run (Ctrl/Cmd+Enter)"
          disabled={loaded.status === "loading"}
        >
          <PlayIcon className="h-3.5 w-3.5" />
          Run
        </button>
        <button type="button" onClick={stop} disabled={!running} className="btn h-7 gap-1.5 px-3" title="Stop (Esc)">
          <StopIcon className="h-3.5 w-3.5" />
          Stop
        </button>
        <span
          className="shrink-0 whitespace-nowrap text-xs text-zinc-500 dark:text-zinc-400"
          aria-live="polite"
          data-testid="embed-status"
        >
          {statusText}
        </span>
        <span
          // One line whatever the frame's width: a narrow frame cuts it with an ellipsis, and the title has it whole.
          className="ml-auto min-w-0 truncate whitespace-nowrap rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          data-testid="embed-badge"
          title={`${spell.language === "lua" ? "Lua" : "JavaScript"} · ${modelLabel.text}: ${MODEL_LABEL_TITLE[modelLabel.from]}`}
        >
          {spell.language === "lua" ? "Lua" : "JavaScript"}
          {` · ${modelLabel.text}`}
          {sandbox !== "standard" ? <span data-testid="embed-sandbox">{` · ${sandbox}`}</span> : null}
        </span>
        <button
          type="button"
          onClick={openInPlayground}
          className="link shrink-0 whitespace-nowrap text-xs"
          title="Open this spell in the full playground (new tab)"
          aria-label="Open in playground"
        >
          {/* A phone-wide frame has room for one short word. */}
          <span className="max-sm:hidden">Open in playground ↗</span>
          <span className="sm:hidden">Open ↗</span>
        </button>
      </header>

      {loaded.status === "failed" ? (
        <p
          role="alert"
          className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200"
          data-testid="embed-problem"
        >
          {loaded.message} You can still write and run a spell below.
        </p>
      ) : null}
      {recording ? (
        <p
          className="flex items-center gap-2 border-b border-violet-200 bg-violet-50 px-3 py-1.5 text-xs text-violet-950 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-100"
          data-testid="embed-recorded"
        >
          {describeRecording(recording)}
          <button type="button" className="btn ml-auto h-6" disabled={running} onClick={() => replay(1)}>
            Replay
          </button>
        </p>
      ) : null}
      {shared.problem ? (
        <p className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200">
          {shared.problem}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <p className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200">
          Ignored: {problems.join("; ")}.
        </p>
      ) : null}

      {options.showEditor || loaded.status === "failed" ? (
        <div className="shrink-0 border-b border-zinc-200 dark:border-zinc-800" style={{ height: editorHeight }}>
          {loaded.status === "loading" ? (
            <div className="h-full animate-pulse bg-zinc-50 dark:bg-zinc-900" />
          ) : (
            <SpellEditor
              key={`${spell.language}:${spell.source.length}:${loaded.status}`}
              language={spell.language}
              value={source}
              onChange={setEdited}
              readOnly={options.readonly && loaded.status === "ready"}
              theme={theme}
              height={editorHeight}
              ariaLabel={options.readonly ? "Spell source (read-only)" : "Spell source"}
            />
          )}
        </div>
      ) : null}

      <div className="min-h-24 flex-1">
        <OutputConsole lines={lines} running={running} compact emptyHint={<span>Press Run to run this spell.</span>} />
      </div>
    </div>
  );
}
