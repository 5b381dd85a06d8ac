/**
 * The REPL, written once for the CLI (`llmspell repl`) and the page's prompt: it turns lines into entries and
 * runs them in one session of a run controller's worker (lib/runner/session.ts).
 *
 * - An entry is complete when it compiles. Lua: the engine says (a syntax error at `<eof>` is incomplete, as in
 *   `lua -i`). JavaScript: acorn parses the entry first and an error at its very end (an unexpected end of input,
 *   an unterminated string or template) is incomplete, as in Node's REPL; QuickJS's own message for that case
 *   cannot be told from another syntax error. An incomplete entry waits for more lines.
 * - The first entry opens a fresh session; each later one expects that session. `reset` (a new engine, `.clear`)
 *   makes the next entry open a fresh one again.
 * - `runSpell` runs a whole spell in the session (`.load`, the page's Run), so its globals stay to be inspected.
 * - It keeps the entries that ran without error, in order: `.save` writes them as a spell.
 */
import { parse } from "acorn";
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { RunController, RunRequest } from "./types";

/** What the REPL's runs share: the engine and what a session opens with (model, mock, limits, State). */
export type ReplSettings = Omit<RunRequest, "source" | "session">;

type ReplStep =
  /** The entry goes on: read another line (show the continuation prompt). */
  | { kind: "more" }
  /** The entry ran (or failed); `result.session.display` is its value to show. */
  | { kind: "result"; result: ExecutionResult };

export interface Repl {
  readonly settings: ReplSettings;
  /** The lines of the entry read so far (empty when the next line starts an entry). */
  readonly pending: readonly string[];
  /** The entries that ran without error since the session opened, oldest first. */
  readonly entries: readonly string[];
  /** Read one line of input: run the entry it completes, or wait for more. */
  submit(line: string, onEvent?: (event: RunEvent) => void): Promise<ReplStep>;
  /** Run a whole spell in the session (its globals stay). */
  runSpell(source: string, onEvent?: (event: RunEvent) => void): Promise<ExecutionResult>;
  /** Drop the lines of an unfinished entry. */
  discardPending(): void;
  /** The next entry opens a fresh session, with these settings changed (another engine, say). */
  reset(changes?: Partial<ReplSettings>): void;
  /**
   * A run outside the REPL (the page's Run) just opened this session with `settings`: the next entry continues
   * it instead of opening a fresh one.
   */
  adopt(settings: ReplSettings): void;
  /** Cancel the entry that is running (the session stays where the engine allows). */
  cancel(): void;
}

let nextSessionId = 1;

export function createRepl(controller: RunController, initial: ReplSettings, sessionId?: string): Repl {
  const id = sessionId ?? `repl-${nextSessionId++}`;
  let settings = { ...initial };
  let fresh = true;
  let pending: string[] = [];
  let entries: string[] = [];

  async function run(
    source: string,
    mode: "spell" | "entry",
    onEvent?: (event: RunEvent) => void,
  ): Promise<ExecutionResult> {
    const opening = fresh;
    if (opening) entries = [];
    fresh = false;
    const result = await controller.run({ ...settings, source, session: { id, mode, fresh: opening } }, onEvent);
    const status = result.session?.session;
    // A session that was replaced, lost, or stopped with its worker (the controller's own result, without
    // session facts) holds none of the entries kept so far. The next entry expects it still, and the worker
    // then says it restarted.
    if (status === "restarted" || status === "lost" || result.session === undefined) entries = [];
    return result;
  }

  return {
    get settings() {
      return settings;
    },
    get pending() {
      return pending;
    },
    get entries() {
      return entries;
    },
    async submit(line, onEvent) {
      const source = [...pending, line].join("\n");
      if (source.trim() === "") {
        pending = [];
        return { kind: "result", result: emptyResult(settings.engine) };
      }
      if (settings.engine === "javascript" && isIncompleteJavascript(source)) {
        pending = [...pending, line];
        return { kind: "more" };
      }
      const result = await run(source, "entry", onEvent);
      if (result.session?.incomplete) {
        pending = [...pending, line];
        return { kind: "more" };
      }
      pending = [];
      if (result.ok) entries = [...entries, source];
      return { kind: "result", result };
    },
    async runSpell(source, onEvent) {
      pending = [];
      const result = await run(source, "spell", onEvent);
      if (result.ok) entries = [...entries, source];
      return result;
    },
    discardPending() {
      pending = [];
    },
    reset(changes = {}) {
      settings = { ...settings, ...changes };
      fresh = true;
      pending = [];
      entries = [];
    },
    adopt(next) {
      settings = next;
      fresh = false;
      pending = [];
      entries = [];
    },
    cancel() {
      controller.cancel();
    },
  };
}

/**
 * True when `source` stops mid-statement: acorn's error is at the end of the input (JavaScript; top-level
 * `await` allowed, as entries run with it).
 */
export function isIncompleteJavascript(source: string): boolean {
  try {
    parse(source, { ecmaVersion: "latest", sourceType: "script", allowAwaitOutsideFunction: true });
    return false;
  } catch (err) {
    const e = err as { raisedAt?: unknown; pos?: unknown; message?: unknown };
    const end = source.trimEnd().length;
    const at = typeof e.raisedAt === "number" ? e.raisedAt : typeof e.pos === "number" ? e.pos : -1;
    if (at < end) return false;
    return /Unexpected token|Unterminated/.test(String(e.message));
  }
}

/** The result of an empty line: nothing ran. */
function emptyResult(engine: string): ExecutionResult {
  return { ok: true, value: null, logs: [], stats: { engine, durationMs: 0 } };
}

/**
 * Render a session's entries as one spell (`.save`), separated by blank lines. A Lua entry that is only an
 * expression (`1 + 1`, which the REPL ran as `return 1 + 1`) is no statement, so it is saved as `local _ = …`:
 * the file still loads, and what the expression called still runs.
 */
export async function entriesAsSpell(language: string, entries: readonly string[]): Promise<string> {
  if (entries.length === 0) return "";
  let parseLua: ((source: string) => { ok: boolean }) | undefined;
  if (language === "lua") parseLua = (await import("@/lib/check/lua")).parseLua;
  const lines = entries.map((entry) => (parseLua && !parseLua(entry).ok ? `local _ = ${entry}` : entry));
  return `${lines.join("\n\n")}\n`;
}
