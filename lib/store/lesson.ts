/**
 * The lesson store: which lesson and step a student is on, in which language, the code they typed per step,
 * the last run's check results, and their progress (steps passed, code typed, the last step), saved in
 * localStorage under the lesson's key so a reload keeps it. Running is injected (`runStep`): the page runs through
 * the playground's run controller, tests through a fake.
 */
import * as z from "zod";
import { createStore, type StoreApi } from "zustand/vanilla";
import { SPELL_LANGUAGES, type SpellLanguage } from "@/lib/core/dialect";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import { evaluateChecks, type CheckResult } from "@/lib/lesson/checks";
import type { Lesson, LessonStep } from "@/lib/lesson/schema";
import type { RunRequest } from "@/lib/runner/types";
import { readVersioned, writeVersioned, type StorageLike, type VersionedCodec } from "./storage";

/** Where spells of lessons keep their `State` (apart from the playground's). */
const LESSON_STATE_NAMESPACE = "llmspell-learn";
const PROGRESS_KEY_PREFIX = "llmspell.lesson.";

const languageSchema = z.enum(SPELL_LANGUAGES);
const progressSchema = z.object({
  language: languageSchema,
  step: z.string().optional(),
  /** Step id → the languages in which the step passed every check. */
  passed: z.record(z.string(), z.array(languageSchema)),
  /** Step id → the code typed per language (absent: the step's start). */
  sources: z.record(z.string(), z.object({ lua: z.string().optional(), javascript: z.string().optional() })),
});
type Progress = z.infer<typeof progressSchema>;
const PROGRESS_CODEC: VersionedCodec<Progress> = { version: 1, schema: progressSchema };

/** What one run of a step gave back: the result and every event. */
export interface StepRun {
  result: ExecutionResult;
  events: RunEvent[];
}

export interface LessonState {
  lesson: Lesson;
  stepIndex: number;
  language: SpellLanguage;
  /** Step id → the code typed per language. */
  sources: Progress["sources"];
  passed: Progress["passed"];
  /** The last run's checks, for the step and language they ran on; null before a run. */
  checks: { stepId: string; language: SpellLanguage; results: CheckResult[] } | null;
  /** The last run's outcome, kept so authoring can fill expected values from it. */
  lastRun: (StepRun & { stepId: string; language: SpellLanguage; source: string }) | null;
  checking: boolean;
  goTo(stepId: string): void;
  setLanguage(language: SpellLanguage): void;
  edit(source: string): void;
  /** Put the step's starting spell back in the editor. */
  resetStep(): void;
  /** Put the step's solution in the editor. */
  showSolution(): void;
  /** Run the editor's code and check it; resolves with the results (null when the run did not finish). */
  runAndCheck(): Promise<CheckResult[] | null>;
}

export type LessonStore = StoreApi<LessonState>;

export interface LessonStoreOptions {
  lesson: Lesson;
  /** Progress is saved under `llmspell.lesson.<key>`; no key, no saving. */
  progressKey?: string;
  storage: StorageLike | null;
  runStep(request: RunRequest): Promise<StepRun | null>;
  /** The step to open (an id); otherwise the saved one, otherwise the first. */
  initialStep?: string;
  initialLanguage?: SpellLanguage;
}

/** The step currently open. */
export function currentStep(s: Pick<LessonState, "lesson" | "stepIndex">): LessonStep {
  return s.lesson.steps[s.stepIndex];
}

/** The code in the editor for the open step and language. */
export function currentSource(s: Pick<LessonState, "lesson" | "stepIndex" | "language" | "sources">): string {
  const step = currentStep(s);
  return s.sources[step.id]?.[s.language] ?? step.start[s.language] ?? "";
}

/** True when the open step passed in the open language. */
export function isStepPassed(s: Pick<LessonState, "passed" | "language">, stepId: string): boolean {
  return s.passed[stepId]?.includes(s.language) ?? false;
}

export function createLessonStore(options: LessonStoreOptions): LessonStore {
  const { lesson, storage } = options;
  const key = options.progressKey ? `${PROGRESS_KEY_PREFIX}${options.progressKey}` : null;
  const saved = key ? readVersioned(storage, "local", key, PROGRESS_CODEC) : null;
  const languages = lesson.languages;
  const pickLanguage = (l: SpellLanguage | undefined) => (l && languages.includes(l) ? l : undefined);
  const language = pickLanguage(options.initialLanguage) ?? pickLanguage(saved?.language) ?? languages[0];
  const indexOf = (id: string | undefined) => (id ? lesson.steps.findIndex((s) => s.id === id) : -1);
  const initial = indexOf(options.initialStep);
  const stepIndex = initial >= 0 ? initial : Math.max(0, indexOf(saved?.step));

  const store = createStore<LessonState>()((set, get) => {
    const save = () => {
      if (!key) return;
      const s = get();
      writeVersioned(storage, "local", key, PROGRESS_CODEC, {
        language: s.language,
        step: currentStep(s).id,
        passed: s.passed,
        sources: s.sources,
      });
    };
    const setSource = (source: string | undefined) => {
      const s = get();
      const id = currentStep(s).id;
      const forStep = { ...s.sources[id] };
      if (source === undefined) delete forStep[s.language];
      else forStep[s.language] = source;
      const sources = { ...s.sources, [id]: forStep };
      if (Object.keys(forStep).length === 0) delete sources[id];
      set({ sources });
      save();
    };
    return {
      lesson,
      stepIndex,
      language,
      sources: saved?.sources ?? {},
      passed: saved?.passed ?? {},
      checks: null,
      lastRun: null,
      checking: false,
      goTo(stepId) {
        const i = indexOf(stepId);
        if (i < 0 || i === get().stepIndex) return;
        set({ stepIndex: i, checks: null });
        save();
      },
      setLanguage(next) {
        if (!languages.includes(next) || next === get().language) return;
        set({ language: next, checks: null });
        save();
      },
      edit(source) {
        const step = currentStep(get());
        setSource(source === step.start[get().language] ? undefined : source);
      },
      resetStep() {
        setSource(undefined);
        set({ checks: null });
      },
      showSolution() {
        const s = get();
        const solution = currentStep(s).solution?.[s.language];
        if (solution !== undefined) setSource(solution);
      },
      async runAndCheck() {
        const s = get();
        const step = currentStep(s);
        const source = currentSource(s);
        const request: RunRequest = {
          engine: s.language,
          source,
          model: step.model ?? DEFAULT_MODEL,
          stateNamespace: LESSON_STATE_NAMESPACE,
        };
        if (step.args !== undefined) request.args = step.args as JsonValue;
        set({ checking: true });
        const run = await options.runStep(request);
        set({ checking: false });
        if (!run) return null;
        const results = evaluateChecks(step.checks, { language: s.language, source, ...run });
        const now = get();
        // A step without checks passes when its run succeeds.
        const allPassed = results.length > 0 ? results.every((r) => r.pass) : run.result.ok;
        const had = now.passed[step.id] ?? [];
        const passedFor = allPassed ? [...new Set([...had, s.language])] : had;
        set({
          checks: { stepId: step.id, language: s.language, results },
          lastRun: { ...run, stepId: step.id, language: s.language, source },
          passed: { ...now.passed, [step.id]: passedFor },
        });
        save();
        return results;
      },
    };
  });
  return store;
}
