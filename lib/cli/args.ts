/**
 * The `llmspell` command line, parsed and validated: pure (no file system), so every bad input has a test.
 *
 *   llmspell run <file> [--engine NAME] [--mock] [--model provider/model] [--timeout-ms N] [--memory-mb N]
 *                       [--sandbox PRESET] [--json] [--trace] [--state FILE] [--arg key=value ...]
 *                       [--record RUN.json | --replay RUN.json [--replay-speed X]] [--otlp OUT.json]
 *                       [--profile OUT.json] [-- args...]
 *   llmspell check <file>... [--engine NAME] [--sandbox PRESET] [--json]
 *   llmspell debug <file> [run options]
 *   llmspell repl [--engine NAME] [--mock] [--model provider/model] [--state FILE] [--timeout-ms N] [--memory-mb N]
 *   llmspell engines | llmspell help | llmspell --version
 */
import { parseArgs } from "node:util";
import * as z from "zod";
import type { JsonValue } from "@/lib/core/json";
import { SANDBOX_PRESETS, parseSandboxPreset, sandboxRules, type SandboxPreset } from "@/lib/core/sandbox";

export interface RunCommand {
  /** `debug` runs the spell under the line debugger (commands on stdin). */
  command: "run" | "debug";
  file: string;
  /** From `--engine`; otherwise the caller infers it from the file's extension. */
  engine?: string;
  mock: boolean;
  model?: string;
  timeoutMs?: number;
  memoryBytes?: number;
  /** From `--sandbox`: the security preset (its limits are the ceiling of `--timeout-ms` and `--memory-mb`). */
  sandbox?: SandboxPreset;
  json: boolean;
  trace: boolean;
  statePath?: string;
  /** `run --profile OUT.json`: write a speedscope profile of the run there. */
  profilePath?: string;
  /** `--record`: write the run's recording (lib/recording) to this file. */
  recordPath?: string;
  /** `--replay`: answer every model call from this recording (no provider needed). */
  replayPath?: string;
  /** `--replay-speed`: 1 is the recorded pace, 0 (the default) no waiting. */
  replaySpeed?: number;
  /** `--otlp`: write the run's trace as OTLP/JSON to this file. */
  otlpPath?: string;
  /** `ARGS`: named values from `--arg k=v` and `-- --k v`, positional ones under "1", "2", …, "0" the file. */
  args?: { [key: string]: JsonValue };
}

export interface CheckCommand {
  command: "check";
  files: string[];
  /** From `--engine`; otherwise each file's extension says. */
  engine?: string;
  /** From `--sandbox`: warn about calls this preset refuses. */
  sandbox?: SandboxPreset;
  json: boolean;
}

export interface ReplCommand {
  command: "repl";
  /** From `--engine`; Lua by default. */
  engine: string;
  mock: boolean;
  model?: string;
  timeoutMs?: number;
  memoryBytes?: number;
  statePath?: string;
}

/** `help FILE` describes a spell: its front matter and the parameters it declares. */
type CliCommand =
  | RunCommand
  | CheckCommand
  | ReplCommand
  | { command: "help"; file?: string }
  | { command: "version" }
  | { command: "engines" };

export type ParseResult = { ok: true; value: CliCommand } | { ok: false; message: string };

