/**
 * The lesson being written (authoring): "New lesson" in the playground turns the current spell into step 1,
 * then the author adds, reorders and edits steps, their prose and checks. The draft is saved in localStorage,
 * checked with the lesson schema on every read (a draft that no longer parses is dropped with a notice).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import * as z from "zod";
import { SPELL_LANGUAGES, type SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import { CHECK_KINDS, type Check, type CheckKind } from "@/lib/lesson/checks";
import { MAX_STEPS, slugify, type Lesson, type LessonStep } from "@/lib/lesson/schema";
import { readVersioned, writeVersioned, type StorageLike, type VersionedCodec } from "./storage";

export const LESSON_DRAFT_KEY = "llmspell.lesson-draft";
/**
 * A draft is kept as typed, even while a field is not valid yet (an empty title, a half-written pattern): its
 * schema checks the structure only; the lesson schema judges it when it is shared.
 */
const spellsSchema = z.object({ lua: z.string().optional(), javascript: z.string().optional() });
const draftSchema = z.object({
  version: z.literal(1),
  title: z.string(),
  languages: z.array(z.enum(SPELL_LANGUAGES)).min(1),
  steps: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        prose: z.string(),
        start: spellsSchema,
        solution: spellsSchema.optional(),
        args: z.json().optional(),
        model: z.string().optional(),
        recording: z.json().optional(),
        checks: z.array(z.looseObject({ kind: z.enum(CHECK_KINDS), message: z.string() })),
      }),
    )
    .min(1),
}) as unknown as z.ZodType<Lesson>;
const DRAFT_CODEC: VersionedCodec<Lesson> = { version: 1, schema: draftSchema };

/** The spell a lesson starts from. */
export interface StartingSpell {
  language: SpellLanguage;
  source: string;
  model?: string;
  args?: JsonValue;
}

/** A lesson of one step made from a spell: the spell is both the step's start and its solution. */
export function lessonFromSpell(spell: StartingSpell): Lesson {
  const step: LessonStep = {
    id: "step-1",
    title: "Step 1",
    prose: "Describe the task here. **Markdown** works.",
    start: { [spell.language]: spell.source },
    solution: { [spell.language]: spell.source },
    checks: [],
    ...(spell.model ? { model: spell.model } : {}),
    ...(spell.args !== undefined && spell.args !== null ? { args: spell.args } : {}),
  };
  return { version: 1, title: "My lesson", languages: [spell.language], steps: [step] };
}

/** Save a new draft made from the spell (what "New lesson" does before opening the editor). */
export function startLessonDraft(storage: StorageLike | null, spell: StartingSpell): boolean {
  return writeVersioned(storage, "local", LESSON_DRAFT_KEY, DRAFT_CODEC, lessonFromSpell(spell));
}

/** A fresh check of a kind, with placeholder values the author replaces. */
export function newCheck(kind: CheckKind): Check {
  const message = "Describe what the run should do.";
  switch (kind) {
    case "output-contains":
    case "source-contains":
    case "source-avoids":
      return { kind, text: "text", message };
    case "output-matches":
      return { kind, pattern: "text", message };
    case "value-equals":
      return { kind, value: null, message };
    case "value-shape":
      return { kind, shape: "any", message };
    case "tool-called":
      return { kind, tool: "calculator", message };
    case "agent-called":
    case "workflow-succeeded":
    case "run-failed":
      return { kind, message };
  }
}

interface LessonDraftState {
  lesson: Lesson;
  selected: number;
  select(index: number): void;
  setTitle(title: string): void;
  setLanguages(languages: SpellLanguage[]): void;
  addStep(): void;
  removeStep(index: number): void;
  moveStep(index: number, by: -1 | 1): void;
  updateStep(index: number, patch: Partial<LessonStep>): void;
  setSpell(index: number, which: "start" | "solution", language: SpellLanguage, source: string): void;
  addCheck(index: number, kind: CheckKind): void;
  updateCheck(index: number, checkIndex: number, check: Check): void;
  removeCheck(index: number, checkIndex: number): void;
}

