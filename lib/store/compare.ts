/**
 * Compare: one spell run twice, with two models or two settings (the default model and ARGS), one after the other
 * on a run controller of its own (the page's run and its output stay as they are). Each side is recorded, so a
 * comparison can be shared with both runs; a shared one opens by replaying both recordings (no network).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { JsonValue } from "@/lib/core/json";
import type { Recording } from "@/lib/recording/schema";
import type { RunController, RunRequest } from "@/lib/runner/types";
import type { CompareSide } from "./compare-view";
import type { EditorStore } from "./editor";
import { replayRequest } from "./recorded-run";
import { applyRunEvent, createRunView } from "./run-view";
import type { SettingsStore } from "./settings";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";

/** What one side runs with: its default model, and its ARGS when they differ from the editor's. */
interface CompareSpec {
  model: string;
  args?: JsonValue;
}

export interface ComparedSide extends CompareSide {
  recording: Recording | null;
}

interface CompareState {
  status: "idle" | "running" | "done";
  /** Which side is running (0 or 1) while `running`. */
  current: number;
  sides: ComparedSide[];
  /** Run the editor's spell with each spec, one after the other. */
  run(left: CompareSpec, right: CompareSpec): Promise<void>;
  /** Show two recorded runs (a shared comparison) by replaying each at once. */
  openRecordings(left: Recording, right: Recording): Promise<void>;
  stop(): void;
}

export type CompareStore = StoreApi<CompareState>;

/** A side's ARGS field: empty means the editor's ARGS; otherwise JSON, or a message saying it is not. */
export function readCompareArgs(text: string): { ok: true; args?: JsonValue } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true };
  try {
    return { ok: true, args: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false, message: `ARGS must be JSON (or empty for the editor's ARGS): ${text.slice(0, 40)}` };
  }
}

function labelOf(model: string, args: JsonValue | undefined, otherArgs: JsonValue | undefined): string {
  const same = JSON.stringify(args ?? null) === JSON.stringify(otherArgs ?? null);
  return same ? model : `${model} · ARGS ${JSON.stringify(args ?? null)}`;
}

export function createCompareStore(deps: {
  createController: () => RunController | Promise<RunController>;
  editor: EditorStore;
  settings: SettingsStore;
}): CompareStore {
  let controller: Promise<RunController> | null = null;
  let generation = 0;
  const getController = () => (controller ??= Promise.resolve(deps.createController()));

  const runSides = async (requests: { label: string; request: RunRequest }[]) => {
    const mine = ++generation;
    store.setState({ status: "running", current: 0, sides: [] });
    const c = await getController();
    const sides: ComparedSide[] = [];
    for (const [i, { label, request }] of requests.entries()) {
      if (generation !== mine) return;
      const view = createRunView({ mockAll: request.mockAll === true });
      const side: ComparedSide = { label, view, result: null, recording: null };
      sides.push(side);
      store.setState({ current: i, sides: [...sides] });
      const result = await c.run(request, (event) => applyRunEvent(view, event));
      if (generation !== mine) return;
      sides[i] = { ...side, result, recording: result.recording ?? request.replay?.recording ?? null };
      store.setState({ sides: [...sides] });
    }
    store.setState({ status: "done" });
  };

  const store = createStore<CompareState>()((_, get) => ({
    status: "idle",
    current: 0,
    sides: [],

    async run(left, right) {
      const e = deps.editor.getState();
      const key = deps.settings.getState().byokKey;
      // Each side's model as chosen: "mock every model" would make any two models the same.
      const side = (spec: CompareSpec, other: CompareSpec) => {
        const request: RunRequest = {
          engine: e.language,
          source: e.sources[e.language],
          model: spec.model,
          stateNamespace: PLAYGROUND_STATE_NAMESPACE,
          record: true,
        };
        if (key) request.byokKey = key;
        // The page's model settings apply to both sides alike.
        const params = deps.settings.getState().modelParams;
        if (Object.values(params).some((v) => v !== undefined)) request.modelParams = params;
        const args = spec.args !== undefined ? spec.args : (e.args as JsonValue | undefined);
        const otherArgs = other.args !== undefined ? other.args : (e.args as JsonValue | undefined);
        if (args !== undefined && args !== null) request.args = args;
        return { label: labelOf(spec.model, args, otherArgs), request };
      };
      await runSides([side(left, right), side(right, left)]);
    },

    async openRecordings(left, right) {
      const e = deps.editor.getState();
      const spell = { language: e.language, source: e.sources[e.language], args: e.args as JsonValue | undefined };
      const side = (r: Recording, other: Recording) => ({
        label: labelOf(r.spell.model, r.spell.args, other.spell.args),
        request: replayRequest(
          r,
          { ...spell, args: r.spell.args },
          { recording: r, speed: 0 },
          PLAYGROUND_STATE_NAMESPACE,
        ),
      });
      await runSides([side(left, right), side(right, left)]);
    },

    stop() {
      if (get().status !== "running") return;
      generation++;
      void controller?.then((c) => c.cancel());
      store.setState({ status: "done" });
    },
  }));
  return store;
}

/** The two recorded runs of a finished comparison (to share it), or none. */
export function comparedRecordings(sides: readonly ComparedSide[]): Recording[] {
  const recordings = sides.flatMap((s) => (s.recording ? [s.recording] : []));
  return recordings.length === 2 ? recordings : [];
}
