/**
 * rs-llmspell globals a spell may look for that are empty tables in rs-llmspell too: `Logger` and `Utils`.
 */
import type { SpellContext } from "../core/context";
import type { GlobalModule } from "./module";

export function createCompatModules(_ctx: SpellContext): GlobalModule[] {
  return [
    { name: "Logger", global: { functions: {} } },
    { name: "Utils", global: { functions: {} } },
  ];
}
