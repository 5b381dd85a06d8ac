import { describe, expect, it } from "vitest";
import type { ExecutionResult } from "@/lib/core/events";
import type { RunController, RunRequest } from "@/lib/runner/types";
import { decodeShareLink } from "@/lib/share/link";
import { createEditorStore } from "./editor";
import { copyCliCommand, copyShareLink, openExample, runWithParams, startRun } from "./playground-actions";
import { spellParamsView } from "./spell-params";
import { createRunStore } from "./run";
import { PAGE_SESSION_ID } from "./repl";
import { PLAYGROUND_STATE_NAMESPACE } from "./state-panel";
import { createSettingsStore } from "./settings";
import { createFakeStorage } from "./test-storage";
import { createUiStore } from "./ui";

function stores() {
  const requests: RunRequest[] = [];
  const result: ExecutionResult = { ok: true, value: 1, logs: [], stats: { engine: "lua", durationMs: 1 } };
  const controller: RunController = {
    ready: Promise.resolve(),
    run: async (request) => {
      requests.push(request);
      return result;
    },
    cancel() {},
    dispose() {},
  };
  return {
    editor: createEditorStore({ session: createFakeStorage(), local: createFakeStorage() }),
    settings: createSettingsStore({ session: createFakeStorage(), local: createFakeStorage() }),
    run: createRunStore({ createController: () => controller, schedule: (flush) => flush() }),
    ui: createUiStore({ setTimer: () => undefined }),
    requests,
  };
}

const ORIGIN = "http://127.0.0.1:3000";

