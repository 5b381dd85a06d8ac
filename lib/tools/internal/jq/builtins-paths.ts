/**
 * The path builtins: `path`, `paths`, `leaf_paths`, `getpath`, `setpath`, `delpaths`, `del`, `pick`,
 * `tostream`, `walk`, and the entries builtins `to_entries`, `from_entries` and `with_entries`.
 */
import { JqError } from "./errors";
import { deletePaths, getPath, recursePaths, setPath } from "./paths";
import type { Builtin } from "./runtime";
import type { Json, Path } from "./types";
import { errDesc, isObj, truthy, typeOf } from "./values";

export const PATHS_BUILTINS: Record<string, Builtin> = {
  "to_entries/0": function* (rt, a, v) {
    if (Array.isArray(v)) yield v.map((x, i) => ({ key: i, value: x }));
    else if (isObj(v)) yield Object.entries(v).map(([k, x]) => ({ key: k, value: x }));
    else throw new JqError(`${errDesc(v)} has no keys`);
  },
  "from_entries/0": function* (rt, a, v) {
    if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    const out: { [k: string]: Json } = {};
    for (const e of v) {
      if (!isObj(e)) throw new JqError(`Cannot index ${typeOf(e)} with string "key"`);
      const k = e.key ?? e.k ?? e.name ?? e.Name ?? e.Key ?? e.K;
      const val = "value" in e ? e.value : "v" in e ? e.v : "Value" in e ? e.Value : null;
      if (typeof k !== "string" && typeof k !== "number" && typeof k !== "boolean")
        throw new JqError(`Cannot use ${typeOf(k ?? null)} as object key`);
      out[String(k)] = val ?? null;
    }
    yield out;
  },
  "with_entries/1": function* (rt, a, v, env) {
    if (!isObj(v)) throw new JqError(`${errDesc(v)} has no keys`);
    const mapped: Json[] = [];
    for (const [k, x] of Object.entries(v)) for (const r of rt.ev(a[0], { key: k, value: x }, env)) mapped.push(r);
    yield* rt.builtinOn("from_entries", mapped, null);
  },
  "paths/0": function* (rt, a, v) {
    for (const [, p] of recursePaths(v, [], rt.budget)) if (p.length) yield p as Json[];
  },
  "paths/1": function* (rt, a, v, env) {
    for (const [x, p] of recursePaths(v, [], rt.budget))
      if (p.length && [...rt.ev(a[0], x, env)].some(truthy)) yield p as Json[];
  },
  "leaf_paths/0": function* (rt, a, v) {
    for (const [x, p] of recursePaths(v, [], rt.budget))
      if (p.length && (x === null || typeof x !== "object")) yield p as Json[];
  },
  "path/1": function* (rt, a, v, env) {
    for (const [, p] of rt.paths(a[0], v, env))
      yield p.map((k) => (typeof k === "object" ? ({ start: k.start, end: k.end } as Json) : k));
  },
  "getpath/1": function* (rt, a, v, env) {
    for (const p of rt.all(a[0], v, env)) {
      if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
      try {
        yield getPath(v, p as Path);
      } catch {
        yield null;
      }
    }
  },
  "setpath/2": function* (rt, a, v, env) {
    for (const [p, x] of rt.cartesian(a, v, env)) {
      if (!Array.isArray(p)) throw new JqError("Path must be specified as an array");
      yield setPath(v, p as Path, x);
    }
  },
  "delpaths/1": function* (rt, a, v, env) {
    for (const ps of rt.all(a[0], v, env)) {
      if (!Array.isArray(ps)) throw new JqError("Paths must be specified as an array");
      yield deletePaths(v, ps as Path[]);
    }
  },
  "del/1": function* (rt, a, v, env) {
    yield deletePaths(
      v,
      [...rt.paths(a[0], v, env)].map(([, p]) => p),
    );
  },
  "tostream/0": function* (rt, a, v) {
    // [path, leaf] for each leaf (scalars and empty arrays and objects), and [path to its last child] after the
    // children of each non-empty array or object, the root included.
    const stream = function* (x: Json, path: Json[]): Generator<Json> {
      rt.budget.tick();
      const keys: (string | number)[] = Array.isArray(x) ? x.map((_, i) => i) : isObj(x) ? Object.keys(x) : [];
      if (keys.length === 0) {
        yield [path, x];
        return;
      }
      for (const k of keys) yield* stream((x as Record<string | number, Json>)[k], [...path, k]);
      yield [[...path, keys[keys.length - 1]]];
    };
    yield* stream(v, []);
  },
  "pick/1": function* (rt, a, v, env) {
    let out: Json = null;
    for (const [, p] of rt.paths(a[0], v, env)) out = setPath(out, p, getPath(v, p));
    yield out;
  },
  "walk/1": function* (rt, a, v, env) {
    const walk = function* (x: Json): Generator<Json> {
      rt.budget.tick();
      let inner: Json = x;
      if (Array.isArray(x)) {
        inner = [];
        for (const e of x) for (const r of walk(e)) (inner as Json[]).push(r);
      } else if (isObj(x)) {
        inner = {};
        for (const [k, e] of Object.entries(x)) {
          const r = walk(e).next();
          if (!r.done) (inner as { [k: string]: Json })[k] = r.value;
        }
      }
      yield* rt.ev(a[0], inner, env);
    };
    yield* walk(v);
  },
};
