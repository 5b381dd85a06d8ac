// Builds the `llmspell` CLI and its worker thread into dist/cli/ with esbuild, so the command starts without
// transpiling TypeScript (tsx took about 2 s per start, in the main thread and again in the worker).
// Run by `npm run build:cli` and by `prepare` (so `npm ci`/`npm install` build it). Plain JavaScript: it runs
// before anything can load TypeScript.
//
// - Entries: lib/cli/entry.ts → llmspell.mjs (importing it runs the CLI) and lib/runner/node-worker.ts →
//   node-worker.mjs, which node-controller.ts starts when it runs from the build (it sits beside it).
// - Our code (lib/, engines/, the `@/` alias from tsconfig.json) is bundled, and so are the few npm packages
//   in BUNDLED_PACKAGES (with what they import). Every other package stays an external import, resolved from
//   node_modules at run time: wasmoon and QuickJS load their .wasm beside their own module, and the heavy tool
//   libraries (mathjs, nunjucks...) stay behind their lazy dynamic imports. Code splitting keeps dynamic imports
//   (the engines, the provider code, the jq interpreter) in separate chunks, loaded only when used.
// - manifest.json lists every source file esbuild read, with its size and mtime, so bin/llmspell.mjs can tell
//   a stale build from a fresh one without walking the source tree.
import { build } from "esbuild";
import { copyFile, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Where the build goes by default; bin/llmspell.mjs looks here. */
export const DEFAULT_OUTDIR = join(ROOT, "dist", "cli");

/**
 * npm packages bundled into the build. zod and ajv load at every start, in both threads: from node_modules that
 * is about 300 files, the largest part of start-up on a cold file cache. acorn (the checker) and the AI SDK
 * come along so that nothing loads a second copy of zod or ajv from node_modules.
 */
const BUNDLED_PACKAGES = ["zod", "ajv", "ajv-formats", "acorn", "wasmoon"];

const isBundled = (specifier) =>
  BUNDLED_PACKAGES.some((name) =>
    name.endsWith("/") ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`),
  );

/** Keeps every npm package external except BUNDLED_PACKAGES and what those import. */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@/") || isBundled(args.path) || args.importer.includes("/node_modules/"))
        return undefined;
      return { path: args.path, external: true };
    });
  },
};

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
    plugins: [externalPackages],
    tsconfig: join(ROOT, "tsconfig.json"),
    // CommonJS packages in the bundle (ajv's, the AI SDK's) `require` Node built-ins: ESM has no `require`.
    banner: {
      js: [
        'import { createRequire as __createRequire } from "node:module";',
        'import { fileURLToPath as __fileURLToPath } from "node:url";',
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        'const __dirname = __filename.slice(0, __filename.lastIndexOf("/"));',
      ].join("\n"),
    },
    sourcemap: "linked",
    // Start-up parses every byte the two threads load: minified, they parse faster. Names stay for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "warning",
  });
  // wasmoon is bundled: its Emscripten glue looks for glue.wasm beside the script that loads it.
  await copyFile(join(ROOT, "node_modules", "wasmoon", "dist", "glue.wasm"), join(outdir, "glue.wasm"));
  const inputs = {};
  // Bundled packages change only with an install, and an install runs this build again (`prepare`).
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.includes("node_modules/"));
  for (const path of [...sources, ...BUILD_INPUTS].sort()) {
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
