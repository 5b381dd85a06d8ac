import { describe, expect, it } from "vitest";
import { scriptFrames, splitPosition, stringError, syntaxError, tableError } from "./errors";

describe("lua error mapping", () => {
  it("splits the spell's position off a message", () => {
    expect(splitPosition("spell:12: attempt to call a nil value", "spell")).toEqual({
      line: 12,
      message: "attempt to call a nil value",
    });
    expect(splitPosition("demo.lua:3: x", "demo.lua")).toEqual({ line: 3, message: "x" });
    expect(splitPosition('[string "x"]:1: y', "spell")).toEqual({ message: '[string "x"]:1: y' });
    expect(splitPosition("plain", "spell")).toEqual({ message: "plain" });
  });

  it("keeps only script frames of a traceback", () => {
    const tb = [
      "",
      "stack traceback:",
      "\t[C]: in function 'error'",
      "\tspell:3: in local 'f'",
      "\tspell:5: in function <spell:4>",
      "\tspell:7: in function <llmspell:88>",
      "\t[C]: in function 'xpcall'",
      "\tllmspell:120: in function <llmspell:110>",
    ].join("\n");
    expect(scriptFrames(tb, "spell")).toBe(
      "spell:3: in local 'f'\nspell:5: in function <spell:4>\nspell:7: in a function",
    );
    expect(scriptFrames("stack traceback:\n\t[C]: in ?", "spell")).toBeUndefined();
    expect(scriptFrames(undefined, "spell")).toBeUndefined();
  });

  it("maps syntax errors", () => {
    expect(syntaxError("spell:2: unexpected symbol near '='", "spell", "lua")).toEqual({
      kind: "syntax",
      message: "unexpected symbol near '='",
      line: 2,
      engine: "lua",
    });
  });

  it("maps string errors, falling back to the handler's line", () => {
    expect(stringError("spell:4: boom", "spell", "lua", 9)).toMatchObject({
      kind: "runtime",
      message: "boom",
      line: 4,
    });
    expect(stringError("boom", "spell", "lua", 9, "spell:9: in main chunk")).toEqual({
      kind: "runtime",
      message: "boom",
      line: 9,
      stack: "spell:9: in main chunk",
      engine: "lua",
    });
  });

  it("maps table errors: kind kept when valid, fields to data", () => {
    expect(tableError({ code: 42, msg: "x" }, "lua", 1)).toEqual({
      kind: "runtime",
      message: "x",
      line: 1,
      engine: "lua",
      data: { code: 42, msg: "x" },
    });
    expect(tableError({ kind: "tool", message: "bad", line: 3, data: { code: 7 } }, "lua")).toEqual({
      kind: "tool",
      message: "bad",
      line: 3,
      engine: "lua",
      data: { code: 7 },
    });
    expect(tableError({ kind: "made-up", message: "m" }, "lua")).toMatchObject({ kind: "runtime", message: "m" });
    expect(tableError({ a: 1 }, "lua").message).toBe('error value {"a":1}');
    expect(tableError({ kind: "api", message: "m" }, "lua").data).toBeUndefined();
  });
});
