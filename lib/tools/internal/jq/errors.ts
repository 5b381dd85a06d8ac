/**
 * The limits a jq query runs under (`JQ_LIMITS`: evaluation steps, wall time, query length, string length) and the
 * three errors the interpreter throws: `JqError` (a jq runtime error, catchable with `try`), `JqLimitError` (a
 * budget overrun, never catchable) and `JqSyntaxError` (the query does not parse).
 */
import type { Json } from "./types";

export const JQ_LIMITS = {
  maxSteps: 5_000_000,
  maxMs: 5000,
  maxQueryLength: 10_000,
  maxDepth: 200,
  maxStringLength: 10_000_000,
} as const;

/** A jq runtime error (`error(...)`), catchable with `try`. */
export class JqError extends Error {
  constructor(readonly value: Json) {
    super(typeof value === "string" ? value : `${JSON.stringify(value)} (not a string)`);
  }
}

/** A budget overrun: never catchable by `try`. */
export class JqLimitError extends Error {}

/** Bad syntax in the query. */
export class JqSyntaxError extends Error {}

/** Throw a `JqError` with this message (usable as an expression). */
export function fail(msg: string): never {
  throw new JqError(msg);
}
