import { describe, expect, it } from "vitest";
import { encodeShareLink } from "@/lib/share/link";
import { createEditorStore } from "./editor";
import { createSettingsStore } from "./settings";
import {
  createShareUrl,
  describeOpenedLink,
  MAX_PERMALINK_CHARS,
  openSharedFromHash,
  permalinkFragment,
} from "./share-open";
import { createFakeStorage } from "./test-storage";
import { sampleRecording } from "@/lib/recording/testing/sample-recording";

function stores() {
  const editor = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
  const settings = createSettingsStore({ session: createFakeStorage(), local: createFakeStorage() });
  return { editor, settings };
}

describe("opening a share link", () => {
  it("loads the spell and keeps the user's work in history", async () => {
    const { editor, settings } = stores();
    editor.getState().setSource("javascript", "my own work");
    const hash = await encodeShareLink({ language: "javascript", source: "console.log('shared')", model: "mock/echo" });
    const result = await openSharedFromHash(hash, editor, settings);
    expect(result).toEqual({ kind: "opened", language: "javascript", keptPrevious: true });
    expect(editor.getState().language).toBe("javascript");
    expect(editor.getState().sources.javascript).toBe("console.log('shared')");
    expect(editor.getState().history[0]).toMatchObject({
      source: "my own work",
      reason: "before opening a shared link",
    });
    expect(settings.getState().model).toBe("mock/echo");
  });

  it("reads the recorded run a link carries, or says why it was left out and opens the spell anyway", async () => {
    const { editor, settings } = stores();
    const spell = { language: "lua" as const, source: 'print("hi")' };
    const recording = sampleRecording();
    const opened = await openSharedFromHash(
      await encodeShareLink({ ...spell, recordings: [recording] }),
      editor,
      settings,
    );
    expect(opened).toEqual({ kind: "opened", language: "lua", keptPrevious: false, recordings: [recording] });
    // The same spell again (the address bar still holds the link): the recording still shows.
    const bad = await openSharedFromHash(
      await encodeShareLink({ ...spell, recordings: [{ format: "llmspell-recording", version: 1 }] }),
      editor,
      settings,
    );
    expect(bad).toMatchObject({ kind: "opened", language: "lua" });
    if (bad.kind === "opened") {
      expect(bad.recordings).toBeUndefined();
      expect(bad.recordingProblem).toMatch(
        /^The link's recorded run could not be read: the recording is not valid at recordedAt/,
      );
    }
    expect(editor.getState().sources.lua).toBe(spell.source);
  });

  it("ignores a fragment that is not a share link", async () => {
    const { editor, settings } = stores();
    expect(await openSharedFromHash("", editor, settings)).toEqual({ kind: "none" });
    expect(await openSharedFromHash("#section-2", editor, settings)).toEqual({ kind: "none" });
  });

  it("explains a damaged, truncated or future link and leaves the editor as it was", async () => {
    const { editor, settings } = stores();
    editor.getState().setSource("lua", "keep me");
    const good = await encodeShareLink({ language: "lua", source: "print('x')".repeat(20) });
    for (const bad of ["#v1/lua/!!!!", good.slice(0, good.length - 10), "#v9/lua/abc"]) {
      const result = await openSharedFromHash(bad, editor, settings);
      expect(result.kind).toBe("failed");
      if (result.kind === "failed") expect(result.message).toMatch(/^This share link could not be opened: .{10,}/);
    }
    expect(editor.getState().sources.lua).toBe("keep me");
    expect(editor.getState().history).toEqual([]);
  });

  it("builds a full share URL that round-trips and never carries a key", async () => {
    const url = await createShareUrl(
      { language: "lua", source: "print(1)", model: "mock/default" },
      "http://127.0.0.1:3000",
    );
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/#v1\/lua\//);
    const { editor, settings } = stores();
    settings.getState().setByokKey("sk-secret");
    await openSharedFromHash(new URL(url).hash, editor, settings);
    expect(editor.getState().sources.lua).toBe("print(1)");
    expect(url).not.toContain("sk-");
  });

  it("says when nothing of the user's went to history (a first visit)", async () => {
    const { editor, settings } = stores();
    const hash = await encodeShareLink({ language: "lua", source: "print('hi')" });
    expect(await openSharedFromHash(hash, editor, settings)).toEqual({
      kind: "opened",
      language: "lua",
      keptPrevious: false,
    });
    expect(editor.getState().history).toEqual([]);
  });
});

