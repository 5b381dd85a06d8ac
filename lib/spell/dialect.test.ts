/**
 * The spell API reads the dialect an engine declares, never the engine's name: a plugin engine named
 * "luau" that speaks Lua gets Lua's words, Lua's list positions, Lua's JSON global and Lua's hook language.
 */
import { describe, expect, it } from "vitest";
import { JAVASCRIPT_DIALECT, LUA_DIALECT, type SpellDialect } from "@/lib/core/dialect";
import { createSpellApi } from "./index";
import { createChecker } from "./core/validate";
import { formatPathKey, scriptTypeName } from "./core/values";
import { createTestRuntime } from "./testing";
import * as z from "zod";

const LUAU: SpellDialect = { ...LUA_DIALECT, extensions: ["luau"] };

describe("the spell API speaks the engine's dialect", () => {
  it("names types and list positions in the dialect's words", () => {
    expect(scriptTypeName(undefined, LUAU)).toBe("nil");
    expect(scriptTypeName([1], LUAU)).toBe("table");
    expect(scriptTypeName(undefined, JAVASCRIPT_DIALECT)).toBe("undefined");
    expect(scriptTypeName({}, JAVASCRIPT_DIALECT)).toBe("object");
    expect(formatPathKey(0, LUAU)).toBe("[1]");
    expect(formatPathKey(0, JAVASCRIPT_DIALECT)).toBe("[0]");
  });

  it("words a type error by the dialect, not by the engine's name", () => {
    const schema = z.object({ steps: z.array(z.string()) });
    const luau = createChecker(LUAU);
    const js = createChecker(JAVASCRIPT_DIALECT);
    expect(() => luau("Workflow.sequential", "config", schema, { steps: "x" })).toThrow(
      "Workflow.sequential expects config.steps to be a list (table), got string",
    );
    expect(() => js("Workflow.sequential", "config", schema, { steps: "x" })).toThrow(
      "Workflow.sequential expects config.steps to be an array, got string",
    );
  });

  it("gives a Lua-speaking plugin engine the API's JSON global and positional args", () => {
    const runtime = { ...createTestRuntime({ dialect: LUAU, args: { a: 1 } }), engine: "luau" };
    const api = createSpellApi(runtime);
    expect(api.globals.JSON).toBeDefined();
    expect(api.preludes?.lua).toContain("ARGS");
    const js = createSpellApi(createTestRuntime({ engine: "javascript" }));
    expect(js.globals.JSON).toBeUndefined();
  });
});
