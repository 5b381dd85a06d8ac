// Types of build-cli.mjs for the TypeScript that imports it (lib/cli/dist.test.ts).
export interface CliBuildManifest {
  version: 1;
  /** Every source file the build read (paths relative to the repo root), with its size and mtime then. */
  inputs: Record<string, { size: number; mtimeMs: number }>;
}

export declare const DEFAULT_OUTDIR: string;

export declare function buildCli(options?: { outdir?: string }): Promise<CliBuildManifest>;
