/**
 * The CLI build (scripts/build-cli.mjs → dist/cli/) and how bin/llmspell.mjs chooses between it and the
 * TypeScript sources. Each test works in a scratch copy of the checkout: symlinks to this repo's sources and
 * node_modules, a copy of bin/llmspell.mjs (so it looks for dist/cli/ in the scratch copy), and its own build.
 * LLMSPELL_DEBUG_START=1 makes the bin say on stderr which way it started.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnCli } from "./spawn-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "../../scripts/build-cli.mjs";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
/** What the bin, the build and the sources need from the checkout. */
const LINKED = ["lib", "engines", "node_modules", "package.json", "tsconfig.json", "scripts"];

const scratch: string[] = [];
afterAll(() => {
  // Removes the symlinks, never what they point at.
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch checkout without dist/. */
function scratchCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), "llmspell-dist-"));
  scratch.push(root);
  for (const name of LINKED) symlinkSync(join(REPO, name), join(root, name));
  mkdirSync(join(root, "bin"));
  copyFileSync(join(REPO, "bin", "llmspell.mjs"), join(root, "bin", "llmspell.mjs"));
  writeFileSync(join(root, "x.lua"), 'print("x")\n');
  writeFileSync(join(root, "x.js"), 'console.log("x");\n');
  return root;
}

const node = (script: string, args: string[], cwd: string) =>
  spawnCli(args, { cwd, script, env: { LLMSPELL_DEBUG_START: "1", LLMSPELL_FROM_SOURCE: "" } });

const FROM_DIST = "llmspell: starting from dist/cli\n";

describe("the CLI build", { timeout: 120_000 }, () => {
  let root: string;
  let outdir: string;
  let bin: string;

  beforeAll(async () => {
    root = scratchCheckout();
    outdir = join(root, "dist", "cli");
    bin = join(root, "bin", "llmspell.mjs");
    const manifest = await buildCli({ outdir });
    expect(Object.keys(manifest.inputs)).toEqual(
      expect.arrayContaining(["lib/cli/entry.ts", "lib/runner/node-worker.ts", "engines/registry.ts"]),
    );
  }, 60_000);

  it("holds the CLI and the worker as JavaScript that never loads tsx", () => {
    const files = readdirSync(outdir);
    expect(files).toEqual(expect.arrayContaining(["llmspell.mjs", "node-worker.mjs", "manifest.json"]));
    for (const file of files.filter((f) => f.endsWith(".mjs"))) {
      expect(readFileSync(join(outdir, file), "utf8"), file).not.toMatch(/\btsx\b/);
    }
  });

  it("runs a trivial spell from the build, in Lua and in JavaScript", async () => {
    const [lua, js] = await Promise.all([
      node(bin, ["run", "x.lua", "--mock"], root),
      node(bin, ["run", "x.js", "--mock"], root),
    ]);
    for (const r of [lua, js]) {
      expect(r).toEqual({ code: 0, signal: null, stdout: "x\n", stderr: FROM_DIST });
    }
  });

  it("runs when started directly from the built entry", async () => {
    const r = await node(join(outdir, "llmspell.mjs"), ["run", "x.js", "--mock"], root);
    expect(r).toEqual({ code: 0, signal: null, stdout: "x\n", stderr: "" });
  });

  it("answers --help and usage errors like the source CLI", async () => {
    const help = await node(bin, ["--help"], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/llmspell run <file>/);
    const missing = await node(bin, ["run", "missing.lua"], root);
    expect(missing).toEqual({
      code: 2,
      signal: null,
      stdout: "",
      stderr: `${FROM_DIST}llmspell: no such file: missing.lua\n`,
    });
  });

  it("falls back to the TypeScript when a source changed since the build", async () => {
    const path = join(outdir, "manifest.json");
    const manifest = JSON.parse(readFileSync(path, "utf8"));
    manifest.inputs["lib/cli/entry.ts"].size += 1;
    writeFileSync(path, JSON.stringify(manifest));
    const r = await node(bin, ["run", "x.lua", "--mock"], root);
    expect(r).toEqual({
      code: 0,
      signal: null,
      stdout: "x\n",
      stderr: "llmspell: starting from source (lib/cli/entry.ts changed since the build)\n",
    });
  });
});

describe("bin/llmspell.mjs without a build", { timeout: 120_000 }, () => {
  it("runs the spell from the TypeScript sources, in Lua and in JavaScript", async () => {
    const root = scratchCheckout();
    const bin = join(root, "bin", "llmspell.mjs");
    const [lua, js] = await Promise.all([
      node(bin, ["run", "x.lua", "--mock"], root),
      node(bin, ["run", "x.js", "--mock"], root),
    ]);
    for (const r of [lua, js]) {
      expect(r.stderr).toMatch(/^llmspell: starting from source \(dist\/cli\/manifest\.json is missing/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("x\n");
      expect(r.code).toBe(0);
    }
  });
});
