import { describe, expect, it } from "vitest";
import { LUA_DIALECT, dialectOf, type SpellLanguage } from "@/lib/core/dialect";
import { SpellError } from "@/lib/core/errors";
import { type HostValue } from "@/lib/core/engine";
import { spellFn } from "../test-support";
import { WHOLE_TRACE_BOUNDS, toJson, toJsonArg, toTraceValue } from "./values";

const fn = spellFn(() => null);
const handle: HostValue = { $handle: 1, $class: "Agent" };

function conversionMessage(v: unknown, engine: SpellLanguage): string {
  try {
    toJsonArg(v, { where: "State.save", path: "value", use: "stored", dialect: dialectOf(engine) });
  } catch (e) {
    expect(e).toBeInstanceOf(SpellError);
    expect((e as SpellError).kind).toBe("conversion");
    return (e as SpellError).message;
  }
  return "no error";
}

describe("toJsonArg (JSON-only arguments)", () => {
  it("names the path of a function, counting list items as the spell does (from 1 in Lua, from 0 in JavaScript)", () => {
    expect(conversionMessage({ f: fn }, "lua")).toBe(
      "State.save: value.f is a function, which cannot be stored (only JSON values can)",
    );
    const nested = { steps: [{ ok: 1 }, { input: { fn } }] };
    expect(conversionMessage(nested, "lua")).toBe(
      "State.save: value.steps[2].input.fn is a function, which cannot be stored (only JSON values can)",
    );
    expect(conversionMessage(nested, "javascript")).toBe(
      "State.save: value.steps[1].input.fn is a function, which cannot be stored (only JSON values can)",
    );
    expect(conversionMessage({ "odd key": [fn] }, "javascript")).toMatch(
      /^State\.save: value\["odd key"\]\[0\] is a function/,
    );
    expect(conversionMessage(fn, "lua")).toMatch(/^State\.save: value is a function/);
  });

  it("returns plain JSON as toJson does for everything else (handles stay dropped, non-finite numbers null)", () => {
    const v = { a: [1, "x", true, null], b: { c: Number.NaN }, h: handle };
    expect(toJsonArg(v, { where: "w", path: "p", use: "u", dialect: LUA_DIALECT })).toEqual({
      a: [1, "x", true, null],
      b: { c: null },
    });
    expect(toJsonArg(v, { where: "w", path: "p", use: "u", dialect: LUA_DIALECT })).toEqual(toJson(v));
    expect(toJsonArg("text", { where: "w", path: "p", use: "u", dialect: LUA_DIALECT })).toBe("text");
  });

  it("toJson itself stays lenient (display and internal copies): functions are dropped", () => {
    expect(toJson({ f: fn, list: [fn, 1] })).toEqual({ list: [null, 1] });
  });
});

describe("toTraceValue", () => {
  it("cuts strings at 4,000 characters by default, and keeps them whole up to 64 KiB for a model call", () => {
    const long = "a".repeat(20_000);
    expect(toTraceValue(long)).toBe("a".repeat(4000) + "…");
    expect(toTraceValue({ messages: [{ content: long }] }, 0, WHOLE_TRACE_BOUNDS)).toEqual({
      messages: [{ content: long }],
    });
    const huge = "b".repeat(WHOLE_TRACE_BOUNDS.maxString + 10);
    expect(toTraceValue(huge, 0, WHOLE_TRACE_BOUNDS)).toBe("b".repeat(WHOLE_TRACE_BOUNDS.maxString) + "…");
  });

  it("keeps a tool schema nested deeper than the default depth whole for a model call", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 12; i++) schema = { type: "object", properties: { x: schema } };
    expect(JSON.stringify(toTraceValue(schema))).toContain("…");
    expect(toTraceValue(schema, 0, WHOLE_TRACE_BOUNDS)).toEqual(schema);
  });
});
