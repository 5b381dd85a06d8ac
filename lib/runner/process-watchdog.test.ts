/** The process watchdog, in child processes of its own (it kills the process it guards). */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = fileURLToPath(new URL("./fixtures/watched-thread.ts", import.meta.url));
// Generous: a test machine under load can leave an event loop unturned for a few hundred ms.
const ALLOWANCE_MS = 1000;

function runWatched(
  mode: string,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, String(ALLOWANCE_MS), mode], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe("startProcessWatchdog", { timeout: 60_000 }, () => {
  it("kills a process whose thread stopped answering, with its message on stderr", async () => {
    const r = await runWatched("block");
    expect(r.stdout).toBe("watching\n");
    expect(r.signal).toBe("SIGKILL");
    expect(r.stderr).toBe("watchdog: the spell stopped answering\n");
  });

  it("leaves a thread alone while its event loop turns, however long it waits", async () => {
    const r = await runWatched("idle");
    expect(r).toMatchObject({ code: 0, signal: null, stdout: "watching\nsurvived\n", stderr: "" });
  });

  it("gives a heavy module load its own allowance", async () => {
    const r = await runWatched("module-load");
    expect(r).toMatchObject({ code: 0, signal: null, stdout: "watching\nsurvived\n", stderr: "" });
  });
});
