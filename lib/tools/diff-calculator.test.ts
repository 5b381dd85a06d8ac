import { beforeAll, describe, expect, it } from "vitest";
import { countLines, DIFF_LIMITS, diffCalculator, loadDiff, unifiedDiff } from "./diff-calculator";
import { expectToolError, run } from "./testing";

beforeAll(loadDiff);

describe("diff-calculator", () => {
  it("makes a unified diff like the similar crate", async () => {
    const r = await run(diffCalculator, { old_text: "a\nb\nc\n", new_text: "a\nB\nc\n" });
    expect(r.operation).toBe("text_diff");
    expect(r.result).toEqual({
      type: "text",
      format: "unified",
      diff: "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
      stats: { old_lines: 3, new_lines: 3 },
    });
    expect(unifiedDiff("same\n", "same\n")).toBe("");
    expect(unifiedDiff("", "x\n")).toBe("--- old\n+++ new\n@@ -0,0 +1 @@\n+x\n");
    expect(unifiedDiff("a", "b")).toBe(
      "--- old\n+++ new\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n",
    );
  });

  it("makes context, inline and simple diffs", async () => {
    const fmt = async (format: string, o = "a\nb\nc\n", n = "a\nB\nc\nd\n") =>
      (await run(diffCalculator, { old_text: o, new_text: n, format })).result.diff;
    expect(await fmt("context", "a\nb\n", "a\nc\n")).toBe(
      "*** old\n--- new\n***************\n  a\n- b\n+ c\n***************\n",
    );
    expect(await fmt("inline", "a\nb\n", "a\nc\n")).toBe(" a\n-b\n+c\n");
    expect(await fmt("simple")).toBe(
      "Total changes: 2\n\nReplaced at lines 2-2 with lines 2-2\nAdded at line 4: 1 line(s)\n",
    );
    expect(await fmt("simple", "a\nb\n", "a\n")).toBe("Total changes: 1\n\nRemoved at line 2: 1 line(s)\n");
  });

  it("diffs JSON values structurally", async () => {
    const r = await run(diffCalculator, {
      type: "json",
      old_json: { a: 1, b: { c: 2 }, d: [1], gone: true },
      new_json: { a: 1, b: { c: 3 }, e: "x", d: [1, 2] },
    });
    expect(r.operation).toBe("json_diff");
    expect(r.result).toEqual({
      type: "json",
      diff: {
        added: { e: "x" },
        removed: { gone: true },
        modified: { "b.c": { old: 2, new: 3 }, d: { old: [1], new: [1, 2] } },
        unchanged: ["a"],
      },
      summary: { added: 1, removed: 1, modified: 2, unchanged: 1 },
    });
    const arrays = await run(diffCalculator, { type: "json", old_json: [1], new_json: [2] });
    expect(arrays.result.diff.modified).toEqual({ "[]": { old_length: 1, new_length: 1, old: [1], new: [2] } });
    const scalar = await run(diffCalculator, { type: "json", old_json: 1, new_json: 2 });
    expect(scalar.result.diff.modified).toEqual({ "": { old: 1, new: 2 } });
  });

  it("counts lines as Rust's lines() does", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\n")).toBe(1);
    expect(countLines("a\n\nb")).toBe(3);
  });

  it("raises for missing inputs and files", async () => {
    await expectToolError(run(diffCalculator, { old_text: "a" }), /old_text, new_text/);
    await expectToolError(run(diffCalculator, { type: "json", old_json: 1 }), /old_json, new_json/);
    await expectToolError(run(diffCalculator, { old_file: "/etc/a", new_file: "/etc/b" }), /no file system/);
    await expectToolError(
      run(diffCalculator, { old_text: "a", new_text: "b", format: "side-by-side" }),
      /parameter 'format' must be one of/,
    );
  });

  it("gives up on a diff that takes too long", async () => {
    const rand = (seed: number) => Array.from({ length: 30000 }, (_, i) => `${(i * seed) % 9973}`).join("\n");
    // The error names the limit, so it came from the diff's own timeout and not from a slower path.
    await expectToolError(
      run(diffCalculator, { old_text: rand(7), new_text: rand(13), format: "inline" }),
      new RegExp(`diff took longer than ${DIFF_LIMITS.timeoutMs} ms`),
    );
  }, 20_000);
});
