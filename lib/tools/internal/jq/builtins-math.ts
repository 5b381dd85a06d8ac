/**
 * The math builtins: the one-number functions (`floor`, `sqrt`, `log`, `sin`, `significand`, ...), the two-number
 * ones (`pow`, `log/2`, `atan2`, `fmin`, `fmax`), `infinite`, `nan` and the `isinfinite`/`isnan`/`isnormal` tests.
 */
import { JqError } from "./errors";
import type { Builtin } from "./runtime";
import { errDesc } from "./values";

const mathUnary: Builtin = function* (rt, a, v, env, name) {
  if (typeof v !== "number") throw new JqError(`${errDesc(v)} number required`);
  const fns: Record<string, (x: number) => number> = {
    floor: Math.floor,
    ceil: Math.ceil,
    round: (x) => Math.sign(x) * Math.round(Math.abs(x)),
    sqrt: Math.sqrt,
    fabs: Math.abs,
    abs: Math.abs,
    log: Math.log,
    log2: Math.log2,
    log10: Math.log10,
    exp: Math.exp,
    exp2: (x) => 2 ** x,
    exp10: (x) => 10 ** x,
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    asin: Math.asin,
    acos: Math.acos,
    atan: Math.atan,
    trunc: Math.trunc,
    significand: (x) => (x === 0 ? 0 : x / 2 ** Math.floor(Math.log2(Math.abs(x)))),
  };
  yield fns[name](v);
};

const mathBinary: Builtin = function* (rt, a, v, env, name) {
  for (const [x, y] of rt.cartesian(a, v, env)) {
    if (typeof x !== "number" || typeof y !== "number") throw new JqError(`${name} requires numbers`);
    yield name === "pow"
      ? x ** y
      : name === "atan2"
        ? Math.atan2(x, y)
        : name === "fmin"
          ? Math.min(x, y)
          : name === "fmax"
            ? Math.max(x, y)
            : Math.log(x) / Math.log(y);
  }
};

export const MATH_BUILTINS: Record<string, Builtin> = {
  "floor/0": mathUnary,
  "ceil/0": mathUnary,
  "round/0": mathUnary,
  "sqrt/0": mathUnary,
  "fabs/0": mathUnary,
  "abs/0": mathUnary,
  "log/0": mathUnary,
  "log2/0": mathUnary,
  "log10/0": mathUnary,
  "exp/0": mathUnary,
  "exp2/0": mathUnary,
  "exp10/0": mathUnary,
  "sin/0": mathUnary,
  "cos/0": mathUnary,
  "tan/0": mathUnary,
  "asin/0": mathUnary,
  "acos/0": mathUnary,
  "atan/0": mathUnary,
  "trunc/0": mathUnary,
  "significand/0": mathUnary,
  "pow/2": mathBinary,
  "log/2": mathBinary,
  "atan2/2": mathBinary,
  "fmin/2": mathBinary,
  "fmax/2": mathBinary,
  "infinite/0": function* () {
    yield Infinity;
  },
  "nan/0": function* () {
    yield NaN;
  },
  "isinfinite/0": function* (rt, a, v) {
    yield typeof v === "number" && !Number.isFinite(v) && !Number.isNaN(v);
  },
  "isnan/0": function* (rt, a, v) {
    yield typeof v === "number" && Number.isNaN(v);
  },
  "isnormal/0": function* (rt, a, v) {
    yield typeof v === "number" && Number.isFinite(v) && v !== 0;
  },
};
