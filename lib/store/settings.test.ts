import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, FONT_SIZE_MAX, FONT_SIZE_MIN } from "./schemas";
import { BYOK_KEY, SETTINGS_KEY, createSettingsStore, resolveTheme } from "./settings";
import { createFakeStorage } from "./test-storage";
import { buildRunRequest } from "./playground";

describe("settings store", () => {
  it("starts from defaults and persists changes as a versioned blob", () => {
    const local = createFakeStorage();
    const session = createFakeStorage();
    const store = createSettingsStore({ local, session });
    expect(store.getState().theme).toBe(DEFAULT_SETTINGS.theme);
    store.getState().update({ theme: "dark", model: "openai/gpt-4o-mini", keybindings: "vim", mockAll: true });
    const saved = JSON.parse(local.data.get(SETTINGS_KEY)!);
    expect(saved.v).toBe(3);
    expect(saved.data).toMatchObject({ theme: "dark", model: "openai/gpt-4o-mini", keybindings: "vim", mockAll: true });
    const again = createSettingsStore({ local, session: createFakeStorage() }).getState();
    expect(again).toMatchObject({ theme: "dark", model: "openai/gpt-4o-mini", keybindings: "vim", mockAll: true });
  });

  it("migrates version 1 settings", () => {
    const local = createFakeStorage();
    local.data.set(
      SETTINGS_KEY,
      JSON.stringify({ v: 1, data: { theme: "auto", model: "mock/echo", vimMode: true, fontSize: 40 } }),
    );
    const s = createSettingsStore({ local, session: createFakeStorage() }).getState();
    expect(s).toMatchObject({
      theme: "system",
      model: "mock/echo",
      keybindings: "vim",
      fontSize: FONT_SIZE_MAX,
      editorKind: "auto",
    });
  });

  it("migrates version 2 settings to the standard sandbox preset, keeping the rest", () => {
    const local = createFakeStorage();
    const v2 = { ...DEFAULT_SETTINGS, theme: "dark", fontSize: 18 } as Record<string, unknown>;
    delete v2.sandbox;
    local.data.set(SETTINGS_KEY, JSON.stringify({ v: 2, data: v2 }));
    const s = createSettingsStore({ local, session: createFakeStorage() }).getState();
    expect(s).toMatchObject({ theme: "dark", fontSize: 18, sandbox: "standard" });
  });

  it("keeps the chosen sandbox preset, and refuses one that is not a preset", () => {
    const local = createFakeStorage();
    const store = createSettingsStore({ local, session: createFakeStorage() });
    store.getState().update({ sandbox: "strict" });
    expect(createSettingsStore({ local, session: createFakeStorage() }).getState().sandbox).toBe("strict");
    store.getState().update({ sandbox: "loose" as never });
    expect(store.getState().sandbox).toBe("strict");
  });

  it("falls back to defaults when the saved blob is invalid", () => {
    const local = createFakeStorage();
    local.data.set(SETTINGS_KEY, JSON.stringify({ v: 3, data: { theme: "purple" } }));
    expect(createSettingsStore({ local, session: createFakeStorage() }).getState().theme).toBe("system");
  });

  it("clamps the font size and ignores invalid updates", () => {
    const store = createSettingsStore({ local: createFakeStorage(), session: createFakeStorage() });
    store.getState().update({ fontSize: 3 });
    expect(store.getState().fontSize).toBe(FONT_SIZE_MIN);
    store.getState().update({ fontSize: 99 });
    expect(store.getState().fontSize).toBe(FONT_SIZE_MAX);
    store.getState().update({ model: "" });
    expect(store.getState().model).toBe(DEFAULT_SETTINGS.model);
  });

  it("keeps the BYOK key in sessionStorage only, unless remembered, and never in the settings blob", () => {
    const local = createFakeStorage();
    const session = createFakeStorage();
    const store = createSettingsStore({ local, session });
    store.getState().setByokKey("  sk-test-123  ");
    expect(store.getState().byokKey).toBe("sk-test-123");
    expect(session.data.get(BYOK_KEY)).toBe("sk-test-123");
    expect(local.data.has(BYOK_KEY)).toBe(false);
    store.getState().update({ theme: "light" });
    expect(local.data.get(SETTINGS_KEY)).not.toContain("sk-test");

    store.getState().setRememberKey(true);
    expect(local.data.get(BYOK_KEY)).toBe("sk-test-123");
    expect(session.data.has(BYOK_KEY)).toBe(false);
    // A new tab (fresh session) sees the remembered key.
    expect(createSettingsStore({ local, session: createFakeStorage() }).getState().byokKey).toBe("sk-test-123");

    store.getState().setRememberKey(false);
    expect(local.data.has(BYOK_KEY)).toBe(false);
    expect(session.data.get(BYOK_KEY)).toBe("sk-test-123");
    expect(createSettingsStore({ local, session: createFakeStorage() }).getState().byokKey).toBe("");

    store.getState().setByokKey("");
    expect(session.data.has(BYOK_KEY)).toBe(false);
  });

  it("caps the BYOK key length", () => {
    const store = createSettingsStore({ local: createFakeStorage(), session: createFakeStorage() });
    store.getState().setByokKey("k".repeat(10_000));
    expect(store.getState().byokKey).toHaveLength(400);
  });

  it("keeps working in memory when storage is full or disabled", () => {
    for (const mode of ["full", "disabled"] as const) {
      const store = createSettingsStore({ local: createFakeStorage(mode), session: createFakeStorage(mode) });
      store.getState().update({ theme: "dark" });
      store.getState().setByokKey("sk-1");
      expect(store.getState()).toMatchObject({ theme: "dark", byokKey: "sk-1" });
    }
  });

  it("resolves the system theme from the OS preference", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});

describe("model settings", () => {
  it("persist, start empty, and clamp typed values with a sentence for each change", () => {
    const local = createFakeStorage();
    const store = createSettingsStore({ local, session: createFakeStorage() });
    expect(store.getState().modelParams).toEqual({});
    const notes = store.getState().setModelParams({ temperature: 3, maxTokens: 99.6, topP: 0.5, seed: -4 });
    expect(store.getState().modelParams).toEqual({ temperature: 2, maxTokens: 100, topP: 0.5, seed: 0 });
    expect(notes).toEqual([
      "temperature 3 is outside 0 to 2; it was set to 2",
      "max tokens 99.6 is outside 1 to 4096 (a whole number); it was set to 100",
      "seed -4 is outside 0 to 2147483647 (a whole number); it was set to 0",
    ]);
    const again = createSettingsStore({ local, session: createFakeStorage() }).getState();
    expect(again.modelParams).toEqual({ temperature: 2, maxTokens: 100, topP: 0.5, seed: 0 });
    expect(store.getState().setModelParams({ temperature: null, topP: Number.NaN })).toEqual([
      "top-p must be a number; it was left unset",
    ]);
    expect(store.getState().modelParams).toEqual({});
  });

  it("reads a version-3 blob saved before model settings existed", () => {
    const local = createFakeStorage();
    const old = { ...DEFAULT_SETTINGS, theme: "dark" } as Record<string, unknown>;
    delete old.modelParams;
    local.data.set(SETTINGS_KEY, JSON.stringify({ v: 3, data: old }));
    const s = createSettingsStore({ local, session: createFakeStorage() }).getState();
    expect(s.theme).toBe("dark");
    expect(s.modelParams).toEqual({});
  });

  it("reach the run request only when set", () => {
    const editor = { language: "lua" as const, sources: { lua: "return 1", javascript: "" }, args: undefined };
    const base = { model: "mock/default", mockAll: false, byokKey: "", sandbox: "standard" as const };
    expect(buildRunRequest(editor, { ...base, modelParams: {} }).modelParams).toBeUndefined();
    expect(buildRunRequest(editor, { ...base, modelParams: { temperature: 0.3 } }).modelParams).toEqual({
      temperature: 0.3,
    });
  });
});
