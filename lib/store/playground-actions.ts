/**
 * What the playground's buttons and shortcuts do, as functions of the stores: components call these and only
 * render state. The browser bits (page origin, clipboard) are passed in, so the tests run them in Node.
 */
import type { ExecutionResult } from "@/lib/core/events";
import { buildCliCommand, type CliCommand } from "./cli-command";
import { buildRunRequest, type PlaygroundStores } from "./playground";
import { PAGE_SESSION_ID } from "./repl";
import { createShareUrl } from "./share-open";
import { displayKeys } from "./shortcuts";
import { formArgs, spellParamsView } from "./spell-params";

/** Run the editor's current spell with these parameter values (the form's Run). */
export function runWithParams(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "run">,
  values: { [name: string]: string },
): Promise<ExecutionResult | null> {
  const editor = stores.editor.getState();
  const { params } = spellParamsView(editor.language, editor.sources[editor.language], undefined);
  editor.setArgs(formArgs(params, values));
  return startRun(stores);
}

/**
 * Run the editor's current spell with the user's settings (a running spell is stopped first), in a fresh page
 * session: the prompt under the console then inspects the run's globals.
 */
export function startRun(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "run">,
): Promise<ExecutionResult | null> {
  const request = buildRunRequest(stores.editor.getState(), stores.settings.getState());
  return stores.run.getState().run({ ...request, session: { id: PAGE_SESSION_ID, mode: "spell", fresh: true } });
}

/**
 * The debugger's F5: continue a paused run, else start a debug run of the current spell (`step`: pause at its
 * first line, F10/F11 before a run).
 */
export function debugOrContinue(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "run" | "debug">,
  opts: { step?: boolean } = {},
): void {
  const debug = stores.debug.getState();
  if (debug.paused) {
    debug.act(opts.step ? "stepOver" : "continue");
    return;
  }
  if (stores.run.getState().status === "running") return;
  const editor = stores.editor.getState();
  void debug.start(buildRunRequest(editor, stores.settings.getState()), editor.language, opts);
}

/** Profile the editor's current spell (the Profile tab shows it when the run ends). */
export function startProfile(stores: Pick<PlaygroundStores, "editor" | "settings" | "debug">): Promise<void> {
  return stores.debug.getState().startProfile(buildRunRequest(stores.editor.getState(), stores.settings.getState()));
}

export interface ClipboardEnv {
  /** The page's origin, e.g. `https://example.org`. */
  origin: string;
  writeText(text: string): Promise<void>;
}

/**
 * Copy a share link of the current spell and say so. When it cannot be copied (no clipboard permission) the
 * share dialog opens instead, to show the link; when the spell cannot be shared (too large) the dialog says why
 * and a notice does too.
 */
export async function copyShareLink(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "ui">,
  env: ClipboardEnv,
): Promise<void> {
  const e = stores.editor.getState();
  const ui = stores.ui.getState();
  try {
    const { model, modelParams } = stores.settings.getState();
    const url = await createShareUrl(
      { language: e.language, source: e.sources[e.language], model, args: e.args, modelParams },
      env.origin,
    );
    await env.writeText(url);
    ui.notify("success", `Share link copied (${url.length} characters).`);
  } catch (err) {
    ui.openDialog("share");
    if (err instanceof Error && /too large|Cannot share/i.test(err.message)) ui.notify("error", err.message);
  }
}

/** The `npx llmspell run` line for the current spell, its ARGS and the user's model, mock switch and preset. */
function cliCommandOf(stores: Pick<PlaygroundStores, "editor" | "settings">): CliCommand {
  const { language, args } = stores.editor.getState();
  const { model, mockAll, sandbox } = stores.settings.getState();
  return buildCliCommand({ language, args, model, mockAll, sandbox });
}

/** Copy the CLI command and say so (the inputs panel shows it too, for when the clipboard is refused). */
export async function copyCliCommand(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "ui">,
  env: Pick<ClipboardEnv, "writeText">,
): Promise<void> {
  const { command, file, skipped } = cliCommandOf(stores);
  const ui = stores.ui.getState();
  try {
    await env.writeText(command);
  } catch {
    ui.notify("error", "The clipboard refused the command: select it in the inputs panel and copy it from there.");
    return;
  }
  const left = skipped.length > 0 ? ` Left out (the CLI takes no "=" or spaces in a name): ${skipped.join(", ")}.` : "";
  ui.notify(skipped.length > 0 ? "warn" : "success", `CLI command copied: save the spell as ${file} to run it.${left}`);
}

/** The part of an example spell that opening it needs (examples/example-type.ts has the whole). */
export interface ExampleToOpen {
  title: string;
  lua: string;
  js: string;
  model?: string;
}

/**
 * Open an example in the current language (the user's spell goes to history), close the examples dialog and say
 * how to run it. An example is written and tested for its model (its printed lines come from that model), so the
 * model switches to it, and the notice says so and names the user's model it replaced: never silently.
 */
export function openExample(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "ui">,
  example: ExampleToOpen,
  isMac: boolean,
): void {
  const editor = stores.editor.getState();
  const language = editor.language;
  editor.openSpell(
    { language, source: language === "lua" ? example.lua : example.js },
    `before opening the example "${example.title}"`,
  );
  const before = stores.settings.getState().model;
  if (example.model) stores.settings.getState().update({ model: example.model });
  const after = stores.settings.getState().model;
  const ui = stores.ui.getState();
  ui.closeDialog();
  const switched = after !== before ? ` Model set to ${after} for this example (was ${before}).` : "";
  ui.notify("info", `Opened "${example.title}".${switched} Press ${displayKeys("Mod+Enter", isMac)} to run it.`);
}
