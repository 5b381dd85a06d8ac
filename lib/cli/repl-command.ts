/**
 * `llmspell repl`: the REPL of lib/runner/repl.ts on a terminal. One session in the CLI's worker; each line
 * goes to the REPL, which runs the entry it completes or asks for more; dot-commands are handled here.
 *
 * - On a terminal: prompts (`lua> `, `js> `, `...> ` while an entry goes on), Tab completion from the spell API
 *   reference, history in ~/.llmspell_history (LLMSPELL_HISTORY names another file), Ctrl+C cancels the running
 *   entry (or drops a half-typed one), Ctrl+D or `.exit` leaves.
 * - Otherwise (a pipe, a file): it reads line by line, prints results without prompts, and exits at the end of
 *   input; history is neither read nor written. Ctrl+C (SIGINT) cancels the running entry.
 */
import { createInterface, type AsyncCompleter } from "node:readline";
import { readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { ExecutionResult } from "@/lib/core/events";
import { DEFAULT_LIMITS, type RunLimits } from "@/lib/core/limits";
import { createRepl, entriesAsSpell, type Repl, type ReplSettings } from "@/lib/runner/repl";
import type { ReplCommand } from "./args";
import { EXIT_OK, capped, type CliDeps, type CliIo } from "./main";
import { createTerminalPrinter, formatCliError } from "./output";
import { appendHistory, readHistory } from "./repl-history";

const COMMANDS = [".clear", ".engine", ".exit", ".help", ".load", ".save"] as const;

const HELP = `.clear          start a new session (every global is gone)
.engine [NAME]  show the engine, or switch to NAME (lua, javascript) in a new session
.exit           leave (Ctrl+D too)
.help           this list
.load FILE      run a spell file in the session; its globals stay
.save FILE      write this session's entries to FILE as a spell
An expression entry prints its value; an unfinished entry continues on the next line.
Ctrl+C cancels a running entry, or drops the lines of an unfinished one.`;

/** The history file: LLMSPELL_HISTORY, else ~/.llmspell_history. */
export function historyPath(env: Record<string, string | undefined> = process.env): string {
  return env.LLMSPELL_HISTORY || join(homedir(), ".llmspell_history");
}

export async function replCommand(cmd: ReplCommand, io: CliIo, deps: CliDeps): Promise<number> {
  const input = io.stdin ?? process.stdin;
  const tty = input.isTTY === true;
  const limits: Partial<RunLimits> = {};
  if (cmd.timeoutMs !== undefined)
    limits.timeoutMs = capped(io, "--timeout-ms", cmd.timeoutMs, DEFAULT_LIMITS.timeoutMs, "ms");
  if (cmd.memoryBytes !== undefined)
    limits.memoryLimitBytes = capped(io, "--memory-mb", cmd.memoryBytes, DEFAULT_LIMITS.memoryLimitBytes, "bytes");
  const settings: ReplSettings = { engine: cmd.engine, limits, mockAll: cmd.mock };
  if (cmd.model) settings.model = cmd.model;
  if (cmd.statePath) settings.stateNamespace = resolve(io.cwd, cmd.statePath);

  const controller = await deps.createController(cmd.engine);
  const repl = createRepl(controller, settings, "cli");
  const history = historyPath();
  const rl = createInterface({
    input,
    output: tty ? (io.stdout as NodeJS.WritableStream) : undefined,
    terminal: tty,
    ...(tty
      ? {
          completer: createCompleter(repl),
          history: await readHistory(history),
          historySize: 1000,
          removeHistoryDuplicates: true,
        }
      : {}),
  });

  let running = false;
  const prompt = () => {
    if (!tty) return;
    rl.setPrompt(repl.pending.length > 0 ? "...> " : `${repl.settings.engine === "lua" ? "lua" : "js"}> `);
    rl.prompt();
  };
  rl.on("SIGINT", () => {
    if (running) {
      repl.cancel();
      return;
    }
    if (repl.pending.length > 0) repl.discardPending();
    else io.stdout.write("\n(To exit, press Ctrl+D or type .exit)");
    io.stdout.write("\n");
    prompt();
  });
  const unsubscribe = tty
    ? undefined
    : io.onInterrupt?.(() => {
        if (running) repl.cancel();
        else rl.close();
      });

  if (tty) io.stdout.write(`llmspell repl (${cmd.engine}${cmd.mock ? ", mock models" : ""}); .help for help\n`);
  try {
    prompt();
    for await (const line of rl) {
      if (tty && line.trim() !== "") await appendHistory(history, line).catch(() => undefined);
      running = true;
      let leave = false;
      try {
        leave = await handleLine(line, repl, io);
      } finally {
        running = false;
      }
      if (leave) break;
      prompt();
    }
  } finally {
    unsubscribe?.();
    rl.close();
    controller.dispose();
  }
  return EXIT_OK;
}

/** Run one line: a dot-command, or input for the REPL. True when the REPL should end. */
async function handleLine(line: string, repl: Repl, io: CliIo): Promise<boolean> {
  const command = repl.pending.length === 0 ? /^\s*(\.[a-z]+)(?:\s+(.*?))?\s*$/.exec(line) : null;
  if (command && (COMMANDS as readonly string[]).includes(command[1])) {
    return runCommand(command[1], command[2] ?? "", repl, io);
  }
  if (command && repl.settings.engine === "lua") {
    io.stderr.write(`unknown command ${command[1]} (.help lists them)\n`);
    return false;
  }
  const printer = createTerminalPrinter(io, { file: "repl", trace: false });
  const step = await repl.submit(line, printer.onEvent);
  if (step.kind === "result") printEntry(step.result, printer, io);
  return false;
}

function printEntry(result: ExecutionResult, printer: ReturnType<typeof createTerminalPrinter>, io: CliIo): void {
  if (!result.ok) {
    printer.finish(result);
    return;
  }
  printer.finish({ ...result, value: null });
  const display = result.session?.display;
  if (display !== undefined) io.stdout.write(`${display}\n`);
}

async function runCommand(name: string, arg: string, repl: Repl, io: CliIo): Promise<boolean> {
  switch (name) {
    case ".exit":
      return true;
    case ".help":
      io.stdout.write(`${HELP}\n`);
      return false;
    case ".clear":
      repl.reset();
      io.stdout.write("new session\n");
      return false;
    case ".engine": {
      if (!arg) {
        io.stdout.write(`${repl.settings.engine}\n`);
        return false;
      }
      if (arg !== "lua" && arg !== "javascript") {
        io.stderr.write(`unknown engine "${arg}" (lua or javascript)\n`);
        return false;
      }
      repl.reset({ engine: arg });
      io.stdout.write(`new ${arg} session\n`);
      return false;
    }
    case ".save": {
      if (!arg) {
        io.stderr.write(".save needs a file name\n");
        return false;
      }
      const path = resolve(io.cwd, arg);
      try {
        await writeFile(path, await entriesAsSpell(repl.settings.engine, repl.entries), "utf8");
        io.stdout.write(`saved ${repl.entries.length} entries to ${arg}\n`);
      } catch (err) {
        io.stderr.write(`cannot write ${arg}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
      return false;
    }
    case ".load": {
      if (!arg) {
        io.stderr.write(".load needs a file name\n");
        return false;
      }
      let source: string;
      try {
        source = await readFile(resolve(io.cwd, arg), "utf8");
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        io.stderr.write(code === "ENOENT" ? `no such file: ${arg}\n` : `cannot read ${arg}: ${String(err)}\n`);
        return false;
      }
      const printer = createTerminalPrinter(io, { file: arg, trace: false });
      const result = await repl.runSpell(source, printer.onEvent);
      if (result.ok) printer.finish(result);
      else io.stderr.write(`${formatCliError(result.error, arg)}\n`);
      return false;
    }
    default:
      return false;
  }
}

/** Tab completion from the spell API reference (loaded on the first Tab, so start-up does not pay for it). */
function createCompleter(repl: Repl): AsyncCompleter {
  let reference: Promise<typeof import("@/lib/spell/reference")> | undefined;
  const complete = async (line: string): Promise<[string[], string]> => {
    const [{ SPELL_API_REFERENCE }, { completeLine }] = await Promise.all([
      (reference ??= import("@/lib/spell/reference")),
      import("@/lib/runner/repl-complete"),
    ]);
    const { from, items } = completeLine(SPELL_API_REFERENCE, repl.settings.engine, line, {
      commands: repl.pending.length === 0 ? COMMANDS : undefined,
    });
    const word = line.slice(from);
    return [items, word];
  };
  return (line, callback) => {
    complete(line).then(
      (r) => callback(null, r),
      (err: Error) => callback(err),
    );
  };
}
