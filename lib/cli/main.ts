/**
 * The `llmspell` CLI: parse, read the spell, run it in this process (./run-in-process.ts; the REPL keeps its
 * session in a worker), print as it streams, exit with 0 (ok), 1 (spell error), 2 (usage error) or 130
 * (interrupted with Ctrl+C, which cancels the run cleanly first).
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { RunEvent, TraceEvent } from "@/lib/core/events";
import { exportOtlpTrace } from "@/lib/otel/otlp";
import { parseRecording } from "@/lib/recording/schema";
import type { ProcessWatchdog } from "@/lib/runner/process-watchdog";
import type { RunController, RunRequest, RunResult } from "@/lib/runner/types";
import { engineForFile, listEngines } from "@/engines/registry";
import { type RunLimits } from "@/lib/core/limits";
import { sandboxRules } from "@/lib/core/sandbox";
import { USAGE, parseCliArgs, type RunCommand } from "./args";
import { createJsonCollector, createTerminalPrinter, type Writable } from "./output";
import { runInProcess, type InProcessRun } from "./run-in-process";
import { spellArgs, spellHelp } from "./spell-help";

export const EXIT_OK = 0;
export const EXIT_SPELL_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** One line of stdin without its newline, null at its end (blocking: `llmspell debug` reads commands). */
  readLine?: () => string | null;
  /** Standard input and whether it is a terminal (the REPL reads it). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Subscribe to Ctrl+C; returns an unsubscribe. */
  onInterrupt?: (handler: () => void) => () => void;
}

export interface CliDeps {
  /** The REPL's run controller for `engine` (it may pre-load it, or start before it is known). */
  createController: (engine: string) => RunController | Promise<RunController>;
  /** The process watchdog for `run` (started with the process, so its thread boots early); else `run` starts one. */
  watchdog?: ProcessWatchdog;
}

export async function main(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.message);
  const cmd = parsed.value;
  switch (cmd.command) {
    case "help":
      if (cmd.file !== undefined) return helpCommand(cmd.file, io);
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    case "version":
      io.stdout.write(`${await readVersion()}\n`);
      return EXIT_OK;
    case "engines":
      for (const name of engineNames()) io.stdout.write(`${name}\n`);
      return EXIT_OK;
    case "run":
      return runCommand(cmd, io, deps);
    case "debug":
      return (await import("./debug-command")).debugCommand(cmd, io);
    case "check":
      // Loaded only for `check`: the checker (acorn, the spell API reference) would slow every `run` start.
      return (await import("./check-command")).checkCommand(cmd, io);
    case "repl":
      if (!engineNames().includes(cmd.engine))
        return usageError(io, `unknown engine "${cmd.engine}" (known engines: ${engineNames().join(", ")})`);
      return (await import("./repl-command")).replCommand(cmd, io, deps);
  }
}

async function helpCommand(file: string, io: CliIo): Promise<number> {
  let source: string;
  try {
    source = await readFile(resolve(io.cwd, file), "utf8");
  } catch {
    return usageError(io, `no such file: ${file}`);
  }
  const inferred = engineForFile(resolve(io.cwd, file));
  const engine = typeof inferred === "string" ? inferred : inferred?.name;
  if (!engine) return usageError(io, `cannot tell the engine of ${file} from its extension`);
  const help = spellHelp(file, source, engine);
  (help.ok ? io.stdout : io.stderr).write(`${help.text}\n`);
  return help.ok ? EXIT_OK : EXIT_USAGE;
}

export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`llmspell: ${message}\n`);
  return EXIT_USAGE;
}

function engineNames(): string[] {
  return listEngines().map((e: string | { name: string }) => (typeof e === "string" ? e : e.name));
}

