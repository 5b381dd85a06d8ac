/**
 * LocalLLM: rs-llmspell's local-model status (`lua/globals/local_llm.rs`). The playground runs no model itself;
 * a deployment can point the `openai` provider at its own OpenAI-compatible server (Ollama, LM Studio, vLLM)
 * with OPENAI_BASE_URL, and that server is what `status`, `list` and `info` report, under rs's `ollama` key
 * (with `backend = "openai-compatible"`), or "none configured". Candle (in-process models) is never available.
 * `pull` raises `unsupported_feature`: models are pulled on the server.
 */
import { SpellError } from "@/lib/core/errors";
import type { HostValue } from "@/lib/core/engine";
import type { ProviderInfo } from "@/lib/llm/types";
import * as z from "zod";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, str } from "../core/validate";
import type { GlobalModule } from "./module";

const BACKEND = "openai-compatible";
const NONE =
  "none configured: this deployment sets no OpenAI-compatible server (OPENAI_BASE_URL), so there are no local models";
const CANDLE = "Candle (in-process models) is not available in the playground";
const BACKENDS = ["ollama", "candle", BACKEND] as const;

export function createLocalLlmModule(ctx: SpellContext): GlobalModule {
  const { check } = ctx;
  let cache: Promise<ProviderInfo | undefined> | undefined;
  const server = () =>
    (cache ??= ctx.runtime.llm
      .listModels()
      .then((list) => list.find((p) => p.server === BACKEND))
      .catch(() => undefined));

  /**
   * The server's models as rs-llmspell's LocalModel records. An OpenAI-compatible model list gives no sizes, so
   * `size_bytes` is 0 (rs spells do arithmetic on it).
   */
  const models = (p: ProviderInfo) =>
    p.models.map((m) => {
      const name = m.id.slice(m.id.indexOf("/") + 1);
      return { id: name, backend: BACKEND, model_id: m.id, size_bytes: 0, ...(m.label ? { name: m.label } : {}) };
    });

  return {
    name: "LocalLLM",
    global: {
      functions: {
        status: async () => {
          const p = await server();
          return {
            ollama: p
              ? {
                  running: p.available,
                  models: p.models.length,
                  backend: BACKEND,
                  ...(p.available ? {} : { error: p.reason ?? "the server is not available" }),
                }
              : { running: false, models: 0, error: NONE },
            candle: { ready: false, models: 0, error: CANDLE },
          };
        },
        list: async ([backend]) => {
          const b =
            backend === undefined || backend === null
              ? undefined
              : check("LocalLLM.list", "backend", z.enum(BACKENDS), backend);
          const p = await server();
          if (!p || b === "candle") return [];
          return models(p) as HostValue;
        },
        info: async ([modelId]) => {
          const id = check("LocalLLM.info", "model_id", nonEmptyStr, modelId);
          const p = await server();
          if (!p) throw new SpellError("not_found", `LocalLLM.info: model not found: "${id}" (${NONE})`);
          const m = models(p).find((x) => x.id === id || x.model_id === id);
          if (!m)
            throw new SpellError(
              "not_found",
              `LocalLLM.info: model not found: "${id}" (the server lists ${
                models(p)
                  .map((x) => x.id)
                  .join(", ") || "no models: set OPENAI_MODELS"
              })`,
            );
          return { ...m, format: BACKEND, loaded: p.available };
        },
        pull: ([spec]) => {
          const s = check("LocalLLM.pull", "model_spec", str, spec);
          throw new SpellError(
            "unsupported_feature",
            `LocalLLM.pull("${s}"): the playground cannot download models; pull them on the server (for example \`ollama pull llama3.1:8b\`) and list them in OPENAI_MODELS`,
          );
        },
      },
    },
  };
}
