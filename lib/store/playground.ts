/**
 * The playground page's stores, created once per page on the client, and how a run request is built from them.
 */
import type { RunRequest } from "@/lib/runner/types";
import { createEditorStore, type EditorState, type EditorStore } from "./editor";
import { createRunStore, warmRunStore, type RunStore } from "./run";
import { createSettingsStore, type SettingsState, type SettingsStore } from "./settings";
import { getBrowserStorage } from "./storage";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";
import { createUiStore, type UiStore } from "./ui";
import { runArgsOf } from "./spell-params";

export interface PlaygroundStores {
  editor: EditorStore;
  settings: SettingsStore;
  run: RunStore;
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
  stores = {
    editor: createEditorStore({ session, local }),
    settings: createSettingsStore({ session, local }),
    run,
    ui: createUiStore(),
  };
  warmRunStore(run);
  return stores;
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
  };
  if (settings.byokKey) request.byokKey = settings.byokKey;
  const args = runArgsOf(editor.language, request.source, editor.args);
  if (args !== undefined) request.args = args;
  return request;
}