export const USAGE = `Usage:
  llmspell run <file> [options] [-- args...]   run a spell (.lua, .js, .mjs)
  llmspell check <file>... [--engine NAME] [--sandbox PRESET] [--json]
                                               check spells without running them: syntax, the spell API,
                                               tools, lint (FILE:LINE:COL: severity: message [rule]);
                                               --sandbox warns about calls that preset refuses
  llmspell debug <file> [options] [-- args...] run a spell under the line debugger, commands on stdin:
                                               break N [if EXPR] (b), delete N, continue (c), next (n),
                                               step (s), out (o), print EXPR (p), locals, backtrace (bt),
                                               watch EXPR, quit (q)
  llmspell repl [options]                      an interactive session (Lua by default): state kept between
                                               entries, an expression's value printed; .help lists commands
  llmspell engines                             list the engines
  llmspell help | --help                       show this help
  llmspell help <file>                         show a spell's description and the parameters it declares
  llmspell --version                           print the version

Options for run:
  --engine NAME        lua or javascript (default: from the file extension)
  --mock               send every model call to the offline mock provider
  --model P/M          default model for agents that name none (default mock/default)
  --timeout-ms N       CPU time limit for the spell, in ms
  --memory-mb N        engine memory limit, in MiB
  --sandbox PRESET     security preset: ${SANDBOX_PRESETS.map((p) => `${p} (${sandboxRules(p).summary})`).join(",\n                       ")}
  --json               print one JSON object: ok, value, logs, error, trace, stats
  --trace              print trace events (agents, tools, steps) to stderr
  --state FILE         keep State in this JSON file across runs
  --profile OUT.json   write a profile of the run (speedscope's format; open it at speedscope.app)
  --arg KEY=VALUE      set ARGS.KEY (repeatable; checked against the parameters the spell declares)
  --record RUN.json    write the run's recording: the spell, each model call and its streamed reply, the
                       clock and random values it read (see README, "Recorded runs")
  --replay RUN.json    replay a recording: every model call is answered from it, with no provider or key;
                       exits 1 with "replay_diverged: call N ..." when the spell's requests differ
  --replay-speed X     replay at X times the recorded pace (0.25 to 4; default: no waiting)
  --otlp OUT.json      write the run's trace as OpenTelemetry OTLP/JSON (GenAI semantic conventions)
  -- args...           more ARGS: --key value, --key=value, or positional (ARGS["1"], ...)

Options for repl: --engine, --mock, --model, --timeout-ms (per entry), --memory-mb, --state, as for run.
History is kept in ~/.llmspell_history (LLMSPELL_HISTORY names another file).

Exit codes: 0 success, 1 spell error (check: an error found), 2 usage error, 130 interrupted (Ctrl+C).`;

/** Options that only `run` takes, for a clear error when `check` gets one. */
const RUN_ONLY = [
  "mock",
  "model",
  "timeout-ms",
  "memory-mb",
  "trace",
  "state",
  "arg",
  "record",
  "replay",
  "replay-speed",
  "otlp",
  "profile",
] as const;

const positiveInt = (flag: string) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} needs a positive whole number`)
    .transform(Number)
    .refine((n) => n > 0 && Number.isSafeInteger(n), `${flag} needs a positive whole number`);

const positiveNumber = (flag: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${flag} needs a positive number`)
    .transform(Number)
    .refine((n) => n > 0, `${flag} needs a positive number`);

const modelSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9._:@-]+)+$/, "--model needs provider/model, e.g. mock/default");
const replaySpeedSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "--replay-speed needs a number from 0.25 to 4")
  .transform(Number)
  .refine((n) => n >= 0.25 && n <= 4, "--replay-speed needs a number from 0.25 to 4");
const argPairSchema = z.string().regex(/^[^=\s]+=/, "--arg needs key=value");

function check<T>(schema: z.ZodType<T>, value: string): { ok: true; value: T } | { ok: false; message: string } {
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, message: `${r.error.issues[0]?.message} (got "${value}")` };
}

