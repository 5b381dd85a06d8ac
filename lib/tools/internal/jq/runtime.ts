/**
 * What the interpreter and the builtins share without importing each other: the environment of a running query
 * (`Env`: variables and functions, `Closure`: a `def`), the regex compiler hook (`RegexCompiler`), `Runtime`, the
 * interface through which a builtin calls back into the interpreter (evaluate a node, enumerate the paths of a
 * path expression, call another builtin, the budget), and `Builtin`, the type of an entry of the builtins table.
 */
import type { Budget } from "./budget";
import type { Json, Node, Path } from "./types";

/** A `def`: its parameters (`$name` for value parameters), body, defining environment and name. */
export interface Closure {
  params: string[];
  body: Node;
  env: Env;
  name: string;
}

/** Variables, and functions keyed `name/arity` (a closure, or a filter argument with its caller's environment). */
export interface Env {
  vars: Map<string, Json>;
  funcs: Map<string, Closure | { arg: Node; env: Env }>;
}

/** Turn a jq regex + flags into a JS RegExp (x flag strips whitespace; g handled by callers). */
export type RegexCompiler = (pattern: string, flags: string) => RegExp;

/** The interpreter as a builtin sees it. */
export interface Runtime {
  /** The run's step and time budget. */
  readonly budget: Budget;
  /** The outputs of `n` on input `v`, lazily (counts one evaluation step). */
  ev(n: Node, v: Json, env: Env): Generator<Json>;
  /** All the outputs of `n` on input `v`. */
  all(n: Node, v: Json, env: Env): Json[];
  /** The values of each argument, cartesian (last argument varies slowest, as jq's C builtins do). */
  cartesian(args: Node[], v: Json, env: Env): Generator<Json[]>;
  /** The paths of the path expression `n` on input `v`, with the value at each. */
  paths(n: Node, v: Json, env: Env): Generator<[Json, Path]>;
  /** The outputs of builtin `name` on `input`, with `arg` (unless null) as its one argument. */
  builtinOn(name: string, input: Json, arg: Json): Generator<Json>;
  /** The `compileRegex` of the run's options. */
  compileRegex: RegexCompiler;
  /** The current time in milliseconds (`now`). */
  now(): number;
}

/** A builtin: its outputs for the argument nodes `a` on input `v`; `name` lets one function serve several names. */
export type Builtin = (rt: Runtime, a: Node[], v: Json, env: Env, name: string) => Generator<Json>;
