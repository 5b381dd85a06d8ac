/**
 * The editor store: one spell per language (switching keeps both), plus a history of spells put aside
 * (for example when a shared link is opened over the user's work).
 *
 * Persistence: the current tab's spell lives in sessionStorage (so two tabs never overwrite each other and a
 * reload restores exactly this tab), and the last written spell also goes to localStorage (so a new tab
 * starts where the user left off). Every change is written at once: a reload or a crash loses nothing.
 *
 * ARGS belong to a spell: each language's spell has its own (`argsOf`; `args` is the shown spell's), a spell put
 * aside in the history keeps its args, and restoring it brings them back.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { DEFAULT_SPELLS } from "./default-spells";
import { MAX_HISTORY, MAX_SOURCE_CHARS, editorCodec, type EditorSnapshot, type HistoryEntry } from "./schemas";
import type { SpellLanguage } from "@/lib/core/dialect";
import { readVersioned, writeVersioned, type StorageLike } from "./storage";

export const EDITOR_TAB_KEY = "llmspell.editor.tab";
export const EDITOR_LAST_KEY = "llmspell.editor.last";

interface OpenSpell {
  language: SpellLanguage;
  source: string;
  args?: unknown;
}

export interface EditorState extends EditorSnapshot {
  /** The shown spell's ARGS (`argsOf[language]`). */
  args: unknown;
  /** Where the initial state came from (for a "restored" hint). */
  origin: "tab" | "last" | "default";
  setLanguage(language: SpellLanguage): void;
  setSource(language: SpellLanguage, source: string): void;
  /**
   * Load a spell (a shared link, an example) into the editor. The user's current spell in that language goes
   * to the history first, unless it is unchanged from the default or equal to the incoming one.
   */
  openSpell(spell: OpenSpell, reason: string): void;
  restoreHistory(index: number): void;
  removeHistory(index: number): void;
  /** Set the shown spell's ARGS (the parameters form, the inputs panel); undefined clears them. */
  setArgs(args: { [name: string]: unknown } | undefined): void;
}

export interface EditorStoreOptions {
  session: StorageLike | null;
  local: StorageLike | null;
  now?: () => number;
}

export type EditorStore = StoreApi<EditorState>;

function loadEditorSnapshot(opts: EditorStoreOptions): {
  snapshot: EditorSnapshot;
  origin: EditorState["origin"];
} {
  const tab = readVersioned(opts.session, "session", EDITOR_TAB_KEY, editorCodec);
  if (tab) return { snapshot: tab, origin: "tab" };
  const last = readVersioned(opts.local, "local", EDITOR_LAST_KEY, editorCodec);
  if (last) return { snapshot: last, origin: "last" };
  return {
    snapshot: { language: "lua", sources: { ...DEFAULT_SPELLS }, argsOf: {}, history: [] },
    origin: "default",
  };
}

export function createEditorStore(opts: EditorStoreOptions): EditorStore {
  const now = opts.now ?? (() => Date.now());
  const { snapshot, origin } = loadEditorSnapshot(opts);

  const store = createStore<EditorState>()((set, get) => ({
    ...snapshot,
    args: snapshot.argsOf[snapshot.language],
    origin,
    setLanguage(language) {
      if (get().language !== language) set({ language, args: get().argsOf[language] });
    },
    setSource(language, source) {
      const clipped = source.length > MAX_SOURCE_CHARS ? source.slice(0, MAX_SOURCE_CHARS) : source;
      if (get().sources[language] === clipped) return;
      set({ sources: { ...get().sources, [language]: clipped } });
    },
    openSpell(spell, reason) {
      const current = get().sources[spell.language];
      let history = get().history;
      if (current.trim() !== "" && current !== spell.source && current !== DEFAULT_SPELLS[spell.language]) {
        history = pushHistory(history, {
          language: spell.language,
          source: current,
          savedAt: now(),
          reason,
          ...argsEntry(get().argsOf[spell.language]),
        });
      }
      set({
        language: spell.language,
        sources: { ...get().sources, [spell.language]: spell.source.slice(0, MAX_SOURCE_CHARS) },
        argsOf: { ...get().argsOf, [spell.language]: spell.args },
        args: spell.args,
        history,
      });
    },
    restoreHistory(index) {
      const entry = get().history[index];
      if (!entry) return;
      const rest = get().history.filter((_, i) => i !== index);
      const current = get().sources[entry.language];
      const history =
        current.trim() !== "" && current !== entry.source && current !== DEFAULT_SPELLS[entry.language]
          ? pushHistory(rest, {
              language: entry.language,
              source: current,
              savedAt: now(),
              reason: "before restoring from history",
              ...argsEntry(get().argsOf[entry.language]),
            })
          : rest;
      set({
        language: entry.language,
        sources: { ...get().sources, [entry.language]: entry.source },
        argsOf: { ...get().argsOf, [entry.language]: entry.args },
        args: entry.args,
        history,
      });
    },
    removeHistory(index) {
      set({ history: get().history.filter((_, i) => i !== index) });
    },
    setArgs(args) {
      set({ args, argsOf: { ...get().argsOf, [get().language]: args } });
    },
  }));

  // Write every change: the tab's copy first (it matters most), then the shared "last spell".
  store.subscribe((state, prev) => {
    if (
      state.language === prev.language &&
      state.sources === prev.sources &&
      state.history === prev.history &&
      state.argsOf === prev.argsOf
    )
      return;
    const snap = toSnapshot(state);
    writeVersioned(opts.session, "session", EDITOR_TAB_KEY, editorCodec, snap);
    writeVersioned(opts.local, "local", EDITOR_LAST_KEY, editorCodec, snap);
  });
  return store;
}

function toSnapshot(state: EditorSnapshot): EditorSnapshot {
  const argsOf: EditorSnapshot["argsOf"] = {};
  for (const language of ["lua", "javascript"] as const)
    if (state.argsOf[language] !== undefined) argsOf[language] = state.argsOf[language];
  return { language: state.language, sources: state.sources, argsOf, history: state.history };
}

function argsEntry(args: unknown): { args?: unknown } {
  return args === undefined ? {} : { args };
}

function pushHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, MAX_HISTORY);
}
