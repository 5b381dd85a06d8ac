/**
 * The settings store: theme, model, "mock every model", the model settings (temperature, max tokens, top-p, seed
 * for agents that set none), keybindings (vim), font size, editor kind, the security preset of every run, and the
 * user's own API key (BYOK).
 *
 * Settings persist in localStorage as a versioned, validated blob. The BYOK key is never part of that blob:
 * it lives in sessionStorage (gone when the tab closes) unless the user asks to remember it, then in
 * localStorage. It is sent only to our own /api/llm through the run controller.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import {
  DEFAULT_SETTINGS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  settingsCodec,
  type Settings,
  type ThemeChoice,
} from "./schemas";
import type { SandboxPreset } from "@/lib/core/sandbox";
import { clampModelParams, type SamplingParamKey } from "@/lib/llm/model-params";
import { readRaw, readVersioned, removeRaw, writeRaw, writeVersioned, type StorageLike } from "./storage";

export const SETTINGS_KEY = "llmspell.settings";
export const BYOK_KEY = "llmspell.byok";
/** Longest key we accept; provider keys are far shorter. */
const MAX_BYOK_LENGTH = 400;

export interface SettingsState extends Settings {
  byokKey: string;
  update(patch: Partial<Settings>): void;
  setByokKey(key: string): void;
  setRememberKey(remember: boolean): void;
  /**
   * Set the model settings from what the user typed (`null`: unset). Values outside their bounds are clamped;
   * returns a sentence for each change made, to show beside the fields.
   */
  setModelParams(input: { [K in SamplingParamKey]?: number | null }): string[];
}

export interface SettingsStoreOptions {
  local: StorageLike | null;
  session: StorageLike | null;
}

export type SettingsStore = StoreApi<SettingsState>;

function loadSettings(local: StorageLike | null): Settings {
  return readVersioned(local, "local", SETTINGS_KEY, settingsCodec) ?? { ...DEFAULT_SETTINGS };
}

export function createSettingsStore(opts: SettingsStoreOptions): SettingsStore {
  const settings = loadSettings(opts.local);
  const keyStorage = (remember: boolean) => (remember ? opts.local : opts.session);
  const keyArea = (remember: boolean) => (remember ? "local" : "session") as "local" | "session";
  const byokKey = readRaw(keyStorage(settings.rememberKey), keyArea(settings.rememberKey), BYOK_KEY) ?? "";

  const store = createStore<SettingsState>()((set, get) => ({
    ...settings,
    byokKey,
    update(patch) {
      const next = settingsCodec.schema.safeParse({ ...pickSettings(get()), ...clampPatch(patch) });
      if (next.success) set(next.data);
    },
    setByokKey(key) {
      const clean = key.trim().slice(0, MAX_BYOK_LENGTH);
      set({ byokKey: clean });
      const remember = get().rememberKey;
      if (clean) writeRaw(keyStorage(remember), keyArea(remember), BYOK_KEY, clean);
      else removeRaw(keyStorage(remember), BYOK_KEY);
    },
    setModelParams(input) {
      const { params, notes } = clampModelParams(input);
      set({ modelParams: params });
      return notes;
    },
    setRememberKey(remember) {
      if (remember === get().rememberKey) return;
      const key = get().byokKey;
      // Move the key: it must never be in both places, nor stay in localStorage after "forget".
      removeRaw(keyStorage(!remember), BYOK_KEY);
      if (key) writeRaw(keyStorage(remember), keyArea(remember), BYOK_KEY, key);
      set({ rememberKey: remember });
    },
  }));

  store.subscribe((state, prev) => {
    const a = pickSettings(state);
    const b = pickSettings(prev);
    if ((Object.keys(a) as (keyof Settings)[]).every((k) => a[k] === b[k])) return;
    writeVersioned(opts.local, "local", SETTINGS_KEY, settingsCodec, a);
  });
  return store;
}

function pickSettings(s: Settings): Settings {
  return {
    theme: s.theme,
    model: s.model,
    mockAll: s.mockAll,
    keybindings: s.keybindings,
    fontSize: s.fontSize,
    rememberKey: s.rememberKey,
    editorKind: s.editorKind,
    sandbox: s.sandbox,
    modelParams: s.modelParams,
  };
}

function clampPatch(patch: Partial<Settings>): Partial<Settings> {
  const out = { ...patch };
  if (out.fontSize !== undefined)
    out.fontSize = Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(out.fontSize)));
  if (out.modelParams !== undefined) out.modelParams = clampModelParams(out.modelParams).params;
  return out;
}

/**
 * The security preset this browser's playground runs under, read without a store (the embed page takes it as the
 * floor of what an embedding page may ask for).
 */
export function readStoredSandbox(local: StorageLike | null): SandboxPreset {
  return loadSettings(local).sandbox;
}

/** The theme actually shown: "system" follows the OS preference. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): "light" | "dark" {
  return choice === "system" ? (prefersDark ? "dark" : "light") : choice;
}
