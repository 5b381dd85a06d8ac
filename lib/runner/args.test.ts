import { describe, expect, it } from "vitest";
import { createEngine } from "@/engines/registry";
import { createSpellApi } from "@/lib/spell";
import { createTestRuntime } from "@/lib/spell/testing";
import { positionalArgs } from "@/lib/spell/globals/args";
import { createMockLlmClient } from "@/lib/llm/mock";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import { runSpell } from "./run-spell";

describe("ARGS", () => {
  it("positionalArgs reads 1..n from an object or takes an array", () => {
    expect(positionalArgs({ "0": "spell.lua", "1": "a", "2": "b", topic: "x" })).toEqual(["a", "b"]);
    expect(positionalArgs(["a"])).toEqual(["a"]);
    expect(positionalArgs({ topic: "x" })).toBeUndefined();
  });

  it("Lua indexes positional ARGS with integers, keeps names, and arg holds the positional ones", async () => {
    const args = { "0": "spell.lua", "1": "first", "2": "second", topic: "wasm" };
    const engine = await createEngine("lua");
    const api = createSpellApi(createTestRuntime({ engine: "lua", args }));
    const r = await engine.execute(`return { ARGS[0], ARGS[1], ARGS[2], ARGS["1"], ARGS.topic, arg[1], #arg }`, {
      api,
      args,
    });
    engine.dispose();
    expect(r).toMatchObject({ ok: true, value: ["spell.lua", "first", "second", "first", "wasm", "first", 2] });
  });
});

describe("declared parameters in every host", () => {
  const run = (source: string, engine: "lua" | "javascript", args?: { [key: string]: string }) =>
    runSpell(
      { engine, source, model: "mock/echo", ...(args ? { args } : {}) },
      { llm: createMockLlmClient(), state: createMemoryStateStore(), emit: () => undefined },
    );

  it("fills in defaults when a run gives no ARGS, and keeps the given ones", async () => {
    const lua =
      '-- param: topic (string) = "tides": What\n-- param: n (integer) = 2: How many\nreturn ARGS.topic .. ARGS.n';
    expect(await run(lua, "lua")).toMatchObject({ ok: true, value: "tides2" });
    expect(await run(lua, "lua", { topic: "caves" })).toMatchObject({ ok: true, value: "caves2" });
    const js = '// param: topic (string) = "tides": What\nexport default ARGS.topic;';
    expect(await run(js, "javascript")).toMatchObject({ ok: true, value: "tides" });
  });

  it("names a value that does not fit its parameter, before the spell starts", async () => {
    const r = await run("-- param: n (integer) = 2: How many\nreturn ARGS.n", "lua", { n: "two" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("configuration");
      expect(r.error.message).toMatch(/^the spell's parameters: parameter n \(integer\) must be a whole number/);
    }
  });

  it("leaves a spell without declarations alone: no ARGS stays no ARGS", async () => {
    expect(await run("return ARGS == nil", "lua")).toMatchObject({ ok: true, value: true });
  });
});
