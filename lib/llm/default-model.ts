/** The model a spell uses when it names none: the deterministic offline mock. Defined once; tiny on purpose so
 * the page's first-load code can import it without the mock provider. */
export const DEFAULT_MODEL = "mock/default";

/** The embedding model `RAG` uses when a spell names none: the deterministic offline mock embeddings. */
export const DEFAULT_EMBEDDING_MODEL = "mock/embed";

/**
 * The embedding model a bare provider name stands for (`RAG.ingest(docs, { provider = "openai" })`, as
 * rs-llmspell spells name providers); a `"provider/model"` id is used as it is.
 */
const PROVIDER_EMBEDDING_MODELS: Record<string, string> = {
  mock: DEFAULT_EMBEDDING_MODEL,
  openai: "openai/text-embedding-3-small",
};

/** The providers that can embed, by name (`RAG.list_providers()`). */
export const EMBEDDING_PROVIDERS = Object.keys(PROVIDER_EMBEDDING_MODELS);

/** `"provider/model"` for a spell's embedding provider or model id; undefined for an unknown bare name. */
export function resolveEmbeddingModelId(providerOrModel: string): string | undefined {
  if (providerOrModel.includes("/")) return providerOrModel;
  return Object.hasOwn(PROVIDER_EMBEDDING_MODELS, providerOrModel)
    ? PROVIDER_EMBEDDING_MODELS[providerOrModel]
    : undefined;
}
