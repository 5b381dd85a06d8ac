import { describe, expect, it } from "vitest";
import { errorMarkerFor } from "./error-marker";

describe("errorMarkerFor", () => {
  it("marks the error's line and column with its kind and message", () => {
    expect(errorMarkerFor({ kind: "syntax", message: "unexpected symbol", line: 3, column: 7 }, "lua", "lua")).toEqual({
      line: 3,
      column: 7,
      message: "syntax: unexpected symbol",
    });
  });

  it("marks nothing without an error, without a line, or for a stop", () => {
    expect(errorMarkerFor(undefined, "lua", "lua")).toBeNull();
    expect(errorMarkerFor({ kind: "runtime", message: "boom" }, "lua", "lua")).toBeNull();
    expect(errorMarkerFor({ kind: "cancelled", message: "Stopped by you.", line: 2 }, "lua", "lua")).toBeNull();
  });

  it("marks nothing when the editor shows another language than the one that ran", () => {
    const error = { kind: "runtime" as const, message: "boom", line: 1 };
    expect(errorMarkerFor(error, "lua", "javascript")).toBeNull();
    expect(errorMarkerFor(error, undefined, "lua")).toBeNull();
    expect(errorMarkerFor(error, "javascript", "javascript")).toMatchObject({ line: 1 });
  });
});
