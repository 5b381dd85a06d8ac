/**
 * The `llmspell` process: wires `main` to this process (argv, stdio, Ctrl+C, exit code) and to Node worker
 * threads. Importing it runs the CLI. bin/llmspell.mjs imports the built copy (dist/cli/llmspell.mjs, made by
 * scripts/build-cli.mjs) or, when that is missing or stale, this file through tsx.
 */
import { createNodeRunController } from "@/lib/runner/node-controller";
import { main } from "./main";

// A closed pipe (`llmspell run x.lua | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let interrupts = 0;
process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
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
  { createController: (engine) => createNodeRunController({ spare: false, warmEngines: [engine] }) },
);
