/**
 * Lazy loading of the heavy libraries the tools use (mathjs, nunjucks, handlebars, papaparse, diff, ajv, the jq
 * interpreter). Importing `@/lib/tools` must cost only schemas and metadata, so each library is imported on the
 * first call that needs it; `lazy-imports.test.ts` keeps them out of the static import graph.
 */

/** A module imported on first use: `load()` imports it once (a failed import is retried), `get()` reads it after. */
export interface LazyModule<T> {
  /** Import (once) and return the module. */
  load(): Promise<T>;
  /** The module, once `load()` has resolved; throws naming the module otherwise. */
  get(): T;
}

let loadObserver: ((name: string) => void) | undefined;
let loadsStarted = 0;

/** How many first loads have started in this thread: a call during which it changes paid for a module load. */
export function countModuleLoads(): number {
  return loadsStarted;
}

/**
 * Be told when a module starts its first load. Evaluating a heavy module blocks the thread for a while; the
 * worker host announces that to its controller so the silence is not taken for a stuck spell (the load is the
 * host's cost, not the spell's).
 */
export function observeModuleLoads(observer: ((name: string) => void) | undefined): void {
  loadObserver = observer;
}

/** Wrap a dynamic import so it runs at most once and its result is readable synchronously afterwards. */
export function createLazyModule<T>(name: string, importModule: () => Promise<T>): LazyModule<T> {
  let pending: Promise<T> | undefined;
  let value: T | undefined;
  let loaded = false;
  return {
    load() {
      if (!pending) {
        loadsStarted++;
        loadObserver?.(name);
      }
      pending ??= importModule().then(
        (v) => {
          value = v;
          loaded = true;
          return v;
        },
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    get() {
      if (!loaded) throw new Error(`${name} is not loaded yet (call load() first)`);
      return value as T;
    },
  };
}
