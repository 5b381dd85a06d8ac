/**
 * The page's REPL prompt (under the console): a transcript, the entry being typed, history and completions, over
 * lib/runner/repl.ts on the run store's worker. The prompt shares its session with the page's Run: a run opens a
 * fresh session of the spell's language and leaves its globals there ({@link adoptRun}), so the user can inspect
 * them; typed before any run, an entry opens a session of the editor's language.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RunEvent } from "@/lib/core/events";
import { createRepl, type Repl, type ReplSettings } from "@/lib/runner/repl";
import type { Completion } from "@/lib/runner/repl-complete";
import type { RunController, RunRequest } from "@/lib/runner/types";

/** The session the page's runs and its prompt share in the worker. */
export const PAGE_SESSION_ID = "page";
/** Lines kept in the prompt's transcript, and entries in its history. */
export const MAX_REPL_LINES = 1000;
export const MAX_REPL_HISTORY = 200;

export interface ReplLine {
  id: number;
  kind: "input" | "value" | "error" | "log" | "info";
  text: string;
}

interface ReplState {
  lines: ReplLine[];
  /** An entry is running. */
  busy: boolean;
  /** The last line left an entry unfinished: the next one continues it. */
  continuing: boolean;
  /** Entries typed, oldest first. */
  history: string[];
  /** Run one line (or several, pasted) in the session. */
  submit(text: string): Promise<void>;
  /** The history entry `step` (-1 older, +1 newer) from where the user is; `draft` is what they typed. */
  recall(step: -1 | 1, draft: string): string;
  /** Completions of the word before `cursor`, from the spell API reference. */
  complete(text: string, cursor: number): Promise<Completion>;
  cancel(): void;
  clear(): void;
  /** A page run ran `request` in the shared session: entries continue that session. */
  adoptRun(request: RunRequest): void;
}

export type ReplStore = StoreApi<ReplState>;

export interface ReplStoreOptions {
  controller: () => Promise<RunController>;
  /** What a session opens with when the prompt opens one: the editor's language, the user's model... */
  settings: () => ReplSettings;
}

export function createReplStore(options: ReplStoreOptions): ReplStore {
  let repl: Repl | null = null;
  let nextId = 1;
  /** Where Up/Down stands in the history (history.length: the draft), and the draft kept meanwhile. */
  let cursor = 0;
  let draft = "";

  const getRepl = async (): Promise<Repl> => {
    const settings = options.settings();
    if (!repl) repl = createRepl(await options.controller(), settings, PAGE_SESSION_ID);
    else if (repl.settings.engine !== settings.engine) repl.reset(settings);
    return repl;
  };

  const store = createStore<ReplState>()((set, get) => {
    const append = (kind: ReplLine["kind"], text: string) =>
      set({ lines: [...get().lines, { id: nextId++, kind, text }].slice(-MAX_REPL_LINES) });
    const onEvent = (event: RunEvent) => {
      if (event.type === "log") append(event.level === "error" || event.level === "warn" ? "error" : "log", event.text);
      else if (event.type === "stream" && event.text) append("log", event.text);
    };
    return {
      lines: [],
      busy: false,
      continuing: false,
      history: [],

      async submit(text) {
        if (get().busy) return;
        const entry = text.replace(/\s+$/, "");
        append("input", `${get().continuing ? "..." : ">"} ${entry}`);
        if (entry.trim() !== "") {
          const history = [...get().history.filter((h) => h !== entry), entry].slice(-MAX_REPL_HISTORY);
          set({ history });
        }
        cursor = get().history.length;
        draft = "";
        set({ busy: true });
        try {
          const r = await getRepl();
          const step = await r.submit(entry, onEvent);
          if (step.kind === "more") {
            set({ continuing: true });
            return;
          }
          set({ continuing: false });
          const { result } = step;
          if (!result.ok) append("error", `${result.error.kind}: ${result.error.message}`);
          else if (result.session?.display !== undefined) append("value", result.session.display);
        } catch (err) {
          append("error", err instanceof Error ? err.message : String(err));
        } finally {
          set({ busy: false });
        }
      },

      recall(step, typed) {
        const { history } = get();
        if (cursor === history.length) draft = typed;
        cursor = Math.min(history.length, Math.max(0, cursor + step));
        return cursor === history.length ? draft : history[cursor];
      },

      async complete(text, at) {
        const [{ SPELL_API_REFERENCE }, { completeLine }] = await Promise.all([
          import("@/lib/spell/reference"),
          import("@/lib/runner/repl-complete"),
        ]);
        return completeLine(SPELL_API_REFERENCE, options.settings().engine, text, { cursor: at });
      },

      cancel() {
        if (get().busy) repl?.cancel();
        else if (get().continuing) {
          repl?.discardPending();
          set({ continuing: false });
          append("info", "entry dropped");
        }
      },

      clear() {
        set({ lines: [] });
      },

      adoptRun(request) {
        const { source: _source, session: _session, ...settings } = request;
        void _source;
        void _session;
        if (repl) repl.adopt(settings);
        else
          void options.controller().then((c) => {
            repl ??= createRepl(c, settings, PAGE_SESSION_ID);
            repl.adopt(settings);
          });
        set({ continuing: false });
        append("info", `session: the ${request.engine === "lua" ? "Lua" : "JavaScript"} run's globals`);
      },
    };
  });
  return store;
}
