import { describe, expect, it } from "vitest";
import { errorMarkerFor } from "./error-marker";

const SOURCE = 'error("boom")';
const LUA = { engine: "lua", source: SOURCE };
const SHOWN = { language: "lua" as const, source: SOURCE };

describe("errorMarkerFor", () => {
  it("marks the error's line and column with its kind and message", () => {
    expect(errorMarkerFor({ kind: "syntax", message: "unexpected symbol", line: 3, column: 7 }, LUA, SHOWN)).toEqual({
      line: 3,
      column: 7,
      message: "syntax: unexpected symbol",
    });
  });

  it("marks nothing without an error, without a line, or for a stop", () => {
    expect(errorMarkerFor(undefined, LUA, SHOWN)).toBeNull();
    expect(errorMarkerFor({ kind: "runtime", message: "boom" }, LUA, SHOWN)).toBeNull();
    expect(errorMarkerFor({ kind: "cancelled", message: "Stopped by you.", line: 2 }, LUA, SHOWN)).toBeNull();
  });

  it("marks nothing when the editor shows another language than the one that ran", () => {
    const error = { kind: "runtime" as const, message: "boom", line: 1 };
    expect(errorMarkerFor(error, LUA, { language: "javascript", source: SOURCE })).toBeNull();
    expect(errorMarkerFor(error, undefined, SHOWN)).toBeNull();
    expect(
      errorMarkerFor(error, { engine: "javascript", source: SOURCE }, { language: "javascript", source: SOURCE }),
    ).toMatchObject({ line: 1 });
  });

  it("marks nothing once the code changed since the run, and again when it is back", () => {
    const error = { kind: "runtime" as const, message: "boom", line: 1 };
    expect(errorMarkerFor(error, LUA, { language: "lua", source: SOURCE + "\n" })).toBeNull();
    expect(errorMarkerFor(error, LUA, SHOWN)).toMatchObject({ line: 1 });
  });
});
