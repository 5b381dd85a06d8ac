/**
 * The production server the page-load benchmark measures: builds only when the build directory has no BUILD_ID
 * (or when asked), starts `next start -H 127.0.0.1` on a free port in its own process group, waits until it
 * answers, and stops the whole group. Used by `bench/page.ts`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = createRequire(path.join(ROOT, "package.json")).resolve("next/dist/bin/next");
const BUILD_TIMEOUT_MS = 15 * 60_000;

export interface PageServer {
  url: string;
  /** SIGTERM the process group, SIGKILL after 3 s. */
  stop(): Promise<void>;
  /** SIGKILL the process group at once (for exit handlers, where nothing can be awaited). */
  killNow(): void;
}

/** `next build` into `distDir` when it has no BUILD_ID yet or `force` is set; build output goes to stderr. */
export function ensureBuild(distDir: string, force: boolean): "built" | "reused" {
  if (!force && existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return "reused";
  process.stderr.write(`page bench: building into ${distDir} (next build)...\n`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", process.stderr, process.stderr],
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.status !== 0) throw new Error(`next build failed (${result.error?.message ?? `exit ${result.status}`})`);
  return "built";
}

/** The first port from `preferred` on that nothing listens to on 127.0.0.1. */
export async function findFreePort(preferred: number, tries = 20): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + tries - 1}`);
}

/** A loopback port nothing listens on (taken from the OS, then released): connections to it are refused. */
export function findClosedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port from the OS"))));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Start `next start` (loopback only) in a process group of its own and wait until `/` answers. */
export async function startServer(distDir: string, port: number, timeoutMs = 30_000): Promise<PageServer> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}`;
  const server: PageServer = {
    url,
    stop: () => stopGroup(child),
    killNow: () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        signalGroup(child.pid, "SIGKILL");
    },
  };
  try {
    await waitUntilAnswering(url, child, timeoutMs);
  } catch (err) {
    await server.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}${stderr ? `\n${stderr}` : ""}`);
  }
  return server;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let spawnError: Error | null = null;
  child.once("error", (e) => (spawnError = e));
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`could not start next: ${(spawnError as Error).message}`);
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms`);
}

/** SIGTERM the child's process group, SIGKILL it after 3 s if it is still there. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 3000).unref());
  if ((await Promise.race([exited, timer])) === "timeout") signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
