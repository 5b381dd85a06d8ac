/**
 * docs/spell-api.md (the spec code and tests cite) stays in step with SPELL_API_REFERENCE (the one description
 * that drives completions, /docs and the .d.ts): every call the spec names exists in the reference, and every
 * global of the reference is in the spec (the rs-llmspell compatibility globals excepted: the reference documents
 * them for /docs; the spec describes the playground's own API).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SPELL_API_REFERENCE } from "./reference";

const SPEC = readFileSync(new URL("../../docs/spell-api.md", import.meta.url), "utf8");
const COMPAT_GLOBALS = new Set(["Logger", "Utils", "LocalLLM"]);

const staticCalls = new Set(SPELL_API_REFERENCE.globals.flatMap((g) => g.functions.map((f) => `${g.name}.${f.name}`)));
const methodNames = new Set(SPELL_API_REFERENCE.classes.flatMap((c) => c.methods.map((m) => m.name)));
const globalNames = new Set(SPELL_API_REFERENCE.globals.map((g) => g.name));

describe("docs/spell-api.md and the reference", () => {
  it("every Global.function(...) the spec calls exists in the reference", () => {
    const named = [...SPEC.matchAll(/\b([A-Z][A-Za-z]+)\.([a-z_][A-Za-z_]*)\(/g)]
      .filter((m) => globalNames.has(m[1]))
      .map((m) => `${m[1]}.${m[2]}`);
    expect(named.length).toBeGreaterThan(30);
    expect([...new Set(named.filter((n) => !staticCalls.has(n)))]).toEqual([]);
  });

  it("every Lua method call obj:method(...) in the spec is a method of a reference class", () => {
    const called = [...SPEC.matchAll(/\b[a-z_][A-Za-z_0-9]*:([a-z_][A-Za-z_0-9]*)\s*[({"]/g)].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(5);
    // Lua's own string methods (s:upper()) are not the spell API's.
    const luaString = new Set(["upper", "lower", "sub", "format", "gsub", "find", "match", "rep", "len", "byte"]);
    expect([...new Set(called.filter((m) => !methodNames.has(m) && !luaString.has(m)))]).toEqual([]);
  });

  it("every global of the reference is described in the spec", () => {
    const missing = [...globalNames].filter((g) => !COMPAT_GLOBALS.has(g) && !new RegExp(`\\b${g}\\b`).test(SPEC));
    expect(missing).toEqual([]);
  });
});
