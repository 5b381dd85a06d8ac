/**
 * The Lua 5.4 parser's entry: `parseLua(source)` gives the syntax tree (ast.ts) with positions, or the first
 * syntax error as Lua's `load` reports it (same acceptance, same line, Lua's wording). Hand-written because no
 * maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no `<const>`/`<close>` attribs).
 * `resolveScopes(chunk)` (scope.ts) ties each name to its local or marks it global.
 */
import type { Chunk } from "./ast";
import { LuaSyntaxError } from "./lexer";
import { parseChunk } from "./parser";

export { resolveScopes } from "./scope";

interface LuaParseError {
  /**
   * Lua's message without its `chunkname:line:` prefix, e.g.
   * `'end' expected (to close 'function' at line 3) near 'x'`.
   */
  message: string;
  /** The line Lua reports; the range is the token Lua names ("near"), or where Lua stood, on that line. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type LuaParseResult = { ok: true; chunk: Chunk } | { ok: false; error: LuaParseError };

export function parseLua(source: string): LuaParseResult {
  try {
    return { ok: true, chunk: parseChunk(source) };
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    const { message, line, column, endLine, endColumn } = e;
    return { ok: false, error: { message, line, column, endLine, endColumn } };
  }
}
