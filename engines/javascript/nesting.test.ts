import { describe, expect, it } from "vitest";
import { findTooDeepNesting, MAX_NESTING } from "./nesting";

describe("findTooDeepNesting", () => {
  it("lets ordinary code and nesting up to the limit through", () => {
    expect(findTooDeepNesting("const a = [1, { b: (2 + 3) }];\nprint(a);")).toBeUndefined();
    expect(findTooDeepNesting(`x = ${"(".repeat(MAX_NESTING)}1${")".repeat(MAX_NESTING)};`)).toBeUndefined();
  });

  it("finds the line and column where nesting goes past the limit", () => {
    expect(findTooDeepNesting(`\nlet x = ${"[".repeat(MAX_NESTING + 1)}`)).toEqual({
      line: 2,
      column: 9 + MAX_NESTING,
    });
    expect(findTooDeepNesting("((({", 3)).toEqual({ line: 1, column: 4 });
  });

  it("ignores brackets in strings, comments and template text, but counts substitutions", () => {
    expect(findTooDeepNesting(`"(((" + '[[[' // {{{\n/* ((( */ + \`(((\``, 2)).toBeUndefined();
    expect(findTooDeepNesting("`a ${ (((1))) } b`", 3)).toEqual({ line: 1, column: 9 });
    expect(findTooDeepNesting("`a ${ `b ${ (1) }` } c` + (((2)))", 3)).toBeUndefined();
  });
});
