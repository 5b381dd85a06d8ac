/** A compact way to write the API reference: signatures as text, parsed into {@link ApiFunctionDoc}s. */
import type { ApiFunctionDoc, ApiParamDoc } from "../reference-types";

/** Split `a: string, b?: { x: number, y: string }` on top-level commas. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if ("{[(<".includes(ch)) depth++;
    if ("}])>".includes(ch) && !(ch === ">" && cur.endsWith("="))) depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseParams(sig: string): ApiParamDoc[] {
  return splitTopLevel(sig).map((p) => {
    const i = p.indexOf(":");
    const rawName = p.slice(0, i).trim();
    const optional = rawName.endsWith("?");
    return {
      name: optional ? rawName.slice(0, -1) : rawName,
      type: p.slice(i + 1).trim(),
      ...(optional ? { optional: true } : {}),
    };
  });
}

export interface FnOpts {
  lua?: string;
  js?: string;
  async?: boolean;
  /** Per-parameter descriptions. */
  params?: Record<string, string>;
}

function make(
  call: "static" | "method",
  name: string,
  sig: string,
  returns: string,
  description: string,
  o: FnOpts = {},
): ApiFunctionDoc {
  const params = parseParams(sig).map((p) => (o.params?.[p.name] ? { ...p, description: o.params[p.name] } : p));
  return {
    name,
    call,
    params,
    returns,
    description,
    ...(o.async ? { async: true } : {}),
    ...(o.lua ? { lua: o.lua } : {}),
    ...(o.js ? { js: o.js } : {}),
  };
}

/** `Global.name(sig) -> returns`. */
export const fn = (name: string, sig: string, returns: string, description: string, o?: FnOpts) =>
  make("static", name, sig, returns, description, o);
/** `obj:name(sig)` in Lua, `obj.name(sig)` in JS. */
export const method = (name: string, sig: string, returns: string, description: string, o?: FnOpts) =>
  make("method", name, sig, returns, description, o);
