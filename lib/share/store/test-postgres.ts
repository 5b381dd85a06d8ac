/**
 * A Postgres for tests: `LLMSPELL_TEST_DATABASE_URL` when set (CI sets it, see `.ci/run`); otherwise a throwaway
 * cluster started from Debian's `initdb`/`pg_ctl` on 127.0.0.1, a free port and a temp dir (run as the
 * `postgres` user when we are root, since initdb refuses root); otherwise a reason to skip.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type TestPostgres = { url: string; stop(): Promise<void> } | { skip: string };

function findPostgresBin(): string | undefined {
  const dirs = ["/usr/local/bin"];
  try {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // no Debian PostgreSQL
  }
  return dirs.find((d) => existsSync(join(d, "initdb")) && existsSync(join(d, "pg_ctl")));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.LLMSPELL_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };

  const bin = findPostgresBin();
  if (!bin) {
    return {
      skip: "PostgreSQL is not installed (no initdb/pg_ctl in /usr/local/bin or /usr/lib/postgresql/*/bin) and LLMSPELL_TEST_DATABASE_URL is unset",
    };
  }
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "llmspell-pg-"));
  const dataDir = join(dir, "data");
  const asPostgres = (file: string, args: string[]) =>
    isRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { stdio: "pipe", timeout: 60_000 })
      : execFileSync(file, args, { stdio: "pipe", timeout: 60_000 });
  try {
    if (isRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      chownSync(dir, uid, gid);
    }
    asPostgres(join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const port = await freePort();
    asPostgres(join(bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      "-l",
      join(dir, "pg.log"),
      "-w",
      "start",
    ]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          asPostgres(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { skip: `could not start a throwaway PostgreSQL from ${bin}: ${stderr || (error as Error).message}` };
  }
}
