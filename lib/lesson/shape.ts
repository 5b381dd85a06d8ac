/**
 * "The returned value matches a shape": a shape is a JSON value a teacher can write by hand, read as a pattern.
 * Written here rather than with JSON Schema (ajv) because a lesson's shape is meant to be read by students:
 * `{ "name": "string", "tags": ["string"] }` says what it means, a JSON Schema for it takes twelve lines.
 *
 * - `"string"`, `"number"`, `"integer"`, `"boolean"`, `"null"`, `"object"`, `"array"`, `"any"`: a value of that type.
 * - any other string, a number, a boolean or null: that exact value.
 * - an object: an object that has at least these keys, each matching (extra keys are allowed).
 * - `[]`: any array; `[shape]`: an array whose every item matches `shape`, with at least one item.
 */
import type { JsonValue } from "@/lib/core/json";

const TYPE_WORDS = new Set(["string", "number", "integer", "boolean", "null", "object", "array", "any"]);

function typeName(v: JsonValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Why `value` does not match `shape` (with the path to the first difference), or undefined when it does. */
export function findShapeMismatch(value: JsonValue, shape: JsonValue, path = "value"): string | undefined {
  if (typeof shape === "string" && TYPE_WORDS.has(shape)) {
    const t = typeName(value);
    if (shape === "any") return undefined;
    if (shape === "integer") return Number.isInteger(value) ? undefined : `${path} should be an integer, got ${t}`;
    return t === shape ? undefined : `${path} should be ${article(shape)}, got ${describeValue(value)}`;
  }
  if (shape === null || typeof shape !== "object") {
    return value === shape ? undefined : `${path} should be ${JSON.stringify(shape)}, got ${describeValue(value)}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${path} should be an array, got ${describeValue(value)}`;
    if (shape.length === 0) return undefined;
    if (value.length === 0) return `${path} should have at least one item`;
    for (let i = 0; i < value.length; i++) {
      const m = findShapeMismatch(value[i], shape[0], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeName(value) !== "object") return `${path} should be an object, got ${describeValue(value)}`;
  const obj = value as { [k: string]: JsonValue };
  for (const key of Object.keys(shape)) {
    const sub = `${path}.${key}`;
    if (!Object.hasOwn(obj, key)) return `${sub} is missing`;
    const m = findShapeMismatch(obj[key], shape[key], sub);
    if (m) return m;
  }
  return undefined;
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  const ao = a as { [k: string]: JsonValue };
  const bo = b as { [k: string]: JsonValue };
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => Object.hasOwn(bo, k) && jsonEquals(ao[k], bo[k]));
}

/** Does `value` hold at least what `partial` says: objects by their listed keys, anything else by equality. */
export function includesJson(value: JsonValue | undefined, partial: JsonValue): boolean {
  if (value === undefined) return false;
  if (partial === null || typeof partial !== "object" || Array.isArray(partial)) return jsonEquals(value, partial);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const obj = value as { [k: string]: JsonValue };
  return Object.entries(partial).every(([k, v]) => Object.hasOwn(obj, k) && includesJson(obj[k], v));
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A value, short, for a message. */
export function describeValue(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
