"use client";
/**
 * A lesson step on screen: the step's prose (markdown), the editor, Run (Ctrl+Enter runs and checks), the checks
 * with PASS/FAIL, Show solution, Reset step, previous/next and the language switch; stacked on a phone. In
 * presenter mode: a larger font, the prose folded away, the output paced and the trace beside it, sized for a
 * 1024×768 projector. The state lives in the lesson store; this only draws it.
 */
import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { SpellEditor } from "@/components/editor/SpellEditor";
import { OutputConsole } from "@/components/output/OutputConsole";
import { LanguageSwitch } from "@/components/playground/LanguageSwitch";
import { TracePanel } from "@/components/trace/TracePanel";
import { PlayIcon, StopIcon } from "@/components/ui/icons";
import { PRESENTER_PACES } from "@/lib/store/lesson-controller";
import { currentSource, currentStep, isStepPassed, type LessonStore } from "@/lib/store/lesson";
import type { LearnRuntime } from "@/lib/store/learn";
import { CheckList } from "./CheckList";
import { Markdown } from "./Markdown";
import { usePageTheme } from "./use-page-theme";

export interface LearnViewProps {
  store: LessonStore;
  runtime: LearnRuntime;
  /** Open another step (the page changes the URL; the store follows). */
  onNavigate(stepId: string): void;
  /** More controls for the header (sharing a lesson link). */
  actions?: ReactNode;
  /** A line above the step (a lesson link's problem). */
  notice?: ReactNode;
}

