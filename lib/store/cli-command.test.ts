import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "@/lib/cli/args";
import { buildCliCommand, quoteShellWord } from "./cli-command";

/** The words a POSIX shell makes of a command line (sh itself splits it; printf shows each word). */
function shellWords(command: string): string[] {
  const out = execFileSync("sh", ["-c", `printf '%s\\0' ${command}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

const base = { language: "lua", model: "mock/default", mockAll: false, sandbox: "standard" } as const;

describe("buildCliCommand", () => {
  it("writes the plain command for a spell without ARGS", () => {
    expect(buildCliCommand({ ...base, args: undefined })).toEqual({
      command: "npx llmspell run spell.lua --model mock/default",
      file: "spell.lua",
      skipped: [],
    });
    expect(buildCliCommand({ ...base, language: "javascript", args: {} }).command).toBe(
      "npx llmspell run spell.js --model mock/default",
    );
  });

  it("adds --mock when every model is mocked and --sandbox when the preset is not the default", () => {
    expect(buildCliCommand({ ...base, args: { name: "Ada" }, mockAll: true, sandbox: "strict" }).command).toBe(
      "npx llmspell run spell.lua --model mock/default --mock --sandbox strict --arg name=Ada",
    );
  });

  it("quotes every awkward value so the shell hands the CLI exactly the ARGS the page has", () => {
    const args = {
      name: "Ada Lovelace",
      quote: 'it\'s "fine"',
      dollar: "$HOME `id` \\n",
      glob: "*.lua",
      empty: "",
      lines: "one\ntwo",
      eq: "a=b",
      n: 3,
      flag: true,
      list: [1, "x"],
      "-dash": "lead",
      unicode: "naïve ✓",
    };
    const { command, skipped } = buildCliCommand({ ...base, args, model: "openai/gpt-4o-mini" });
    expect(skipped).toEqual([]);
    const words = shellWords(command);
    expect(words.slice(0, 3)).toEqual(["npx", "llmspell", "run"]);
    const parsed = parseCliArgs(words.slice(2));
    if (!parsed.ok || parsed.value.command !== "run") throw new Error(`the CLI refused it: ${JSON.stringify(parsed)}`);
    expect(parsed.value.model).toBe("openai/gpt-4o-mini");
    expect(parsed.value.args).toEqual({
      "0": "spell.lua",
      name: "Ada Lovelace",
      quote: 'it\'s "fine"',
      dollar: "$HOME `id` \\n",
      glob: "*.lua",
      empty: "",
      lines: "one\ntwo",
      eq: "a=b",
      n: "3",
      flag: "true",
      list: '[1,"x"]',
      "-dash": "lead",
      unicode: "naïve ✓",
    });
  });

  it("names the ARGS keys the CLI cannot take instead of dropping them silently", () => {
    const r = buildCliCommand({ ...base, args: { "a b": "1", "k=v": "2", ok: "3" } });
    expect(r.skipped).toEqual(["a b", "k=v"]);
    expect(r.command).toBe("npx llmspell run spell.lua --model mock/default --arg ok=3");
  });
});

describe("quoteShellWord", () => {
  it("leaves safe words bare and single-quotes the rest", () => {
    expect(quoteShellWord("mock/default")).toBe("mock/default");
    expect(quoteShellWord("key=value")).toBe("key=value");
    expect(quoteShellWord("")).toBe("''");
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
  });
});
