/**
 * The lesson pages' run machinery, created once per page on the client: a run store on the playground's run
 * controller (the browser worker), with every run's events tapped for the checks and paced in presenter mode.
 * Also the tour's lesson store, kept across the tour's step pages.
 */
import type { RunEvent } from "@/lib/core/events";
import type { Lesson } from "@/lib/lesson/schema";
import { TOUR } from "@/lib/lesson/tour";
import type { RunRequest } from "@/lib/runner/types";
import { createLessonStore, type LessonStore, type StepRun } from "./lesson";
import { paceRunEvents, tapRunEvents } from "./lesson-controller";
import { createRunStore, warmRunStore, type RunStore } from "./run";
import { getBrowserStorage } from "./storage";

export interface LearnRuntime {
  run: RunStore;
  runStep(request: RunRequest): Promise<StepRun | null>;
  /** Presenter mode's pace (0.25-1); 0 shows output as it comes. */
  setPace(pace: number): void;
}

let runtime: LearnRuntime | null = null;
let tour: LessonStore | null = null;

export function getLearnRuntime(): LearnRuntime {
  if (runtime) return runtime;
  const tapped = { events: [] as RunEvent[], pace: 0 };
  const run = createRunStore({
    createController: async () => {
      const { createBrowserRunController } = await import("@/lib/runner/browser-controller");
      const tap = tapRunEvents(createBrowserRunController(), (e) => tapped.events.push(e));
      return paceRunEvents(tap, { pace: () => tapped.pace });
    },
  });
  warmRunStore(run);
  runtime = {
    run,
    async runStep(request) {
      // Each run gets its own list: a run stopped by the next one keeps its own events.
      const events: RunEvent[] = [];
      tapped.events = events;
      const result = await run.getState().run(request);
      return result ? { result, events } : null;
    },
    setPace(pace) {
      tapped.pace = pace;
    },
  };
  return runtime;
}

/** The built-in tour's store (progress under `llmspell.lesson.tour`). */
export function getTourStore(): LessonStore {
  tour ??= createLessonStore({
    lesson: TOUR,
    progressKey: "tour",
    storage: getBrowserStorage("local"),
    runStep: (request) => getLearnRuntime().runStep(request),
  });
  return tour;
}

/** A store for a lesson from a link; its progress is kept under a key made from its content. */
export function createSharedLessonStore(lesson: Lesson, initialStep?: string): LessonStore {
  return createLessonStore({
    lesson,
    progressKey: `link-${fingerprint(JSON.stringify(lesson))}`,
    storage: getBrowserStorage("local"),
    runStep: (request) => getLearnRuntime().runStep(request),
    initialStep,
  });
}

/** FNV-1a, 32 bit, as 8 hex digits: a short stable key for a lesson's progress. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
