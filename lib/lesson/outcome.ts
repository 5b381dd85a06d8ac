/**
 * What a lesson's checks look at: one run's outcome (the ExecutionResult, every event it sent, and the source
 * that ran), and the views of it the checks share: the output as a person saw it, and the trace as spans.
 */
import type { SpellLanguage } from "@/lib/core/dialect";
import type { ExecutionResult, RunEvent, TraceEnd, TraceKind, TraceStart } from "@/lib/core/events";
import type { JsonValue } from "@/lib/core/json";
import type { SpellErrorData } from "@/lib/core/errors";

export interface RunOutcome {
  language: SpellLanguage;
  source: string;
  result: ExecutionResult;
  /** Every event of the run, in order (logs, trace starts and ends, stream deltas). */
  events: RunEvent[];
}

/** One traced call: its start and, when it ended, its end. */
export interface Span {
  id: string;
  parentId?: string;
  kind: TraceKind;
  name: string;
  input?: JsonValue;
  output?: JsonValue;
  error?: SpellErrorData;
  ended: boolean;
}

/**
 * The text the console showed: each log line, and streamed model text, in the order they came. Without events
 * (a result from elsewhere), the result's logs.
 */
export function outputTextOf(outcome: RunOutcome): string {
  const parts: string[] = [];
  let streaming = false;
  for (const e of outcome.events) {
    if (e.type === "log") {
      if (streaming) parts.push("\n");
      streaming = false;
      parts.push(`${e.text}\n`);
    } else if (e.type === "stream") {
      streaming = true;
      parts.push(e.text);
    }
  }
  if (parts.length === 0 && outcome.events.length === 0) return outcome.result.logs.map((l) => `${l.text}\n`).join("");
  return parts.join("");
}

/** The run's traced calls in start order. */
export function spansOf(outcome: RunOutcome): Span[] {
  const spans = new Map<string, Span>();
  for (const e of outcome.events) {
    if (e.type !== "trace") continue;
    if (e.phase === "start") spans.set(e.id, spanFromStart(e));
    else endSpan(spans.get(e.id), e);
  }
  return [...spans.values()];
}

function spanFromStart(e: TraceStart): Span {
  return {
    id: e.id,
    ...(e.parentId ? { parentId: e.parentId } : {}),
    kind: e.kind,
    name: e.name,
    ...(e.input !== undefined ? { input: e.input } : {}),
    ended: false,
  };
}

function endSpan(span: Span | undefined, e: TraceEnd): void {
  if (!span) return;
  span.ended = true;
  if (e.output !== undefined) span.output = e.output;
  if (e.error) span.error = e.error;
}
