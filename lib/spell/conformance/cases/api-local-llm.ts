/** Conformance: LocalLLM, with and without an OpenAI-compatible server configured (no network: model lists only). */
import type { ConformanceCase } from "@/lib/core/conformance";
import { createDirectLlmClient } from "@/lib/llm/direct";
import { apiCase, type ApiCaseOptions } from "@/lib/spell/conformance/api-case";
import { jsError, luaError } from "@/lib/spell/conformance/error-probes";

/** A deployment with OPENAI_BASE_URL and OPENAI_MODELS (the port is never called: only the list is read). */
const WITH_SERVER: ApiCaseOptions = {
  runtime: () => ({
    llm: createDirectLlmClient({
      mockAll: true,
      env: { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MODELS: "llama3.2:3b, qwen2.5" },
    }),
  }),
};
const NONE =
  "none configured: this deployment sets no OpenAI-compatible server (OPENAI_BASE_URL), so there are no local models";

export const cases: ConformanceCase[] = [
  apiCase(
    "local-llm: with no server configured, status says so and list is empty",
    "local s = LocalLLM.status()\nreturn { s.ollama.running, s.ollama.models, s.ollama.error, s.candle.ready, s.candle.models, #LocalLLM.list() }",
    "const s = await LocalLLM.status();\nreturn [s.ollama.running, s.ollama.models, s.ollama.error, s.candle.ready, s.candle.models, (await LocalLLM.list()).length];",
    { value: [false, 0, NONE, false, 0, 0] },
  ),
  apiCase(
    "local-llm: a configured server is reported under ollama with its model count",
    "local s = LocalLLM.status()\nreturn { s.ollama.running, s.ollama.models, s.ollama.backend, s.ollama.error == nil, s.candle.ready }",
    "const s = await LocalLLM.status();\nreturn [s.ollama.running, s.ollama.models, s.ollama.backend, s.ollama.error === undefined, s.candle.ready];",
    { value: [true, 2, "openai-compatible", true, false] },
    WITH_SERVER,
  ),
  apiCase(
    "local-llm: list gives the server's models with the id agents take",
    'local l = LocalLLM.list()\nreturn { #l, l[1].id, l[1].backend, l[1].model_id, l[2].id, #LocalLLM.list("ollama"), #LocalLLM.list("candle") }',
    'const l = await LocalLLM.list();\nreturn [l.length, l[0].id, l[0].backend, l[0].model_id, l[1].id, (await LocalLLM.list("ollama")).length, (await LocalLLM.list("candle")).length];',
    { value: [2, "llama3.2:3b", "openai-compatible", "openai/llama3.2:3b", "qwen2.5", 2, 0] },
    WITH_SERVER,
  ),
  apiCase(
    "local-llm: info describes one model, by its name or its model id",
    'local a = LocalLLM.info("qwen2.5")\nlocal b = LocalLLM.info("openai/qwen2.5")\nreturn { a.id, a.format, a.loaded, b.id }',
    'const a = await LocalLLM.info("qwen2.5");\nconst b = await LocalLLM.info("openai/qwen2.5");\nreturn [a.id, a.format, a.loaded, b.id];',
    { value: ["qwen2.5", "openai-compatible", true, "qwen2.5"] },
    WITH_SERVER,
  ),
  apiCase(
    "local-llm: info of an unknown model is not_found naming the server's models",
    luaError('LocalLLM.info("mistral")'),
    jsError('LocalLLM.info("mistral")'),
    {
      value: [false, "not_found", 'LocalLLM.info: model not found: "mistral" (the server lists llama3.2:3b, qwen2.5)'],
    },
    WITH_SERVER,
  ),
  apiCase(
    "local-llm: info with no server configured is not_found saying none is configured",
    luaError('LocalLLM.info("llama3")'),
    jsError('LocalLLM.info("llama3")'),
    { value: [false, "not_found", `LocalLLM.info: model not found: "llama3" (${NONE})`] },
  ),
  apiCase(
    "local-llm: an unknown backend is a type error",
    luaError('LocalLLM.list("gpu")'),
    jsError('LocalLLM.list("gpu")'),
    {
      value: [
        false,
        "type",
        'LocalLLM.list expects backend to be one of "ollama", "candle", "openai-compatible", got "gpu"',
      ],
    },
  ),
  apiCase(
    "local-llm: pull raises unsupported_feature",
    luaError('LocalLLM.pull("llama3.1:8b@ollama")'),
    jsError('LocalLLM.pull("llama3.1:8b@ollama")'),
    {
      value: [
        false,
        "unsupported_feature",
        'LocalLLM.pull("llama3.1:8b@ollama"): the playground cannot download models; pull them on the server (for example `ollama pull llama3.1:8b`) and list them in OPENAI_MODELS',
      ],
    },
  ),
  apiCase(
    "local-llm: a server model is usable by an agent through its model id",
    'local id = LocalLLM.list()[1].model_id\nlocal a = Agent.builder():name("local"):model(id):build()\nreturn type(a:execute({ text = "hi" }).text)',
    'const id = (await LocalLLM.list())[0].model_id;\nconst a = Agent.builder().name("local").model(id).build();\nreturn typeof (await a.execute({ text: "hi" })).text;',
    { value: "string" },
    WITH_SERVER,
  ),
];
