/**
 * `llmspell repl` driven through piped stdin, as a script would: no prompts, one line per entry, exit at the end
 * of input. Both languages: state kept between entries, multi-line entries, expression values, `.save` and
 * `.load`, and a runaway entry stopped by its CPU limit with the session still there.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/llmspell.mjs", import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llmspell-repl-"));
});

function repl(args: string[], input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "repl", ...args], {
      cwd: dir,
      env: { ...process.env, OPENAI_API_KEY: "", LLMSPELL_HISTORY: join(dir, "history") },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("llmspell repl through a pipe", { timeout: 120_000 }, () => {
  it("Lua: keeps state, reads multi-line entries, prints values, stops a runaway entry", async () => {
    const r = await repl(
      ["--timeout-ms", "300"],
      [
        "x = 41",
        "x + 1",
        "function double(a)",
        "  return a * 2",
        "end",
        "double(x)",
        "'text', nil, { 1, k = true }",
        "while true do end",
        "x",
        "local s = [[two",
        "lines]] return s",
        "",
      ].join("\n"),
    );
    expect(r.stdout).toBe(["42", "82", "text\tnil\t{ 1, k = true }", "41", "two\nlines", ""].join("\n"));
    expect(r.stderr).toMatch(/^timeout: the spell used more than its CPU time limit of 300 ms \(repl:1\)\n$/);
    expect(r.code).toBe(0);
  });

  it("JavaScript: keeps declarations, reads multi-line entries, awaits, stops a runaway entry", async () => {
    const r = await repl(
      ["--engine", "javascript", "--timeout-ms", "300", "--mock"],
      [
        "const x = 41",
        "x + 1",
        "function double(a) {",
        "  return a * 2;",
        "}",
        "double(x)",
        "const t = `two",
        "lines`",
        "[t, { k: true }]",
        "while (true) {}",
        "x",
        "await Promise.resolve(x + 1)",
        "",
      ].join("\n"),
    );
    expect(r.stdout).toBe(
      ["undefined", "42", "undefined", "82", "undefined", "[ 'two\\nlines', { k: true } ]", "41", "42", ""].join("\n"),
    );
    expect(r.stderr).toMatch(/^timeout: the spell used more than its CPU time limit of 300 ms/);
    expect(r.code).toBe(0);
  });

  it("Lua: .save writes the entries as a spell that .load runs into a new session", async () => {
    const saved = await repl(
      [],
      [
        "greeting = 'hi'",
        "function shout(s)",
        "  return s:upper() .. '!'",
        "end",
        "shout(greeting)",
        "1 + 1",
        ".save s.lua",
        "",
      ].join("\n"),
    );
    expect(saved.stdout).toBe("HI!\n2\nsaved 4 entries to s.lua\n");
    expect(readFileSync(join(dir, "s.lua"), "utf8")).toBe(
      "greeting = 'hi'\n\nfunction shout(s)\n  return s:upper() .. '!'\nend\n\nshout(greeting)\n\nlocal _ = 1 + 1\n",
    );
    const loaded = await repl([], [".load s.lua", "shout(greeting .. ' again')", ".load missing.lua", ""].join("\n"));
    expect(loaded.stdout).toBe("HI AGAIN!\n");
    expect(loaded.stderr).toBe("no such file: missing.lua\n");
  });

  it("JavaScript: .save and .load, .engine switches to a new session, .exit leaves", async () => {
    writeFileSync(join(dir, "plan.js"), 'const plan = { steps: ["draft", "review"] };\nconsole.log("loaded");\n');
    const r = await repl(
      ["--engine", "javascript"],
      [
        ".load plan.js",
        "plan.steps.length",
        "let n = 2",
        ".save js.js",
        ".engine",
        ".engine lua",
        "plan",
        ".exit",
        "this line is never read",
        "",
      ].join("\n"),
    );
    expect(r.stdout).toBe("loaded\n2\nundefined\nsaved 3 entries to js.js\njavascript\nnew lua session\nnil\n");
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "js.js"), "utf8")).toBe(
      'const plan = { steps: ["draft", "review"] };\nconsole.log("loaded");\n\n\nplan.steps.length\n\nlet n = 2\n',
    );
  });
});
