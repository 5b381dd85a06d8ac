/**
 * The `llmspell` process: wires `main` to this process (argv, stdio, Ctrl+C, exit code) and to Node worker
 * threads. Importing it runs the CLI. bin/llmspell.mjs imports the built copy (dist/cli/llmspell.mjs, made by
 * scripts/build-cli.mjs) or, when that is missing or stale, this file through tsx.
 *
 * Start-up is most of a small spell's run time, so this file does two things before the rest of the CLI loads:
 * - For `repl` (whose session lives in a worker, so Ctrl+C can stop an entry and keep the session), it starts
 *   the worker at once: a worker thread takes about 100 ms to boot, and meanwhile this thread loads the CLI
 *   proper and parses the command line. The worker pre-loads no engine (the session loads the one it needs), so
 *   it suits whatever engine `main` then asks for. When the command fails first, the worker is disposed unused.
 *   `run` needs no worker: it runs the spell in this thread (run-in-process.ts).
 * - It raises V8's wasm tiering budget (below).
 */
import { setFlagsFromString } from "node:v8";
import { startProcessWatchdog } from "@/lib/runner/process-watchdog";
import { createLineReader } from "./stdin-lines";
import type { RunController } from "@/lib/runner/types";

// V8 re-compiles hot wasm functions with its optimizing compiler on background threads, and a process waits for
// those compile jobs before it exits. At V8's default budget the engine's start-up alone (QuickJS's interpreter
// loop above all) sets off jobs that keep a trivial run alive 100-250 ms after its output, and on two cores they
// slow long JavaScript spells down (measured: a 4 s QuickJS loop took 8.7 s). With a budget of 10^9 a function
// is optimized only once it is really hot: trivial runs end at once, long Lua loops run as fast as before.
// Set before any engine loads: each wasm instance takes its budget from the flag when it is created.
setFlagsFromString("--wasm-tiering-budget=1000000000");

const argv = process.argv.slice(2);
// One session per process: no spare worker, and no warm-up run either (it would only run the engine twice).
const startController = async (): Promise<RunController> =>
  (await import("@/lib/runner/node-controller")).createNodeRunController({ spare: false, warmEngines: [] });
let early: Promise<RunController> | undefined = argv[0] === "repl" ? startController() : undefined;
// `run` runs the spell in this thread; its watchdog thread boots now, while this thread loads the CLI.
const watchdog = argv[0] === "run" ? startProcessWatchdog() : undefined;

const { main } = await import("./main");

// A closed pipe (`llmspell run x.lua | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let interrupts = 0;
process.exitCode = await main(
  argv,
  {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    readLine: createLineReader(0),
    cwd: process.cwd(),
    onInterrupt(handler) {
      const onSigint = () => {
        // The first Ctrl+C cancels the run cleanly; a second one leaves at once.
        if (++interrupts > 1) process.exit(130);
        handler();
      };
      process.on("SIGINT", onSigint);
      return () => process.off("SIGINT", onSigint);
    },
  },
  {
    watchdog,
    createController() {
      const controller = early ?? startController();
      early = undefined;
      return controller;
    },
  },
);
void early?.then((controller) => controller.dispose());

// Done, and every result is written: leave once stdout and stderr have flushed, without waiting for the
// disposed worker thread to wind down (about 10 ms). Each callback runs after the writes queued before it.
process.stdout.write("", () => process.stderr.write("", () => process.exit()));
