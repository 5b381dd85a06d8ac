/**
 * `llmspell debug FILE`: the spell runs in this process (not in a worker) under a debug session whose client
 * reads commands from stdin, one a line, blocking: a synchronous client lets JavaScript pause inside
 * synchronous functions too, and piped commands work the same as typed ones. Before the spell starts the
 * commands set breakpoints; `continue` (or the end of stdin) starts it, `next`/`step` start it and pause at its
 * first line. When the spell ends it prints the result and exits as `llmspell run` would.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { engineForFile, listEngines } from "@/engines/registry";
import {
  DebugSession,
  type Breakpoint,
  type DebugAction,
  type DebugInspector,
  type DebugPause,
} from "@/lib/core/debug";
import { clampLimits, DEFAULT_LIMITS } from "@/lib/core/limits";
import { createDirectLlmClient } from "@/lib/llm/direct";
import { runSpell } from "@/lib/runner/run-spell";
import type { RunRequest } from "@/lib/runner/types";
import { createJsonFileStateStore } from "@/lib/spell/state/json-file";
import { createMemoryStateStore } from "@/lib/spell/state/memory";
import type { RunCommand } from "./args";
import type { CliIo } from "./main";
import { createTerminalPrinter } from "./output";

const EXIT_OK = 0;
const EXIT_SPELL_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

type Parsed =
  | { kind: "resume"; action: DebugAction }
  | { kind: "break"; line: number; condition?: string }
  | { kind: "delete"; line: number }
  | { kind: "print"; expr: string }
  | { kind: "watch"; expr: string }
  | { kind: "locals" }
  | { kind: "backtrace" }
  | { kind: "error"; message: string }
  | { kind: "empty" };

/** One command line (see the usage text). */
export function parseDebugCommand(line: string): Parsed {
  const text = line.trim();
  if (!text) return { kind: "empty" };
  const [word, ...restWords] = text.split(/\s+/);
  const rest = text.slice(word.length).trim();
  switch (word) {
    case "c":
    case "continue":
      return { kind: "resume", action: "continue" };
    case "n":
    case "next":
      return { kind: "resume", action: "stepOver" };
    case "s":
    case "step":
      return { kind: "resume", action: "stepInto" };
    case "o":
    case "out":
      return { kind: "resume", action: "stepOut" };
    case "q":
    case "quit":
      return { kind: "resume", action: "stop" };
    case "b":
    case "break": {
      const m = /^(\d+)(?:\s+if\s+(.+))?$/.exec(rest);
      if (!m || Number(m[1]) < 1) return { kind: "error", message: "usage: break LINE [if EXPR]" };
      return { kind: "break", line: Number(m[1]), ...(m[2] ? { condition: m[2] } : {}) };
    }
    case "delete": {
      if (!/^\d+$/.test(rest)) return { kind: "error", message: "usage: delete LINE" };
      return { kind: "delete", line: Number(rest) };
    }
    case "p":
    case "print":
      if (!rest) return { kind: "error", message: "usage: print EXPR" };
      return { kind: "print", expr: rest };
    case "watch":
      if (!rest) return { kind: "error", message: "usage: watch EXPR" };
      return { kind: "watch", expr: rest };
    case "locals":
      return restWords.length ? { kind: "error", message: "locals takes no argument" } : { kind: "locals" };
    case "bt":
    case "backtrace":
      return { kind: "backtrace" };
    default:
      return {
        kind: "error",
        message: `unknown command "${word}" (break, delete, continue, next, step, out, print, locals, backtrace, watch, quit)`,
      };
  }
}

