/**
 * The recorded run the page shows: one opened from a share link (or the last run's, to replay or fork). Opening
 * replays it at once (no waiting, no network) so its output and trace show through the run store as any run's
 * do; Replay plays it again at a chosen speed (0.25× to 4×); a replay of a changed spell stops at the diverging
 * call, and Fork continues live from there (or from any step) on the mock or the real model, recording the fork.
 *
 * The replayed spell is the editor's (so a change shows where it diverges), run with the recording's model
 * settings (its default model, "mock every model") rather than the page's, which are not part of the recording.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ExecutionResult } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import { divergenceOf } from "@/lib/recording/describe";
import type { Recording } from "@/lib/recording/schema";
import type { ReplayFork, RunRequest } from "@/lib/runner/types";
import type { EditorStore } from "./editor";
import type { RunStore } from "./run";
import type { SettingsStore } from "./settings";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";

/** Fastest and slowest replay the page offers (1 = the recorded pace). */
const MIN_SPEED = 0.25;
const MAX_SPEED = 4;

interface RecordedRunState {
  /** The recording shown, or null. */
  recording: Recording | null;
  /** False once the user runs something else: the page then shows that run, not the recording. */
  active: boolean;
  /** Replay speed for the Replay button. */
  speed: number;
  /** Where the last replay stopped, when the spell diverged from the recording. */
  divergence: { step: number; message: string } | null;
  /** The fork the last run made from the recording. */
  forked: ReplayFork | null;
  /** Show `recording` and replay it at once (no waiting, no network). */
  open(recording: Recording): Promise<void>;
  /** Replay the recording with the editor's spell, at `speed` (0: at once). */
  replay(speed?: number): Promise<void>;
  /** Continue live: from the divergence (no `atStep`), or from step `atStep` with the calls before it replayed. */
  fork(live: ReplayFork["live"], atStep?: number): Promise<void>;
  setSpeed(speed: number): void;
  close(): void;
}

export type RecordedRunStore = StoreApi<RecordedRunState>;

type Replay = NonNullable<RunRequest["replay"]>;

/**
 * The request that replays `recording` with `spell` (the editor's, which may have changed since): the recording's
 * model settings, never the page's, and no key (a fork on the real model adds the user's).
 */
export function replayRequest(
  recording: Recording,
  spell: { language: string; source: string; args?: JsonValue },
  replay: Replay,
  stateNamespace: string,
): RunRequest {
  const request: RunRequest = {
    engine: spell.language,
    source: spell.source,
    model: recording.spell.model,
    stateNamespace,
    replay,
  };
  if (recording.spell.mockAll) request.mockAll = true;
  if (recording.spell.modelParams) request.modelParams = recording.spell.modelParams;
  if (spell.args !== undefined && spell.args !== null) request.args = spell.args;
  return request;
}

export function createRecordedRunStore(deps: {
  run: RunStore;
  editor: EditorStore;
  settings: SettingsStore;
}): RecordedRunStore {
  /** The run store's runs this store started (the banner stays while the shown run is one of them). */
  let ownRun = false;

  const requestFor = (recording: Recording, replay: Replay): RunRequest => {
    const e = deps.editor.getState();
    return replayRequest(
      recording,
      { language: e.language, source: e.sources[e.language], args: e.args as JsonValue | undefined },
      replay,
      PLAYGROUND_STATE_NAMESPACE,
    );
  };

  const start = async (request: RunRequest): Promise<ExecutionResult | null> => {
    ownRun = true;
    try {
      return await deps.run.getState().run(request);
    } finally {
      ownRun = false;
    }
  };

  const store = createStore<RecordedRunState>()((set, get) => ({
    recording: null,
    active: false,
    speed: 1,
    divergence: null,
    forked: null,

    async open(recording) {
      set({ recording, active: true, divergence: null, forked: null });
      await get().replay(0);
    },

    async replay(speed = get().speed) {
      const recording = get().recording;
      if (!recording) return;
      set({ active: true, divergence: null, forked: null });
      const result = await start(requestFor(recording, { recording, speed }));
      if (get().recording !== recording) return;
      set({ divergence: result && !result.ok ? (divergenceOf(result.error) ?? null) : null });
    },

    async fork(live, atStep) {
      const recording = get().recording;
      if (!recording) return;
      const fork: ReplayFork = atStep === undefined ? { live } : { live, atStep };
      const request = requestFor(recording, { recording, fork });
      // A fork is a new run: recorded, so it can be shared in turn.
      request.record = true;
      const key = deps.settings.getState().byokKey;
      if (live === "model" && key) request.byokKey = key;
      set({ active: true, divergence: null, forked: fork });
      await start(request);
    },

    setSpeed(speed) {
      if (Number.isFinite(speed)) set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
    },

    close() {
      set({ recording: null, active: false, divergence: null, forked: null });
    },
  }));

  // A run the user starts (Run, a shortcut) replaces the recorded run on screen.
  deps.run.subscribe((s, prev) => {
    if (s.runId !== prev.runId && s.status === "running" && !ownRun && store.getState().active)
      store.setState({ active: false, divergence: null });
  });
  return store;
}

/**
 * The recording the share dialog offers: the last run's (a run, or a fork), else the one the page shows (a
 * replay records nothing new: the recording it replayed is the run).
 */
export function shareableRecordings(lastRun: Recording | null, shown: Recording | null): Recording[] {
  if (lastRun) return [lastRun];
  return shown ? [shown] : [];
}