describe("opening a share link with model settings", () => {
  const spell = { language: "lua" as const, source: 'print("tuned")', model: "mock/default" };

  it("makes the link's settings the page's and says so in the one notice", async () => {
    const { editor, settings } = stores();
    const result = await openSharedFromHash(
      await encodeShareLink({ ...spell, modelParams: { seed: 7, temperature: 0.2 } }),
      editor,
      settings,
    );
    expect(result).toEqual({
      kind: "opened",
      language: "lua",
      keptPrevious: false,
      modelParams: { applied: { temperature: 0.2, seed: 7 } },
    });
    expect(settings.getState().modelParams).toEqual({ temperature: 0.2, seed: 7 });
    if (result.kind === "opened")
      expect(describeOpenedLink(result)).toBe(
        "Opened the shared spell. Model settings from the link: temperature 0.2, seed 7.",
      );
  });

  it("replaces the user's own settings wholly, naming them, and keeps their spell in history", async () => {
    const { editor, settings } = stores();
    editor.getState().setSource("lua", "my own work");
    settings.getState().setModelParams({ maxTokens: 100, temperature: 1 });
    const result = await openSharedFromHash(
      await encodeShareLink({ ...spell, modelParams: { temperature: 0.2 } }),
      editor,
      settings,
    );
    expect(settings.getState().modelParams).toEqual({ temperature: 0.2 });
    expect(result).toMatchObject({
      kind: "opened",
      keptPrevious: true,
      modelParams: { applied: { temperature: 0.2 }, replaced: { temperature: 1, maxTokens: 100 } },
    });
    if (result.kind === "opened")
      expect(describeOpenedLink(result)).toBe(
        "Opened the shared spell. Model settings from the link: temperature 0.2 (yours were temperature 1, max tokens 100). Your previous spell is in Settings → History.",
      );
  });

  it("leaves the user's settings as they are when the link carries none", async () => {
    const { editor, settings } = stores();
    settings.getState().setModelParams({ seed: 3 });
    const result = await openSharedFromHash(await encodeShareLink(spell), editor, settings);
    expect(result).toEqual({ kind: "opened", language: "lua", keptPrevious: false });
    expect(settings.getState().modelParams).toEqual({ seed: 3 });
    if (result.kind === "opened") expect(describeOpenedLink(result)).toBe("Opened the shared spell.");
  });

  it("reports settings that changed even when the spell is the one already open", async () => {
    const { editor, settings } = stores();
    const tuned = await encodeShareLink({ ...spell, modelParams: { topP: 0.5 } });
    await openSharedFromHash(tuned, editor, settings);
    // The same link again: nothing changed.
    expect(await openSharedFromHash(tuned, editor, settings)).toEqual({ kind: "same" });
    // The user changes a setting, then opens the link again: the link's settings come back, and it says so.
    settings.getState().setModelParams({ topP: 0.9 });
    expect(await openSharedFromHash(tuned, editor, settings)).toEqual({
      kind: "opened",
      language: "lua",
      keptPrevious: false,
      modelParams: { applied: { topP: 0.5 }, replaced: { topP: 0.9 } },
    });
    expect(editor.getState().history).toEqual([]);
  });

  it("opens nothing and changes no setting when the link's settings are out of range", async () => {
    const { editor, settings } = stores();
    editor.getState().setSource("lua", "keep me");
    settings.getState().setModelParams({ seed: 3 });
    // A link as a hand edit would make it: the header's temperature past its bound.
    const { encodeBase64 } = await import("@/lib/encoding/base64");
    const text = `{"m":"mock/default","p":{"temperature":5}}\n${spell.source}`;
    const bytes = new Uint8Array(
      await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer(),
    );
    const bad = `#v3/lua/${encodeBase64(bytes, { alphabet: "url", pad: false })}`;
    expect(await openSharedFromHash(bad, editor, settings)).toEqual({
      kind: "failed",
      message:
        "This share link could not be opened: The link's model settings are not valid: temperature must be a number from 0 to 2.",
    });
    expect(settings.getState().modelParams).toEqual({ seed: 3 });
    expect(editor.getState().sources.lua).toBe("keep me");
  });

  it("builds share URLs and permalinks that carry the settings (v3), and v1 without them", async () => {
    const url = await createShareUrl({ ...spell, modelParams: { seed: 7 } }, "http://127.0.0.1:3000");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/#v3\/lua\//);
    expect(await permalinkFragment({ ...spell, modelParams: { seed: 7 } })).toMatch(/^#v3\/lua\//);
    expect(await permalinkFragment({ ...spell, modelParams: {} })).toMatch(/^#v1\/lua\//);
    // A reload of the permalink with the page's own settings changes nothing.
    const { editor, settings } = stores();
    settings.getState().setModelParams({ seed: 7 });
    editor.getState().setSource("lua", spell.source);
    settings.getState().update({ model: spell.model });
    expect(
      await openSharedFromHash(await permalinkFragment({ ...spell, modelParams: { seed: 7 } }), editor, settings),
    ).toEqual({ kind: "same" });
  });
});

describe("the permalink in the address bar", () => {
  it("opens exactly what is open: a reload of it changes nothing and says nothing", async () => {
    const { editor, settings } = stores();
    editor.getState().setLanguage("javascript");
    editor.getState().setSource("javascript", "print('mine');");
    const fragment = await permalinkFragment({
      language: "javascript",
      source: "print('mine');",
      model: settings.getState().model,
    });
    expect(fragment).toMatch(/^#v1\/js\//);
    expect(await openSharedFromHash(fragment, editor, settings)).toEqual({ kind: "same" });
    expect(editor.getState().history).toEqual([]);
  });

  it("is empty for a spell too large to carry", async () => {
    // Random text does not compress: far beyond the permalink's size.
    let big = "";
    for (let i = 0; big.length < MAX_PERMALINK_CHARS * 2; i++) big += ((i * 2654435761) % 1000003).toString(36);
    expect(await permalinkFragment({ language: "lua", source: `-- ${big}` })).toBe("");
    expect(await permalinkFragment({ language: "lua", source: "print(1)" })).not.toBe("");
  });
});
