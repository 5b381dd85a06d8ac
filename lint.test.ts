/**
 * `npm run lint` must fail on an unused dependency (knip) and on unformatted code (Prettier). Each check runs
 * the real CLI with this repository's config on a tiny project in a temp dir, once failing and once clean, so a
 * config that silenced the check would fail this test.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = import.meta.dirname;
const KNIP = join(ROOT, "node_modules/knip/bin/knip.js");
const PRETTIER = join(ROOT, "node_modules/prettier/bin/prettier.cjs");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project holding `files` and a copy of this repo's `config` file. */
function project(config: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llmspell-lint-"));
  dirs.push(dir);
  copyFileSync(join(ROOT, config), join(dir, config));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function run(script: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("npm run lint", () => {
  it("runs eslint, prettier --check and knip", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint.split(" && ")).toEqual(["eslint .", "prettier --check .", "knip"]);
  });

  it("knip fails on a dependency nothing imports", () => {
    const packageJson = (main: string) =>
      JSON.stringify({ name: "fixture", private: true, type: "module", main, dependencies: { "left-pad": "1.3.0" } });
    const unused = project("knip.jsonc", {
      "package.json": packageJson("index.js"),
      "index.js": "export const x = 1;\n",
    });
    const failed = run(KNIP, ["--no-config-hints"], unused);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/Unused dependencies \(1\)\s+left-pad/);

    const used = project("knip.jsonc", {
      "package.json": packageJson("index.js"),
      "index.js": 'import leftPad from "left-pad";\nexport const x = leftPad("1", 2);\n',
    });
    expect(run(KNIP, ["--no-config-hints"], used)).toEqual({ status: 0, output: "" });
  });

  it("prettier --check fails on unformatted code", () => {
    const dir = project(".prettierrc.json", {
      "messy.ts": "const a   =  {b:1}\n",
      "tidy.ts": "const a = { b: 1 };\n",
    });
    const failed = run(PRETTIER, ["--check", "messy.ts"], dir);
    expect(failed.status).toBe(1);
    expect(failed.output).toContain("messy.ts");
    expect(run(PRETTIER, ["--check", "tidy.ts"], dir).status).toBe(0);
  });
});
