import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_FILE, readExamples, renderCatalog } from "./build-catalog";
import { EXAMPLES, findExample, listExampleTags, searchExamples } from "./catalog";
import { parseFrontMatter } from "./front-matter";

describe("examples catalog", () => {
  it("catalog.generated.ts is up to date (run `npx tsx examples/build-catalog.ts` if this fails)", () => {
    expect(readFileSync(GENERATED_FILE, "utf8")).toBe(renderCatalog(readExamples()));
  });

  it("every example has a unique slug, both languages and a one-line description", () => {
    const slugs = EXAMPLES.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const e of EXAMPLES) {
      expect(e.lua.length, e.slug).toBeGreaterThan(0);
      expect(e.js.length, e.slug).toBeGreaterThan(0);
      expect(e.description, e.slug).not.toContain("\n");
    }
  });

  it("finds examples by slug, words and tags", () => {
    expect(findExample("hello-world")?.title).toBe("Hello, world");
    expect(findExample("nope")).toBeUndefined();
    expect(searchExamples("HELLO").map((e) => e.slug)).toContain("hello-world");
    expect(searchExamples("hello zebra")).toEqual([]);
    expect(searchExamples("", ["basics"]).every((e) => e.tags.includes("basics"))).toBe(true);
    expect(searchExamples("", ["no-such-tag"])).toEqual([]);
    expect(listExampleTags()).toContain("basics");
  });
});

describe("example front matter", () => {
  const good = "-- title: T\n-- description: D\n-- tags: a, b-c\n-- level: beginner\n-- order: 3\n\nprint(1)\n";

  it("parses the leading comment block", () => {
    expect(parseFrontMatter(good, "lua", "x.lua")).toEqual({
      title: "T",
      description: "D",
      tags: ["a", "b-c"],
      level: "beginner",
      order: 3,
    });
    expect(parseFrontMatter(good.replaceAll("--", "//"), "js", "x.js").tags).toEqual(["a", "b-c"]);
  });

  it("reads the compact two-line form the examples use", () => {
    const compact = "-- title: T | level: beginner | tags: a, b-c | order: 3\n-- description: D\n\nprint(1)\n";
    expect(parseFrontMatter(compact, "lua", "x.lua")).toEqual(parseFrontMatter(good, "lua", "x.lua"));
    expect(() => parseFrontMatter(`-- order: 4\n${compact}`, "lua", "d.lua")).toThrow(/repeats "order"/);
  });

  it("keeps every example's metadata in at most two lines", () => {
    for (const e of EXAMPLES)
      for (const source of [e.lua, e.js]) {
        const lines = source.split("\n");
        const block = lines.slice(
          0,
          lines.findIndex((l) => !/^(--|\/\/) ?[a-z]+: /.test(l)),
        );
        const head = block.filter((l) => !/^(--|\/\/) ?param: /.test(l));
        expect(head.length, `${e.slug}: ${head.join(" / ")}`).toBeLessThanOrEqual(2);
      }
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseFrontMatter(good.replace("beginner", "expert"), "lua", "x.lua")).toThrow(
      /x\.lua: front matter level/,
    );
    expect(() => parseFrontMatter(good.replace("-- title: T\n", ""), "lua", "y.lua")).toThrow(
      /y\.lua: front matter title/,
    );
    expect(() => parseFrontMatter(good + "", "js", "z.js")).toThrow(/z\.js/);
    expect(() => parseFrontMatter(`-- title: A\n${good}`, "lua", "d.lua")).toThrow(/repeats "title"/);
  });

  it("rejects a pair whose halves disagree or lack a partner", () => {
    const dir = mkdtempSync(join(tmpdir(), "examples-"));
    writeFileSync(join(dir, "a.lua"), good);
    expect(() => readExamples(dir)).toThrow(/a\.lua has no examples\/a\.js/);
    writeFileSync(join(dir, "a.js"), good.replaceAll("--", "//").replace("title: T", "title: U"));
    expect(() => readExamples(dir)).toThrow(/front matter of the \.lua and \.js files differs/);
    writeFileSync(join(dir, "a.js"), good.replaceAll("--", "//"));
    expect(readExamples(dir).map((e) => e.slug)).toEqual(["a"]);
    writeFileSync(join(dir, "b.lua"), good);
    writeFileSync(join(dir, "b.js"), good.replaceAll("--", "//"));
    expect(() => readExamples(dir)).toThrow(/share order 3/);
  });
});