export function parseCliArgs(argv: string[]): ParseResult {
  const dashDash = argv.indexOf("--");
  const own = dashDash === -1 ? argv : argv.slice(0, dashDash);
  const passthrough = dashDash === -1 ? [] : argv.slice(dashDash + 1);

  let parsed;
  try {
    parsed = parseArgs({
      args: own,
      allowPositionals: true,
      strict: true,
      options: {
        engine: { type: "string" },
        mock: { type: "boolean" },
        model: { type: "string" },
        "timeout-ms": { type: "string" },
        "memory-mb": { type: "string" },
        sandbox: { type: "string" },
        json: { type: "boolean" },
        trace: { type: "boolean" },
        state: { type: "string" },
        profile: { type: "string" },
        arg: { type: "string", multiple: true },
        record: { type: "string" },
        replay: { type: "string" },
        "replay-speed": { type: "string" },
        otlp: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (err) {
    return { ok: false, message: cleanParseError(err) };
  }
  const { values, positionals } = parsed;
  if (values.version) return { ok: true, value: { command: "version" } };
  const [command, ...rest] = positionals;
  if (command === "help" && rest.length > 0) return { ok: true, value: { command: "help", file: rest[0] } };
  if (values.help || command === "help" || command === undefined) return { ok: true, value: { command: "help" } };
  if (command === "engines") return { ok: true, value: { command: "engines" } };
  if (command === "check") {
    if (rest.length === 0)
      return { ok: false, message: "check needs at least one spell file: llmspell check <file>..." };
    const runOnly = RUN_ONLY.find((flag) => values[flag] !== undefined);
    if (runOnly) return { ok: false, message: `--${runOnly} is an option of run, not check` };
    if (passthrough.length > 0) return { ok: false, message: "check takes no spell arguments (nothing after --)" };
    if (values.engine !== undefined && !values.engine.trim())
      return { ok: false, message: "--engine needs a name, e.g. lua or javascript" };
    const sandbox = parseSandboxFlag(values.sandbox);
    if (!sandbox.ok) return sandbox;
    return {
      ok: true,
      value: {
        command: "check",
        files: rest,
        json: values.json ?? false,
        ...(values.engine ? { engine: values.engine } : {}),
        ...(sandbox.preset ? { sandbox: sandbox.preset } : {}),
      },
    };
  }
  if (command === "repl") return parseRepl(values, rest, passthrough);
  if (command !== "run" && command !== "debug")
    return { ok: false, message: `unknown command "${command}" (try: llmspell run <file>)` };
  if (rest.length === 0) return { ok: false, message: `${command} needs a spell file: llmspell ${command} <file>` };
  if (rest.length > 1) return { ok: false, message: `unexpected argument "${rest[1]}" (put spell arguments after --)` };

  const out: RunCommand = {
    command,
    file: rest[0],
    mock: values.mock ?? false,
    json: values.json ?? false,
    trace: values.trace ?? false,
  };
  if (values.engine !== undefined) {
    if (!values.engine.trim()) return { ok: false, message: "--engine needs a name, e.g. lua or javascript" };
    out.engine = values.engine;
  }
  if (values.profile !== undefined) {
    if (command !== "run") return { ok: false, message: "--profile is an option of run, not debug" };
    if (!values.profile.trim()) return { ok: false, message: "--profile needs a file to write, e.g. profile.json" };
    out.profilePath = values.profile;
  }
  if (values.model !== undefined) {
    const m = check(modelSchema, values.model);
    if (!m.ok) return m;
    out.model = m.value;
  }
  if (values["timeout-ms"] !== undefined) {
    const t = check(positiveInt("--timeout-ms"), values["timeout-ms"]);
    if (!t.ok) return t;
    out.timeoutMs = t.value;
  }
  if (values["memory-mb"] !== undefined) {
    const m = check(positiveNumber("--memory-mb"), values["memory-mb"]);
    if (!m.ok) return m;
    out.memoryBytes = Math.floor(m.value * 1024 * 1024);
  }
  const sandbox = parseSandboxFlag(values.sandbox);
  if (!sandbox.ok) return sandbox;
  if (sandbox.preset) out.sandbox = sandbox.preset;
  if (values.state !== undefined) {
    if (!values.state.trim()) return { ok: false, message: "--state needs a file path" };
    out.statePath = values.state;
  }
  for (const [flag, key] of [
    ["record", "recordPath"],
    ["replay", "replayPath"],
    ["otlp", "otlpPath"],
  ] as const) {
    const path = values[flag];
    if (path === undefined) continue;
    if (!path.trim()) return { ok: false, message: `--${flag} needs a file path` };
    out[key] = path;
  }
  if (out.recordPath !== undefined && out.replayPath !== undefined)
    return { ok: false, message: "--record and --replay cannot be used together" };
  if (values["replay-speed"] !== undefined) {
    if (out.replayPath === undefined) return { ok: false, message: "--replay-speed needs --replay" };
    const s = check(replaySpeedSchema, values["replay-speed"]);
    if (!s.ok) return s;
    out.replaySpeed = s.value;
  }

  const args: { [key: string]: JsonValue } = {};
  for (const pair of values.arg ?? []) {
    const p = check(argPairSchema, pair);
    if (!p.ok) return p;
    const eq = pair.indexOf("=");
    args[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  let position = 0;
  for (let i = 0; i < passthrough.length; i++) {
    const token = passthrough[i];
    const named = /^--([^=\s]+)(?:=(.*))?$/s.exec(token);
    if (named) {
      const [, key, inline] = named;
      if (inline !== undefined) args[key] = inline;
      else if (i + 1 < passthrough.length && !passthrough[i + 1].startsWith("--")) args[key] = passthrough[++i];
      else args[key] = "true";
    } else {
      args[String(++position)] = token;
    }
  }
  if (Object.keys(args).length > 0) out.args = { "0": out.file, ...args };
  return { ok: true, value: out };
}

function parseSandboxFlag(
  value: string | undefined,
): { ok: true; preset?: SandboxPreset } | { ok: false; message: string } {
  if (value === undefined) return { ok: true };
  const parsed = parseSandboxPreset(value);
  return parsed.ok ? { ok: true, preset: parsed.preset } : { ok: false, message: `--sandbox: ${parsed.message}` };
}

type ParsedValues = {
  engine?: string;
  mock?: boolean;
  model?: string;
  "timeout-ms"?: string;
  "memory-mb"?: string;
  json?: boolean;
  trace?: boolean;
  state?: string;
  arg?: string[];
  record?: string;
  replay?: string;
  "replay-speed"?: string;
  otlp?: string;
  sandbox?: string;
  profile?: string;
};

function parseRepl(values: ParsedValues, rest: string[], passthrough: string[]): ParseResult {
  if (rest.length > 0) return { ok: false, message: `repl takes no file (got "${rest[0]}"); use .load FILE inside it` };
  if (passthrough.length > 0 || values.arg !== undefined)
    return { ok: false, message: "repl takes no spell arguments" };
  const other = (["json", "trace", "record", "replay", "replay-speed", "otlp", "profile", "sandbox"] as const).find(
    (flag) => values[flag] !== undefined,
  );
  if (other) return { ok: false, message: `--${other} is an option of run, not repl` };
  if (values.engine !== undefined && !values.engine.trim())
    return { ok: false, message: "--engine needs a name, e.g. lua or javascript" };
  const out: ReplCommand = { command: "repl", engine: values.engine ?? "lua", mock: values.mock ?? false };
  if (values.model !== undefined) {
    const m = check(modelSchema, values.model);
    if (!m.ok) return m;
    out.model = m.value;
  }
  if (values["timeout-ms"] !== undefined) {
    const t = check(positiveInt("--timeout-ms"), values["timeout-ms"]);
    if (!t.ok) return t;
    out.timeoutMs = t.value;
  }
  if (values["memory-mb"] !== undefined) {
    const m = check(positiveNumber("--memory-mb"), values["memory-mb"]);
    if (!m.ok) return m;
    out.memoryBytes = Math.floor(m.value * 1024 * 1024);
  }
  if (values.state !== undefined) {
    if (!values.state.trim()) return { ok: false, message: "--state needs a file path" };
    out.statePath = values.state;
  }
  return { ok: true, value: out };
}

function cleanParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // node:util's messages end with advice about "--"; keep the first sentence, which names the flag.
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]} (see llmspell --help)`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1].replace(/^-., /, "")} needs a value`;
  return message.split(". ")[0];
}
