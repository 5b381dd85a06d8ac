/** Config: a read-only view of the run's limits, default model and engine. Setters raise. */
import { SpellError } from "@/lib/core/errors";
import { type JsonValue } from "@/lib/core/json";
import type { SpellContext } from "../core/context";
import { str } from "../core/validate";
import { getPath } from "../core/values";
import type { GlobalModule } from "./module";

export function createConfigModule(ctx: SpellContext): GlobalModule {
  const { check, runtime } = ctx;
  const l = runtime.limits;
  const view: { [key: string]: JsonValue } = {
    default_engine: runtime.engine,
    default_model: runtime.defaultModel,
    mock_all: runtime.mockAll ?? false,
    limits: {
      timeout_ms: l.timeoutMs,
      wall_timeout_ms: l.wallTimeoutMs,
      memory_limit_bytes: l.memoryLimitBytes,
      max_output_bytes: l.maxOutputBytes,
      max_source_bytes: l.maxSourceBytes,
      max_run_tokens: l.maxRunTokens,
      max_tool_calls: l.maxToolCalls,
      max_model_calls: l.maxModelCalls,
      max_embedding_tokens: l.maxEmbeddingTokens,
    },
    security: { allow_file_access: false, allow_network_access: false, allow_process_spawn: false },
  };
  const readOnly = (name: string) => () => {
    throw new SpellError("unsupported_feature", `Config.${name}: the playground's configuration is read-only`);
  };
  return {
    name: "Config",
    global: {
      functions: {
        get: ([path]) => {
          if (path === undefined || path === null) return structuredClone(view);
          const p = check("Config.get", "path", str, path);
          const v = getPath(view, p.split("."));
          return v === undefined ? null : structuredClone(v as JsonValue);
        },
        getSection: ([name]) => (view[check("Config.getSection", "name", str, name)] ?? null) as JsonValue,
        getDefaultEngine: () => runtime.engine,
        getDefaultModel: () => runtime.defaultModel,
        getSecurity: () => view.security,
        isFileAccessAllowed: () => false,
        isNetworkAccessAllowed: () => false,
        getPermissions: () => ({
          read: true,
          modify_providers: false,
          modify_tools: false,
          modify_runtime: false,
          modify_security: false,
          access_secrets: false,
        }),
        toJson: () => JSON.stringify(view),
        setProvider: readOnly("setProvider"),
        setSecurity: readOnly("setSecurity"),
        addAllowedPath: readOnly("addAllowedPath"),
      },
    },
  };
}
