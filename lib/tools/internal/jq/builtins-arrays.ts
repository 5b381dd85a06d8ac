/**
 * The array builtins: `add`, `any`/`all`, `flatten`, sorting and grouping (`sort`, `sort_by`, `group_by`,
 * `unique`, `unique_by`, `min`/`max`, `min_by`/`max_by`), `reverse`, `to_array`, `transpose`, `combinations` and
 * `indices`/`index`/`rindex` (which search strings too).
 */
import { fail, JqError } from "./errors";
import { indicesOf } from "./paths";
import type { Builtin } from "./runtime";
import type { Json } from "./types";
import { arith, compare, errDesc, isObj, truthy, typeOf } from "./values";

const anyAll0: Builtin = function* (rt, a, v, env, name) {
  if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
  const items = Array.isArray(v) ? v : Object.values(v);
  yield name === "any" ? items.some(truthy) : items.every(truthy);
};

const anyAll1: Builtin = function* (rt, a, v, env, name) {
  if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
  const items = Array.isArray(v) ? v : Object.values(v);
  const test = (x: Json) => [...rt.ev(a[0], x, env)].some(truthy);
  yield name === "any" ? items.some(test) : items.every((x) => [...rt.ev(a[0], x, env)].every(truthy));
};

const anyAll2: Builtin = function* (rt, a, v, env, name) {
  let result = name === "all";
  for (const x of rt.ev(a[0], v, env)) {
    const t = [...rt.ev(a[1], x, env)].some(truthy);
    if (name === "any" && t) {
      result = true;
      break;
    }
    if (name === "all" && !t) {
      result = false;
      break;
    }
  }
  yield result;
};

const flatten: Builtin = function* (rt, a, v, env) {
  for (const d of a.length ? rt.all(a[0], v, env) : [1e9]) {
    if (typeof d !== "number" || d < 0) throw new JqError("flatten depth must not be negative");
    if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    yield (v as unknown[]).flat(d) as Json[];
  }
};

const sortByKey: Builtin = function* (rt, a, v, env, name) {
  if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
  const keyed = v.map((x, i) => ({ x, i, k: rt.all(a[0], x, env) as Json }));
  keyed.sort((p, q) => compare(p.k, q.k) || p.i - q.i);
  if (name === "sort_by") yield keyed.map((e) => e.x);
  else if (name === "min_by") yield keyed.length ? keyed[0].x : null;
  else if (name === "max_by") {
    let best = keyed[keyed.length - 1];
    for (const e of keyed) if (compare(e.k, best.k) === 0) best = e;
    yield keyed.length ? best.x : null;
  } else {
    const groups: { k: Json; xs: Json[] }[] = [];
    for (const e of keyed) {
      const g = groups[groups.length - 1];
      if (g && compare(g.k, e.k) === 0) g.xs.push(e.x);
      else groups.push({ k: e.k, xs: [e.x] });
    }
    yield name === "group_by" ? groups.map((g) => g.xs) : groups.map((g) => g.xs[0]);
  }
};

const minMax: Builtin = function* (rt, a, v, env, name) {
  if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be sorted, as it is not an array`);
  yield v.length ? [...v].sort(compare)[name === "min" ? 0 : v.length - 1] : null;
};

const toArray: Builtin = function* (rt, a, v) {
  yield Array.isArray(v) ? v : [v];
};

const indicesOfInput: Builtin = function* (rt, a, v, env, name) {
  for (const s of rt.all(a[0], v, env)) {
    if (v === null) {
      yield null;
      continue;
    }
    let idx: Json;
    if (typeof v === "string" && typeof s === "string") idx = indicesOf(v, s);
    else if (Array.isArray(v)) idx = indicesOf(v, Array.isArray(s) ? s : [s]);
    else throw new JqError(`Cannot determine indices of ${typeOf(s)} in ${typeOf(v)}`);
    if (name === "indices") yield idx;
    else {
      const arr = (idx ?? []) as number[];
      yield arr.length ? (name === "index" ? arr[0] : arr[arr.length - 1]) : null;
    }
  }
};

/** `v` sorted in jq's order, as a new array; jq's error for anything that is not an array. */
function sortedCopy(v: Json): Json[] {
  if (!Array.isArray(v)) throw new JqError(`${errDesc(v)} cannot be sorted, as it is not an array`);
  return [...v].sort(compare);
}

export const ARRAYS_BUILTINS: Record<string, Builtin> = {
  "add/0": function* (rt, a, v) {
    const items = Array.isArray(v)
      ? v
      : isObj(v)
        ? Object.values(v)
        : v === null
          ? []
          : fail(`Cannot iterate over ${errDesc(v)}`);
    let acc: Json = null;
    for (const x of items) {
      rt.budget.tick();
      acc = arith("+", acc, x);
    }
    yield acc;
  },
  "add/1": function* (rt, a, v, env) {
    let acc: Json = null;
    for (const x of rt.ev(a[0], v, env)) acc = arith("+", acc, x);
    yield acc;
  },
  "any/0": anyAll0,
  "all/0": anyAll0,
  "any/1": anyAll1,
  "all/1": anyAll1,
  "any/2": anyAll2,
  "all/2": anyAll2,
  "flatten/0": flatten,
  "flatten/1": flatten,
  "sort/0": function* (rt, a, v) {
    yield sortedCopy(v);
  },
  "sort_by/1": sortByKey,
  "group_by/1": sortByKey,
  "unique_by/1": sortByKey,
  "min_by/1": sortByKey,
  "max_by/1": sortByKey,
  "unique/0": function* (rt, a, v) {
    yield sortedCopy(v).filter((x, i, arr) => i === 0 || compare(arr[i - 1], x) !== 0);
  },
  "min/0": minMax,
  "max/0": minMax,
  "reverse/0": function* (rt, a, v) {
    if (typeof v === "string") yield Array.from(v).reverse().join("");
    else if (v === null) yield [];
    else if (Array.isArray(v)) yield [...v].reverse();
    else throw new JqError(`Cannot reverse ${typeOf(v)}`);
  },
  "to_array/0": toArray,
  "toarray/0": toArray,
  "transpose/0": function* (rt, a, v) {
    if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    const rows = v as Json[][];
    const len = Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
    yield Array.from({ length: len }, (_, i) => rows.map((r) => r[i] ?? null));
  },
  "combinations/0": function* (rt, a, v) {
    if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    const comb = function* (i: number, acc: Json[]): Generator<Json> {
      rt.budget.tick();
      if (i === (v as Json[]).length) {
        yield acc;
        return;
      }
      const choices = (v as Json[])[i];
      if (!Array.isArray(choices)) throw new JqError(`Cannot iterate over ${errDesc(choices)}`);
      for (const c of choices) yield* comb(i + 1, [...acc, c]);
    };
    yield* comb(0, []);
  },
  "combinations/1": function* (rt, a, v, env) {
    for (const n of rt.all(a[0], v, env))
      yield* rt.builtinOn(
        "combinations",
        Array.from({ length: n as number }, () => v),
        null,
      );
  },
  "indices/1": indicesOfInput,
  "index/1": indicesOfInput,
  "rindex/1": indicesOfInput,
};
