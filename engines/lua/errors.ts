/**
 * Turning what Lua raised into a {@link SpellErrorData}: the spell's line from `spell:12:` prefixes, stacks
 * with script frames only, error tables that keep their kind and fields (pure functions), and reading the
 * raised value, its line and traceback off a Lua thread ({@link raisedError}, {@link killLine}).
 */
import { isSpellErrorKind, type SpellErrorData, type SpellErrorKind } from "../../lib/core/errors";
import { isHandleRef, type ApiSurface } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";
import { describeMissingName, namesOnApi } from "../../lib/core/names";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import { readLuaValue, type ConvertHost } from "./convert";
import { LuaType, type LuaApi, type LuaState } from "./lua-api";

/** The engine name every error of this engine carries. */
export const ENGINE = "lua";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Split `spell:12: message` into the line and the bare message; other messages pass through. */
export function splitPosition(message: string, chunkName: string): { line?: number; message: string } {
  const m = new RegExp(`^${escapeRegExp(chunkName)}:(\\d+): ?`).exec(message);
  if (!m) return { message };
  return { line: Number(m[1]), message: message.slice(m[0].length) };
}

/**
 * Keep only the spell's own frames of a Lua traceback (`spell:3: in function 'f'`), dropping C frames and the
 * engine's prelude. Undefined when no frame is left.
 */
export function scriptFrames(traceback: string | undefined, chunkName: string): string | undefined {
  if (!traceback) return undefined;
  const prefix = `${chunkName}:`;
  const frames = traceback
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith(prefix))
    // Frame descriptions may name a prelude function (`in function <llmspell:88>`): say "in a function".
    .map((l) => l.replace(/in function <(?!spell)[^>]*>/, "in a function"));
  return frames.length > 0 ? frames.join("\n") : undefined;
}

/** A syntax error from `load`: `spell:3: unexpected symbol near 'x'`. */
export function syntaxError(message: string, chunkName: string, engine: string): SpellErrorData {
  const { line, message: bare } = splitPosition(message, chunkName);
  const out: SpellErrorData = { kind: "syntax", message: bare, engine };
  if (line !== undefined) out.line = line;
  return out;
}

/** A string raised by the spell or the VM. */
export function stringError(
  raised: string,
  chunkName: string,
  engine: string,
  fallbackLine?: number,
  stack?: string,
): SpellErrorData {
  const { line, message } = splitPosition(raised, chunkName);
  const out: SpellErrorData = { kind: "runtime", message, engine };
  const l = line ?? fallbackLine;
  if (l !== undefined) out.line = l;
  if (stack) out.stack = stack;
  return out;
}

const RESERVED = new Set(["kind", "message", "line", "column", "stack", "engine"]);

/**
 * A table raised by the spell (`error({code = 42})`) or a host error caught and re-raised: a valid `kind`
 * is kept, `message` (or `msg`) becomes the message, every other field lands in `data`.
 */
export function tableError(
  fields: { [key: string]: JsonValue },
  engine: string,
  fallbackLine?: number,
  stack?: string,
): SpellErrorData {
  const kind: SpellErrorKind = isSpellErrorKind(fields.kind) ? fields.kind : "runtime";
  const message =
    typeof fields.message === "string"
      ? fields.message
      : typeof fields.msg === "string"
        ? fields.msg
        : `error value ${JSON.stringify(fields)}`;
  const out: SpellErrorData = { kind, message, engine };
  const line = typeof fields.line === "number" ? fields.line : fallbackLine;
  if (line !== undefined) out.line = line;
  if (typeof fields.column === "number") out.column = fields.column;
  if (stack) out.stack = stack;
  const rest: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(fields)) if (!RESERVED.has(k)) rest[k] = v;
  const keys = Object.keys(rest);
  // A host error re-raised keeps its own `data` as is.
  if (keys.length === 1 && keys[0] === "data" && isPlainObject(rest.data)) out.data = rest.data;
  else if (keys.length > 0) out.data = rest;
  return out;
}

function isPlainObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The error of a run that went past its memory limit. */
export function memoryError(limitBytes: number): SpellErrorData {
  return {
    kind: "memory",
    message: STOP_MESSAGES.memory(limitBytes),
    engine: ENGINE,
  };
}

