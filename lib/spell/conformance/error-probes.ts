/** Lua and JavaScript snippets that call something and return `{ ok, kind, message }` of the error it raises. */

/** Lua: `call` is an expression; returns `{ false, kind, message }` (or `{ true }` when it did not raise). */
export const luaError = (call: string, setup = "") =>
  `${setup}local ok, e = pcall(function() return ${call} end)\nif ok then return { ok } end\nreturn { ok, e.kind, e.message }`;

/** JavaScript: `call` is an expression (awaited); returns `[false, kind, message]` (or `[true]`). */
export const jsError = (call: string, setup = "") =>
  `${setup}try { await ${call}; return [true]; } catch (e) { return [false, e.kind, e.message]; }`;