export async function debugCommand(cmd: RunCommand, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, cmd.file);
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr.write(`llmspell: ${code === "ENOENT" ? `no such file: ${cmd.file}` : `cannot read ${cmd.file}`}\n`);
    return EXIT_USAGE;
  }
  const known = listEngines().map((e) => e.name);
  const inferred = engineForFile(path);
  const engine = cmd.engine ?? (typeof inferred === "string" ? inferred : inferred?.name);
  if (!engine || !known.includes(engine)) {
    io.stderr.write(`llmspell: ${engine ? `unknown engine "${engine}"` : "cannot tell the engine; pass --engine"}\n`);
    return EXIT_USAGE;
  }
  const readLine = io.readLine;
  if (!readLine) {
    io.stderr.write("llmspell: debug needs stdin to read commands from\n");
    return EXIT_USAGE;
  }
  const out = (s: string) => io.stdout.write(`${s}\n`);
  const breakpoints = new Map<number, Breakpoint>();
  const watches: string[] = [];
  let quit = false;

  /** Commands until one resumes; `inspector` is null before the spell starts. */
  const prompt = (inspector: DebugInspector | null, pause: DebugPause | null): DebugAction => {
    for (;;) {
      const line = readLine();
      if (line === null) return "continue";
      const c = parseDebugCommand(line);
      switch (c.kind) {
        case "empty":
          continue;
        case "error":
          out(`error: ${c.message}`);
          continue;
        case "resume":
          if (c.action === "stop") quit = true;
          return c.action;
        case "break":
          breakpoints.set(c.line, { line: c.line, ...(c.condition ? { condition: c.condition } : {}) });
          session.setBreakpoints([...breakpoints.values()]);
          out(`breakpoint at line ${c.line}${c.condition ? ` if ${c.condition}` : ""}`);
          continue;
        case "delete":
          out(
            breakpoints.delete(c.line) ? `deleted the breakpoint at line ${c.line}` : `no breakpoint at line ${c.line}`,
          );
          session.setBreakpoints([...breakpoints.values()]);
          continue;
        case "watch":
          watches.push(c.expr);
          if (inspector) out(showValue(inspector, c.expr));
          else out(`watching ${c.expr}`);
          continue;
        case "print":
          out(inspector ? showValue(inspector, c.expr) : "error: the spell is not paused");
          continue;
        case "locals":
          if (!inspector) out("error: the spell is not paused");
          else
            for (const scope of inspector.scopes(0).filter((s) => s.name !== "Globals"))
              for (const v of inspector.variables(scope.ref)) out(`${v.name} = ${v.value}`);
          continue;
        case "backtrace":
          if (!pause) out("error: the spell is not paused");
          else for (const f of pause.frames) out(`#${f.id} ${f.name} at ${cmd.file}:${f.line}`);
          continue;
      }
    }
  };

  const session = new DebugSession({
    synchronous: true,
    paused(pause, inspector) {
      out(`paused at ${cmd.file}:${pause.line} (${pause.reason})`);
      if (pause.hostCall)
        out(`${pause.hostCall.phase} of ${pause.hostCall.name}: ${JSON.stringify(pause.hostCall.value)}`);
      for (const w of watches) out(showValue(inspector, w));
      return prompt(inspector, pause);
    },
  });

  // Before the start: breakpoints; `next`/`step` pause at the first line.
  const first = prompt(null, null);
  if (first === "stop") return EXIT_INTERRUPTED;
  if (first !== "continue") session.requestPause();

  const request: RunRequest = {
    engine,
    source,
    limits: clampLimits({
      ...(cmd.timeoutMs !== undefined ? { timeoutMs: Math.min(cmd.timeoutMs, DEFAULT_LIMITS.timeoutMs) } : {}),
      ...(cmd.memoryBytes !== undefined
        ? { memoryLimitBytes: Math.min(cmd.memoryBytes, DEFAULT_LIMITS.memoryLimitBytes) }
        : {}),
    }),
    mockAll: cmd.mock,
    ...(cmd.model ? { model: cmd.model } : {}),
    ...(cmd.args ? { args: cmd.args } : {}),
    ...(cmd.sandbox ? { sandbox: cmd.sandbox } : {}),
    ...(cmd.modelParams ? { modelParams: cmd.modelParams } : {}),
  };
  const printer = createTerminalPrinter(io, { file: cmd.file, trace: cmd.trace });
  const result = await runSpell(request, {
    llm: createDirectLlmClient({ mockAll: cmd.mock, env: process.env }),
    state: cmd.statePath ? createJsonFileStateStore(resolve(io.cwd, cmd.statePath)) : createMemoryStateStore(),
    emit: printer.onEvent,
    debug: session,
  });
  printer.finish(result);
  if (result.ok) return EXIT_OK;
  return quit && result.error.kind === "cancelled" ? EXIT_INTERRUPTED : EXIT_SPELL_ERROR;
}

function showValue(inspector: DebugInspector, expr: string): string {
  const r = inspector.evaluate(expr);
  return r.ok ? `${expr} = ${r.value.value}` : `${expr}: error: ${r.error}`;
}
