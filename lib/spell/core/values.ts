/** Small helpers over the JSON-shaped values that cross the bridge. */
import type { SpellDialect } from "@/lib/core/dialect";
import { isHandleRef, isSpellFunction, type HostValue } from "@/lib/core/engine";
import { SpellError } from "@/lib/core/errors";
import { setOwnValue, type JsonValue } from "@/lib/core/json";

export type JsonObject = { [key: string]: JsonValue };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isSpellFunction(v) && !isHandleRef(v);
}

/** The script's name for a value's type: Lua says `nil`/`table`, JavaScript says `undefined`/`object`/`array`. */
export function scriptTypeName(v: unknown, dialect: SpellDialect): string {
  const words = dialect.typeWords;
  if (v === undefined) return words.undefined;
  if (v === null) return words.null;
  if (isSpellFunction(v)) return "function";
  if (isHandleRef(v)) return v.$class;
  if (Array.isArray(v)) return words.array;
  if (typeof v === "object") return words.object;
  return typeof v;
}

/** Read `a.b.0.c` from a value (arrays by index); undefined when any part is missing. */
export function getPath(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const part of path) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      cur = Number.isInteger(i) ? cur[i] : undefined;
    } else if (isPlainObject(cur)) {
      cur = cur[part];
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The text of a value as a prompt sees it: strings as they are, `{text}` results by their text, else JSON. */
export function textOf(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isPlainObject(v) && typeof v.text === "string") return v.text;
  return JSON.stringify(v);
}

/** How much of a value a trace event keeps. */
export interface TraceValueBounds {
  maxString: number;
  maxDepth: number;
}

const CUT_BOUNDS: TraceValueBounds = { maxString: 4000, maxDepth: 8 };

/**
 * The bounds of a model call's request and reply, which the trace shows whole (its request view folds long texts,
 * never cuts them): the gateway's 64 KiB request body bounds a request, its output cap a reply.
 */
export const WHOLE_TRACE_BOUNDS: TraceValueBounds = { maxString: 64 * 1024, maxDepth: 32 };

/** A copy for a trace event: JSON only, long strings cut, functions and handles named. */
export function toTraceValue(v: unknown, depth = 0, bounds: TraceValueBounds = CUT_BOUNDS): JsonValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v.length > bounds.maxString ? v.slice(0, bounds.maxString) + "…" : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (isSpellFunction(v)) return "<function>";
  if (isHandleRef(v)) return `<${v.$class}>`;
  if (depth > bounds.maxDepth) return "…";
  if (Array.isArray(v)) return v.slice(0, 200).map((x) => toTraceValue(x, depth + 1, bounds));
  if (typeof v === "object") {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      if (x !== undefined) setOwnValue(out, k, toTraceValue(x, depth + 1, bounds));
    return out;
  }
  return null;
}

/**
 * Strip functions and handles so a value is plain JSON, silently. For copies of values the API made itself and
 * for display (Debug); a value a spell hands to a JSON-only argument goes through {@link toJsonArg} instead.
 */
export function toJson(v: HostValue | unknown): JsonValue {
  return convertToJson(v, undefined, []);
}

/**
 * The one walk behind {@link toJson} and {@link toJsonArg}: handles are dropped; a function is dropped too, or
 * handed to `onFunction` (which throws) with the path of keys that led to it.
 */
function convertToJson(
  v: unknown,
  onFunction: ((keys: (string | number)[]) => never) | undefined,
  keys: (string | number)[],
): JsonValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isSpellFunction(v)) return onFunction ? onFunction(keys) : null;
  if (isHandleRef(v)) return null;
  if (Array.isArray(v)) {
    return v.map((x, i) => {
      keys.push(i);
      const out = convertToJson(x, onFunction, keys);
      keys.pop();
      return out;
    });
  }
  if (typeof v === "object") {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined || isHandleRef(x) || (isSpellFunction(x) && !onFunction)) continue;
      keys.push(k);
      setOwnValue(out, k, convertToJson(x, onFunction, keys));
      keys.pop();
    }
    return out;
  }
  return null;
}

/** Names a JSON-only argument for {@link toJsonArg}'s conversion error. */
export interface JsonArg {
  /** The call as the script wrote it: `State.save`, `Workflow.builder():add_step`. */
  where: string;
  /** The argument's path: `value`, `params`, `steps[2].input`. */
  path: string;
  /** What cannot be done with a function: `stored` in "a function, which cannot be stored". */
  use: string;
  /** The spell's dialect: Lua paths count list items from 1, JavaScript from 0. */
  dialect: SpellDialect;
}

/** A path step as the spell writes it: `.name`, `["odd key"]`, `[2]` (a Lua list's second item; `[1]` in JavaScript). */
export function formatPathKey(k: string | number, dialect: SpellDialect): string {
  if (typeof k === "number") return `[${k + dialect.indexBase}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

/**
 * A value a spell passed where the API takes JSON only (State values, tool params, step inputs, event data...),
 * as plain JSON. Functions cross only where the API takes a callback (docs/spell-api.md), so a function anywhere in
 * it raises a `conversion` error naming its path instead of being dropped:
 * `State.save: value.f is a function, which cannot be stored (only JSON values can)`.
 */
export function toJsonArg(v: HostValue | unknown, arg: JsonArg): JsonValue {
  return convertToJson(
    v,
    (keys) => {
      const path = arg.path + keys.map((k) => formatPathKey(k, arg.dialect)).join("");
      throw new SpellError(
        "conversion",
        `${arg.where}: ${path} is a function, which cannot be ${arg.use} (only JSON values can)`,
      );
    },
    [],
  );
}

/** {@link toJsonArg} bound to one dialect: `jsonArg(value, "State.save", "value", "stored")`. */
export type JsonArgReader = (v: unknown, where: string, path: string, use: string) => JsonValue;

export function createJsonArgReader(dialect: SpellDialect): JsonArgReader {
  return (v, where, path, use) => toJsonArg(v, { where, path, use, dialect });
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A short random hex id (`agent_1a2b3c4d`) drawn from `random` (the run's: seeded when it is recorded). */
export function shortHex(random: () => number): string {
  return Math.floor(random() * 0x100000000)
    .toString(16)
    .padStart(8, "0");
}

/** A version 4 UUID drawn from `random` (the run's: seeded when it is recorded, so a replay gets the same ids). */
export function randomUuid(random: () => number): string {
  const h = () => shortHex(random);
  const variant = "89ab"[Math.floor(random() * 4)];
  return `${h()}-${h().slice(0, 4)}-4${h().slice(0, 3)}-${variant}${h().slice(0, 3)}-${h()}${h().slice(0, 4)}`;
}
