import { describe, expect, it } from "vitest";
import { describeSpellParams, parseSpellParams, resolveSpellArgs } from "./spell-params";

const LUA = `-- title: Ideas
-- param: topic (string) = "tide pools": What to write about
-- param: count (integer) = 3: How many ideas
-- param: verbose? (boolean): Print the prompt too
-- param: audience (string): Who reads it
-- param: ratio (number) = 0.5
print("hi")
-- param: ignored (string): after the front matter
`;

describe("parseSpellParams", () => {
  it("reads name, type, default, description and whether it is required", () => {
    expect(parseSpellParams(LUA, "lua")).toEqual({
      params: [
        { name: "topic", type: "string", default: "tide pools", description: "What to write about", required: false },
        { name: "count", type: "integer", default: "3", description: "How many ideas", required: false },
        { name: "verbose", type: "boolean", description: "Print the prompt too", required: false },
        { name: "audience", type: "string", description: "Who reads it", required: true },
        { name: "ratio", type: "number", default: "0.5", description: "", required: false },
      ],
      errors: [],
    });
  });

  it("reads JavaScript's // lines the same way", () => {
    expect(parseSpellParams("// param: n (integer) = 2: N\nconsole.log(1);", "javascript").params).toEqual([
      { name: "n", type: "integer", default: "2", description: "N", required: false },
    ]);
  });

  it("says which line is wrong and why", () => {
    const src = [
      "-- param: a (text)",
      "-- param: b (integer) = x",
      '-- param: c (integer) = "3"',
      "-- param: d (string) = bare",
      "-- param: not a param",
      "-- param: e (string)",
      "-- param: e (string)",
    ].join("\n");
    expect(parseSpellParams(src, "lua").errors).toEqual([
      'line 1: parameter a has type "text"; the types are string, number, integer, boolean',
      'line 2: parameter b: the default must be a whole number, got "x"',
      "line 3: parameter c: an integer default is written bare, not quoted",
      'line 4: parameter d: a string default is quoted: = "bare"',
      'line 5: a parameter is written "name (type) = default: description", got "not a param"',
      "line 7: parameter e is declared twice",
    ]);
  });
});

describe("resolveSpellArgs", () => {
  const { params } = parseSpellParams(LUA, "lua");

  it("fills in defaults and keeps positional ARGS", () => {
    expect(resolveSpellArgs(params, { "0": "spell.lua", "1": "x", audience: "kids" })).toEqual({
      ok: true,
      args: { "0": "spell.lua", "1": "x", audience: "kids", topic: "tide pools", count: "3", ratio: "0.5" },
    });
  });

  it("names the parameter in every error", () => {
    expect(resolveSpellArgs(params, { count: "many", colour: "red", verbose: "yes" })).toEqual({
      ok: false,
      errors: [
        'parameter count (integer) must be a whole number, got "many"',
        'unknown parameter "colour" (the spell declares topic, count, verbose, audience, ratio)',
        'parameter verbose (boolean) must be true or false, got "yes"',
        "parameter audience (string) is required: Who reads it",
      ],
    });
  });

  it("passes ARGS unchanged when the spell declares nothing", () => {
    expect(resolveSpellArgs([], { any: "thing" })).toEqual({ ok: true, args: { any: "thing" } });
  });

  it("describes the parameters for help", () => {
    expect(describeSpellParams(params.slice(0, 1))).toEqual([
      "  --arg topic (string)  What to write about [default: tide pools]",
    ]);
    expect(describeSpellParams([])).toEqual(["This spell declares no parameters."]);
  });
});
