/**
 * Turning what Lua raised into a {@link SpellErrorData}: the spell's line from `spell:12:` prefixes, stacks
 * with script frames only, error tables that keep their kind and fields. Pure functions (no Lua state).
 */
import { isSpellErrorKind, type SpellErrorData, type SpellErrorKind } from "../../lib/core/errors";
import { type JsonValue } from "../../lib/core/json";

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