export type LessonDraftStore = StoreApi<LessonDraftState>;

export function createLessonDraftStore(storage: StorageLike | null, fallback: Lesson): LessonDraftStore {
  const saved = readVersioned(storage, "local", LESSON_DRAFT_KEY, DRAFT_CODEC);
  return createStore<LessonDraftState>()((set, get) => {
    const save = (lesson: Lesson, selected = get().selected) => {
      set({ lesson, selected: Math.max(0, Math.min(selected, lesson.steps.length - 1)) });
      writeVersioned(storage, "local", LESSON_DRAFT_KEY, DRAFT_CODEC, lesson);
    };
    const steps = () => [...get().lesson.steps];
    const withSteps = (next: LessonStep[], selected?: number) => save({ ...get().lesson, steps: next }, selected);
    const patchStep = (index: number, patch: (s: LessonStep) => LessonStep) => {
      const next = steps();
      if (!next[index]) return;
      next[index] = patch(next[index]);
      withSteps(next);
    };
    return {
      lesson: saved ?? fallback,
      selected: 0,
      select: (index) => set({ selected: Math.max(0, Math.min(index, get().lesson.steps.length - 1)) }),
      setTitle: (title) => save({ ...get().lesson, title }),
      setLanguages(languages) {
        if (languages.length === 0) return;
        // A language added later starts every step empty; a removed one keeps its code out of the lesson.
        const next = steps().map((s) => {
          const start = { ...s.start };
          const solution = s.solution ? { ...s.solution } : undefined;
          for (const l of languages) {
            start[l] ??= "";
            if (solution) solution[l] ??= "";
          }
          for (const l of ["lua", "javascript"] as const) {
            if (!languages.includes(l)) {
              delete start[l];
              if (solution) delete solution[l];
            }
          }
          return { ...s, start, ...(solution ? { solution } : {}) };
        });
        save({ ...get().lesson, languages, steps: next });
      },
      addStep() {
        const current = steps();
        if (current.length >= MAX_STEPS) return;
        const ids = new Set(current.map((s) => s.id));
        let n = current.length + 1;
        while (ids.has(`step-${n}`)) n++;
        const empty = Object.fromEntries(get().lesson.languages.map((l) => [l, ""]));
        current.push({
          id: `step-${n}`,
          title: `Step ${n}`,
          prose: "",
          start: { ...empty },
          solution: { ...empty },
          checks: [],
        });
        withSteps(current, current.length - 1);
      },
      removeStep(index) {
        const current = steps();
        if (current.length <= 1 || !current[index]) return;
        current.splice(index, 1);
        withSteps(current, Math.min(get().selected, current.length - 1));
      },
      moveStep(index, by) {
        const current = steps();
        const to = index + by;
        if (!current[index] || !current[to]) return;
        [current[index], current[to]] = [current[to], current[index]];
        withSteps(current, to);
      },
      updateStep(index, patch) {
        patchStep(index, (s) => {
          const next = { ...s, ...patch };
          if (patch.title !== undefined && s.id === slugify(s.title)) next.id = slugify(patch.title);
          return next;
        });
      },
      setSpell(index, which, language, source) {
        patchStep(index, (s) => ({ ...s, [which]: { ...(s[which] ?? {}), [language]: source } }));
      },
      addCheck(index, kind) {
        if (!CHECK_KINDS.includes(kind)) return;
        patchStep(index, (s) => ({ ...s, checks: [...s.checks, newCheck(kind)] }));
      },
      updateCheck(index, checkIndex, check) {
        patchStep(index, (s) => ({ ...s, checks: s.checks.map((c, i) => (i === checkIndex ? check : c)) }));
      },
      removeCheck(index, checkIndex) {
        patchStep(index, (s) => ({ ...s, checks: s.checks.filter((_, i) => i !== checkIndex) }));
      },
    };
  });
}
