import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";
import { checkCommand } from "./check-command";

const dir = mkdtempSync(join(tmpdir(), "llmspell-check-"));
writeFileSync(join(dir, "clean.js"), 'const a = Agent.builder().model("mock/echo").build();\nprint(a);\n');
writeFileSync(join(dir, "typo.js"), "const b = Agent.bulder();\nprint(b);\nwhile (true) {}\n");
writeFileSync(join(dir, "warn.js"), "while (true) {}\n");
writeFileSync(join(dir, "spell.txt"), "print(1)\n");
writeFileSync(join(dir, "spell.lua"), "print(1)\n");
writeFileSync(
  join(dir, "typo.lua"),
  "local b = Agent.bulder()\nprint(b)\nlocal a = Agent.builder():build()\na.execute({})\n",
);

async function check(argv: string[]) {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok || parsed.value.command !== "check") throw new Error(`not a check command: ${argv.join(" ")}`);
  let stdout = "";
  let stderr = "";
  const code = await checkCommand(parsed.value, {
    cwd: dir,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe("llmspell check", () => {
  it("prints FILE:LINE:COL: severity: message [rule] and exits 1 on an error", async () => {
    const r = await check(["check", "clean.js", "typo.js"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      "typo.js:1:17: error: Agent has no function 'bulder' (did you mean 'builder'?) [unknown-member]",
      "typo.js:3:1: warning: this loop has no break, return or error: it runs until the CPU limit stops the spell [endless-loop]",
    ]);
  });

  it("exits 0 with warnings only, and prints one JSON line per file with --json", async () => {
    expect((await check(["check", "warn.js"])).code).toBe(0);
    const r = await check(["check", "clean.js", "warn.js", "--json"]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; diagnostics: unknown[] });
    expect(lines.map((l) => [l.file, l.diagnostics.length])).toEqual([
      ["clean.js", 0],
      ["warn.js", 1],
    ]);
  });

  it("takes the language from --engine when the extension says nothing, and exits 2 on usage errors", async () => {
    expect((await check(["check", "spell.txt", "--engine", "javascript"])).code).toBe(0);
    const unknown = await check(["check", "spell.txt"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cannot tell the language of spell.txt/);
    const missing = await check(["check", "nope.js"]);
    expect(missing).toMatchObject({ code: 2, stderr: "llmspell: no such file: nope.js\n" });
    expect((await check(["check", "clean.js", "--engine", "cobol"])).stderr).toMatch(/unknown engine "cobol"/);
  });

  it("checks Lua spells the same way", async () => {
    expect(await check(["check", "spell.lua"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const r = await check(["check", "typo.lua"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      "typo.lua:1:17: error: Agent has no function 'bulder' (did you mean 'builder'?) [unknown-member]",
      "typo.lua:4:3: error: 'execute' is a method: call it with ':' (obj:execute(...)), not '.' [dot-call]",
    ]);
  });

  it("refuses run's options and an empty file list", () => {
    expect(parseCliArgs(["check"])).toMatchObject({ ok: false, message: expect.stringMatching(/at least one/) });
    expect(parseCliArgs(["check", "a.js", "--mock"])).toMatchObject({
      ok: false,
      message: "--mock is an option of run, not check",
    });
  });
});
