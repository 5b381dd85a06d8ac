// Builds the `llmspell` CLI and its worker thread into dist/cli/ with esbuild, so the command starts without
// transpiling TypeScript (tsx took about 2 s per start, in the main thread and again in the worker).
// Run by `npm run build:cli` and by `prepare` (so `npm ci`/`npm install` build it). Plain JavaScript: it runs
// before anything can load TypeScript.
//
// - Entries: lib/cli/entry.ts → llmspell.mjs (importing it runs the CLI) and lib/runner/node-worker.ts →
//   node-worker.mjs, which node-controller.ts starts when it runs from the build (it sits beside it).
// - Our code (lib/, engines/, the `@/` alias from tsconfig.json) is bundled; every npm package stays an
//   external import: wasmoon and QuickJS load their .wasm beside their own module, and the heavy tool libraries
//   (mathjs, nunjucks...) stay behind their lazy dynamic imports. Code splitting keeps our own dynamic imports
//   (the engines, the jq interpreter) in separate chunks, loaded only when used.
// - manifest.json lists every source file esbuild read, with its size and mtime, so bin/llmspell.mjs can tell
//   a stale build from a fresh one without walking the source tree.
import { build } from "esbuild";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Where the build goes by default; bin/llmspell.mjs looks here. */
export const DEFAULT_OUTDIR = join(ROOT, "dist", "cli");

/** Files that shape the output without being bundled sources. */
const BUILD_INPUTS = ["tsconfig.json", "scripts/build-cli.mjs"];

/**
 * Build the CLI into `outdir` (emptied first). Returns the manifest it wrote: source paths (relative to the repo
 * root) with their size and mtime.
 * Types: build-cli.d.mts.
 */
export async function buildCli({ outdir = DEFAULT_OUTDIR } = {}) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { llmspell: "lib/cli/entry.ts", "node-worker": "lib/runner/node-worker.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: join(ROOT, "tsconfig.json"),
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  const inputs = {};
  for (const path of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS].sort()) {
    const info = await stat(join(ROOT, path));
    inputs[path] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  const manifest = { version: 1, inputs };
  // One line per source file: small, and readable when you wonder why the build counts as stale.
  const lines = Object.entries(inputs).map(([path, info]) => `  ${JSON.stringify(path)}: ${JSON.stringify(info)}`);
  await writeFile(join(outdir, "manifest.json"), `{ "version": 1, "inputs": {\n${lines.join(",\n")}\n} }\n`);
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const manifest = await buildCli();
  const ms = Math.round(performance.now() - started);
  console.log(`built dist/cli from ${Object.keys(manifest.inputs).length} source files in ${ms} ms`);
}
