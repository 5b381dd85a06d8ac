/**
 * What every engine does around a run, written once: the run clock, the output cap (UTF-8 bytes), collecting logs, turning
 * an outcome into an {@link ExecutionResult} plus the final run event, and `executeStreaming` on top of
 * `execute`.
 */
import type { ExecuteOptions } from "./engine";
import type { ExecutionResult, ExecutionStats, LogEntry, LogLevel, RunEvent } from "./events";
import type { JsonValue } from "./json";
import { boundErrorMessage, type SpellErrorData } from "./errors";
import { resolveRunLimits, STOP_MESSAGES, utf8ByteLength } from "./run-guard";

/** The per-run sink engines write logs into. Enforces the output cap with one note when it is reached. */
export interface RunOutput {
  readonly logs: LogEntry[];
  readonly truncated: boolean;
  /** ms since the run started. */
  now(): number;
  log(level: LogLevel, text: string): void;
  /** Forward a non-log event (trace, stream) to `onEvent`; stream text counts against the output cap. */
  emit(event: RunEvent): void;
}

/**
 * What each output entry (a log line, a stream chunk) costs beyond its text: what it takes in the run's
 * result and in `--json`. Without it empty lines would be free, and `print()` in a loop could make millions of
 * entries under any byte cap.
 */
export const OUTPUT_ENTRY_OVERHEAD_BYTES = 32;

/**
 * The one output budget of a run: logs and streamed text together, in UTF-8 bytes plus a fixed cost per entry.
 * The runner makes one and hands it to the engine (`ExecuteOptions.output`) so the spell API's streamed tokens
 * and the engine's logs draw on the same budget; an engine run alone makes its own.
 */
export interface OutputMeter {
  readonly cap: number;
  readonly truncated: boolean;
  /**
   * The part of one entry's text that fits, or null when nothing does (or the budget is already spent).
   * `truncatedNow` is true for exactly one call: the one that spent the budget, after which the caller says so.
   */
  admit(text: string): { kept: string | null; truncatedNow: boolean };
}

export function createOutputMeter(maxOutputBytes?: number): OutputMeter {
  const cap = resolveRunLimits({ maxOutputBytes }).maxOutputBytes;
  let used = 0;
  let truncated = false;
  return {
    cap,
    get truncated() {
      return truncated;
    },
    admit(text) {
      if (truncated) return { kept: null, truncatedNow: false };
      const size = utf8ByteLength(text) + OUTPUT_ENTRY_OVERHEAD_BYTES;
      if (used + size <= cap) {
        used += size;
        return { kept: text, truncatedNow: false };
      }
      const room = Math.max(0, cap - used - OUTPUT_ENTRY_OVERHEAD_BYTES);
      used = cap;
      truncated = true;
      const kept = room > 0 ? sliceUtf8(text, room) : "";
      return { kept: kept ? kept : null, truncatedNow: true };
    },
  };
}

export function createRunOutput(opts: Pick<ExecuteOptions, "onEvent" | "maxOutputBytes" | "output"> = {}): RunOutput {
  const started = performance.now();
  const meter = opts.output ?? createOutputMeter(opts.maxOutputBytes);
  const logs: LogEntry[] = [];
  const now = () => Math.round((performance.now() - started) * 1000) / 1000;

  function noteTruncation() {
    const note = STOP_MESSAGES.output(meter.cap);
    logs.push({ level: "warn", text: note });
    opts.onEvent?.({ type: "log", level: "warn", text: note, t: now() });
  }

  return {
    logs,
    get truncated() {
      return meter.truncated;
    },
    now,
    log(level, text) {
      const { kept, truncatedNow } = meter.admit(text);
      if (kept !== null) {
        logs.push({ level, text: kept });
        opts.onEvent?.({ type: "log", level, text: kept, t: now() });
      }
      if (truncatedNow) noteTruncation();
    },
    emit(event) {
      if (event.type === "stream") {
        const { kept, truncatedNow } = meter.admit(event.text);
        if (kept !== null) opts.onEvent?.({ ...event, text: kept });
        if (truncatedNow) noteTruncation();
        return;
      }
      opts.onEvent?.(event);
    },
  };
}

/** The longest prefix of `text` that is at most `maxBytes` in UTF-8 (never splitting a surrogate pair). */
function sliceUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const pair = text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < text.length;
    const step = pair ? 2 : 1;
    const size = utf8ByteLength(text.slice(i, i + step));
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += step;
  }
  return text.slice(0, i);
}

/** The result of a run asked of a disposed engine: the same error in every engine, sent as the final event. */
export function disposedEngineResult(engine: string, onEvent?: (event: RunEvent) => void): ExecutionResult {
  const error: SpellErrorData = { kind: "configuration", message: STOP_MESSAGES.disposed(), engine };
  const stats: ExecutionStats = { engine, durationMs: 0 };
  onEvent?.({ type: "error", error, stats });
  return { ok: false, error, logs: [], stats };
}

/** Assemble the result of a run and send the final `result` or `error` event. */
/** The result of an entry sent to a session whose state is gone (an earlier entry broke it, or it was closed). */
export function closedSessionResult(onEvent?: (event: RunEvent) => void): ExecutionResult {
  const error: SpellErrorData = { kind: "configuration", message: STOP_MESSAGES.sessionClosed() };
  const stats: ExecutionStats = { engine: "", durationMs: 0 };
  onEvent?.({ type: "error", error, stats });
  return { ok: false, error, logs: [], stats, session: { session: "lost" } };
}

export function finishRun(
  output: RunOutput,
  outcome: { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData },
  stats: Omit<ExecutionStats, "durationMs" | "outputTruncated">,
  onEvent?: (event: RunEvent) => void,
): ExecutionResult {
  const full: ExecutionStats = { ...stats, durationMs: output.now() };
  if (output.truncated) full.outputTruncated = true;
  if (outcome.ok) {
    onEvent?.({ type: "result", value: outcome.value, stats: full });
    return { ok: true, value: outcome.value, logs: output.logs, stats: full };
  }
  const error = { ...outcome.error, message: boundErrorMessage(outcome.error.message) };
  onEvent?.({ type: "error", error, stats: full });
  return { ok: false, error, logs: output.logs, stats: full };
}

/**
 * `executeStreaming` for any engine that implements `execute` with `onEvent`: yields every event as it
 * happens and ends after the final `result` or `error` event.
 */
export async function* streamExecution(
  execute: (source: string, opts: ExecuteOptions) => Promise<ExecutionResult>,
  source: string,
  opts: ExecuteOptions = {},
): AsyncIterable<RunEvent> {
  const queue: RunEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  let failure: unknown = null;
  const push = (e: RunEvent) => {
    queue.push(e);
    wake?.();
  };
  execute(source, {
    ...opts,
    onEvent: (e) => {
      opts.onEvent?.(e);
      push(e);
    },
  }).then(
    () => {
      done = true;
      wake?.();
    },
    (err) => {
      failure = err;
      done = true;
      wake?.();
    },
  );
  while (true) {
    if (queue.length > 0) {
      yield queue.shift()!;
      continue;
    }
    if (done) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  if (failure) throw failure;
}
