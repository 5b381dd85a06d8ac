/**
 * The spell API entry point: `createSpellApi(runtime)` builds the API surface that every engine injects.
 * (Filled in by the spell API work; until then it exposes nothing beyond the engine's own print/console.)
 */
import type { ApiSurface } from "@/engines/bridge";
import type { SpellRuntime } from "./runtime";

export type { SpellRuntime, StateStore } from "./runtime";
export { DEFAULT_LIMITS, clampLimits, type RunLimits } from "./limits";

export function createSpellApi(runtime: SpellRuntime): ApiSurface {
  return { globals: {}, classes: {}, values: runtime.args === undefined ? undefined : { ARGS: runtime.args } };
}
