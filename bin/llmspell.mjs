#!/usr/bin/env node
// The `llmspell` command. Registers tsx (with this repo's tsconfig, for the `@/` paths) so the TypeScript CLI
// and engines load without a build step, then hands over to lib/cli/main.ts.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });

const { main } = await import("../lib/cli/main.ts");
const { createNodeRunController } = await import("../lib/runner/node-controller.ts");
const { createLineReader } = await import("../lib/cli/stdin-lines.ts");

// A closed pipe (`llmspell run x.lua | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let interrupts = 0;
const exitCode = await main(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    readLine: createLineReader(0),
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
process.exitCode = exitCode;
