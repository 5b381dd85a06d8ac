/**
 * Tests' way to run the `llmspell` command as a user does: a child process of bin/llmspell.mjs with no OpenAI
 * key, its output collected. Tests only (the CLI itself never spawns itself).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI_BIN = fileURLToPath(new URL("../../bin/llmspell.mjs", import.meta.url));

export interface CliRun {
  code: number | null;
  /** The signal that ended the process, when one did (then `code` is null). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnCliOptions {
  cwd: string;
  /** Added to (or, as undefined, removed from) this process's environment; OPENAI_API_KEY is always blank. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Called with all of stdout so far, as it grows. */
  onStdout?: (stdout: string, child: ChildProcess) => void;
  /** Another script than bin/llmspell.mjs (a copy of it, say). */
  script?: string;
}

export function spawnCli(args: string[], opts: SpawnCliOptions): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, OPENAI_API_KEY: "" };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.script ?? CLI_BIN, ...args], { cwd: opts.cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      opts.onStdout?.(stdout, child);
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (opts.input !== undefined) child.stdin.end(opts.input);
  });
}
