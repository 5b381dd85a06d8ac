import { describe, expect, it } from "vitest";
import { frontMatterField, frontMatterFields } from "./front-matter";

describe("front matter", () => {
  it("reads several fields on one line, one field a line, and skips param lines", () => {
    const src = [
      "-- title: Hello, world | level: beginner | tags: a, b | order: 1",
      "-- description: Says hello: twice",
      '-- param: topic (string) = "x": What',
      "print(1)",
      "-- title: not front matter",
    ].join("\n");
    expect(frontMatterFields(src, "lua").map((f) => [f.key, f.value, f.line])).toEqual([
      ["title", "Hello, world", 1],
      ["level", "beginner", 1],
      ["tags", "a, b", 1],
      ["order", "1", 1],
      ["description", "Says hello: twice", 2],
    ]);
    expect(frontMatterField(src.replaceAll("--", "//"), "javascript", "description")).toBe("Says hello: twice");
  });

  it("keeps a ' | ' that does not start a field in the value", () => {
    expect(frontMatterField("// title: Either | or | level: beginner", "javascript", "title")).toBe("Either | or");
    expect(frontMatterField("print(1)", "lua", "title")).toBeUndefined();
  });
});
