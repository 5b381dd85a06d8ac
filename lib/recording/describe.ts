/**
 * A recording in words for the page: which models answered it and when ("Recorded with openai/gpt-4o-mini on
 * Dec 5, 2026"), and the step a replay diverged at, read from its `replay_diverged` error.
 */
import type { SpellErrorData } from "@/lib/core/errors";
import type { Recording } from "./schema";

/** The models the recorded calls went to, in the order first used; the spell's default when it made none. */
export function recordedModels(recording: Recording): string[] {
  const models = [...new Set(recording.calls.map((c) => c.request.model))];
  return models.length > 0 ? models : [recording.spell.model];
}

/** The day the run was recorded, e.g. `Dec 5, 2026` (UTC, so every reader sees the same day). */
function recordedDay(recording: Recording): string {
  const date = new Date(recording.recordedAt);
  if (Number.isNaN(date.getTime())) return recording.recordedAt;
  return date.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

/** `Recorded with <models> on <day>`. */
export function describeRecording(recording: Recording): string {
  return `Recorded with ${recordedModels(recording).join(", ")} on ${recordedDay(recording)}`;
}

/** Where a replay diverged: the step to fork at and the message; undefined for any other error. */
export function divergenceOf(error: SpellErrorData | undefined): { step: number; message: string } | undefined {
  if (!error || error.kind !== "replay_diverged") return undefined;
  const step = error.data?.step;
  return { step: typeof step === "number" && step >= 1 ? step : 1, message: error.message };
}

/** Replay speeds the page offers (1 is the recorded pace). */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
