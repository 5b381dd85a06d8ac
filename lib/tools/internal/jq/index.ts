/**
 * Our jq interpreter (see interpreter.ts for why it is hand-written rather than jq-wasm): the public API the
 * json-processor tool and its tests use. `parse` a query, then `new Interpreter(options).run(ast, input)`.
 * The files: types.ts (values, syntax tree), errors.ts (limits and errors), lexer.ts, parser.ts, values.ts
 * (order, arithmetic), paths.ts, formats.ts, budget.ts, runtime.ts (what builtins see), interpreter.ts, and
 * builtins.ts with its builtins-*.ts tables.
 */
export { JQ_LIMITS, JqError, JqLimitError, JqSyntaxError } from "./errors";
export { Interpreter, type RunOptions } from "./interpreter";
export { parse } from "./parser";
export type { RegexCompiler } from "./runtime";
export type { Json, Node } from "./types";
export { compare, typeOf } from "./values";
