/** Source-code literals for the docs' generated snippets: a JSON value as Lua table syntax or as a JS literal. */
import type { JsonValue } from "@/lib/core/json";

const LUA_KEYWORDS = new Set(
  "and break do else elseif end false for function goto if in local nil not or repeat return then true until while".split(
    " ",
  ),
);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function luaString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f)
      out += `\\${code}`.replace(/^\\(\d)$/, "\\00$1").replace(/^\\(\d\d)$/, "\\0$1");
    else out += ch;
  }
  return `${out}"`;
}

/** `{a = 1, ["b-c"] = {1, 2}}`. Empty objects and arrays are both `{}` (as Lua sees them). */
export function toLuaLiteral(value: JsonValue, indent = ""): string {
  if (value === null) return "nil";
  if (typeof value === "string") return luaString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0/0";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `{${value.map((v) => toLuaLiteral(v, indent)).join(", ")}}`;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return "{}";
  const parts = entries.map(
    ([k, v]) => `${IDENT.test(k) && !LUA_KEYWORDS.has(k) ? k : `[${luaString(k)}]`} = ${toLuaLiteral(v, indent)}`,
  );
  return `{${parts.join(", ")}}`;
}

/** `{ a: 1, "b-c": [1, 2] }`. */
export function toJsLiteral(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJsLiteral).join(", ")}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  // `__proto__: x` in a literal sets the prototype; a computed key defines a real property.
  const key = (k: string) => (k === "__proto__" ? `[${JSON.stringify(k)}]` : IDENT.test(k) ? k : JSON.stringify(k));
  return `{ ${entries.map(([k, v]) => `${key(k)}: ${toJsLiteral(v)}`).join(", ")} }`;
}
