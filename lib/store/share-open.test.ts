import { describe, expect, it } from "vitest";
import { encodeShareLink } from "@/lib/share/link";
import { createEditorStore } from "./editor";
import { createSettingsStore } from "./settings";
import { createShareUrl, MAX_PERMALINK_CHARS, openSharedFromHash, permalinkFragment } from "./share-open";
import { createFakeStorage } from "./test-storage";

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
