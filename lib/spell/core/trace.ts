/** Trace spans: every agent, model call, tool, workflow, step, hook and event becomes a start/end pair. */
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent, TraceKind } from "@/lib/core/events";
import type { SpellErrorData } from "@/lib/core/errors";
import { SpellError } from "@/lib/core/errors";
import { errorMessage, toTraceValue } from "./values";

interface SpanEnd {
  output?: unknown;
  error?: unknown;
  model?: string;
  tokens?: { input: number; output: number };
  costUsd?: number;
}

interface Span {
  readonly id: string;
  readonly kind: TraceKind;
  readonly name: string;
  end(info?: SpanEnd): void;
}

export interface Tracer {
  start(kind: TraceKind, name: string, opts?: { parentId?: string; input?: unknown; model?: string }): Span;
  /** Run `fn` inside a span; the span ends with its result or its error (rethrown). */
  run<T>(
    kind: TraceKind,
    name: string,
    opts: { parentId?: string; input?: unknown; model?: string },
    fn: (span: Span) => Promise<T>,
    outputOf?: (value: T) => unknown,
  ): Promise<T>;
}

function toErrorData(e: unknown): SpellErrorData {
  if (e instanceof SpellError) return e.toJSON();
  return { kind: "runtime", message: errorMessage(e) };
}

export function createTracer(emit: (e: RunEvent) => void, now: () => number): Tracer {
  let next = 0;
  const tracer: Tracer = {
    start(kind, name, opts = {}) {
      const id = `${kind}-${++next}`;
      const t0 = now();
      emit({
        type: "trace",
        phase: "start",
        id,
        kind,
        name,
        t: t0,
        ...(opts.parentId ? { parentId: opts.parentId } : {}),
        ...(opts.input !== undefined ? { input: toTraceValue(opts.input) } : {}),
        ...(opts.model ? { model: opts.model } : {}),
      });
      let ended = false;
      return {
        id,
        kind,
        name,
        end(info = {}) {
          if (ended) return;
          ended = true;
          const t = now();
          const ev: RunEvent = { type: "trace", phase: "end", id, t, durationMs: Math.max(0, t - t0) };
          if (info.output !== undefined) ev.output = toTraceValue(info.output) as JsonValue;
          if (info.error !== undefined) ev.error = toErrorData(info.error);
          if (info.model) ev.model = info.model;
          if (info.tokens) ev.tokens = info.tokens;
          if (info.costUsd !== undefined) ev.costUsd = info.costUsd;
          emit(ev);
        },
      };
    },
    async run(kind, name, opts, fn, outputOf) {
      const span = tracer.start(kind, name, opts);
      try {
        const value = await fn(span);
        span.end({ output: outputOf ? outputOf(value) : value });
        return value;
      } catch (e) {
        span.end({ error: e });
        throw e;
      }
    },
  };
  return tracer;
}
