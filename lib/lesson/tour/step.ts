/** How the tour's steps are written: one object per step with both languages side by side. */
import type { JsonValue } from "@/lib/core/json";
import type { Check } from "../checks";
import type { LessonStep } from "../schema";

interface TourStepSource {
  id: string;
  title: string;
  prose: string;
  lua: { start: string; solution: string };
  javascript: { start: string; solution: string };
  checks: Check[];
  args?: JsonValue;
  model?: string;
}

/** A step of the lesson format from its two languages' start and solution. */
export function tourStep(s: TourStepSource): LessonStep {
  const trim = (t: string) => `${t.trim()}\n`;
  return {
    id: s.id,
    title: s.title,
    prose: s.prose.trim(),
    start: { lua: trim(s.lua.start), javascript: trim(s.javascript.start) },
    solution: { lua: trim(s.lua.solution), javascript: trim(s.javascript.solution) },
    checks: s.checks,
    ...(s.args !== undefined ? { args: s.args } : {}),
    ...(s.model !== undefined ? { model: s.model } : {}),
  };
}
