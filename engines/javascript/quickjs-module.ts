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
import type { EngineConfig } from "../bridge";

let loading: Promise<QuickJSWASMModule> | null = null;
let loadedFrom: string | undefined;

/** The shared QuickJS module. The first call loads it; later calls return the same module. */
export function loadQuickJs(config: EngineConfig = {}): Promise<QuickJSWASMModule> {
  if (loading && loadedFrom === config.wasmUrl) return loading;
  if (loading && config.wasmUrl === undefined) return loading;
  const variant = config.wasmUrl ? newVariant(releaseSyncVariant, { wasmLocation: config.wasmUrl }) : releaseSyncVariant;
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
 * Drop the shared module so the next {@link loadQuickJs} loads a fresh one. Used after the wasm aborted
 * (an emscripten abort leaves the module unusable).
 */
export function forgetQuickJs(): void {
  loading = null;
  loadedFrom = undefined;
}
