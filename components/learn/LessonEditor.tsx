"use client";
/**
 * `/lesson/edit`: write a lesson. Steps on the left (add, reorder, remove), the open step's form on the right:
 * title, model, prose with a markdown preview, the starting spell and the solution per language, and its checks
 * (a form per kind; "Use the last run" fills expected values from a run of the solution). Share makes a lesson
 * link (the whole lesson in the URL) and an /embed link per step. The draft lives in the draft store.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { SpellEditor } from "@/components/editor/SpellEditor";
import { CopyField } from "@/components/share/CopyField";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import { CHECK_KINDS, evaluateChecks, type CheckKind, type CheckResult } from "@/lib/lesson/checks";
import { encodeLessonLink } from "@/lib/lesson/link";
import type { RunOutcome } from "@/lib/lesson/outcome";
import { parseLesson } from "@/lib/lesson/schema";
import { encodeShareLink } from "@/lib/share/link";
import { getLearnRuntime } from "@/lib/store/learn";
import { createLessonDraftStore, lessonFromSpell, type LessonDraftStore } from "@/lib/store/lesson-draft";
import { getBrowserStorage } from "@/lib/store/storage";
import { OutputConsole } from "@/components/output/OutputConsole";
import { CheckForm } from "./CheckForm";
import { CheckList } from "./CheckList";
import { Markdown } from "./Markdown";
import { LearnShell } from "./TourPage";
import { usePageTheme } from "./use-page-theme";

const LANGUAGE_NAMES: Record<SpellLanguage, string> = { lua: "Lua", javascript: "JavaScript" };

export function LessonEditorPage() {
  const [store, setStore] = useState<LessonDraftStore | null>(null);
  useEffect(() => {
    // The draft is in localStorage: client only.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client initialisation
    setStore(
      createLessonDraftStore(
        getBrowserStorage("local"),
        lessonFromSpell({ language: "lua", source: 'print("Hello from my lesson")\n' }),
      ),
    );
  }, []);
  if (!store) return <LearnShell />;
  return <LessonEditor store={store} />;
}

function LessonEditor({ store }: { store: LessonDraftStore }) {
  const lesson = useStore(store, (s) => s.lesson);
  const selected = useStore(store, (s) => s.selected);
  const actions = store.getState();
  const step = lesson.steps[selected];
  const theme = usePageTheme();
  const runtime = getLearnRuntime();
  const lines = useStore(runtime.run, (s) => s.view.lines);
  const status = useStore(runtime.run, (s) => s.status);
  const [language, setLanguage] = useState<SpellLanguage>(lesson.languages[0]);
  const [which, setWhich] = useState<"start" | "solution">("solution");
  const [preview, setPreview] = useState(false);
  const [newKind, setNewKind] = useState<CheckKind>("output-contains");
  const [lastRun, setLastRun] = useState<(RunOutcome & { stepId: string }) | null>(null);
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [share, setShare] = useState<{ link?: string; embed?: string; problem?: string } | null>(null);
  const lang = lesson.languages.includes(language) ? language : lesson.languages[0];
  const validity = parseLesson(lesson);

  const runSpell = async () => {
    const source = step[which]?.[lang] ?? "";
    const run = await runtime.runStep({
      engine: lang,
      source,
      model: step.model ?? DEFAULT_MODEL,
      ...(step.args !== undefined ? { args: step.args as JsonValue } : {}),
      stateNamespace: "llmspell-learn",
    });
    if (!run) return;
    const outcome = { language: lang, source, ...run };
    setLastRun({ ...outcome, stepId: step.id });
    const valid = parseLesson({ ...lesson, steps: [step] });
    setResults(valid.ok ? evaluateChecks(valid.lesson.steps[0].checks, outcome) : null);
  };

  const makeLinks = async () => {
    try {
      const fragment = await encodeLessonLink(lesson);
      const origin = window.location.origin;
      const source = step.start[lang] ?? "";
      const embed = await encodeShareLink({
        language: lang,
        source,
        ...(step.model ? { model: step.model } : {}),
        ...(step.args !== undefined ? { args: step.args as JsonValue } : {}),
      });
      setShare({ link: `${origin}/lesson${fragment}`, embed: `${origin}/embed${embed}` });
    } catch (e) {
      setShare({ problem: (e as Error).message });
    }
  };

  return (
    <div
      className="flex min-h-dvh flex-col bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="lesson-editor"
    >
      <header className="flex min-h-12 flex-wrap items-center gap-2 border-b border-zinc-200 bg-white px-3 py-1.5 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="text-sm font-semibold">
          LLMSpell
        </Link>
        <label className="flex min-w-0 items-center gap-2 text-sm">
          <span className="text-zinc-500">Lesson</span>
          <input
            className="input h-8 w-64 min-w-0"
            value={lesson.title}
            onChange={(e) => actions.setTitle(e.target.value)}
            aria-label="Lesson title"
          />
        </label>
        <fieldset className="flex items-center gap-2 text-sm">
          <legend className="sr-only">Languages</legend>
          {(["lua", "javascript"] as const).map((l) => (
            <label key={l} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={lesson.languages.includes(l)}
                onChange={(e) =>
                  actions.setLanguages(
                    e.target.checked ? [...lesson.languages, l] : lesson.languages.filter((x) => x !== l),
                  )
                }
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="btn btn-primary ml-auto h-8 px-3"
          onClick={() => void makeLinks()}
          data-testid="share-lesson"
        >
          Share lesson
        </button>
      </header>
      {!validity.ok && (
        <p
          className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200"
          data-testid="lesson-validity"
        >
          {validity.message}
        </p>
      )}
      {share && (
        <div
          className="space-y-2 border-b border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
          data-testid="share-panel"
        >
          {share.problem ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {share.problem}
            </p>
          ) : (
            <>
              <CopyField
                label="Lesson link (the whole lesson is in the link)"
                value={share.link!}
                testId="lesson-link"
              />
              <CopyField
                label={`Embed step ${selected + 1} (${LANGUAGE_NAMES[lang]}) in a page: an iframe's src`}
                value={share.embed!}
                testId="lesson-embed"
              />
            </>
          )}
        </div>
      )}
      <main className="flex min-h-0 flex-1 flex-col md:flex-row">
        <nav
          className="flex shrink-0 flex-col gap-1 border-zinc-200 bg-white p-2 md:w-56 md:border-r dark:border-zinc-800 dark:bg-zinc-900"
          aria-label="Steps"
        >
          <ol className="flex flex-col gap-1" data-testid="draft-steps">
            {lesson.steps.map((s, i) => (
              <li key={`${i}:${s.id}`} className="flex items-center gap-1">
                <button
                  type="button"
                  className={`min-w-0 flex-1 truncate rounded px-2 py-1 text-left text-sm ${i === selected ? "bg-violet-100 font-medium dark:bg-violet-500/20" : ""}`}
                  onClick={() => actions.select(i)}
                >
                  {i + 1}. {s.title || "(untitled)"}
                </button>
                <button
                  type="button"
                  className="icon-btn h-6 w-6"
                  aria-label={`Move step ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => actions.moveStep(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-btn h-6 w-6"
                  aria-label={`Move step ${i + 1} down`}
                  disabled={i === lesson.steps.length - 1}
                  onClick={() => actions.moveStep(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-btn h-6 w-6"
                  aria-label={`Remove step ${i + 1}`}
                  disabled={lesson.steps.length === 1}
                  onClick={() => actions.removeStep(i)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="btn h-8 px-3" onClick={() => actions.addStep()} data-testid="add-step">
            Add step
          </button>
        </nav>
        <section className="flex min-w-0 flex-1 flex-col gap-3 overflow-auto p-3" data-testid="step-form">
          <div className="grid gap-2 sm:grid-cols-3">
            <label className="flex flex-col gap-1 text-xs">
              Title
              <input
                className="input h-8"
                value={step.title}
                onChange={(e) => actions.updateStep(selected, { title: e.target.value })}
                data-testid="step-title-input"
              />
            </label>
            <label className="flex flex-col gap-1 text-xs">
              Address (/lesson?step=…)
              <input
                className="input h-8 font-mono"
                value={step.id}
                onChange={(e) => actions.updateStep(selected, { id: e.target.value })}
              />
            </label>
            <label className="flex flex-col gap-1 text-xs">
              Model
              <input
                className="input h-8 font-mono"
                value={step.model ?? ""}
                placeholder={DEFAULT_MODEL}
                onChange={(e) => actions.updateStep(selected, { model: e.target.value || undefined })}
              />
            </label>
          </div>
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2 text-xs">
              <span>Prose (markdown)</span>
              <button type="button" className="btn h-6 px-2 text-xs" onClick={() => setPreview((p) => !p)}>
                {preview ? "Edit" : "Preview"}
              </button>
            </div>
            {preview ? (
              <Markdown
                source={step.prose}
                className="min-h-24 rounded-md border border-zinc-200 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
            ) : (
              <textarea
                className="input min-h-24 p-2 font-mono text-sm"
                value={step.prose}
                onChange={(e) => actions.updateStep(selected, { prose: e.target.value })}
                aria-label="Prose (markdown)"
              />
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <div role="radiogroup" aria-label="Spell" className="segmented">
              {(["start", "solution"] as const).map((w) => (
                <button
                  key={w}
                  type="button"
                  role="radio"
                  aria-checked={which === w}
                  className="segmented-item"

                  onClick={() => setWhich(w)}
                >
                  {w === "start" ? "Starting spell" : "Solution"}
                </button>
              ))}
            </div>
            {lesson.languages.length > 1 && (
              <select
                className="input h-8"
                value={lang}
                onChange={(e) => setLanguage(e.target.value as SpellLanguage)}
                aria-label="Language"
              >
                {lesson.languages.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="btn btn-primary h-8 px-3"
              onClick={() => void runSpell()}
              disabled={status === "running"}
              data-testid="draft-run"
            >
              Run {which === "start" ? "the start" : "the solution"}
            </button>
          </div>
          <div className="h-56 shrink-0 overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
            <SpellEditor
              key={`${selected}:${which}:${lang}`}
              language={lang}
              value={step[which]?.[lang] ?? ""}
              onChange={(v) => actions.setSpell(selected, which, lang, v)}
              theme={theme}
              ariaLabel={`${which === "start" ? "Starting spell" : "Solution"} of step ${selected + 1}`}
            />
          </div>
          <div className="h-32 shrink-0 overflow-hidden rounded-md border border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-950">
            <OutputConsole
              lines={lines}
              running={status === "running"}
              compact
              emptyHint={<span>Run the solution to fill checks from it.</span>}
            />
          </div>
          {results && lastRun?.stepId === step.id && <CheckList results={results} count={step.checks.length} />}
          <h2 className="text-sm font-semibold">Checks</h2>
          {step.checks.map((c, i) => (
            <CheckForm
              key={`${selected}:${i}:${c.kind}`}
              check={c}
              lastRun={lastRun?.stepId === step.id ? lastRun : null}
              onChange={(next) => actions.updateCheck(selected, i, next)}
              onRemove={() => actions.removeCheck(selected, i)}
            />
          ))}
          <div className="flex items-center gap-2">
            <select
              className="input h-8"
              value={newKind}
              onChange={(e) => setNewKind(e.target.value as CheckKind)}
              aria-label="Kind of check"
              data-testid="new-check-kind"
            >
              {CHECK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn h-8 px-3"
              onClick={() => actions.addCheck(selected, newKind)}
              data-testid="add-check"
            >
              Add check
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