async function runCommand(cmd: RunCommand, io: CliIo, deps: CliDeps): Promise<number> {
  const path = resolve(io.cwd, cmd.file);
  let source: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return usageError(io, `${cmd.file} is not a file`);
    source = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return usageError(io, `no such file: ${cmd.file}`);
    return usageError(io, `cannot read ${cmd.file}: ${err instanceof Error ? err.message : String(err)}`);
  }

  const known = engineNames();
  let engine = cmd.engine;
  if (engine === undefined) {
    const inferred = engineForFile(path);
    engine = typeof inferred === "string" ? inferred : inferred?.name;
    if (!engine) {
      const ext = extname(path) || "(none)";
      return usageError(io, `cannot tell the engine from the extension ${ext}; pass --engine (${known.join(", ")})`);
    }
  } else if (!known.includes(engine)) {
    return usageError(io, `unknown engine "${engine}" (known engines: ${known.join(", ")})`);
  }

  // The preset's limits are the ceiling (standard: the defaults).
  const ceiling = sandboxRules(cmd.sandbox).limits;
  const limits: Partial<RunLimits> = {};
  if (cmd.timeoutMs !== undefined)
    limits.timeoutMs = capped(io, "--timeout-ms", cmd.timeoutMs, ceiling.timeoutMs, "ms");
  if (cmd.memoryBytes !== undefined) {
    limits.memoryLimitBytes = capped(io, "--memory-mb", cmd.memoryBytes, ceiling.memoryLimitBytes, "bytes");
  }

  const checked = spellArgs(cmd.file, source, engine, cmd.args);
  if (!checked.ok) return usageError(io, checked.message);
  const request: RunRequest = { engine, source, limits, mockAll: cmd.mock };
  if (cmd.sandbox) request.sandbox = cmd.sandbox;
  if (cmd.model) request.model = cmd.model;
  if (cmd.modelParams) request.modelParams = cmd.modelParams;
  if (checked.args) request.args = checked.args;
  if (cmd.statePath) request.stateNamespace = resolve(io.cwd, cmd.statePath);
  if (cmd.recordPath) request.record = true;
  if (cmd.replayPath) {
    const loaded = await readRecording(resolve(io.cwd, cmd.replayPath));
    if (!loaded.ok) return usageError(io, `--replay ${cmd.replayPath}: ${loaded.message}`);
    const { recording } = loaded;
    request.replay = { recording, ...(cmd.replaySpeed !== undefined ? { speed: cmd.replaySpeed } : {}) };
    // The recorded settings, unless the command line says otherwise: the same requests need the same inputs.
    request.model = cmd.model ?? recording.spell.model;
    request.mockAll = cmd.mock || recording.spell.mockAll === true;
    if (!request.modelParams && recording.spell.modelParams) request.modelParams = recording.spell.modelParams;
    if (!cmd.args && recording.spell.args !== undefined) request.args = recording.spell.args;
  }

  // A profile run samples the engine as it runs (in this process, as every run).
  if (cmd.profilePath) return (await import("./profile-run")).profiledRun(cmd, request, io, deps.watchdog);

  // The trace events, for --otlp.
  const trace: TraceEvent[] = [];
  const startedAtMs = Date.now();
  const observe =
    (onEvent: (event: RunEvent) => void) =>
    (event: RunEvent): void => {
      if (cmd.otlpPath && event.type === "trace") trace.push(event);
      onEvent(event);
    };
  let ran: InProcessRun;
  if (cmd.json) {
    const collector = createJsonCollector();
    ran = await runInProcess(cmd, request, io, observe(collector.onEvent), deps);
    io.stdout.write(`${JSON.stringify(collector.report(ran.result))}\n`);
  } else {
    const printer = createTerminalPrinter(io, { file: cmd.file, trace: cmd.trace });
    ran = await runInProcess(cmd, request, io, observe(printer.onEvent), deps);
    printer.finish(ran.result);
  }
  const { result, interrupted } = ran;
  const written = await writeOutputs(cmd, io, result, () => exportOtlpTrace(trace, { startedAtMs }));
  if (!written) return EXIT_SPELL_ERROR;
  if (result.ok) return EXIT_OK;
  return interrupted && result.error.kind === "cancelled" ? EXIT_INTERRUPTED : EXIT_SPELL_ERROR;
}

async function readRecording(path: string): Promise<ReturnType<typeof parseRecording>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: code === "ENOENT" ? "no such file" : `cannot read it (${code ?? String(err)})` };
  }
  try {
    return parseRecording(JSON.parse(text));
  } catch {
    return { ok: false, message: "not JSON" };
  }
}

/** Write the recording (--record) and the OTLP trace (--otlp); false (with a message) when a file cannot be written. */
async function writeOutputs(cmd: RunCommand, io: CliIo, result: RunResult, otlp: () => unknown): Promise<boolean> {
  const outputs: [string, unknown][] = [];
  if (cmd.recordPath) {
    if (result.recording) outputs.push([cmd.recordPath, result.recording]);
    else io.stderr.write("llmspell: the run ended before it could be recorded; no recording written\n");
  }
  if (cmd.otlpPath) outputs.push([cmd.otlpPath, otlp()]);
  for (const [path, value] of outputs) {
    try {
      await writeFile(resolve(io.cwd, path), `${JSON.stringify(value)}\n`);
    } catch (err) {
      io.stderr.write(`llmspell: cannot write ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
      return false;
    }
  }
  return true;
}

export function capped(io: CliIo, flag: string, value: number, max: number, unit: string): number {
  if (value <= max) return value;
  io.stderr.write(`llmspell: ${flag} is above the limit of ${max} ${unit}; using ${max}\n`);
  return max;
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}
