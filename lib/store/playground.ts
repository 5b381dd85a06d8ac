/**
 * The playground page's stores, created once per page on the client, and how a run request is built from them.
 */
import type { RunRequest } from "@/lib/runner/types";
import { createEditorStore, type EditorState, type EditorStore } from "./editor";
import { createCompareStore, type CompareStore } from "./compare";
import { createRecordedRunStore, type RecordedRunStore } from "./recorded-run";
import { createReplStore, PAGE_SESSION_ID, type ReplStore } from "./repl";
import { createRunStore, warmRunStore, type RunStore } from "./run";
import { createSettingsStore, type SettingsState, type SettingsStore } from "./settings";
import { getBrowserStorage } from "./storage";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";
import { createUiStore, type UiStore } from "./ui";
import { createDebugStore, type DebugStore } from "./debug";
import { runArgsOf } from "./spell-params";

export interface PlaygroundStores {
  editor: EditorStore;
  settings: SettingsStore;
  run: RunStore;
  /** The prompt under the console: entries in the session the last run left. */
  repl: ReplStore;
  /** Dialogs, notices and the line to reveal: shared by the page's components, never persisted. */
  ui: UiStore;
  /** The recorded run shown (from a share link): replay and fork. */
  recorded: RecordedRunStore;
  /** One spell run with two models or settings, side by side. */
  compare: CompareStore;
  /** Breakpoints, a debug run's pause, watches and the last profile. */
  debug: DebugStore;
}

let stores: PlaygroundStores | null = null;

/** The page's stores (client only). The run store starts warming its engine worker at once. */
export function getPlaygroundStores(): PlaygroundStores {
  if (stores) return stores;
  const session = getBrowserStorage("session");
  const local = getBrowserStorage("local");
  const createController = async () => {
    const { createBrowserRunController } = await import("@/lib/runner/browser-controller");
    return createBrowserRunController();
  };
  const run = createRunStore({ createController });
  const editor = createEditorStore({ session, local });
  const settings = createSettingsStore({ session, local });
  const repl = createReplStore({
    controller: () => run.getState().controller(),
    settings: () => {
      const { source: _source, ...rest } = buildRunRequest(editor.getState(), settings.getState());
      void _source;
      return rest;
    },
  });
  linkRunToRepl(run, repl);
  stores = {
    editor,
    settings,
    run,
    repl,
    ui: createUiStore(),
    recorded: createRecordedRunStore({ run, editor, settings }),
    // Its own worker, started on the first comparison.
    compare: createCompareStore({ createController, editor, settings }),
    debug: createDebugStore({ run, local }),
  };
  warmRunStore(run);
  return stores;
}

/** When a run in the page's session ends, the prompt continues that session (its globals are the run's). */
export function linkRunToRepl(run: RunStore, repl: ReplStore): () => void {
  return run.subscribe((state, previous) => {
    const request = state.lastRequest;
    if (previous.status === "running" && state.status !== "running" && request?.session?.id === PAGE_SESSION_ID) {
      repl.getState().adoptRun(request);
    }
  });
}

/** The request for running the editor's current spell with the user's settings. */
export function buildRunRequest(
  editor: Pick<EditorState, "language" | "sources" | "args">,
  settings: Pick<SettingsState, "model" | "mockAll" | "byokKey" | "sandbox">,
): RunRequest {
  const request: RunRequest = {
    engine: editor.language,
    source: editor.sources[editor.language],
    model: settings.model,
    mockAll: settings.mockAll,
    sandbox: settings.sandbox,
    stateNamespace: PLAYGROUND_STATE_NAMESPACE,
    // Every run is recorded (lib/recording): the Trace tab exports it, a share link may carry it.
    record: true,
  };
  if (settings.byokKey) request.byokKey = settings.byokKey;
  const args = runArgsOf(editor.language, request.source, editor.args);
  if (args !== undefined) request.args = args;
  return request;
}
