/**
 * Loads the QuickJS wasm module once per process (or worker) and hands it out. Only the synchronous release
 * variant is used: the asyncify variant crashed on concurrent runs, and importing `quickjs-emscripten` itself
 * would bundle the wasm of all four variants.
 *
 * Where the wasm comes from:
 * - Node (vitest, tsx, the CLI): the variant reads `emscripten-module.wasm` next to its glue from disk.
 * - A browser worker bundled by Next/Turbopack: the glue asks for `new URL("emscripten-module.wasm",
 *   import.meta.url)`, which the bundler turns into an asset served by the app. `config.wasmUrl` overrides
 *   it (for hosts that serve the file themselves); nothing is ever fetched from a CDN.
 */
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";
import releaseSyncVariant from "@jitl/quickjs-wasmfile-release-sync";
import type { EngineConfig } from "../../lib/core/engine";

let loading: Promise<QuickJSWASMModule> | null = null;
let loadedFrom: string | undefined;

/** Pages of 64 KiB: 16 MiB to start (the glue's default). */
const INITIAL_PAGES = 256;
/**
 * A hard ceiling for the whole module (512 MiB, the glue's default is 2 GiB). The per-run guard limits how
 * much one run may grow the heap, but a run can also fill space earlier runs freed (the heap never shrinks);
 * the ceiling keeps a series of memory bombs from ratcheting the heap up without bound.
 */
export const MAXIMUM_HEAP_BYTES = 512 * 1024 * 1024;
const MAXIMUM_PAGES = MAXIMUM_HEAP_BYTES / 65536;

/**
 * Decides whether the wasm memory may grow by `bytes` now. QuickJS's own memory limit undercounts in this
 * build (without `malloc_usable_size` it counts a fixed overhead per allocation, not its size), so the run in
 * the VM installs a guard that refuses growth past its limit; malloc then fails and QuickJS throws
 * "out of memory".
 */
export type GrowthGuard = (bytes: number, memory: WebAssembly.Memory) => boolean;

let growthGuard: GrowthGuard | null = null;

/** Install the guard of the run that is entering the VM; returns the previous one to restore on exit. */
export function swapGrowthGuard(guard: GrowthGuard | null): GrowthGuard | null {
  const previous = growthGuard;
  growthGuard = guard;
  return previous;
}

function createGuardedMemory(): WebAssembly.Memory {
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES });
  const grow = memory.grow.bind(memory);
  Object.defineProperty(memory, "grow", {
    value: (pages: number) => {
      if (growthGuard && !growthGuard(pages * 65536, memory)) {
        // The glue catches this and reports an allocation failure to malloc.
        throw new RangeError("the run's memory limit does not allow the wasm memory to grow");
      }
      return grow(pages);
    },
  });
  return memory;
}

/** The shared QuickJS module. The first call loads it; later calls return the same module. */
export function loadQuickJs(config: EngineConfig = {}): Promise<QuickJSWASMModule> {
  if (loading && loadedFrom === config.wasmUrl) return loading;
  if (loading && config.wasmUrl === undefined) return loading;
  const variant = newVariant(releaseSyncVariant, {
    wasmMemory: createGuardedMemory(),
    ...(config.wasmUrl ? { wasmLocation: config.wasmUrl } : {}),
  });
  loadedFrom = config.wasmUrl;
  const attempt = newQuickJSWASMModuleFromVariant(variant);
  loading = attempt;
  // A failed load must not poison later attempts (a wrong URL can be fixed by the caller).
  attempt.catch(() => {
    if (loading === attempt) loading = null;
  });
  return attempt;
}

/**
 * Whether a run left the heap bigger than a fresh module's. The heap never shrinks, and the growth guard only
 * sees growth: the next run could fill what this one freed without growing it, past its own limit. Such a
 * module is dropped after the run, so every run starts from a fresh heap of INITIAL_PAGES (a reload takes
 * 6-30 ms here, paid only after a run that grew the heap).
 */
export function hasGrownHeap(module: QuickJSWASMModule): boolean {
  return module.getWasmMemory().buffer.byteLength > INITIAL_PAGES * 65536;
}

/**
 * Drop the shared module so the next {@link loadQuickJs} loads a fresh one. Used after the wasm aborted
 * (an emscripten abort leaves the module unusable).
 */
export function forgetQuickJs(): void {
  loading = null;
  loadedFrom = undefined;
}
