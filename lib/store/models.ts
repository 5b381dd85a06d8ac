/** The model list for the picker, from GET /api/models, validated; a mock-only fallback when it is unreachable. */
import * as z from "zod";
import type { ProviderInfo } from "@/lib/llm/types";
import { DEFAULT_MODEL } from "@/lib/llm/default-model";

const modelsResponseSchema = z.object({
  defaultModel: z.string().min(1),
  providers: z.array(
    z.object({
      name: z.string(),
      available: z.boolean(),
      reason: z.string().optional(),
      models: z.array(
        z.object({
          id: z.string(),
          label: z.string().optional(),
          price: z.object({ input: z.number(), output: z.number() }).optional(),
        }),
      ),
    }),
  ),
});

export interface ModelsInfo {
  defaultModel: string;
  providers: ProviderInfo[];
  /** Set when the list could not be fetched (the fallback is shown). */
  problem?: string;
}

export const FALLBACK_MODELS: ModelsInfo = {
  defaultModel: DEFAULT_MODEL,
  providers: [
    {
      name: "mock",
      available: true,
      models: [
        { id: "mock/default", label: "Mock (default)" },
        { id: "mock/echo", label: "Mock echo" },
      ],
    },
  ],
};

export function parseModelsResponse(body: unknown): ModelsInfo {
  const parsed = modelsResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...FALLBACK_MODELS,
      problem: `The model list was malformed (${issue?.path.join(".") || "body"}: ${issue?.message})`,
    };
  }
  return parsed.data;
}

export async function fetchModels(fetchImpl: typeof fetch = fetch, signal?: AbortSignal): Promise<ModelsInfo> {
  try {
    const res = await fetchImpl("/api/models", { signal, headers: { accept: "application/json" } });
    if (!res.ok) return { ...FALLBACK_MODELS, problem: `The model list is unavailable (HTTP ${res.status})` };
    return parseModelsResponse(await res.json());
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    return { ...FALLBACK_MODELS, problem: "The model list is unavailable (offline?)" };
  }
}

let listedModels: Promise<string[]> | undefined;

/**
 * Every model id the server lists (available or not: an OpenAI model without a key is no typo), fetched once per
 * page for the checker's `unknown-model` rule; empty when the list could not be fetched (then nothing is flagged).
 */
export function fetchListedModelIds(fetchImpl: typeof fetch = fetch): Promise<string[]> {
  listedModels ??= fetchModels(fetchImpl).then(
    (info) => (info.problem ? [] : info.providers.flatMap((p) => p.models.map((m) => m.id))),
    () => [],
  );
  return listedModels;
}

/**
 * The list as this browser can use it: with a key brought in Settings (BYOK), OpenAI is available even when the
 * server has no key of its own (the gateway takes the brought key for `openai/*` calls).
 */
export function withBroughtKey(info: ModelsInfo, hasKey: boolean): ModelsInfo {
  if (!hasKey) return info;
  return {
    ...info,
    providers: info.providers.map((p) =>
      p.name === "openai" && !p.available ? { name: p.name, models: p.models, available: true } : p,
    ),
  };
}
