/**
 * Host-side value conversion for the QuickJS engine. Values cross as JSON text with three tags that the
 * prelude understands: `{"\u0001h": id, "\u0001c": class, "\u0001x"?: fields}` (a host handle, with the plain
 * fields it carries) and `{"\u0001f": id}` (a spell function). Everything else is plain JSON.
 */
import { SpellError } from "../../lib/core/errors";
import {
  isHandleRef,
  isSpellFunction,
  type HandleRef,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";

const HANDLE_TAG = "\u0001h";
const CLASS_TAG = "\u0001c";
const FN_TAG = "\u0001f";
/** The plain fields a handle carries besides `$handle`/`$class` (`name`, `id`...), shown on the spell object. */
const FIELDS_TAG = "\u0001x";

/** Turns spell-function ids into host {@link SpellFunction}s and back, for one run. */
export interface FunctionTable {
  /** The SpellFunction for the spell function with this id (the same object for the same id). */
  fromId(id: number): SpellFunction;
  /** The id of a SpellFunction that came from this run, or undefined. */
  idOf(fn: SpellFunction): number | undefined;
}

/** Parse tagged JSON from the spell into host values (handles → HandleRef, functions → SpellFunction). */
export function parseFromSpell(text: string, functions: FunctionTable): HostValue {
  // Tags are the only place a \u0001 escape can appear in the prelude's JSON: skip the reviver without them.
  if (!text.includes("\\u0001")) return JSON.parse(text) as HostValue;
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[HANDLE_TAG] === "number") {
        const ref: HandleRef = { $handle: o[HANDLE_TAG] as number, $class: String(o[CLASS_TAG]) };
        return ref;
      }
      if (typeof o[FN_TAG] === "number") return functions.fromId(o[FN_TAG] as number);
    }
    return v;
  }) as HostValue;
}

/** Parse the spell's result: plain JSON, with a handle kept as its `{ $handle, $class }` reference. */
export function parseResult(text: string): JsonValue {
  if (!text.includes("\\u0001")) return JSON.parse(text) as JsonValue;
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[HANDLE_TAG] === "number") return { $handle: o[HANDLE_TAG] as number, $class: String(o[CLASS_TAG]) };
    }
    return v;
  }) as JsonValue;
}

/**
 * Serialise a host value for the spell. Throws a `conversion` SpellError for what cannot cross (a cycle, a
 * function that is not one of this run's spell functions, a BigInt).
 */
export function stringifyForSpell(value: HostValue, functions: FunctionTable): string {
  const ancestors: object[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (v === undefined) return undefined;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v === "bigint" || typeof v === "symbol") {
      throw new SpellError(
        "conversion",
        `the host returned a ${typeof v} at ${path}, which cannot cross into the spell`,
      );
    }
    if (typeof v === "function") {
      throw new SpellError("conversion", `the host returned a function at ${path}, which cannot cross into the spell`);
    }
    if (isSpellFunction(v)) {
      const id = functions.idOf(v);
      if (id === undefined) {
        throw new SpellError("conversion", `a function from another run at ${path} cannot cross into this spell`);
      }
      return { [FN_TAG]: id };
    }
    if (isHandleRef(v)) {
      const tag: Record<string, unknown> = { [HANDLE_TAG]: v.$handle, [CLASS_TAG]: v.$class };
      const fields: Record<string, unknown> = Object.create(null);
      let any = false;
      for (const [k, e] of Object.entries(v)) {
        if (k.startsWith("$")) continue;
        const w = walk(e, `${path}.${k}`);
        if (w === undefined) continue;
        fields[k] = w;
        any = true;
      }
      if (any) tag[FIELDS_TAG] = fields;
      return tag;
    }
    const obj = v as object;
    if (ancestors.includes(obj)) {
      throw new SpellError("conversion", `the host returned a cyclic value at ${path}`);
    }
    ancestors.push(obj);
    try {
      if (Array.isArray(obj)) return obj.map((e, i) => walk(e, `${path}[${i}]`) ?? null);
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, e] of Object.entries(obj)) {
        const w = walk(e, `${path}.${k}`);
        if (w !== undefined) out[k] = w;
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };
  return JSON.stringify(walk(value, "value") ?? null);
}
