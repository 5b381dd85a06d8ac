/**
 * An AbortSignal that also aborts when a poll says so, checked each time someone reads `signal.aborted`.
 *
 * Why: a worker running a tight spell loop never returns to its event loop, so a `cancel` message posted to it
 * is not read until the loop ends. Engines check `signal.aborted` from their interrupt hook, so a shared-memory
 * cancel flag read in this getter stops the spell in-engine right away, without terminating the worker.
 */
const abortedGetter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted")?.get;

export function pollAbortSignal(controller: AbortController, poll: () => boolean): AbortSignal {
  const signal = controller.signal;
  if (!abortedGetter) return signal;
  Object.defineProperty(signal, "aborted", {
    configurable: true,
    get(this: AbortSignal) {
      const already = abortedGetter.call(this) as boolean;
      if (already) return true;
      if (poll()) controller.abort();
      return abortedGetter.call(this) as boolean;
    },
  });
  return signal;
}

/** A cancel flag shared between a controller and its worker: the id of the last run the controller cancelled. */
export function createCancelFlag(): Int32Array | undefined {
  if (typeof SharedArrayBuffer === "undefined") return undefined;
  // In browsers SharedArrayBuffer exists only on cross-origin isolated pages.
  if (typeof globalThis.crossOriginIsolated === "boolean" && !globalThis.crossOriginIsolated) return undefined;
  try {
    return new Int32Array(new SharedArrayBuffer(4));
  } catch {
    return undefined;
  }
}
