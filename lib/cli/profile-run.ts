/**
 * `llmspell run FILE --profile OUT.json`: the run with a profiler (./run-in-process.ts), its speedscope file
 * written to OUT.json, and the functions that took the most time (self) on stderr.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Profiler } from "@/lib/core/profile";
import { toSpeedscope } from "@/lib/core/profile-format";
import type { ProcessWatchdog } from "@/lib/runner/process-watchdog";
import type { RunRequest } from "@/lib/runner/types";
import type { RunCommand } from "./args";
import type { CliIo } from "./main";
import { createJsonCollector, createTerminalPrinter } from "./output";
import { runInProcess } from "./run-in-process";

const EXIT_OK = 0;
const EXIT_SPELL_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;
/** Functions listed on stderr after a profile run. */
const TOP = 5;

export async function profiledRun(
  cmd: RunCommand,
  request: RunRequest,
  io: CliIo,
  watchdog?: ProcessWatchdog,
): Promise<number> {
  const out = resolve(io.cwd, cmd.profilePath!);
  const profile = new Profiler(cmd.file);
  let ok: boolean;
  let interrupted: boolean;
  if (cmd.json) {
    const collector = createJsonCollector();
    const ran = await runInProcess(cmd, request, io, collector.onEvent, { profile, watchdog });
    io.stdout.write(`${JSON.stringify(collector.report(ran.result))}\n`);
    ({ interrupted } = ran);
    ok = ran.result.ok;
  } else {
    const printer = createTerminalPrinter(io, { file: cmd.file, trace: cmd.trace });
    const ran = await runInProcess(cmd, request, io, printer.onEvent, { profile, watchdog });
    printer.finish(ran.result);
    ({ interrupted } = ran);
    ok = ran.result.ok;
  }
  const data = profile.finish();
  try {
    await writeFile(out, `${JSON.stringify(toSpeedscope(data))}\n`);
  } catch (err) {
    io.stderr.write(`llmspell: cannot write the profile to ${cmd.profilePath}: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  io.stderr.write(
    `profile: ${data.samples} samples over ${data.durationMs.toFixed(1)} ms written to ${cmd.profilePath}${data.truncated ? " (timeline truncated)" : ""}\n`,
  );
  for (const f of data.functions.slice(0, TOP))
    io.stderr.write(
      `  ${f.selfMs.toFixed(1).padStart(9)} ms self ${f.totalMs.toFixed(1).padStart(9)} ms total  ${f.name}\n`,
    );
  if (ok) return EXIT_OK;
  return interrupted ? EXIT_INTERRUPTED : EXIT_SPELL_ERROR;
}
