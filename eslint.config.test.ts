/**
 * The import-direction rules in eslint.config.mjs fire: each forbidden arrow is linted as it would be in its
 * folder (ESLint's own API over an in-memory source) and must report `no-restricted-imports`; an allowed import
 * in the same folder must not.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const FORBIDDEN: [file: string, source: string, says: string][] = [
  ["lib/core/x.ts", 'export { createSpellApi } from "@/lib/spell/index";', "lib/core imports nothing of ours"],
  ["lib/core/x.ts", 'export { toJson } from "../spell/core/values";', "lib/core imports nothing of ours"],
  ["lib/spell/x.ts", 'export { createEngine } from "@/engines/registry";', "never import engines/"],
  ["lib/spell/globals/x.ts", 'export { runSpell } from "../../runner/run-spell";', "never import engines/"],
  ["lib/tools/x.ts", 'export { createLuaEngine } from "../../engines/lua/engine";', "never import engines/"],
  ["lib/llm/x.ts", 'export { runSpell } from "@/lib/runner/run-spell";', "never import engines/"],
  ["engines/lua/x.ts", 'export { createSpellApi } from "@/lib/spell/index";', "engines/ may import only lib/core"],
  ["engines/x.ts", 'export { runSpell } from "../lib/runner/run-spell";', "engines/ may import only lib/core"],
  ["components/x.tsx", 'export { LuaFactory } from "wasmoon";', "Only engines/ may import a concrete engine"],
  ["lib/runner/x.ts", 'export { newQuickJSWASMModule } from "quickjs-emscripten-core";', "Only engines/"],
  ["lib/check/x.ts", 'export { createEngine } from "@/engines/registry";', "never import engines/"],
  ["lib/check/x.ts", 'export { LuaFactory } from "wasmoon";', "Only engines/ may import a concrete engine"],
  ["lib/check/x.test.ts", 'export { LuaFactory } from "wasmoon";', "Only engines/ may import a concrete engine"],
  ["lib/check/lua/x.ts", 'export { LuaFactory } from "wasmoon";', "Only engines/ may import a concrete engine"],
  ["lib/check/lua/x.ts", 'export { listTools } from "@/lib/tools";', "lib/check/lua imports only lib/core"],
  ["lib/check/lua/x.ts", 'export { getApiModel } from "../api-model";', "lib/check/lua imports only lib/core"],
  ["lib/check/lua/x.ts", 'export { createEngine } from "../../../engines/registry";', "lib/check/lua imports only"],
  ["lib/check/lua/x.test.ts", 'export { listTools } from "@/lib/tools";', "lib/check/lua imports only lib/core"],
  ["lib/lesson/x.ts", 'export { runSpell } from "@/lib/runner/run-spell";', "lib/lesson imports only lib/core"],
  ["lib/lesson/tour/x.ts", 'export { toJson } from "../../spell/core/values";', "lib/lesson imports only lib/core"],
];

const ALLOWED: [file: string, source: string][] = [
  ["lib/core/x.ts", 'export type { JsonValue } from "./json";'],
  ["lib/spell/x.ts", 'export type { JsonValue } from "@/lib/core/json";'],
  ["engines/lua/x.ts", 'export type { JsonValue } from "../../lib/core/json";'],
  ["lib/runner/x.ts", 'export { createEngine } from "@/engines/registry";'],
  ["engines/lua/x.ts", 'export { LuaFactory } from "wasmoon";'],
  ["lib/check/lua/x.ts", 'export type { JsonValue } from "@/lib/core/json";'],
  ["lib/check/lua/x.ts", 'export type { JsonValue } from "../../core/json";'],
  ["lib/check/lua/x.ts", 'export type { Chunk } from "./ast";'],
  ["lib/check/lua/x.test.ts", 'export { LuaFactory } from "wasmoon";'],
  ["lib/lesson/tour/x.ts", 'export type { Lesson } from "../schema";'],
  ["lib/lesson/x.ts", 'export { encodeBase64 } from "@/lib/encoding/base64";'],
  ["lib/lesson/x.test.ts", 'export { runSpell } from "@/lib/runner/run-spell";'],
];

describe("import direction lint rules", () => {
  it.each(FORBIDDEN)("%s may not: %s", async (file, source, says) => {
    const messages = await restrictedImports(file, source);
    expect(messages.length).toBe(1);
    expect(messages[0]).toContain(says);
  });

  it.each(ALLOWED)("%s may: %s", async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
