/**
 * Run-wide budgets: model calls and tokens (limits.maxModelCalls, limits.maxRunTokens), embedding tokens
 * (limits.maxEmbeddingTokens, a budget of their own), and cancellation.
 */
import { SpellError } from "@/lib/core/errors";
import type { RunLimits } from "../../core/limits";

export interface Budget {
  readonly modelCalls: number;
  readonly tokens: number;
  /** Reserve one model call; throws when the run has used its calls or tokens. Returns the tokens left. */
  beginModelCall(model: string): number;
  /** Check an embedding call may start; throws when the run's embedding tokens are spent. */
  beginEmbeddingCall(model: string): void;
  addTokens(n: number): void;
  addEmbeddingTokens(n: number): void;
}

export function createBudget(limits: RunLimits): Budget {
  let modelCalls = 0;
  let tokens = 0;
  let embeddingTokens = 0;
  return {
    get modelCalls() {
      return modelCalls;
    },
    get tokens() {
      return tokens;
    },
    beginModelCall(model) {
      if (modelCalls >= limits.maxModelCalls)
        throw new SpellError(
          "api",
          `model call budget exhausted: this run may make at most ${limits.maxModelCalls} model calls (limits.maxModelCalls); not calling ${model}`,
        );
      if (tokens >= limits.maxRunTokens)
        throw new SpellError(
          "api",
          `token budget exhausted: this run used ${tokens} of its ${limits.maxRunTokens} tokens (limits.maxRunTokens); not calling ${model}`,
        );
      modelCalls++;
      return limits.maxRunTokens - tokens;
    },
    beginEmbeddingCall(model) {
      if (embeddingTokens >= limits.maxEmbeddingTokens)
        throw new SpellError(
          "api",
          `embedding token budget exhausted: this run embedded ${embeddingTokens} of its ${limits.maxEmbeddingTokens} tokens (limits.maxEmbeddingTokens); not calling ${model}`,
        );
    },
    addTokens(n) {
      tokens += n;
    },
    addEmbeddingTokens(n) {
      embeddingTokens += n;
    },
  };
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new SpellError("cancelled", "the run was cancelled");
}

/**
 * A signal that aborts with the run, or after `timeoutMs`. `timedOut()` tells the two apart. Call `dispose()`
 * when done so the timer does not keep the process alive.
 */
export function deadlineSignal(parent: AbortSignal, timeoutMs: number | undefined) {
  const ctrl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctrl.abort(parent.reason);
  if (parent.aborted) ctrl.abort(parent.reason);
  else parent.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs !== undefined && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          ctrl.abort(new SpellError("timeout", `timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  return {
    signal: ctrl.signal,
    timedOut: () => timedOut,
    dispose() {
      if (timer) clearTimeout(timer);
      parent.removeEventListener("abort", onAbort);
    },
  };
}

/** Race `p` against a signal: rejects with `onAbort()` as soon as the signal fires. */
export function raceSignal<T>(p: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener("abort", abort, { once: true });
    p.then(
      (v) => (signal.removeEventListener("abort", abort), resolve(v)),
      (e) => (signal.removeEventListener("abort", abort), reject(e)),
    );
  });
}
