/**
 * `llmspell debug`, spawned as a user runs it, with its commands piped to stdin; plus the command parser.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDebugCommand } from "./debug-command";

const BIN = fileURLToPath(new URL("../../bin/llmspell.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "llmspell-debug-"));

function debug(file: string, source: string, commands: string, extra: string[] = []) {
  writeFileSync(join(dir, file), source);
  const r = spawnSync(process.execPath, [BIN, "debug", file, "--mock", ...extra], {
    cwd: dir,
    input: commands,
    encoding: "utf8",
    env: { ...process.env, OPENAI_API_KEY: "" },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LUA = `local k = 10
local function add(a, b)
  local s = a + b + k
  return s
end
local x = add(1, 2)
print("x is", x)
return add(x, 1)
`;

const JS = `const k = 10;
function add(a, b) {
  const s = a + b + k;
  return s;
}
const x = add(1, 2);
console.log("x is", x);
return add(x, 1);
`;

describe("llmspell debug (piped stdin)", () => {
  for (const [file, source] of [
    ["add.lua", LUA],
    ["add.js", JS],
  ] as const) {
    it(`breaks, prints, steps, shows the stack and runs to the end: ${file}`, () => {
      const r = debug(file, source, "b 3\nc\np a + b\nlocals\nbt\nn\nprint s\ndelete 3\nc\n");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines).toEqual([
        "breakpoint at line 3",
        `paused at ${file}:3 (breakpoint)`,
        "a + b = 3",
        // JavaScript: the body's const, still in its temporal dead zone.
        ...(file.endsWith(".lua") ? ["a = 1", "b = 2", "k = 10"] : ["a = 1", "b = 2", "s = <uninitialized>"]),
        `#0 add at ${file}:3`,
        `#1 main chunk at ${file}:6`,
        `paused at ${file}:4 (step)`,
        "s = 13",
        "deleted the breakpoint at line 3",
        file.endsWith(".lua") ? "x is\t13" : "x is 13",
        "24",
      ]);
    });

    it(`a conditional breakpoint, a watch, and quit: ${file}`, () => {
      const r = debug(file, source, "break 3 if a > 5\nwatch a * 2\ncontinue\nquit\n");
      expect(r.code).toBe(130);
      expect(r.stdout).toContain(`paused at ${file}:3 (breakpoint)\na * 2 = 26\n`);
      expect(r.stdout).not.toContain("24");
    });
  }

  it("step into a tool call shows its params; step over it shows its result", () => {
    const spell = 'local r = Tool.execute("calculator", { input = "6 * 7" })\nreturn r.result.result\n';
    const r = debug("tool.lua", spell, "b 1\nc\ns\nn\nc\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("paused at tool.lua:1 (step)\nrequest of tool calculator: {");
    expect(r.stdout).toMatch(/paused at tool\.lua:2 \(step\)\nresponse of tool calculator: \{[^\n]*"result":42/);
  });

  it("runs under the --sandbox preset: a tool it refuses stops the spell, naming the preset", () => {
    const spell = 'local r = Tool.execute("datetime-handler", { operation = "now" })\nreturn r\n';
    const r = debug("clock.lua", spell, "c\n", ["--sandbox", "minimal"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the tool 'datetime-handler' is not available under the minimal sandbox preset");
  });

  it("step from the start pauses at the first line; a bad command names the problem", () => {
    const r = debug("add.lua", LUA, "step\nfrobnicate\nbreak x\nc\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("paused at add.lua:1 (pause)\n");
    expect(r.stdout).toContain('error: unknown command "frobnicate"');
    expect(r.stdout).toContain("error: usage: break LINE [if EXPR]");
  });
});

describe("parseDebugCommand", () => {
  it("reads every command and its short form", () => {
    expect(parseDebugCommand("b 12 if x > 1")).toEqual({ kind: "break", line: 12, condition: "x > 1" });
    expect(parseDebugCommand("n")).toEqual({ kind: "resume", action: "stepOver" });
    expect(parseDebugCommand("s")).toEqual({ kind: "resume", action: "stepInto" });
    expect(parseDebugCommand("o")).toEqual({ kind: "resume", action: "stepOut" });
    expect(parseDebugCommand("q")).toEqual({ kind: "resume", action: "stop" });
    expect(parseDebugCommand("p t.x")).toEqual({ kind: "print", expr: "t.x" });
    expect(parseDebugCommand("bt")).toEqual({ kind: "backtrace" });
    expect(parseDebugCommand("delete 0")).toEqual({ kind: "delete", line: 0 });
    expect(parseDebugCommand("break 0").kind).toBe("error");
  });
});