describe("playground actions", () => {
  it("runs the current language's spell with the model, the mock switch, the key and the args", async () => {
    const s = stores();
    s.editor.getState().setLanguage("javascript");
    s.editor.getState().setSource("javascript", "console.log(1)");
    s.editor.getState().openSpell({ language: "javascript", source: "console.log(2)", args: { n: 2 } }, "test");
    s.settings.getState().update({ model: "mock/echo", mockAll: true });
    s.settings.getState().setByokKey("sk-test");
    await startRun(s);
    expect(s.requests).toEqual([
      {
        engine: "javascript",
        source: "console.log(2)",
        model: "mock/echo",
        mockAll: true,
        sandbox: "standard",
        byokKey: "sk-test",
        args: { n: 2 },
        stateNamespace: PLAYGROUND_STATE_NAMESPACE,
        record: true,
        // A fresh page session: the prompt under the console inspects the run's globals afterwards.
        session: { id: PAGE_SESSION_ID, mode: "spell", fresh: true },
      },
    ]);
    expect(s.run.getState().status).toBe("done");
  });

  it("runs under the sandbox preset chosen in Settings, from the next run on", async () => {
    const s = stores();
    await startRun(s);
    s.settings.getState().update({ sandbox: "strict" });
    await startRun(s);
    expect(s.requests.map((r) => r.sandbox)).toEqual(["standard", "strict"]);
  });

  it("runs a spell with its parameters: the form's values, defaults for the rest", async () => {
    const s = stores();
    const source =
      '-- param: topic (string) = "cats": Topic\n-- param: n (integer) = 2: Count\n-- param: loud? (boolean): Shout\nprint(ARGS.topic)';
    s.editor.getState().setSource("lua", source);
    expect(spellParamsView("lua", source, undefined)).toMatchObject({
      values: { topic: "cats", n: "2", loud: "" },
      errors: [],
    });
    expect(spellParamsView("lua", source, { n: "two" }).errors).toEqual([
      'parameter n (integer) must be a whole number, got "two"',
    ]);
    await runWithParams(s, { topic: "dogs", n: "", loud: "true" });
    await startRun(s);
    expect(s.requests.map((r) => r.args)).toEqual([
      { topic: "dogs", loud: "true", n: "2" },
      { topic: "dogs", loud: "true", n: "2" },
    ]);
  });

  it("copies a share link that opens the current spell, and says how long it is", async () => {
    const s = stores();
    s.editor.getState().setSource("lua", 'print("share me")');
    s.settings.getState().update({ model: "mock/echo" });
    const copied: string[] = [];
    await copyShareLink(s, { origin: ORIGIN, writeText: async (t) => void copied.push(t) });
    expect(copied).toHaveLength(1);
    expect(copied[0].startsWith(`${ORIGIN}/#v1/lua/`)).toBe(true);
    const spell = await decodeShareLink(copied[0].slice(ORIGIN.length + 1));
    expect(spell).toMatchObject({ language: "lua", source: 'print("share me")', model: "mock/echo" });
    expect(s.ui.getState().notices.map((n) => [n.tone, n.text])).toEqual([
      ["success", `Share link copied (${copied[0].length} characters).`],
    ]);
    expect(s.ui.getState().dialog).toBeNull();
  });

  it("copies a link that carries the model settings (format v3) when some are set", async () => {
    const s = stores();
    s.editor.getState().setSource("lua", 'print("share me")');
    s.settings.getState().setModelParams({ temperature: 0.2, seed: 7 });
    const copied: string[] = [];
    await copyShareLink(s, { origin: ORIGIN, writeText: async (t) => void copied.push(t) });
    expect(copied[0].startsWith(`${ORIGIN}/#v3/lua/`)).toBe(true);
    const spell = await decodeShareLink(copied[0].slice(ORIGIN.length + 1));
    expect(spell.modelParams).toEqual({ temperature: 0.2, seed: 7 });
  });

  it("opens the share dialog when the clipboard refuses, with no error notice", async () => {
    const s = stores();
    await copyShareLink(s, {
      origin: ORIGIN,
      writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
    });
    expect(s.ui.getState().dialog).toBe("share");
    expect(s.ui.getState().notices).toEqual([]);
  });

  it("opens the share dialog and says why when the spell is too large to share", async () => {
    const s = stores();
    // Within the editor's character limit, over the link's byte limit.
    s.editor.getState().setSource("lua", "é".repeat(40_000));
    const copied: string[] = [];
    await copyShareLink(s, { origin: ORIGIN, writeText: async (t) => void copied.push(t) });
    expect(copied).toEqual([]);
    expect(s.ui.getState().dialog).toBe("share");
    const [notice] = s.ui.getState().notices;
    expect(notice.tone).toBe("error");
    expect(notice.text).toMatch(/^Cannot share this spell/);
  });

  it("opens an example in the current language, keeps the user's spell in history and uses its model", () => {
    const s = stores();
    s.editor.getState().setLanguage("javascript");
    s.editor.getState().setSource("javascript", 'console.log("mine")');
    s.ui.getState().openDialog("examples");
    openExample(s, { title: "Hello", lua: 'print("hi")', js: 'console.log("hi")', model: "mock/echo" }, false);
    const e = s.editor.getState();
    expect(e.language).toBe("javascript");
    expect(e.sources.javascript).toBe('console.log("hi")');
    expect(e.history[0]).toMatchObject({ source: 'console.log("mine")', reason: 'before opening the example "Hello"' });
    expect(s.settings.getState().model).toBe("mock/echo");
    expect(s.ui.getState().dialog).toBeNull();
    expect(s.ui.getState().notices.map((n) => n.text)).toEqual([
      'Opened "Hello". Model set to mock/echo for this example (was mock/default). Press Ctrl+Enter to run it.',
    ]);
  });

  it("keeps the model when the example names none, and names the Mac keys on a Mac", () => {
    const s = stores();
    s.settings.getState().update({ model: "mock/echo" });
    openExample(s, { title: "Plain", lua: 'print("plain")', js: "" }, true);
    expect(s.editor.getState().sources.lua).toBe('print("plain")');
    expect(s.settings.getState().model).toBe("mock/echo");
    expect(s.ui.getState().notices[0].text).toBe('Opened "Plain". Press ⌘+Enter to run it.');
    // An example written for the model already chosen says nothing about models.
    openExample(s, { title: "Echo", lua: 'print("e")', js: "", model: "mock/echo" }, false);
    expect(s.ui.getState().notices.at(-1)?.text).toBe('Opened "Echo". Press Ctrl+Enter to run it.');
  });

  it("copies the CLI command of the current spell, its ARGS and the settings, and says so", async () => {
    const s = stores();
    s.editor.getState().setArgs({ name: "Ada Lovelace" });
    s.settings.getState().update({ model: "mock/echo", mockAll: true, sandbox: "minimal" });
    const copied: string[] = [];
    await copyCliCommand(s, { writeText: async (t) => void copied.push(t) });
    expect(copied).toEqual([
      "npx llmspell run spell.lua --model mock/echo --mock --sandbox minimal --arg 'name=Ada Lovelace'",
    ]);
    expect(s.ui.getState().notices.at(-1)).toMatchObject({
      tone: "success",
      text: expect.stringMatching(/spell\.lua/),
    });
    await copyCliCommand(s, {
      writeText: async () => {
        throw new Error("denied");
      },
    });
    expect(s.ui.getState().notices.at(-1)).toMatchObject({ tone: "error", text: expect.stringMatching(/refused/) });
  });
});
