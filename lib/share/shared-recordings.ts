/**
 * Recorded runs in a share: which recording the share dialog may include (one of the spell as it is now), and
 * reading the recordings a link or a short link carries, each through `parseRecording`. A recording that cannot
 * be read is left out with a message naming what is wrong; the spell itself always opens.
 */
import type { JsonValue } from "@/lib/core/json";
import { parseRecording, type Recording } from "@/lib/recording/schema";
import { findRecordingsSizeProblem, type SharedSpell } from "./shared-spell";

/** The recordings a share carried, read; `problem` says why some (then all) were left out. */
export interface SharedRecordings {
  recordings: Recording[];
  problem?: string;
}

/**
 * Is `recording` a run of this very spell (language and source, and args unless `anyArgs`: the two sides of a
 * comparison may differ in them), so a link may carry both?
 */
function isRecordingOf(
  recording: Recording,
  spell: Pick<SharedSpell, "language" | "source" | "args">,
  anyArgs: boolean,
): boolean {
  return (
    recording.spell.engine === spell.language &&
    recording.spell.source === spell.source &&
    (anyArgs || JSON.stringify(recording.spell.args ?? null) === JSON.stringify(spell.args ?? null))
  );
}

/**
 * Why the share dialog cannot include these recordings (none, of another version of the spell, too large), or
 * undefined when it can.
 */
export function whyNotShareable(
  recordings: readonly Recording[],
  spell: Pick<SharedSpell, "language" | "source" | "args">,
): string | undefined {
  if (recordings.length === 0) return "Run the spell first: there is no recorded run to include.";
  if (!recordings.every((r) => isRecordingOf(r, spell, recordings.length > 1)))
    return "The last run was of another version of this spell (the source or its args changed since): run it again to include it.";
  const size = findRecordingsSizeProblem(recordings);
  return size ? `Cannot include the recorded run: ${size}. Share the spell without it.` : undefined;
}

/** The spell with its recordings attached (for a link or a short link). */
export function withRecordings(spell: SharedSpell, recordings: readonly Recording[]): SharedSpell {
  if (recordings.length === 0) return spell;
  return { ...spell, recordings: recordings as unknown as JsonValue[] };
}

/** Read the recordings a share carries: all of them, or none with a message saying what is wrong. */
export function readSharedRecordings(spell: Pick<SharedSpell, "recordings">): SharedRecordings {
  const raw = spell.recordings ?? [];
  if (raw.length === 0) return { recordings: [] };
  const what = raw.length === 1 ? "The link's recorded run" : "The link's recorded runs";
  const size = findRecordingsSizeProblem(raw);
  if (size) return { recordings: [], problem: `${what} could not be opened: ${size}. The spell opened without it.` };
  const recordings: Recording[] = [];
  for (const [i, value] of raw.entries()) {
    const parsed = parseRecording(value);
    if (!parsed.ok) {
      const which = raw.length === 1 ? "" : ` (${i + 1} of ${raw.length})`;
      return {
        recordings: [],
        problem: `${what}${which} could not be read: ${parsed.message}. The spell opened without it.`,
      };
    }
    recordings.push(parsed.recording);
  }
  return { recordings };
}
