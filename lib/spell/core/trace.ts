/**
 * Trace spans: every agent, model call, tool, workflow, step, hook and event becomes a start/end pair. The
 * tracer also bounds what calls can do to the host (FIXED_BOUNDS): how deep they nest, how many are open at
 * once, and how many trace events one run sends.
 */
import type { CallObserver } from "@/lib/core/call-observer";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent, TraceKind } from "@/lib/core/events";
import type { SpellErrorData } from "@/lib/core/errors";
import { SpellError } from "@/lib/core/errors";
import { FIXED_BOUNDS } from "@/lib/core/limits";
import { errorMessage, toTraceValue, WHOLE_TRACE_BOUNDS } from "./values";

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
  /** Set when the run's call observer holds the call (a debugger paused at it): `run` waits for it. */
  readonly hold?: Promise<void>;
  end(info?: SpanEnd): void;
}

interface SpanOptions {
  parentId?: string;
  input?: unknown;
  model?: string;
  /** Keep the input and output whole (a model call's request and reply), within {@link WHOLE_TRACE_BOUNDS}. */
  whole?: boolean;
}

export interface Tracer {
  /** Open a span. Throws an `api` error when it would nest or open more calls than a run may. */
  start(kind: TraceKind, name: string, opts?: SpanOptions): Span;
  /** Run `fn` inside a span; the span ends with its result or its error (rethrown). */
  run<T>(
    kind: TraceKind,
    name: string,
    opts: { parentId?: string; input?: unknown; model?: string },
    fn: (span: Span) => Promise<T>,
    outputOf?: (value: T) => unknown,
  ): Promise<T>;
  /** The parent of an open span (undefined for a top-level or closed one). */
  parentOf(id: string): string | undefined;
}

function toErrorData(e: unknown): SpellErrorData {
  if (e instanceof SpellError) return e.toJSON();
  return { kind: "runtime", message: errorMessage(e) };
}

export function createTracer(emit: (e: RunEvent) => void, now: () => number, observer?: CallObserver): Tracer {
  let next = 0;
  const open = new Map<string, { parentId?: string; depth: number }>();
  let traced = 0;
  /** Send a span's start while the run's allowance lasts; the first one past it becomes one note. */
  const send = (event: RunEvent): boolean => {
    if (traced > FIXED_BOUNDS.maxTracedCalls) return false;
    if (++traced <= FIXED_BOUNDS.maxTracedCalls) {
      emit(event);
      return true;
    }
    const text = `[trace truncated: the run made more than ${FIXED_BOUNDS.maxTracedCalls} calls; later ones run untraced]`;
    emit({ type: "log", level: "warn", text, t: now() });
    return false;
  };
  const tracer: Tracer = {
    start(kind, name, opts = {}) {
      const depth = (opts.parentId ? (open.get(opts.parentId)?.depth ?? 0) : 0) + 1;
      if (depth > FIXED_BOUNDS.maxCallDepth) {
        throw new SpellError(
          "api",
          `${kind} "${name}" would be the ${depth}th call nested inside each other; the limit is ${FIXED_BOUNDS.maxCallDepth} (does a tool, agent or workflow call itself?)`,
        );
      }
      if (open.size >= FIXED_BOUNDS.maxOpenCalls) {
        throw new SpellError(
          "api",
          `${kind} "${name}" would be call ${open.size + 1} open at once; the limit is ${FIXED_BOUNDS.maxOpenCalls} (does a tool, agent or workflow call itself?)`,
        );
      }
      const id = `${kind}-${++next}`;
      const traceValue = (v: unknown) => (opts.whole ? toTraceValue(v, 0, WHOLE_TRACE_BOUNDS) : toTraceValue(v));
      open.set(id, { ...(opts.parentId ? { parentId: opts.parentId } : {}), depth });
      const t0 = now();
      const started = send({
        type: "trace",
        phase: "start",
        id,
        kind,
        name,
        t: t0,
        ...(opts.parentId ? { parentId: opts.parentId } : {}),
        ...(opts.input !== undefined ? { input: traceValue(opts.input) } : {}),
        ...(opts.model ? { model: opts.model } : {}),
      });
      let ended = false;
      const hold = observer?.started({ kind, name }, opts.input === undefined ? undefined : traceValue(opts.input));
      return {
        id,
        kind,
        name,
        ...(hold ? { hold } : {}),
        end(info = {}) {
          if (ended) return;
          ended = true;
          open.delete(id);
          observer?.ended(
            { kind, name },
            info.error !== undefined
              ? { error: errorMessage(info.error) }
              : { output: info.output === undefined ? undefined : traceValue(info.output) },
          );
          if (!started) return;
          const t = now();
          const ev: RunEvent = { type: "trace", phase: "end", id, t, durationMs: Math.max(0, t - t0) };
          if (info.output !== undefined) ev.output = traceValue(info.output) as JsonValue;
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
        if (span.hold) await span.hold;
        const value = await fn(span);
        span.end({ output: outputOf ? outputOf(value) : value });
        return value;
      } catch (e) {
        span.end({ error: e });
        throw e;
      }
    },
    parentOf(id) {
      return open.get(id)?.parentId;
    },
  };
  return tracer;
}
