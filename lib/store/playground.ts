/**
 * The playground page's stores, created once per page on the client, and how a run request is built from them.
 */
import type { JsonValue } from "@/lib/core/json";
import type { RunRequest } from "@/lib/runner/types";
import { createEditorStore, type EditorState, type EditorStore } from "./editor";
import { createReplStore, PAGE_SESSION_ID, type ReplStore } from "./repl";
import { createRunStore, warmRunStore, type RunStore } from "./run";
import { createSettingsStore, type SettingsState, type SettingsStore } from "./settings";
import { getBrowserStorage } from "./storage";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";
import { createUiStore, type UiStore } from "./ui";

export interface PlaygroundStores {
  editor: EditorStore;
  settings: SettingsStore;
  run: RunStore;
  /** The prompt under the console: entries in the session the last run left. */
  repl: ReplStore;
  /** Dialogs, notices and the line to reveal: shared by the page's components, never persisted. */
  ui: UiStore;
}

let stores: PlaygroundStores | null = null;

/** The page's stores (client only). The run store starts warming its engine worker at once. */
export function getPlaygroundStores(): PlaygroundStores {
  if (stores) return stores;
  const session = getBrowserStorage("session");
  const local = getBrowserStorage("local");
  const run = createRunStore({
    createController: async () => {
      const { createBrowserRunController } = await import("@/lib/runner/browser-controller");
      return createBrowserRunController();
    },
  });
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
  stores = { editor, settings, run, repl, ui: createUiStore() };
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
  settings: Pick<SettingsState, "model" | "mockAll" | "byokKey">,
): RunRequest {
  const request: RunRequest = {
    engine: editor.language,
    source: editor.sources[editor.language],
    model: settings.model,
    mockAll: settings.mockAll,
    stateNamespace: PLAYGROUND_STATE_NAMESPACE,
    // Every run is recorded (lib/recording): the Trace tab exports it, a share link may carry it.
    record: true,
  };
  if (settings.byokKey) request.byokKey = settings.byokKey;
  if (editor.args !== undefined) request.args = editor.args as JsonValue;
  return request;
}
