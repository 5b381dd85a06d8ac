#!/usr/bin/env node
// The `llmspell` command. It runs the CLI from dist/cli/ (JavaScript built by scripts/build-cli.mjs, at
// `npm ci`/`npm install` through `prepare`, or by `npm run build:cli`), so start-up transpiles no TypeScript.
// When the build is missing or stale it runs lib/cli/entry.ts through tsx instead: the same behaviour, about
// 2 s slower per start, so a developer who edits the TypeScript and does not rebuild still runs their edits.
//
// Staleness: the build writes dist/cli/manifest.json, every source file esbuild read (about 160) with its size
// and mtime; this file stats exactly those and runs the build only if none changed or went missing. That costs
// about 2 ms, against about 6 ms for walking lib/ and engines/ for the newest mtime, and it cannot miss a
// source outside those folders. A new file changes the file that imports it, so it is caught too.
//
// LLMSPELL_DEBUG_START=1 prints on stderr which way it started (and why not from the build).
// LLMSPELL_FROM_SOURCE=1 skips the build and runs from the TypeScript.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST = `${ROOT}dist/cli/`;

/** Why dist/cli cannot be used, or null when it is fresh. */
function distProblem() {
  if (process.env.LLMSPELL_FROM_SOURCE === "1") return "LLMSPELL_FROM_SOURCE=1";
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${DIST}manifest.json`, "utf8"));
  } catch {
    return "dist/cli/manifest.json is missing or unreadable (npm run build:cli builds it)";
  }
  if (manifest?.version !== 1 || typeof manifest.inputs !== "object") return "dist/cli/manifest.json is not ours";
  for (const [path, built] of Object.entries(manifest.inputs)) {
    const info = statSync(ROOT + path, { throwIfNoEntry: false });
    if (!info) return `${path} is gone since the build`;
    if (info.size !== built.size || info.mtimeMs !== built.mtimeMs) return `${path} changed since the build`;
  }
  return null;
}

const problem = distProblem();
if (process.env.LLMSPELL_DEBUG_START === "1") {
  process.stderr.write(`llmspell: starting from ${problem ? `source (${problem})` : "dist/cli"}\n`);
}
if (problem === null) {
  await import(pathToFileURL(`${DIST}llmspell.mjs`).href);
} else {
  const { register } = await import("tsx/esm/api");
  // This repo's tsconfig, for the `@/` paths.
  register({ tsconfig: `${ROOT}tsconfig.json` });
  await import("../lib/cli/entry.ts");
}
