/**
 * `ARGS` and Lua's `arg`, as rs-llmspell injects them: named values by name, positional ones by index
 * (`ARGS[1]`, `ARGS[0]` is the script name), all strings, and only when the run has arguments. The engine sets
 * `ARGS` itself (from `ExecuteOptions.args`); the API adds Lua's `arg` and the integer keys below.
 */
import type { JsonValue } from "@/lib/core/json";

/** Positional script arguments for Lua's `arg` (`arg[1]`, ...), when there are any. */
export function positionalArgs(args: JsonValue | undefined): JsonValue[] | undefined {
  if (Array.isArray(args)) return args;
  if (args && typeof args === "object") {
    const out: JsonValue[] = [];
    for (let i = 1; Object.prototype.hasOwnProperty.call(args, String(i)); i++)
      out.push((args as Record<string, JsonValue>)[String(i)]);
    return out.length > 0 ? out : undefined;
  }
  return undefined;
}

/**
 * JSON objects only have string keys, so positional arguments cross as `"0"`, `"1"`...; Lua spells index them
 * with integers (`ARGS[1]`). This prelude adds the integer keys (the string keys stay).
 */
export const ARGS_LUA_PRELUDE = `
if type(ARGS) == "table" then
  local found = {}
  for k, v in pairs(ARGS) do
    if type(k) == "string" then
      local n = math.tointeger(tonumber(k))
      if n and n >= 0 and tostring(n) == k then found[n] = v end
    end
  end
  for n, v in pairs(found) do ARGS[n] = v end
end
`;
