/**
 * `llmspell` start-up, measured as a user sees it: wall time of whole processes, spawned one after another.
 *
 * - `node bin/llmspell.mjs run x.lua --mock` (`print("x")`) and `run x.js --mock` (`console.log("x")`), from the
 *   build in dist/cli/ (`npm run build:cli`; the bench stops if the bin would not use it);
 * - `node bin/llmspell.mjs --help` (no worker, no engine);
 * - `llmspell check x.js` (the checker; no worker; it reads no Lua yet);
 * - `llmspell repl` (Lua and JavaScript) reading one entry, `1 + 1`, from a pipe: start-up, a session, one
 *   entry, exit;
 * - the floors: bare `node -e ""`, and node starting one empty worker thread (what `repl` pays for its worker, and
 *   `run` for its watchdog thread, which boots while the CLI loads);
 * - with `--source`, the two runs again through tsx (LLMSPELL_FROM_SOURCE=1), as before the build existed.
 *
 * Arms are interleaved (one process of each in turn, `--n` rounds, default 10) so a busy machine slows all
 * alike. Every run's exit code and output are checked: a broken CLI cannot produce a fast number.
 * Target: `run` at most 250 ms more than bare node. Run with `npx tsx bench/cli.ts [--n 10] [--source]`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable, median, type Sample } from "./stats";

const TARGET_OVER_BARE_MS = 250;

const BIN = fileURLToPath(new URL("../bin/llmspell.mjs", import.meta.url));
const EMPTY_WORKER = `const { Worker } = require("node:worker_threads");
new Worker("require('node:worker_threads').parentPort.postMessage(1)", { eval: true }).once("message", () => process.exit(0));`;

interface Arm {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** What stdout must be. */
  stdout?: string | RegExp;
  /** Standard input. */
  input?: string;
  values: number[];
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

function spawnTimed(arm: Arm, cwd: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, arm.args, {
    cwd,
    encoding: "utf8",
    input: arm.input ?? "",
    env: { ...process.env, OPENAI_API_KEY: "", LLMSPELL_DEBUG_START: "", ...arm.env },
  });
  const ms = performance.now() - started;
  const outputOk =
    arm.stdout === undefined || (typeof arm.stdout === "string" ? r.stdout === arm.stdout : arm.stdout.test(r.stdout));
  if (r.status !== 0 || !outputOk) {
    throw new Error(`${arm.name}: exit ${r.status}, stdout ${JSON.stringify(r.stdout)}, stderr ${r.stderr}`);
  }
  return ms;
}

/** Which way the bin starts: the bench measures the build, so it must be fresh. */
function assertBuildIsUsed(cwd: string): void {
  const r = spawnSync(process.execPath, [BIN, "--version"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LLMSPELL_DEBUG_START: "1", LLMSPELL_FROM_SOURCE: "" },
  });
  if (!r.stderr.startsWith("llmspell: starting from dist/cli")) {
    throw new Error(`bin/llmspell.mjs would not start from the build: ${r.stderr.trim()}; run npm run build:cli`);
  }
}

function main(): void {
  const rounds = option("--n", 10);
  const withSource = process.argv.includes("--source");
  const dir = mkdtempSync(join(tmpdir(), "llmspell-bench-cli-"));
  try {
    writeFileSync(join(dir, "x.lua"), 'print("x")\n');
    writeFileSync(join(dir, "x.js"), 'console.log("x");\n');
    assertBuildIsUsed(dir);
    const fromSource = { LLMSPELL_FROM_SOURCE: "1" };
    const arms: Arm[] = [
      { name: 'bare node -e ""', args: ["-e", ""], values: [] },
      { name: "node + an empty worker thread", args: ["-e", EMPTY_WORKER], values: [] },
      { name: "llmspell --help", args: [BIN, "--help"], stdout: /llmspell run <file>/, values: [] },
      { name: "llmspell run x.lua --mock", args: [BIN, "run", "x.lua", "--mock"], stdout: "x\n", values: [] },
      { name: "llmspell run x.js --mock", args: [BIN, "run", "x.js", "--mock"], stdout: "x\n", values: [] },
      { name: "llmspell check x.js", args: [BIN, "check", "x.js"], stdout: "", values: [] },
      {
        name: "llmspell repl < '1 + 1' (Lua)",
        args: [BIN, "repl", "--mock"],
        input: "1 + 1\n",
        stdout: "2\n",
        values: [],
      },
      {
        name: "llmspell repl < '1 + 1' (JavaScript)",
        args: [BIN, "repl", "--engine", "javascript", "--mock"],
        input: "1 + 1\n",
        stdout: "2\n",
        values: [],
      },
      ...(withSource
        ? [
            {
              name: "  the same through tsx: x.lua",
              args: [BIN, "run", "x.lua", "--mock"],
              env: fromSource,
              stdout: "x\n",
              values: [],
            },
            {
              name: "  the same through tsx: x.js",
              args: [BIN, "run", "x.js", "--mock"],
              env: fromSource,
              stdout: "x\n",
              values: [],
            },
          ]
        : []),
    ];
    for (const arm of arms) spawnTimed(arm, dir); // one unmeasured round: the file cache, the disk
    for (let round = 0; round < rounds; round++) for (const arm of arms) arm.values.push(spawnTimed(arm, dir));

    const bare = median(arms[0].values);
    const samples: Sample[] = arms.map((arm, i) => ({
      name: arm.name,
      unit: "ms",
      values: arm.values,
      note: i === 0 ? "" : `+${Math.round(median(arm.values) - bare)} ms over bare node`,
    }));
    const [lua, js] = [arms[3], arms[4]].map((arm) => median(arm.values) - bare);
    const worst = Math.max(lua, js);
    console.log(
      `CLI start-up bench: node ${process.version}, ${cpus().length} cpu(s), load average ${loadavg()
        .slice(0, 2)
        .map((l) => l.toFixed(1))
        .join(" ")}; wall time of whole processes, ${rounds} interleaved rounds`,
    );
    console.log(formatTable(samples));
    console.log(
      `target: llmspell run at most ${TARGET_OVER_BARE_MS} ms more than bare node: ${
        worst <= TARGET_OVER_BARE_MS ? "met" : "NOT met"
      } (Lua +${Math.round(lua)} ms, JavaScript +${Math.round(js)} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
