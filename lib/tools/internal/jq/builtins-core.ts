/**
 * The core builtins: `empty`, `not`, `error`, `null`/`true`/`false`, `length`, `keys`, `values`, `has`, `in`,
 * `map`, `map_values`, `select`, `recurse`, `isvalid`, `type` and the type filters (`arrays`, `strings`, ...),
 * `contains`/`inside`, `IN`/`INDEX`, and the I/O builtins a single-input sandbox answers itself (`input`, `debug`,
 * `env`, `halt`, ...).
 */
import { setOwnValue } from "@/lib/core/json";
import { JqError } from "./errors";
import { recurseValues } from "./paths";
import type { Builtin, Env, Runtime } from "./runtime";
import type { Json, Node } from "./types";
import { compare, contains, errDesc, isObj, tojson, truthy, typeOf } from "./values";

const keysOf: Builtin = function* (rt, a, v, env, name) {
  if (isObj(v)) yield name === "keys" ? Object.keys(v).sort() : Object.keys(v);
  else if (Array.isArray(v)) yield v.map((_, i) => i);
  else throw new JqError(`${errDesc(v)} has no keys`);
};

const typeFilter: Builtin = function* (rt, a, v, env, name) {
  const t = typeOf(v);
  const ok = {
    arrays: t === "array",
    objects: t === "object",
    iterables: t === "array" || t === "object",
    booleans: t === "boolean",
    numbers: t === "number",
    strings: t === "string",
    nulls: t === "null",
    scalars: t !== "array" && t !== "object",
  }[name];
  if (ok) yield v;
};

const envOrBuiltins: Builtin = function* (rt, a, v, env, name) {
  yield name === "env" ? {} : [];
};

const noInput: Builtin = function* () {
  throw new JqError("No more inputs");
};

const passThrough: Builtin = function* (rt, a, v) {
  yield v;
};

const halt: Builtin = function* (rt, a, v, env, name) {
  throw new JqError(name === "halt" ? "halt is not available" : v);
};

const unavailable: Builtin = function* (rt, a, v, env, name) {
  throw new JqError(`${name} is not available`);
};

/** `INDEX`: an object of the rows keyed by `key` (as a string) of each. */
function indexRows(rt: Runtime, rows: Iterable<Json>, key: Node, env: Env): Json {
  const out: { [k: string]: Json } = {};
  for (const row of rows) {
    const k = rt.ev(key, row, env).next().value ?? null;
    out[typeof k === "string" ? k : tojson(k)] = row;
  }
  return out;
}

