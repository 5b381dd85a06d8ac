/**
 * Runtime errors about a missing name, per engine, where the engines' own words differ (the shared wording is in
 * lib/spell/conformance/cases/api-missing-names.ts): a name that is not the API's keeps the engine's message
 * (JavaScript's now names the callee), and a miss on the API does not leak into an unrelated error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScriptEngine } from "../lib/core/engine";
import { createTestApi } from "./javascript/test-api";
import { createEngine } from "./registry";

async function errorOf(engine: ScriptEngine, source: string): Promise<string> {
  const r = await engine.execute(source, { api: createTestApi().api });
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error.message;
}

describe("missing names in JavaScript", () => {
  let engine: ScriptEngine;
  beforeAll(async () => {
    engine = await createEngine("javascript");
  });
  afterAll(() => engine.dispose());

  it("names the callee QuickJS leaves out of 'not a function'", async () => {
    expect(await errorOf(engine, "const x = { inner: {} };\nx.inner.y();")).toBe(
      "TypeError: x.inner.y is not a function",
    );
    expect(await errorOf(engine, "let f;\nf();")).toBe("TypeError: f is not a function");
  });

  it("names an API global's missing function and the nearest name", async () => {
    expect(await errorOf(engine, "Test.ech(1);")).toBe("Test.ech is not a function (did you mean Test.echo?)");
    expect(await errorOf(engine, "Test.builder().nme('x');")).toBe(
      "nme is not a method of Builder (did you mean name?)",
    );
  });

  it("does not blame an earlier miss on the API for another error", async () => {
    const msg = await errorOf(engine, "const probe = Test.optional;\nconst o = {};\no.other();");
    expect(msg).toBe("TypeError: o.other is not a function");
  });

  it("does not note awaiting a handle (its `then`) as a miss", async () => {
    const msg = await errorOf(engine, "const b = await Test.builder();\nconst o = {};\no.then();");
    expect(msg).toBe("TypeError: o.then is not a function");
  });

  it("keeps other TypeErrors as QuickJS words them", async () => {
    expect(await errorOf(engine, "null.x;")).toMatch(/^TypeError: cannot read property 'x' of null$/);
  });
});

describe("missing names in Lua", () => {
  let engine: ScriptEngine;
  beforeAll(async () => {
    engine = await createEngine("lua");
  });
  afterAll(() => engine.dispose());

  it("keeps Lua's own words for a name that is not the API's", async () => {
    expect(await errorOf(engine, "local t = {}\nt.y()")).toBe("attempt to call a nil value (field 'y')");
    expect(await errorOf(engine, "local f\nf()")).toBe("attempt to call a nil value (local 'f')");
    expect(await errorOf(engine, "zzzzzz()")).toBe("attempt to call a nil value (global 'zzzzzz')");
  });

  it("names an API global's missing function and the nearest name", async () => {
    expect(await errorOf(engine, "Test.ech(1)")).toBe("Test.ech is not a function (did you mean Test.echo?)");
    expect(await errorOf(engine, "Test.builder():nme('x')")).toBe(
      "nme is not a method of Builder (did you mean name?)",
    );
  });

  it("does not blame an earlier miss on the API for a different name", async () => {
    expect(await errorOf(engine, "local probe = Test.optional\nlocal o = {}\no.other()")).toBe(
      "attempt to call a nil value (field 'other')",
    );
  });

  it("rewords only the run's error: pcall still sees Lua's message", async () => {
    const r = await engine.execute("local ok, e = pcall(function() Test.ech(1) end)\nreturn e", {
      api: createTestApi().api,
    });
    expect(r.ok && r.value).toMatch(/attempt to call a nil value \(field 'ech'\)$/);
  });
});