export function LearnView({ store, runtime, onNavigate, actions, notice }: LearnViewProps) {
  const lesson = useStore(store, (s) => s.lesson);
  const stepIndex = useStore(store, (s) => s.stepIndex);
  const language = useStore(store, (s) => s.language);
  const source = useStore(store, currentSource);
  const checks = useStore(store, (s) => s.checks);
  const passed = useStore(store, (s) => s.passed);
  const checking = useStore(store, (s) => s.checking);
  const status = useStore(runtime.run, (s) => s.status);
  const lines = useStore(runtime.run, (s) => s.view.lines);
  const view = useStore(runtime.run, (s) => s.view);
  const theme = usePageTheme();
  const [presenter, setPresenter] = useState(false);
  const [pace, setPace] = useState<number>(0.5);
  const [proseOpen, setProseOpen] = useState(false);
  const [tab, setTab] = useState<"console" | "trace">("console");
  const step = currentStep({ lesson, stepIndex });
  const running = status === "running";
  const results = checks && checks.stepId === step.id && checks.language === language ? checks.results : null;
  const stepPassed = isStepPassed({ passed, language }, step.id);
  const prev = lesson.steps[stepIndex - 1];
  const next = lesson.steps[stepIndex + 1];

  useEffect(() => runtime.setPace(presenter ? pace : 0), [runtime, presenter, pace]);

  const run = useCallback(() => void store.getState().runAndCheck(), [store]);
  const stop = useCallback(() => runtime.run.getState().stop(), [runtime]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        run();
      } else if (e.key === "Escape" && runtime.run.getState().status === "running") stop();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [run, stop, runtime]);

  const stepList = (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="sr-only">Step</span>
      <select
        className="input h-8 min-w-0 max-w-[14rem] truncate text-sm"
        value={step.id}
        onChange={(e) => onNavigate(e.target.value)}
        data-testid="step-select"
      >
        {lesson.steps.map((s, i) => (
          <option key={s.id} value={s.id}>
            {isStepPassed({ passed, language }, s.id) ? "✓ " : ""}
            {i + 1}. {s.title}
          </option>
        ))}
      </select>
      <span className="shrink-0 text-xs text-zinc-500 max-sm:hidden dark:text-zinc-400" data-testid="step-count">
        {stepIndex + 1} / {lesson.steps.length}
      </span>
    </label>
  );

  const runButtons = (
    <div className="flex flex-wrap items-center gap-2">
      {running ? (
        <button type="button" className="btn h-8 gap-1.5 px-3" onClick={stop} title="Stop (Esc)">
          <StopIcon className="h-3.5 w-3.5" />
          Stop
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-primary h-8 gap-1.5 px-3"
          onClick={run}
          title="Run and check (Ctrl/Cmd+Enter)"
          data-testid="learn-run"
        >
          <PlayIcon className="h-3.5 w-3.5" />
          Run
        </button>
      )}
      <button type="button" className="btn h-8 px-3" onClick={() => store.getState().resetStep()}>
        Reset step
      </button>
      {step.solution?.[language] !== undefined && (
        <button
          type="button"
          className="btn h-8 px-3"
          onClick={() => store.getState().showSolution()}
          data-testid="show-solution"
        >
          Show solution
        </button>
      )}
      {checking && <span className="text-xs text-zinc-500">Checking…</span>}
    </div>
  );

  const navButtons = (
    <nav className="flex items-center justify-between gap-2" aria-label="Steps">
      <button
        type="button"
        className="btn h-8 px-3"
        disabled={!prev}
        onClick={() => prev && onNavigate(prev.id)}
        data-testid="prev-step"
      >
        ← Previous
      </button>
      {stepPassed && (
        <span className="text-sm font-medium text-emerald-700 dark:text-emerald-300" data-testid="step-passed">
          Step passed
        </span>
      )}
      <button
        type="button"
        className={`btn h-8 px-3 ${stepPassed && next ? "btn-primary" : ""}`}
        disabled={!next}
        onClick={() => next && onNavigate(next.id)}
        data-testid="next-step"
      >
        Next →
      </button>
    </nav>
  );

  const editor = (
    <SpellEditor
      key={`${step.id}:${language}`}
      language={language}
      value={source}
      onChange={(v) => store.getState().edit(v)}
      theme={theme}
      fontSize={presenter ? 20 : undefined}
      ariaLabel={`Spell for step ${stepIndex + 1}: ${step.title}`}
    />
  );

  const output = (
    <div className={`h-full min-h-0 ${presenter ? "[&_*]:text-lg!" : ""}`}>
      <OutputConsole
        lines={lines}
        running={running}
        compact
        emptyHint={<span>Press Run to see the output here.</span>}
      />
    </div>
  );

  if (presenter) {
    return (
      <div
        className="flex h-dvh flex-col bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
        data-testid="presenter"
      >
        <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 dark:border-zinc-800">
          <h1 className="min-w-0 truncate text-lg font-semibold" data-testid="step-title">
            {stepIndex + 1}. {step.title}
          </h1>
          <div className="ml-auto flex items-center gap-2">
            {runButtons}
            <label className="flex items-center gap-1 text-sm">
              Pace
              <select
                className="input h-8 text-sm"
                value={pace}
                onChange={(e) => setPace(Number(e.target.value))}
                data-testid="presenter-pace"
              >
                {PRESENTER_PACES.map((p) => (
                  <option key={p} value={p}>
                    {p}×
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn h-8 px-3" onClick={() => setProseOpen((o) => !o)}>
              {proseOpen ? "Hide task" : "Task"}
            </button>
            <button
              type="button"
              className="btn h-8 px-3"
              onClick={() => setPresenter(false)}
              data-testid="presenter-exit"
            >
              Exit
            </button>
          </div>
        </header>
        {proseOpen && (
          <div className="max-h-48 shrink-0 overflow-auto border-b border-zinc-200 px-4 text-base dark:border-zinc-800">
            <Markdown source={step.prose} />
          </div>
        )}
        <main className="grid min-h-0 flex-1 grid-cols-2">
          <div className="min-h-0 border-r border-zinc-200 dark:border-zinc-800" data-testid="presenter-editor">
            {editor}
          </div>
          <div className="grid min-h-0 grid-rows-[3fr_2fr]" data-testid="presenter-output">
            <div className="min-h-0 border-b border-zinc-200 dark:border-zinc-800">{output}</div>
            <div className="min-h-0 overflow-auto">
              <TracePanel nodes={view.nodes} roots={view.roots} nowMs={view.lastT} running={running} />
            </div>
          </div>
        </main>
        {results && (
          <footer className="max-h-32 shrink-0 overflow-auto border-t border-zinc-200 p-2 dark:border-zinc-800">
            <CheckList results={results} count={step.checks.length} />
          </footer>
        )}
      </div>
    );
  }

  return (
    <div
      className="flex min-h-dvh flex-col bg-zinc-50 text-zinc-900 md:h-dvh dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="learn"
    >
      <header className="flex min-h-12 shrink-0 flex-wrap items-center gap-2 border-b border-zinc-200 bg-white px-3 py-1.5 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="text-sm font-semibold tracking-tight" title="Back to the playground">
          LLMSpell
        </Link>
        <span className="truncate text-sm text-zinc-500 max-sm:hidden dark:text-zinc-400">{lesson.title}</span>
        {stepList}
        <div className="ml-auto flex items-center gap-2">
          {lesson.languages.length > 1 && (
            <LanguageSwitch value={language} onChange={(l) => store.getState().setLanguage(l)} />
          )}
          {actions}
          <button
            type="button"
            className="btn h-8 px-3 max-sm:hidden"
            onClick={() => setPresenter(true)}
            data-testid="presenter-open"
          >
            Present
          </button>
        </div>
      </header>
      {notice}
      <main className="flex min-h-0 flex-1 flex-col md:flex-row">
        <section className="flex min-h-0 flex-col gap-3 overflow-auto border-zinc-200 bg-white p-4 md:w-[38%] md:border-r dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="text-xl font-semibold tracking-tight" data-testid="step-title">
            {step.title}
          </h1>
          <Markdown source={step.prose} className="text-sm" />
          <div className="md:mt-auto">
            <CheckList results={results} count={step.checks.length} />
          </div>
          {navButtons}
        </section>
        <section className="flex min-h-0 flex-1 flex-col">
          <div className="flex shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
            {runButtons}
          </div>
          <div className="h-[45vh] shrink-0 md:h-auto md:min-h-0 md:flex-[3]">{editor}</div>
          <div className="flex h-[35vh] shrink-0 flex-col border-t border-zinc-200 bg-white md:h-auto md:min-h-0 md:flex-[2] dark:border-zinc-800 dark:bg-zinc-950">
            <div
              role="tablist"
              aria-label="Output"
              className="flex shrink-0 gap-1 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800"
            >
              {(["console", "trace"] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  aria-selected={tab === t}
                  className={`rounded px-2 py-0.5 text-xs ${tab === t ? "bg-zinc-200 font-medium dark:bg-zinc-800" : ""}`}
                  onClick={() => setTab(t)}
                >
                  {t === "console" ? "Console" : "Trace"}
                </button>
              ))}
            </div>
            <div className="min-h-0 flex-1 overflow-auto">
              {tab === "console" ? (
                output
              ) : (
                <TracePanel nodes={view.nodes} roots={view.roots} nowMs={view.lastT} running={running} />
              )}
            </div>
          </div>
        </section>
      </main>
    </div>
  );
}