export const CORE_BUILTINS: Record<string, Builtin> = {
  "empty/0": function* () {},
  "not/0": function* (rt, a, v) {
    yield !truthy(v);
  },
  "error/0": function* (rt, a, v) {
    throw new JqError(v);
  },
  "error/1": function* (rt, a, v, env) {
    for (const m of rt.all(a[0], v, env)) throw new JqError(m);
  },
  "null/0": function* () {
    yield null;
  },
  "true/0": function* () {
    yield true;
  },
  "false/0": function* () {
    yield false;
  },
  "length/0": function* (rt, a, v) {
    if (v === null) yield 0;
    else if (typeof v === "boolean") throw new JqError(`boolean (${v}) has no length`);
    else if (typeof v === "number") yield Math.abs(v);
    else if (typeof v === "string") yield Array.from(v).length;
    else yield Array.isArray(v) ? v.length : Object.keys(v).length;
  },
  "keys/0": keysOf,
  "keys_unsorted/0": keysOf,
  "values/0": function* (rt, a, v) {
    if (v !== null) yield v;
  },
  "has/1": function* (rt, a, v, env) {
    for (const k of rt.all(a[0], v, env)) {
      if (isObj(v) && typeof k === "string") yield Object.hasOwn(v, k);
      else if (Array.isArray(v) && typeof k === "number") yield k >= 0 && k < v.length;
      else throw new JqError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`);
    }
  },
  "in/1": function* (rt, a, v, env) {
    for (const o of rt.all(a[0], v, env)) yield* rt.builtinOn("has", o, v);
  },
  "map/1": function* (rt, a, v, env) {
    if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    const out: Json[] = [];
    for (const x of Array.isArray(v) ? v : Object.values(v)) for (const r of rt.ev(a[0], x, env)) out.push(r);
    yield out;
  },
  "map_values/1": function* (rt, a, v, env) {
    if (Array.isArray(v)) {
      const out: Json[] = [];
      for (const x of v) {
        const r = rt.ev(a[0], x, env).next();
        if (!r.done) out.push(r.value);
      }
      yield out;
    } else if (isObj(v)) {
      const out: { [k: string]: Json } = {};
      for (const [k, x] of Object.entries(v)) {
        const r = rt.ev(a[0], x, env).next();
        if (!r.done) setOwnValue(out, k, r.value);
      }
      yield out;
    } else throw new JqError(`Cannot iterate over ${errDesc(v)}`);
  },
  "select/1": function* (rt, a, v, env) {
    for (const c of rt.ev(a[0], v, env)) if (truthy(c)) yield v;
  },
  "recurse/0": function* (rt, a, v) {
    yield* recurseValues(v, rt.budget);
  },
  "recurse/1": function* (rt, a, v, env) {
    const rec = function* (x: Json): Generator<Json> {
      rt.budget.tick();
      yield x;
      for (const y of rt.ev(a[0], x, env)) yield* rec(y);
    };
    yield* rec(v);
  },
  "recurse/2": function* (rt, a, v, env) {
    const rec = function* (x: Json): Generator<Json> {
      rt.budget.tick();
      yield x;
      for (const y of rt.ev(a[0], x, env)) {
        if ([...rt.ev(a[1], y, env)].some(truthy)) yield* rec(y);
      }
    };
    yield* rec(v);
  },
  "isvalid/1": function* (rt, a, v, env) {
    try {
      rt.ev(a[0], v, env).next();
      yield true;
    } catch (e) {
      if (!(e instanceof JqError)) throw e;
      yield false;
    }
  },
  "type/0": function* (rt, a, v) {
    yield typeOf(v);
  },
  "arrays/0": typeFilter,
  "objects/0": typeFilter,
  "iterables/0": typeFilter,
  "booleans/0": typeFilter,
  "numbers/0": typeFilter,
  "strings/0": typeFilter,
  "nulls/0": typeFilter,
  "scalars/0": typeFilter,
  "contains/1": function* (rt, a, v, env) {
    for (const b of rt.all(a[0], v, env)) yield contains(v, b);
  },
  "inside/1": function* (rt, a, v, env) {
    for (const b of rt.all(a[0], v, env)) yield contains(b, v);
  },
  "IN/1": function* (rt, a, v, env) {
    for (const x of rt.ev(a[0], v, env)) {
      if (compare(x, v) === 0) {
        yield true;
        return;
      }
    }
    yield false;
  },
  "IN/2": function* (rt, a, v, env) {
    for (const src of rt.ev(a[0], v, env)) {
      let found = false;
      for (const x of rt.ev(a[1], v, env)) if (compare(x, src) === 0) found = true;
      if (found) {
        yield true;
        return;
      }
    }
    yield false;
  },
  "INDEX/1": function* (rt, a, v, env) {
    if (!Array.isArray(v) && !isObj(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
    yield indexRows(rt, Array.isArray(v) ? v : Object.values(v), a[0], env);
  },
  "INDEX/2": function* (rt, a, v, env) {
    yield indexRows(rt, rt.ev(a[0], v, env), a[1], env);
  },
  "env/0": envOrBuiltins,
  "builtins/0": envOrBuiltins,
  "input/0": noInput,
  "inputs/0": noInput,
  "debug/0": passThrough,
  "debug/1": passThrough,
  "stderr/0": passThrough,
  "input_filename/0": function* () {
    yield null;
  },
  "halt/0": halt,
  "halt_error/0": halt,
  "halt_error/1": halt,
  "input_line_number/0": function* () {
    yield 0;
  },
  "modulemeta/0": unavailable,
  "get_search_list/0": unavailable,
};
