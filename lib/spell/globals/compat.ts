/**
 * rs-llmspell globals a spell may look for but the playground has no backend for: `Logger` and `Utils`
 * (empty tables in rs-llmspell too) and `LocalLLM` (Ollama/Candle status: always "not running" here).
 */
import type { SpellContext } from "../core/context";
import type { GlobalModule } from "./module";

const UNAVAILABLE = "local models are not available in the playground (use a provider from Provider.list())";

export function createCompatModules(_ctx: SpellContext): GlobalModule[] {
  return [
    { name: "Logger", global: { functions: {} } },
    { name: "Utils", global: { functions: {} } },
    {
      name: "LocalLLM",
      global: {
        functions: {
          status: () => ({
            ollama: { running: false, models: 0, error: UNAVAILABLE },
            candle: { ready: false, models: 0, error: UNAVAILABLE },
          }),
          list: () => [],
        },
      },
    },
  ];
}
