/**
 * The debugger and profiler slice of the page: breakpoints per spell (one list per language slot, kept in
 * localStorage), a debug run's pause with its lazily read scopes and variables, watch expressions, and the
 * last profile. It starts debug and profile runs through the run store (so the console, trace and result show
 * them as any run) and reads the paused run through it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import * as z from "zod";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { Breakpoint, DebugAction, DebugPause, DebugScope, DebugVariable, EvaluateResult } from "@/lib/core/debug";
import type { ProfileData } from "@/lib/core/profile";
import type { InspectRequest } from "@/lib/runner/protocol";
import type { RunRequest } from "@/lib/runner/types";
import type { RunStore } from "./run";
import { readRaw, writeRaw, type StorageLike } from "./storage";

const BREAKPOINTS_KEY = "llmspell.breakpoints";

const breakpointsSchema = z.record(
  z.string(),
  z.array(
    z.object({
      line: z.number().int().positive(),
      condition: z.string().optional(),
      hitCount: z.number().int().positive().optional(),
      logMessage: z.string().optional(),
    }),
  ),
);

export interface DebugState {
  /** What the current (or last) run of this slice is. */
  mode: "idle" | "debugging" | "profiling";
  breakpoints: Partial<Record<SpellLanguage, Breakpoint[]>>;
  paused: DebugPause | null;
  /** The paused frame's scopes (Variables), and every expanded reference's children. */
  scopes: DebugScope[];
  children: Record<number, DebugVariable[]>;
  watches: string[];
  /** Each watch's value at the current pause (`name = value` text, or the error). */
  watchValues: Record<string, string>;
  profile: ProfileData | null;
  toggleBreakpoint(language: SpellLanguage, line: number): void;
  /** Add or change a breakpoint's condition or logpoint message (empty strings clear them). */
  editBreakpoint(language: SpellLanguage, line: number, edit: { condition?: string; logMessage?: string }): void;
  removeBreakpoint(language: SpellLanguage, line: number): void;
  /** Start a debug run of `request` (`step`: pause at the first line). */
  start(request: RunRequest, language: SpellLanguage, opts?: { step?: boolean }): Promise<void>;
  act(action: DebugAction): void;
  expand(ref: number): Promise<void>;
  addWatch(expression: string): void;
  removeWatch(expression: string): void;
  /** The value of `expression` in the paused frame, for the editor's hover; null when not paused or failing. */
  hover(expression: string): Promise<string | null>;
  startProfile(request: RunRequest): Promise<void>;
}

export type DebugStore = StoreApi<DebugState>;

export function createDebugStore(opts: { run: RunStore; local?: StorageLike | null }): DebugStore {
  const { run } = opts;
  const local = opts.local ?? null;
  const saved = breakpointsSchema.safeParse(safeJson(readRaw(local, "local", BREAKPOINTS_KEY)));
  const initial = saved.success ? (saved.data as DebugState["breakpoints"]) : {};

  const inspect = async <T>(request: InspectRequest) => (await run.getState().inspect(request)) as T;

  const store = createStore<DebugState>()((set, get) => {
    const saveBreakpoints = (next: DebugState["breakpoints"]) => {
      set({ breakpoints: next });
      writeRaw(local, "local", BREAKPOINTS_KEY, JSON.stringify(next));
      if (get().mode === "debugging" && run.getState().status === "running") {
        const language = run.getState().lastRequest?.engine as SpellLanguage | undefined;
        if (language) run.getState().debug({ kind: "breakpoints", breakpoints: next[language] ?? [] });
      }
    };
    const update = (language: SpellLanguage, fn: (list: Breakpoint[]) => Breakpoint[]) =>
      saveBreakpoints({ ...get().breakpoints, [language]: fn(get().breakpoints[language] ?? []) });

    const onPause = async (pause: DebugPause) => {
      set({ paused: pause, scopes: [], children: {}, watchValues: {} });
      const frameId = pause.frames[0]?.id ?? 0;
      const scopes = await inspect<DebugScope[] | { error: string }>({ op: "scopes", frameId });
      if (get().paused !== pause || !Array.isArray(scopes)) return;
      set({ scopes });
      // The first scope (the frame's locals) opens at once; the others when clicked.
      if (scopes[0]) await get().expand(scopes[0].ref);
      await refreshWatches(pause);
    };
    const refreshWatches = async (pause: DebugPause) => {
      const values: Record<string, string> = {};
      for (const w of get().watches) values[w] = await evaluateText(w);
      if (get().paused === pause) set({ watchValues: values });
    };
    const evaluateText = async (expression: string): Promise<string> => {
      const r = await inspect<EvaluateResult | { error: string }>({ op: "evaluate", expression });
      if ("ok" in r) return r.ok ? r.value.value : `error: ${r.error}`;
      return `error: ${r.error}`;
    };

    return {
      mode: "idle",
      breakpoints: initial,
      paused: null,
      scopes: [],
      children: {},
      watches: [],
      watchValues: {},
      profile: null,

      toggleBreakpoint(language, line) {
        update(language, (list) =>
          list.some((b) => b.line === line)
            ? list.filter((b) => b.line !== line)
            : [...list, { line }].sort((a, b) => a.line - b.line),
        );
      },
      editBreakpoint(language, line, edit) {
        update(language, (list) => {
          const others = list.filter((b) => b.line !== line);
          const bp: Breakpoint = { ...(list.find((b) => b.line === line) ?? { line }) };
          for (const key of ["condition", "logMessage"] as const) {
            const v = edit[key];
            if (v === undefined) continue;
            if (v.trim()) bp[key] = v.trim();
            else delete bp[key];
          }
          return [...others, bp].sort((a, b) => a.line - b.line);
        });
      },
      removeBreakpoint(language, line) {
        update(language, (list) => list.filter((b) => b.line !== line));
      },

      async start(request, language, startOpts) {
        set({ mode: "debugging", paused: null, scopes: [], children: {}, watchValues: {} });
        await run.getState().run(request, {
          debug: {
            breakpoints: get().breakpoints[language] ?? [],
            ...(startOpts?.step ? { pauseAtStart: true } : {}),
            onPause: (pause) => void onPause(pause),
            onResume: () => set({ paused: null, scopes: [], children: {} }),
          },
        });
        set({ paused: null, scopes: [], children: {} });
      },
      act(action) {
        if (!get().paused && action !== "stop") return;
        if (action === "stop" && !get().paused) {
          run.getState().stop();
          return;
        }
        run.getState().debug({ kind: "action", action });
      },
      async expand(ref) {
        if (get().children[ref]) return;
        const vars = await inspect<DebugVariable[] | { error: string }>({ op: "variables", ref });
        if (Array.isArray(vars)) set({ children: { ...get().children, [ref]: vars } });
      },
      addWatch(expression) {
        const e = expression.trim();
        if (!e || get().watches.includes(e)) return;
        set({ watches: [...get().watches, e] });
        const pause = get().paused;
        if (pause) void refreshWatches(pause);
      },
      removeWatch(expression) {
        set({ watches: get().watches.filter((w) => w !== expression) });
      },
      async hover(expression) {
        if (!get().paused) return null;
        const r = await inspect<EvaluateResult | { error: string }>({ op: "evaluate", expression });
        return "ok" in r && r.ok ? r.value.value : null;
      },
      async startProfile(request) {
        set({ mode: "profiling", profile: null, paused: null });
        await run.getState().run(request, { onProfile: (profile) => set({ profile }) });
      },
    };
  });
  return store;
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
