/**
 * Run controllers for lessons, wrapping the one the playground uses (a Web Worker in the browser): one that
 * hands every event of a run to a tap too (a lesson's checks read the whole run), and one that paces the
 * output for presenter mode (streamed text at a chosen speed, trace rows in the order they happened).
 */
import type { ExecutionResult, RunEvent } from "@/lib/core/events";
import type { RunController } from "@/lib/runner/types";

/** A controller that also sends each run's events to `tap` (with the run's request number). */
export function tapRunEvents(inner: RunController, tap: (event: RunEvent) => void): RunController {
  return {
    get ready() {
      return inner.ready;
    },
    run(request, onEvent) {
      return inner.run(request, (event) => {
        tap(event);
        onEvent?.(event);
      });
    },
    cancel: () => inner.cancel(),
    dispose: () => inner.dispose(),
  };
}

/** Time between two streamed chunks at 1× (25 chunks, about 25 words, a second). */
export const PACED_CHUNK_MS = 40;
export const PRESENTER_PACES = [0.25, 0.5, 0.75, 1] as const;

interface PaceOptions {
  /** The pace now (0.25-1); read before each chunk, so a change applies at once. 0 or less: no pacing. */
  pace(): number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A controller whose events reach `onEvent` in order, each streamed chunk `PACED_CHUNK_MS / pace` after the one
 * before; the run resolves once the last event is delivered. Stop drops what is still queued.
 */
export function paceRunEvents(inner: RunController, options: PaceOptions): RunController {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let generation = 0;
  return {
    get ready() {
      return inner.ready;
    },
    async run(request, onEvent) {
      const mine = ++generation;
      const queue: RunEvent[] = [];
      const waiting: { wake: (() => void) | null } = { wake: null };
      let finished = false;
      const drain = (async () => {
        for (;;) {
          if (mine !== generation) return;
          const event = queue.shift();
          if (!event) {
            if (finished) return;
            await new Promise<void>((r) => (waiting.wake = r));
            continue;
          }
          const pace = options.pace();
          if (event.type === "stream" && pace > 0) await sleep(PACED_CHUNK_MS / pace);
          if (mine !== generation) return;
          onEvent?.(event);
        }
      })();
      const push = (event: RunEvent) => {
        queue.push(event);
        waiting.wake?.();
        waiting.wake = null;
      };
      const result: ExecutionResult = await inner.run(request, push);
      finished = true;
      waiting.wake?.();
      waiting.wake = null;
      await drain;
      return result;
    },
    cancel() {
      generation++;
      inner.cancel();
    },
    dispose: () => inner.dispose(),
  };
}
