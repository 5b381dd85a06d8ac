import { describe, expect, it } from "vitest";
import { DEFAULT_SPELLS } from "./default-spells";
import { EDITOR_LAST_KEY, EDITOR_TAB_KEY, createEditorStore } from "./editor";
import { MAX_HISTORY, MAX_SOURCE_CHARS } from "./schemas";
import { createFakeStorage } from "./test-storage";

describe("editor store", () => {
  it("starts with the hello-agent spell in Lua on a first visit", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    const s = store.getState();
    expect(s.origin).toBe("default");
    expect(s.language).toBe("lua");
    expect(s.sources.lua).toBe(DEFAULT_SPELLS.lua);
    expect(s.sources.lua).toContain("mock/");
  });

  it("keeps one spell per language", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    store.getState().setSource("lua", 'print("lua")');
    store.getState().setLanguage("javascript");
    store.getState().setSource("javascript", 'console.log("js")');
    store.getState().setLanguage("lua");
    expect(store.getState().sources).toEqual({ lua: 'print("lua")', javascript: 'console.log("js")' });
  });

  it("writes every change to the tab and to the last spell, and a reload restores the tab", () => {
    const session = createFakeStorage();
    const local = createFakeStorage();
    const store = createEditorStore({ session, local });
    store.getState().setSource("lua", "print(1)");
    expect(session.data.get(EDITOR_TAB_KEY)).toContain("print(1)");
    expect(local.data.get(EDITOR_LAST_KEY)).toContain("print(1)");
    const reloaded = createEditorStore({ session, local }).getState();
    expect(reloaded.origin).toBe("tab");
    expect(reloaded.sources.lua).toBe("print(1)");
  });

  it("gives two tabs their own spells; a new tab starts from the last one written", () => {
    const local = createFakeStorage();
    const tabA = createFakeStorage();
    const tabB = createFakeStorage();
    const a = createEditorStore({ session: tabA, local });
    a.getState().setSource("lua", "print('A')");
    const b = createEditorStore({ session: tabB, local });
    expect(b.getState().origin).toBe("last");
    expect(b.getState().sources.lua).toBe("print('A')");
    b.getState().setSource("lua", "print('B')");
    // Tab A reloads: it keeps its own spell although B wrote last.
    expect(createEditorStore({ session: tabA, local }).getState().sources.lua).toBe("print('A')");
    expect(createEditorStore({ session: tabB, local }).getState().sources.lua).toBe("print('B')");
    expect(createEditorStore({ session: createFakeStorage(), local }).getState().sources.lua).toBe("print('B')");
  });

  it("opening a spell puts the user's work into history instead of overwriting it", () => {
    let t = 1000;
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage(), now: () => t++ });
    store.getState().setSource("lua", "my work");
    store.getState().setLanguage("javascript");
    store.getState().openSpell({ language: "lua", source: "shared spell" }, "before opening a shared link");
    const s = store.getState();
    expect(s.language).toBe("lua");
    expect(s.sources.lua).toBe("shared spell");
    expect(s.history).toEqual([
      { language: "lua", source: "my work", savedAt: 1000, reason: "before opening a shared link" },
    ]);
    s.restoreHistory(0);
    expect(store.getState().sources.lua).toBe("my work");
    expect(store.getState().history[0].source).toBe("shared spell");
  });

  it("does not put the untouched default spell or an identical spell into history", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    store.getState().openSpell({ language: "lua", source: "x" }, "example");
    expect(store.getState().history).toEqual([]);
    store.getState().openSpell({ language: "lua", source: "x" }, "example");
    expect(store.getState().history).toEqual([]);
  });

  it("keeps at most MAX_HISTORY entries", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    for (let i = 0; i < MAX_HISTORY + 5; i++) {
      store.getState().setSource("lua", `work ${i}`);
      store.getState().openSpell({ language: "lua", source: `shared ${i}` }, "link");
    }
    expect(store.getState().history).toHaveLength(MAX_HISTORY);
    expect(store.getState().history[0].source).toBe(`work ${MAX_HISTORY + 4}`);
  });

  it("caps a spell at 64 KiB", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    store.getState().setSource("lua", "x".repeat(MAX_SOURCE_CHARS + 10));
    expect(store.getState().sources.lua).toHaveLength(MAX_SOURCE_CHARS);
  });

  it("keeps working in memory when storage is full or disabled", () => {
    for (const mode of ["full", "disabled"] as const) {
      const store = createEditorStore({ session: createFakeStorage(mode), local: createFakeStorage(mode) });
      store.getState().setSource("lua", "still here");
      expect(store.getState().sources.lua).toBe("still here");
    }
  });

  it("ignores a corrupt tab copy and falls back to the last spell", () => {
    const session = createFakeStorage();
    const local = createFakeStorage();
    session.data.set(EDITOR_TAB_KEY, JSON.stringify({ v: 1, data: { language: "cobol" } }));
    local.data.set(
      EDITOR_LAST_KEY,
      JSON.stringify({ v: 1, data: { language: "javascript", sources: { lua: "a", javascript: "b" }, history: [] } }),
    );
    const s = createEditorStore({ session, local }).getState();
    expect(s.origin).toBe("last");
    expect(s.language).toBe("javascript");
  });

  it("keeps ARGS per spell: each language has its own, and a reload keeps them", () => {
    const session = createFakeStorage();
    const local = createFakeStorage();
    const store = createEditorStore({ session, local });
    store.getState().setArgs({ name: "Ada" });
    store.getState().setLanguage("javascript");
    expect(store.getState().args).toBeUndefined();
    store.getState().setArgs({ name: "Grace" });
    store.getState().setLanguage("lua");
    expect(store.getState().args).toEqual({ name: "Ada" });
    const reloaded = createEditorStore({ session, local }).getState();
    expect(reloaded.args).toEqual({ name: "Ada" });
    expect(reloaded.argsOf).toEqual({ lua: { name: "Ada" }, javascript: { name: "Grace" } });
  });

  it("a spell put aside keeps its ARGS, and restoring it brings them back", () => {
    const store = createEditorStore({ session: createFakeStorage(), local: createFakeStorage() });
    store.getState().setSource("lua", "print(ARGS.name)");
    store.getState().setArgs({ name: "Ada" });
    store.getState().openSpell({ language: "lua", source: "print(1)" }, "before opening an example");
    expect(store.getState().args).toBeUndefined();
    expect(store.getState().history[0]).toMatchObject({ source: "print(ARGS.name)", args: { name: "Ada" } });
    store.getState().setArgs({ other: "x" });
    store.getState().restoreHistory(0);
    expect(store.getState().sources.lua).toBe("print(ARGS.name)");
    expect(store.getState().args).toEqual({ name: "Ada" });
    expect(store.getState().history[0]).toMatchObject({ source: "print(1)", args: { other: "x" } });
  });

  it("reads a version 1 snapshot: its one args belong to the language it showed", () => {
    const session = createFakeStorage();
    session.data.set(
      EDITOR_TAB_KEY,
      JSON.stringify({
        v: 1,
        data: { language: "javascript", sources: { lua: "a", javascript: "b" }, args: { n: "1" }, history: [] },
      }),
    );
    const s = createEditorStore({ session, local: createFakeStorage() }).getState();
    expect(s.origin).toBe("tab");
    expect(s.args).toEqual({ n: "1" });
    expect(s.argsOf).toEqual({ javascript: { n: "1" } });
  });
});
