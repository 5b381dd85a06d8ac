import { describe, expect, it } from "vitest";
import { GENERATED_EXAMPLES } from "@/examples/catalog.generated";
import { describeSharedSpell, SHARE_CARD_BOUNDS } from "./share-card";

describe("describeSharedSpell", () => {
  it("reads the title and description of the front matter, in both languages", () => {
    for (const example of GENERATED_EXAMPLES) {
      expect(describeSharedSpell({ language: "lua", source: example.lua })).toEqual({
        title: example.title,
        description: example.description,
      });
      expect(describeSharedSpell({ language: "javascript", source: example.js })).toEqual({
        title: example.title,
        description: example.description,
      });
    }
  });

  it("falls back to the first comment line, then to the language", () => {
    expect(describeSharedSpell({ language: "lua", source: "-- Summarize a page\nprint(1)" }).title).toBe(
      "Summarize a page",
    );
    expect(describeSharedSpell({ language: "javascript", source: "\n// Count words\nconsole.log(1)" }).title).toBe(
      "Count words",
    );
    // A comment after code is not a title; nor is a Lua block comment's opener.
    expect(describeSharedSpell({ language: "lua", source: 'print("x")\n-- later' })).toEqual({
      title: "A shared Lua spell",
      description: "A Lua spell shared from LLMSpell Playground: open it to read, run and edit it in the browser.",
    });
    expect(describeSharedSpell({ language: "lua", source: "--[[ block ]]\nprint(1)" }).title).toBe(
      "A shared Lua spell",
    );
    expect(describeSharedSpell({ language: "javascript", source: "" }).title).toBe("A shared JavaScript spell");
  });

  it("a front matter line below a plain comment is text, not front matter", () => {
    const card = describeSharedSpell({ language: "lua", source: "-- Intro\n-- title: not this\nprint(1)" });
    expect(card.title).toBe("Intro");
  });

  it("takes the first of repeated keys, folds control characters and cuts long text on a word", () => {
    const long = "word ".repeat(100);
    const card = describeSharedSpell({
      language: "lua",
      source: `-- title: One\u0007\ttwo   three\n-- title: ignored\n-- description: ${long}\nprint(1)`,
    });
    expect(card.title).toBe("One two three");
    expect([...card.description].length).toBeLessThanOrEqual(SHARE_CARD_BOUNDS.maxDescriptionChars);
    expect(card.description).toMatch(/^(word )+word…$/);
    const title = describeSharedSpell({ language: "lua", source: `-- title: ${"x".repeat(200)}` }).title;
    expect([...title]).toHaveLength(SHARE_CARD_BOUNDS.maxTitleChars);
    expect(title.endsWith("…")).toBe(true);
  });
});
