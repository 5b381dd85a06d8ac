import { describe, expect, it } from "vitest";
import { TEXT_LIMITS, textManipulator } from "./text-manipulator";
import { TOOL_LIMITS } from "./support";
import { expectToolError, run } from "./testing";

const op = async (operation: string, input: string, options?: object) =>
  (await run(textManipulator, { operation, input, options })).result.result;

describe("text-manipulator", () => {
  it("returns rs's result shape", async () => {
    const r = await run(textManipulator, { operation: "uppercase", input: "héllo" });
    expect(r).toMatchObject({ success: true, operation: "uppercase", message: "Text uppercase operation completed" });
    expect(r.result).toEqual({ result: "HÉLLO", operation: "uppercase", original_length: 6, result_length: 6 });
  });

  it("does every operation", async () => {
    expect(await op("lowercase", "HeLLo")).toBe("hello");
    expect(await op("reverse", "abc😀")).toBe("😀cba");
    expect(await op("trim", "  a b \n")).toBe("a b");
    expect(await op("replace", "hello world", { from: "world", to: "llmspell" })).toBe("hello llmspell");
    expect(await op("substring", "hello world", { start: 0, end: 5 })).toBe("hello");
    expect(await op("substring", "hello", { start: 4, end: 2 })).toBe("");
    expect(await op("split", "a,b,c", { delimiter: "," })).toBe('["a","b","c"]');
    expect(await op("split", "a b")).toBe('["a","b"]');
    expect(await op("join", '["a","b"]', { delimiter: "-" })).toBe("a-b");
    expect(await op("snake_case", "helloWorldFoo")).toBe("hello_world_foo");
    expect(await op("camel_case", "hello_world-foo")).toBe("helloWorldFoo");
    expect(await op("pascal_case", "hello_world")).toBe("HelloWorld");
    expect(await op("sanitize", "  a\u0000b\tc\n ")).toBe("ab\tc\n");
    expect(await op("truncate", "Hello, world!", { max_length: 5 })).toBe("He...");
    expect(await op("truncate", "short")).toBe("short");
    expect(await op("indent", "a\nb\n", { spaces: 2 })).toBe("  a\n  b\n");
    expect(await op("indent", "a")).toBe("    a");
    expect(await op("dedent", "    a\n      b")).toBe("a\n  b");
    expect(await op("normalize_whitespace", "  a   b\n\nc ")).toBe("a b c");
    expect(await op("word_wrap", "the quick brown fox", { width: 10 })).toBe("the quick\nbrown fox");
    expect(await op("word_wrap", "abcdefghij", { width: 4 })).toBe("abcd\nefgh\nij");
  });

  it("raises for missing or bad parameters, naming them", async () => {
    await expectToolError(run(textManipulator, { operation: "uppercase" }), /missing required parameter 'input'/);
    await expectToolError(run(textManipulator, { input: "x" }), /missing required parameter 'operation'/);
    await expectToolError(
      run(textManipulator, { input: "x", operation: "count" }),
      /parameter 'operation' must be one of/,
    );
    await expectToolError(run(textManipulator, { input: "x", operation: "replace" }), /requires option 'from'/);
    await expectToolError(
      run(textManipulator, { input: "x", operation: "substring", options: { start: 1 } }),
      /'start' and 'end'/,
    );
    await expectToolError(run(textManipulator, { input: "not json", operation: "join" }), /JSON array of strings/);
    await expectToolError(
      run(textManipulator, { input: "x", operation: "truncate", options: { max_length: -1 } }),
      /options.max_length' must be >= 0/,
    );
  });

  it("limits indent and wrap widths and replacement growth", async () => {
    await expectToolError(
      run(textManipulator, { input: "x", operation: "indent", options: { spaces: TEXT_LIMITS.maxIndent + 1 } }),
      /option 'spaces' is too large/,
    );
    await expectToolError(
      run(textManipulator, { input: "x", operation: "word_wrap", options: { width: TEXT_LIMITS.maxWidth + 1 } }),
      /option 'width' is too large/,
    );
    const input = "a".repeat(1000);
    await expectToolError(
      run(textManipulator, {
        input,
        operation: "replace",
        options: { from: "a", to: "b".repeat(Math.ceil(TOOL_LIMITS.maxOutputChars / 1000) + 1) },
      }),
      /replace result would exceed/,
    );
  });
});
