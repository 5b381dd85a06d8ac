/**
 * The model client a run gets under its sandbox preset: under `strict` and `minimal` every call of a model that
 * is not the built-in mock is refused before it leaves the worker (a stream that ends in one error part, an
 * embedding that fails), and the model list shows only the mock as usable. The runner wraps whatever client
 * the worker made (HTTP to the gateway, or the CLI's direct providers), so no spell can reach past it.
 */
import { SANDBOX_MESSAGES, sandboxRules, type SandboxPreset } from "@/lib/core/sandbox";
import { isMockModel, MOCK_PROVIDER } from "./mock";
import type { LlmClient } from "./types";

export function restrictLlmClient(client: LlmClient, sandbox: SandboxPreset | undefined): LlmClient {
  const rules = sandboxRules(sandbox);
  if (rules.models === "any") return client;
  const refusal = (model: string) => SANDBOX_MESSAGES.model(rules.preset, model);
  return {
    async *stream(request, signal) {
      if (!isMockModel(request.model)) {
        yield { type: "error", kind: "unavailable", message: refusal(request.model) };
        return;
      }
      yield* client.stream(request, signal);
    },
    async embed(modelId, texts, signal) {
      if (!isMockModel(modelId)) return { ok: false, kind: "unavailable", message: refusal(modelId) };
      return client.embed(modelId, texts, signal);
    },
    async listModels() {
      const providers = await client.listModels();
      return providers.map((p) =>
        p.name === MOCK_PROVIDER || p.models.every((m) => isMockModel(m.id))
          ? p
          : { ...p, available: false, reason: `not under the ${rules.preset} sandbox preset (mock models only)` },
      );
    },
  };
}
