/**
 * The builtins that generate or cut streams: `range` (1, 2 and 3 arguments), `first`/`last`/`nth`, `limit`,
 * `isempty`, `until`, `while` and `repeat`, each output step counted against the budget.
 */
import { JqError } from "./errors";
import { getField } from "./paths";
import type { Builtin } from "./runtime";
import type { Json } from "./types";
import { truthy } from "./values";

/** `range($from; $upto)` and `range($from; $upto; $by)`: as in jq, `$from` varies slowest; a zero `$by` is empty. */
const rangeFromTo: Builtin = function* (rt, a, v, env) {
  for (const from of rt.ev(a[0], v, env)) {
    for (const upto of rt.ev(a[1], v, env)) {
      for (const step of a.length === 3 ? rt.ev(a[2], v, env) : [1]) {
        if (typeof from !== "number" || typeof upto !== "number" || typeof step !== "number")
          throw new JqError("Range bounds must be numeric");
        if (step === 0) continue;
        for (let i = from; step > 0 ? i < upto : i > upto; i += step) {
          rt.budget.tick();
          yield i;
        }
      }
    }
  }
};

export const GENERATORS_BUILTINS: Record<string, Builtin> = {
  "range/1": function* (rt, a, v, env) {
    for (const n of rt.all(a[0], v, env)) {
      if (typeof n !== "number") throw new JqError("Range bounds must be numeric");
      for (let i = 0; i < n; i++) {
        rt.budget.tick();
        yield i;
      }
    }
  },
  "range/2": rangeFromTo,
  "range/3": rangeFromTo,
  "first/0": function* (rt, a, v) {
    yield* getField(v, 0, false);
  },
  "last/0": function* (rt, a, v) {
    yield* getField(v, -1, false);
  },
  "first/1": function* (rt, a, v, env) {
    const r = rt.ev(a[0], v, env).next();
    if (!r.done) yield r.value;
  },
  "last/1": function* (rt, a, v, env) {
    // jq 1.7's last(f) is a reduce: null when f is empty.
    let last: Json = null;
    for (const x of rt.ev(a[0], v, env)) last = x;
    yield last;
  },
  "nth/1": function* (rt, a, v, env) {
    for (const n of rt.all(a[0], v, env)) yield* getField(v, n, false);
  },
  "nth/2": function* (rt, a, v, env) {
    for (const n of rt.all(a[0], v, env)) {
      if (typeof n !== "number") throw new JqError("Out of bounds negative array index");
      if (n < 0) throw new JqError("nth doesn't support negative indices");
      let i = 0;
      for (const x of rt.ev(a[1], v, env)) {
        if (i++ === n) {
          yield x;
          break;
        }
      }
    }
  },
  "limit/2": function* (rt, a, v, env) {
    for (const n of rt.all(a[0], v, env)) {
      if (typeof n !== "number") throw new JqError("Invalid limit");
      if (n === 0) continue;
      // jq 1.7: a negative limit is no limit.
      if (!(n > 0)) {
        yield* rt.ev(a[1], v, env);
        continue;
      }
      let i = 0;
      for (const x of rt.ev(a[1], v, env)) {
        yield x;
        if (++i >= n) break;
      }
    }
  },
  "isempty/1": function* (rt, a, v, env) {
    yield rt.ev(a[0], v, env).next().done === true;
  },
  "until/2": function* (rt, a, v, env) {
    let x = v;
    for (;;) {
      rt.budget.tick();
      if ([...rt.ev(a[0], x, env)].some(truthy)) break;
      const r = rt.ev(a[1], x, env).next();
      if (r.done) return;
      x = r.value;
    }
    yield x;
  },
  "while/2": function* (rt, a, v, env) {
    let x = v;
    for (;;) {
      rt.budget.tick();
      if (!truthy(rt.ev(a[0], x, env).next().value ?? null)) return;
      yield x;
      const r = rt.ev(a[1], x, env).next();
      if (r.done) return;
      x = r.value;
    }
  },
  "repeat/1": function* (rt, a, v, env) {
    // jq's `def repeat(f): def _repeat: f, _repeat; _repeat;`: f's outputs on the same input, over and over.
    for (;;) {
      rt.budget.tick();
      yield* rt.ev(a[0], v, env);
    }
  },
};
