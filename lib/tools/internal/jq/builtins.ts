/**
 * The table of jq builtins, keyed `name/arity`, merged from the builtins-*.ts files (core, arrays, generators,
 * math, strings, regex, paths), and `callBuiltin`, which the interpreter calls for any function a query does not
 * define itself. Builtins reach back into the interpreter only through the `Runtime` interface (runtime.ts), so
 * none of these files imports interpreter.ts.
 */
import { ARRAYS_BUILTINS } from "./builtins-arrays";
import { CORE_BUILTINS } from "./builtins-core";
import { GENERATORS_BUILTINS } from "./builtins-generators";
import { MATH_BUILTINS } from "./builtins-math";
import { PATHS_BUILTINS } from "./builtins-paths";
import { REGEX_BUILTINS } from "./builtins-regex";
import { STRINGS_BUILTINS } from "./builtins-strings";
import { JqError } from "./errors";
import type { Builtin, Env, Runtime } from "./runtime";
import type { Json, Node } from "./types";

const BUILTINS = new Map<string, Builtin>();
for (const table of [
  CORE_BUILTINS,
  ARRAYS_BUILTINS,
  GENERATORS_BUILTINS,
  MATH_BUILTINS,
  STRINGS_BUILTINS,
  REGEX_BUILTINS,
  PATHS_BUILTINS,
]) {
  for (const [key, fn] of Object.entries(table)) {
    if (BUILTINS.has(key)) throw new Error(`jq builtin ${key} is defined twice`);
    BUILTINS.set(key, fn);
  }
}

/** The outputs of builtin `name` with argument nodes `args` on input `v`; an unknown name is a `JqError`. */
export function* callBuiltin(rt: Runtime, name: string, args: Node[], v: Json, env: Env): Generator<Json> {
  const fn = BUILTINS.get(`${name}/${args.length}`);
  if (!fn) throw new JqError(`${name}/${args.length} is not defined`);
  yield* fn(rt, args, v, env, name);
}
