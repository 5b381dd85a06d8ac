import { describe, expect, it } from "vitest";
import { createEngine } from "@/engines/registry";
import { createSpellApi } from "@/lib/spell";
import { createTestRuntime } from "@/lib/spell/testing";
import { positionalArgs } from "@/lib/spell/globals/args";

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
