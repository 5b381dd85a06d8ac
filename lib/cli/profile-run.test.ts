/** `llmspell run FILE --profile OUT.json`, through main() in this process (no controller: profiles run here). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { speedscopeFileSchema } from "@/lib/core/profile-format.test-schema";
import { parseCliArgs } from "./args";
import { main } from "./main";

const dir = mkdtempSync(join(tmpdir(), "llmspell-profile-"));

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: dir },
    {
      createController: () => {
        throw new Error("a profile run must not use the worker");
      },
    },
  );
  return { code, stdout, stderr };
}

describe("llmspell run --profile", () => {
  it("writes a speedscope file with the spell's functions and the tool wait, and lists the top functions", async () => {
    writeFileSync(
      join(dir, "p.lua"),
      'local function busy()\n  local s = 0\n  for i = 1, 200000 do s = s + i end\n  return s\nend\nlocal r = Tool.execute("calculator", { input = "1 + 1" })\nreturn busy() + r.result.result\n',
    );
    const r = await cli(["run", "p.lua", "--mock", "--profile", "out.json"]);
    expect(r.stderr).toContain("written to out.json");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("20000100002");
    const file = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as unknown;
    const parsed = speedscopeFileSchema.safeParse(file);
    expect(parsed.error).toBeUndefined();
    const names = parsed.data!.shared.frames.map((f) => f.name);
    expect(names).toContain("main chunk");
    expect(names).toContain("tool calculator");
    expect(r.stderr).toMatch(/ms self .* ms total {2}(busy|main chunk|tool calculator)/);
  }, 60_000);

  it("fails a profile it cannot write with a usage error, after the run", async () => {
    writeFileSync(join(dir, "q.js"), "return 1;");
    const r = await cli(["run", "q.js", "--profile", join(dir, "no-such-dir", "out.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot write the profile");
  }, 60_000);

  it("parses --profile for run only", () => {
    expect(parseCliArgs(["run", "a.lua", "--profile", "p.json"])).toMatchObject({
      ok: true,
      value: { profilePath: "p.json" },
    });
    expect(parseCliArgs(["debug", "a.lua", "--profile", "p.json"])).toEqual({
      ok: false,
      message: "--profile is an option of run, not debug",
    });
    expect(parseCliArgs(["check", "a.lua", "--profile", "p.json"])).toEqual({
      ok: false,
      message: "--profile is an option of run, not check",
    });
    expect(parseCliArgs(["run", "a.lua", "--profile", " "])).toMatchObject({ ok: false });
  });
});
