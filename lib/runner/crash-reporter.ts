/**
 * Crash detection for a worker transport, written once for the Web Worker and the Node worker: the first
 * failure after start is reported to every listener, once; nothing is reported after the controller itself
 * terminated the worker.
 */
export interface CrashReporter {
  /** Report a failure (`error`, `messageerror`, an unexpected exit); later calls and calls after terminate are ignored. */
  crash(reason: string): void;
  onCrash(listener: (reason: string) => void): void;
  /** The controller terminated the worker on purpose: what follows is not a crash. */
  markTerminated(): void;
}

export function createCrashReporter(): CrashReporter {
  let terminated = false;
  let crashed = false;
  const listeners: ((reason: string) => void)[] = [];
  return {
    crash(reason) {
      if (terminated || crashed) return;
      crashed = true;
      for (const l of listeners) l(reason);
    },
    onCrash: (listener) => void listeners.push(listener),
    markTerminated() {
      terminated = true;
    },
  };
}