/** What {@link raisedError} reads besides the thread. */
export interface RaisedContext {
  readonly api: LuaApi;
  readonly host: ConvertHost;
  readonly chunkName: string;
  /** The stop of a killed run, which wins over whatever the stop raised. */
  readonly killed: SpellErrorData | null;
  /** The memory limit, and whether an allocation was refused (then "not enough memory" is that limit). */
  readonly memoryLimit: number;
  readonly memory: { readonly failed: boolean };
  /** The API the run injected: the names a missing one is compared with. */
  readonly surface: ApiSurface | undefined;
}

/**
 * The message naming a missing name, from the hint the prelude's `missing_hint` made at the error (a miss on an
 * API table, or the globals there were); undefined when there is nothing better to say than Lua's own words.
 */
function missingNameMessage(hint: JsonValue, surface: ApiSurface | undefined): string | undefined {
  if (typeof hint !== "object" || hint === null || Array.isArray(hint)) return undefined;
  const { where, owner, name, use, names } = hint;
  if (typeof name !== "string" || (use !== "call" && use !== "index")) return undefined;
  if (where === "global") {
    const candidates = Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
    return describeMissingName({ where, name, use, candidates });
  }
  if ((where !== "member" && where !== "method") || typeof owner !== "string") return undefined;
  return describeMissingName({ where, owner, name, use, candidates: namesOnApi(surface, where, owner) });
}

/**
 * The error at `idx` of `T`: either the value run_root caught (followed by its line, traceback and a hint
 * about a missing name) or the raw error object of a failed resume.
 */
export function raisedError(ctx: RaisedContext, T: LuaState, idx: number): SpellErrorData {
  const { api, chunkName } = ctx;
  if (ctx.killed) return ctx.killed;
  const abs = api.absindex(T, idx);
  const top = api.gettop(T);
  const line = abs + 1 <= top && api.type(T, abs + 1) === LuaType.Number ? api.tonumber(T, abs + 1) : undefined;
  const tb = abs + 2 <= top && api.type(T, abs + 2) === LuaType.String ? api.tostring(T, abs + 2) : undefined;
  const stack = scriptFrames(tb, chunkName);
  const t = api.type(T, abs);
  if (t === LuaType.String) {
    const raised = api.tostring(T, abs);
    if (ctx.memory.failed && raised === "not enough memory") return memoryError(ctx.memoryLimit);
    const out = stringError(raised, chunkName, ENGINE, line, stack);
    if (abs + 3 <= top && api.type(T, abs + 3) === LuaType.Table) {
      let hint: JsonValue = null;
      try {
        hint = readLuaValue(ctx.host, T, abs + 3, "hint", { functions: "reject" }) as JsonValue;
      } catch {
        // An unreadable hint leaves Lua's own message.
      }
      const better = missingNameMessage(hint, ctx.surface);
      if (better !== undefined) out.message = better;
    }
    return out;
  }
  if (t === LuaType.Table) {
    let fields: { [key: string]: JsonValue };
    try {
      const v = readLuaValue(ctx.host, T, abs, "error", { functions: "reject" });
      fields =
        isHandleRef(v) || Array.isArray(v) || typeof v !== "object" || v === null
          ? { value: v as JsonValue }
          : (v as { [key: string]: JsonValue });
    } catch {
      fields = {};
    }
    return tableError(fields, ENGINE, line, stack);
  }
  const described =
    t === LuaType.Nil
      ? "nil"
      : t === LuaType.Boolean
        ? String(api.toboolean(T, abs) !== 0)
        : t === LuaType.Number
          ? String(api.tonumber(T, abs))
          : `a ${["", "", "userdata", "", "", "", "function", "userdata", "coroutine"][t] ?? "value"}`;
  const out: SpellErrorData = { kind: "runtime", message: `error value: ${described}`, engine: ENGINE };
  if (line !== undefined) out.line = line;
  if (stack) out.stack = stack;
  return out;
}

/** Where a killed spell was: the running function's line, when it is spell code. */
export function killLine(api: LuaApi, L: LuaState, chunkName: string): number | undefined {
  api.where(L, 0);
  const where = api.tostring(L, -1);
  api.pop(L, 1);
  const m = /:(\d+):\s*$/.exec(where);
  return m && where.startsWith(`${chunkName}:`) ? Number(m[1]) : undefined;
}
