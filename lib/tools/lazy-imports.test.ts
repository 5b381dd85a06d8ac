/**
 * Importing `@/lib/tools` (every spell run does) must cost only schemas and metadata: the heavy libraries are
 * imported inside the code paths that need them. This walks the static import graph of `index.ts` and fails
 * on any value import (`import x from`, `export ... from`, bare `import "x"`) of a heavy package, or of a file of
 * our own heavy module folders from outside them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const HEAVY = ["mathjs", "nunjucks", "handlebars", "papaparse", "diff", "ajv", "ajv-formats"];
/** Our own large modules (folders) that must load lazily too: their files may import each other, nothing else may. */
const HEAVY_LOCAL_DIRS = [join(HERE, "internal/jq")];

/** The heavy folder `file` is in, if any. */
function heavyDirOf(file: string): string | undefined {
  return HEAVY_LOCAL_DIRS.find((dir) => file.startsWith(`${dir}/`));
}

/** The value (non-type) static imports and re-exports of a module's source. */
export function staticValueImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  const fromRe = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm;
  for (const m of code.matchAll(fromRe)) {
    if (m[2]) continue; // import type / export type
    const clause = m[3].trim();
    // `import { type A, type B } from` is erased too.
    const braces = /^\{([\s\S]*)\}$/.exec(clause);
    if (braces && braces[1].split(",").every((p) => !p.trim() || /^type\s/.test(p.trim()))) continue;
    out.push(m[4]);
  }
  for (const m of code.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1]);
  return out;
}

function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function resolveLocal(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith("@/")) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Every heavy import reachable from `entry` through value imports, as "file -> package". */
function heavyImportsReachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, importer?: string) => {
    const dir = heavyDirOf(file);
    if (importer && dir && heavyDirOf(importer) !== dir) found.push(`${file} is itself statically imported`);
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticValueImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, spec);
      if (local) visit(local, file);
      else if (HEAVY.includes(packageOf(spec))) found.push(`${file.slice(ROOT.length + 1)} -> ${spec}`);
    }
  };
  visit(entry);
  return found;
}

describe("lazy imports", () => {
  it("reads value imports and skips type-only ones", () => {
    const src = [
      'import type { MathNode } from "mathjs";',
      'import { type ErrorObject, type X } from "ajv";',
      'import Papa from "papaparse";',
      'import { a, type B } from "diff";',
      'export { x } from "nunjucks";',
      'import "handlebars";',
      '// import nope from "mathjs";',
      'const m = await import("mathjs");',
    ].join("\n");
    expect(staticValueImports(src).sort()).toEqual(["diff", "handlebars", "nunjucks", "papaparse"]);
  });

  it("keeps every heavy library out of lib/tools/index.ts's static import graph", () => {
    expect(heavyImportsReachableFrom(join(HERE, "index.ts"))).toEqual([]);
  });

  it("detects a heavy import when one is there (the walk follows local imports)", () => {
    // calculator.ts reaches mathjs only through a dynamic import; its test file imports ./internal/jq directly.
    expect(heavyImportsReachableFrom(join(HERE, "json-processor.test.ts"))).toEqual([
      `${join(HERE, "internal/jq/index.ts")} is itself statically imported`,
    ]);
  });

  it("lets no module outside internal/jq/ value-import a file in it (tests aside)", () => {
    const files = readdirSync(HERE, { recursive: true, encoding: "utf8" })
      .map((f) => join(HERE, f))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !heavyDirOf(f));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) =>
      staticValueImports(readFileSync(file, "utf8"))
        .map((spec) => resolveLocal(file, spec))
        .filter((local) => local !== undefined && heavyDirOf(local))
        .map((local) => `${file.slice(ROOT.length + 1)} -> ${local!.slice(ROOT.length + 1)}`),
    );
    expect(offenders).toEqual([]);
  });

  it("loads the registry without loading the heavy packages", async () => {
    const { BUILTIN_TOOLS } = await import("./index");
    expect(BUILTIN_TOOLS.length).toBe(14);
  });
});
