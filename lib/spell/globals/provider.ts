/** Provider: the model providers the run can use (from the LLM client's model list). */
import type { JsonObject } from "../core/values";
import type { SpellContext } from "../core/context";
import { str } from "../core/validate";
import type { ProviderInfo } from "@/lib/llm/types";
import type { GlobalModule } from "./module";

export function createProviderModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  let cache: Promise<ProviderInfo[]> | undefined;
  const providers = () => (cache ??= ctx.runtime.llm.listModels().catch(() => []));
  const view = (p: ProviderInfo): JsonObject => ({
    name: p.name,
    available: p.available,
    enabled: p.available,
    models: p.models.map((m) => m.id),
    ...(p.reason ? { reason: p.reason } : {}),
    capabilities: capabilities(p),
  });
  const capabilities = (p: ProviderInfo): JsonObject => ({
    supports_streaming: true,
    supports_tools: true,
    supports_multimodal: false,
    available_models: p.models.map((m) => m.id),
  });
  const find = async (where: string, name: unknown) => {
    const n = check(where, "name", str, name);
    const list = await providers();
    return list.find((p) => p.name === n) ?? list.find((p) => p.models.some((m) => m.id === n));
  };
  return {
    name: "Provider",
    global: {
      functions: {
        list: async () => (await providers()).map(view),
        get: async ([name]) => {
          const p = await find("Provider.get", name);
          return p ? view(p) : null;
        },
        isAvailable: async ([name]) => (await find("Provider.isAvailable", name))?.available ?? false,
        getCapabilities: async ([name]) => {
          const p = await find("Provider.getCapabilities", name);
          return p ? capabilities(p) : null;
        },
      },
    },
  };
}
