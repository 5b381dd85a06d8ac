/**
 * Paths into jq values: indexing (`getField`, `.[k]`, and `indicesOf`, `.[array]` and `indices`), slice bounds,
 * `getPath`/`setPath`/`deletePaths` (what `getpath`, `setpath`, `delpaths`, `del` and the assignment operators
 * do) and the recursive walks behind `..`, `recurse` and `paths`, each step counted against the budget.
 */
import { setOwnValue } from "@/lib/core/json";
import type { Budget } from "./budget";
import { JqError, JqLimitError } from "./errors";
import type { Json, Path } from "./types";
import { compare, isObj, typeOf } from "./values";

export function getField(v: Json, key: Json, opt: boolean): Json[] {
  if (v === null) return [null];
  if (typeof key === "string" && isObj(v)) return [Object.hasOwn(v, key) ? v[key] : null];
  if (typeof key === "number" && Array.isArray(v)) {
    const i = Math.floor(key < 0 ? v.length + key : key);
    return [i >= 0 && i < v.length ? v[i] : null];
  }
  if (Array.isArray(key) && Array.isArray(v)) return [indicesOf(v, key)];
  if (opt) return [];
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeof key === "string" ? `string "${key}"` : typeOf(key)}`);
}

export function indicesOf(v: Json[] | string, sub: Json[] | string): Json {
  const out: number[] = [];
  if (typeof v === "string" && typeof sub === "string") {
    if (!sub) return null;
    for (let i = v.indexOf(sub); i >= 0; i = v.indexOf(sub, i + 1)) out.push(i);
    return out;
  }
  const [a, b] = [v as Json[], sub as Json[]];
  if (!b.length) return null;
  for (let i = 0; i + b.length <= a.length; i++) if (b.every((x, j) => compare(a[i + j], x) === 0)) out.push(i);
  return out;
}

export function sliceBounds(len: number, from: Json, to: Json): [number, number] {
  const norm = (x: Json, d: number) => {
    if (x === null) return d;
    if (typeof x !== "number") throw new JqError("Start and end indices of an array slice must be numbers");
    const n = Math.floor(x < 0 ? len + x : x);
    return Math.max(0, Math.min(len, n));
  };
  const s = norm(from, 0);
  return [s, Math.max(s, norm(to, len))];
}

export function setPath(root: Json, path: Path, value: Json, i = 0): Json {
  if (i === path.length) return value;
  const key = path[i];
  if (typeof key === "string") {
    if (root !== null && !isObj(root)) throw new JqError(`Cannot index ${typeOf(root)} with string "${key}"`);
    const o = { ...((root ?? {}) as { [k: string]: Json }) };
    setOwnValue(o, key, setPath(Object.hasOwn(o, key) ? o[key] : null, path, value, i + 1));
    return o;
  }
  if (typeof key === "number") {
    if (root !== null && !Array.isArray(root)) throw new JqError(`Cannot index ${typeOf(root)} with number`);
    const a = [...((root ?? []) as Json[])];
    const idx = key < 0 ? a.length + key : key;
    if (idx < 0) throw new JqError("Out of bounds negative array index");
    if (idx > 1_000_000) throw new JqLimitError("array index too large");
    while (a.length < idx) a.push(null);
    a[idx] = setPath(idx < a.length ? a[idx] : null, path, value, i + 1);
    return a;
  }
  const arr = (root ?? []) as Json[];
  if (!Array.isArray(arr)) throw new JqError(`Cannot update field at object index of ${typeOf(root)}`);
  const [s, e] = sliceBounds(arr.length, key.start, key.end);
  const repl = setPath(arr.slice(s, e), path, value, i + 1);
  if (!Array.isArray(repl)) throw new JqError("A slice of an array can only be assigned another array");
  return [...arr.slice(0, s), ...repl, ...arr.slice(e)];
}

export function getPath(root: Json, path: Path): Json {
  let v = root;
  for (const key of path) {
    if (v === null) return null;
    if (typeof key === "object") {
      if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with object`);
      const [s, e] = sliceBounds(v.length, key.start, key.end);
      v = v.slice(s, e);
    } else v = getField(v, key, false)[0];
  }
  return v;
}

export function deletePaths(root: Json, paths: Path[]): Json {
  const sorted = [...paths].sort((a, b) => compare(b as unknown as Json, a as unknown as Json));
  let out = root;
  for (const p of sorted) out = deletePath(out, p);
  return out;
}

function deletePath(root: Json, path: Path): Json {
  if (path.length === 0) return null;
  if (root === null) return null;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (typeof key === "string" && isObj(root)) {
      const o = { ...root };
      delete o[key];
      return o;
    }
    if (typeof key === "number" && Array.isArray(root)) {
      const idx = key < 0 ? root.length + key : key;
      return root.filter((_, i) => i !== idx);
    }
    if (typeof key === "object" && Array.isArray(root)) {
      const [s, e] = sliceBounds(root.length, key.start, key.end);
      return [...root.slice(0, s), ...root.slice(e)];
    }
    throw new JqError(`Cannot delete field at index of ${typeOf(root)}`);
  }
  const child = getPath(root, [key]);
  return setPath(root, [key], deletePath(child, rest));
}

export function* recurseValues(v: Json, b: Budget): Generator<Json> {
  b.tick();
  yield v;
  if (Array.isArray(v)) for (const x of v) yield* recurseValues(x, b);
  else if (isObj(v)) for (const x of Object.values(v)) yield* recurseValues(x, b);
}

export function* recursePaths(v: Json, path: Path, b: Budget): Generator<[Json, Path]> {
  b.tick();
  yield [v, path];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* recursePaths(v[i], [...path, i], b);
  else if (isObj(v)) for (const k of Object.keys(v)) yield* recursePaths(v[k], [...path, k], b);
}
