/**
 * How a run looks on a terminal: spell output to stdout as it arrives (model tokens included), warnings and
 * errors to stderr, the final error as `<kind>: <message> (<file>:<line>)`; or, with `--json`, exactly one JSON
 * object at the end.
 */
import type { ExecutionResult, LogEntry, RunEvent, TraceEvent } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import type { SpellErrorData } from "@/lib/core/errors";

export interface Writable {
  write(text: string): unknown;
}

/** The `--json` document. */
export interface JsonReport {
  ok: boolean;
  value: JsonValue;
  logs: LogEntry[];
  error: (Pick<SpellErrorData, "kind" | "message"> & { line: number | null; column?: number; stack?: string }) | null;
  trace: TraceEvent[];
  stats: ExecutionResult["stats"];
}

/** `<kind>: <message> (<file>:<line>)`, the one line a spell error gets on stderr. */
export function formatCliError(error: SpellErrorData, file: string): string {
  const where = error.line !== undefined ? `${file}:${error.line}` : file;
  return `${error.kind}: ${error.message} (${where})`;
}

/** A printer for the human mode: call `onEvent` for each event, then `finish` with the result. */
export function createTerminalPrinter(
  io: { stdout: Writable; stderr: Writable },
  opts: { file: string; trace: boolean },
) {
  let midLine = false; // streamed tokens left the cursor mid-line
  const traceNames = new Map<string, string>();
  const endLine = () => {
    if (midLine) {
      io.stdout.write("\n");
      midLine = false;
    }
  };
  return {
    onEvent(event: RunEvent) {
      switch (event.type) {
        case "stream":
          if (!event.text) return;
          io.stdout.write(event.text);
          midLine = !event.text.endsWith("\n");
          return;
        case "log":
          endLine();
          if (event.level === "warn" || event.level === "error") io.stderr.write(`${event.text}\n`);
          else io.stdout.write(`${event.text}\n`);
          return;
        case "trace":
          if (opts.trace) {
            endLine();
            if (event.phase === "start") traceNames.set(event.id, `${event.kind} ${event.name}`);
            io.stderr.write(`${formatTrace(event, traceNames.get(event.id) ?? event.id)}\n`);
          }
          return;
        default:
          return;
      }
    },
    finish(result: ExecutionResult) {
      endLine();
      if (result.ok) {
        if (result.value !== null && result.value !== undefined) io.stdout.write(`${formatValue(result.value)}\n`);
      } else {
        io.stderr.write(`${formatCliError(result.error, opts.file)}\n`);
      }
    },
  };
}

function formatValue(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function formatTrace(e: TraceEvent, label: string): string {
  if (e.phase === "start") return `[trace] ▶ ${label}${e.model ? ` (${e.model})` : ""}`;
  const tokens = e.tokens ? `, ${e.tokens.input}+${e.tokens.output} tokens` : "";
  const error = e.error ? `, ${e.error.kind}: ${e.error.message}` : "";
  return `[trace] ◀ ${label} ${Math.round(e.durationMs)} ms${tokens}${error}`;
}

/**
 * Collects what `--json` prints. `logs` are the run's `log` events in order: the engine's own output
 * (print, console.*) and the spell API's (Debug.*, host warnings). The result's `logs` hold only the engine's
 * own, so they are the fallback only when no log event was seen.
 */
export function createJsonCollector() {
  const trace: TraceEvent[] = [];
  const logs: LogEntry[] = [];
  return {
    onEvent(event: RunEvent) {
      if (event.type === "trace") trace.push(event);
      else if (event.type === "log") logs.push({ level: event.level, text: event.text });
    },
    report(result: ExecutionResult): JsonReport {
      return {
        ok: result.ok,
        value: result.ok ? (result.value ?? null) : null,
        logs: logs.length > 0 ? logs : result.logs,
        error: result.ok
          ? null
          : {
              kind: result.error.kind,
              message: result.error.message,
              line: result.error.line ?? null,
              ...(result.error.column !== undefined ? { column: result.error.column } : {}),
              ...(result.error.stack ? { stack: result.error.stack } : {}),
            },
        trace,
        stats: result.stats,
      };
    },
  };
}
