/**
 * Operations on jq values: `typeOf`, jq's total order across types (`compare`: null < false < true < numbers <
 * strings < arrays < objects), truthiness, `tojson` (non-finite numbers as jq prints them), the short value
 * descriptions error messages use, the arithmetic and comparison operators (`arith`: object merge, array
 * subtraction, string repetition and splitting) and `contains`.
 */
import { setOwnValue } from "@/lib/core/json";
import { JQ_LIMITS, JqError, JqLimitError } from "./errors";
import type { Json } from "./types";

export function typeOf(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : typeof v;
}

const ORDER: Record<string, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5 };

export function compare(a: Json, b: Json): number {
  const [ta, tb] = [typeOf(a), typeOf(b)];
  if (ta !== tb) return ORDER[ta] - ORDER[tb];
  switch (ta) {
    case "null":
      return 0;
    case "boolean":
      return Number(a) - Number(b);
    case "number":
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case "string":
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case "array": {
      const [x, y] = [a as Json[], b as Json[]];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    default: {
      const [x, y] = [a as Record<string, Json>, b as Record<string, Json>];
      const c = compare(Object.keys(x).sort(), Object.keys(y).sort());
      if (c) return c;
      for (const k of Object.keys(x).sort()) {
        const d = compare(x[k], y[k]);
        if (d) return d;
      }
      return 0;
    }
  }
}

export const truthy = (v: Json) => v !== null && v !== false;

/** `v` as jq prints it: compact, numbers as jq formats them, NaN as null, infinities as the largest doubles. */
export function tojson(v: Json): string {
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return JSON.stringify(v).replace(/\u007f/g, "\\u007f");
  if (v === null || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(tojson).join(",")}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${tojson(k)}:${tojson(x)}`)
    .join(",")}}`;
}

/**
 * A number as jq 1.7 prints it (its `jvp_dtoa_fmt`): the shortest digits that read back as the same double, in
 * plain notation unless the decimal exponent is below -4 or the number needs more than 15 zeros after its digits,
 * then as `d.ddde+XX` with at least two exponent digits (`1e-05`, `1e+17`). NaN is `null`; infinities print as
 * the largest finite doubles.
 */
function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "null";
  const x = Number.isFinite(n) ? n : n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return `${sign}0`;
  const [mantissa, exp] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${frac}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** A value as jq's error messages show it: its type and its JSON, cut to 11 characters and "..." past 14. */
export function errDesc(v: Json): string {
  const s = tojson(v);
  return `${typeOf(v)} (${s.length > 14 ? `${s.slice(0, 11)}...` : s})`;
}

export function isObj(v: Json): v is { [k: string]: Json } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function deepMerge(a: { [k: string]: Json }, b: { [k: string]: Json }): { [k: string]: Json } {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const mine = Object.hasOwn(out, k) ? out[k] : null;
    setOwnValue(out, k, isObj(mine) && isObj(v) ? deepMerge(mine as { [k: string]: Json }, v) : v);
  }
  return out;
}

export function arith(op: string, a: Json, b: Json): Json {
  const ta = typeOf(a);
  const tb = typeOf(b);
  switch (op) {
    case "+":
      if (a === null) return b;
      if (b === null) return a;
      if (ta === "number" && tb === "number") return (a as number) + (b as number);
      if (ta === "string" && tb === "string") return (a as string) + (b as string);
      if (ta === "array" && tb === "array") return [...(a as Json[]), ...(b as Json[])];
      if (ta === "object" && tb === "object") return { ...(a as object), ...(b as object) } as Json;
      break;
    case "-":
      if (ta === "number" && tb === "number") return (a as number) - (b as number);
      if (ta === "array" && tb === "array")
        return (a as Json[]).filter((x) => !(b as Json[]).some((y) => compare(x, y) === 0));
      break;
    case "*":
      if (ta === "number" && tb === "number") return (a as number) * (b as number);
      if ((ta === "string" && tb === "number") || (ta === "number" && tb === "string")) {
        const [s, n] = ta === "string" ? [a as string, b as number] : [b as string, a as number];
        // jq 1.7: a negative (or NaN) count gives null, otherwise the count is truncated ("ab" * 0.5 is "").
        if (n < 0 || Number.isNaN(n)) return null;
        const count = Math.min(Math.floor(n), JQ_LIMITS.maxStringLength + 1);
        if (s.length * count > JQ_LIMITS.maxStringLength)
          throw new JqLimitError(`string repetition longer than ${JQ_LIMITS.maxStringLength} characters`);
        return s.repeat(count);
      }
      if (ta === "object" && tb === "object") return deepMerge(a as { [k: string]: Json }, b as { [k: string]: Json });
      break;
    case "/":
      if (ta === "number" && tb === "number") {
        if (b === 0) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be divided because the divisor is zero`);
        return (a as number) / (b as number);
      }
      if (ta === "string" && tb === "string") return (a as string).split(b as string);
      break;
    case "%":
      if (ta === "number" && tb === "number") {
        const d = Math.trunc(b as number);
        if (d === 0) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be divided because the divisor is zero`);
        const r = Math.trunc(a as number) % d;
        return r === 0 ? 0 : r;
      }
      break;
    default: {
      const c = compare(a, b);
      switch (op) {
        case "==":
          return c === 0;
        case "!=":
          return c !== 0;
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        case ">=":
          return c >= 0;
      }
    }
  }
  const verb = { "+": "added", "-": "subtracted", "*": "multiplied", "/": "divided", "%": "divided" }[op] ?? "combined";
  throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot be ${verb}`);
}

export function contains(a: Json, b: Json): boolean {
  const [ta, tb] = [typeOf(a), typeOf(b)];
  if (ta !== tb) throw new JqError(`${errDesc(a)} and ${errDesc(b)} cannot have their containment checked`);
  if (ta === "object")
    return Object.entries(b as object).every(
      ([k, v]) => Object.hasOwn(a as object, k) && contains((a as { [k: string]: Json })[k], v as Json),
    );
  if (ta === "array")
    return (b as Json[]).every((y) => (a as Json[]).some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (ta === "string") return (a as string).includes(b as string);
  return compare(a, b) === 0;
}
