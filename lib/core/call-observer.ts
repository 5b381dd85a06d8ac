/**
 * Who may watch the spell API's traced calls (agents, tools, workflows, steps, model calls...) as they start and
 * end: the debugger (to pause at a call and show its request and response) and the profiler (model and tool
 * waits as frames of their own). The spell API calls it without knowing which engine runs the spell.
 */
import type { TraceKind } from "./events";
import type { JsonValue } from "./json";

interface ObservedCall {
  kind: TraceKind;
  /** The agent's, tool's, workflow's or step's name; the model id for a model call. */
  name: string;
}

export interface CallObserver {
  /** A call starts. A returned promise holds the call until it settles (a debugger paused at it). */
  started(call: ObservedCall, input: JsonValue | undefined): void | Promise<void>;
  /** The call ended with `output` (or failed with `error`, a message). */
  ended(call: ObservedCall, outcome: { output?: JsonValue; error?: string }): void;
}

/** One observer that tells each of `observers` (a debug session and a profiler may watch one run). */
export function combineObservers(observers: (CallObserver | undefined)[]): CallObserver | undefined {
  const list = observers.filter((o): o is CallObserver => o !== undefined);
  if (list.length <= 1) return list[0];
  return {
    started(call, input) {
      const holds = list.map((o) => o.started(call, input)).filter((h): h is Promise<void> => h instanceof Promise);
      if (holds.length > 0) return Promise.all(holds).then(() => undefined);
    },
    ended(call, outcome) {
      for (const o of list) o.ended(call, outcome);
    },
  };
}
