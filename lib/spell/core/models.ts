/**
 * One model call: budget check, `model` trace span, token `stream` events tied to the caller's trace id,
 * usage and cost. Every agent call goes through here.
 */
import { SpellError } from "@/lib/core/errors";
import type {
  ChatMessage,
  FinishReason,
  LlmErrorKind,
  LlmRequest,
  ModelInfo,
  SamplingParams,
  ToolCall,
  Usage,
} from "@/lib/llm/types";
import { SAMPLING_PARAM_KEYS, type ParamSource, type SamplingParamKey } from "@/lib/llm/model-params";
import { DEFAULT_MODEL } from "@/lib/llm/default-model";
import { isMockModel } from "@/lib/llm/mock";
import type { SpellRuntime } from "../runtime";
import type { Budget } from "./budget";
import type { Tracer } from "./trace";
import { errorMessage } from "./values";

/** The provider of a bare model name (`gpt-4o-mini`). */
const BARE_MODEL_PROVIDER = "openai";

interface ModelCallResult {
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
  finishReason: FinishReason;
  /** `"provider/model"` actually called (after `mockAll`). */
  model: string;
}

interface ModelCallOptions {
  request: LlmRequest;
  parentId?: string;
  /** The trace id token `stream` events carry (the agent's). */
  streamTraceId?: string;
  /** Where each parameter the request sets came from (the trace's request view shows it); unnamed ones: `agent`. */
  paramSources?: Partial<Record<SamplingParamKey, ParamSource>>;
  signal: AbortSignal;
  onDelta?: (text: string) => Promise<void> | void;
}

export interface ModelCaller {
  call(opts: ModelCallOptions): Promise<ModelCallResult>;
  /** `"provider/model"` for a spell's model string (bare names get the default provider). */
  resolve(model: string | undefined, provider?: string): { provider: string; model: string; id: string };
  price(id: string): Promise<ModelInfo["price"] | undefined>;
}

/** A rough token count (4 characters a token), for a provider that reports no usage; the trace marks it estimated. */
function estimateTokens(value: unknown): number {
  return Math.ceil((typeof value === "string" ? value : JSON.stringify(value)).length / 4);
}

function errorKindOf(kind: LlmErrorKind): "cancelled" | "timeout" | "provider" {
  if (kind === "cancelled") return "cancelled";
  if (kind === "timeout") return "timeout";
  return "provider";
}

export function createModelCaller(runtime: SpellRuntime, tracer: Tracer, budget: Budget): ModelCaller {
  let prices: Promise<Map<string, ModelInfo["price"]>> | undefined;
  const loadPrices = () =>
    (prices ??= runtime.llm
      .listModels()
      .then((providers) => {
        const m = new Map<string, ModelInfo["price"]>();
        for (const p of providers) for (const info of p.models) if (info.price) m.set(info.id, info.price);
        return m;
      })
      .catch(() => new Map()));

  const defaultProvider = () => {
    const i = runtime.defaultModel.indexOf("/");
    return i > 0 ? runtime.defaultModel.slice(0, i) : "mock";
  };

  const caller: ModelCaller = {
    resolve(model, provider) {
      let p = provider;
      let m = model ?? "";
      if (!m) {
        const d = runtime.defaultModel;
        const i = d.indexOf("/");
        return i > 0
          ? { provider: d.slice(0, i), model: d.slice(i + 1), id: d }
          : { provider: defaultProvider(), model: d, id: `${defaultProvider()}/${d}` };
      }
      const i = m.indexOf("/");
      if (i > 0 && !provider) {
        p = m.slice(0, i);
        m = m.slice(i + 1);
      } else if (i > 0 && provider && m.slice(0, i) === provider) {
        m = m.slice(i + 1);
      }
      // A bare model name belongs to OpenAI, as in rs-llmspell and the gateway (lib/llm/providers.ts).
      p ??= BARE_MODEL_PROVIDER;
      return { provider: p, model: m, id: `${p}/${m}` };
    },
    async price(id) {
      return (await loadPrices()).get(id);
    },
    async call(opts) {
      const { request, signal } = opts;
      if (signal.aborted) throw new SpellError("cancelled", "the run was cancelled");
      // "Mock every model": a non-mock model goes to the default mock model, as the gateway does (lib/llm/gateway.ts).
      const model = runtime.mockAll && !isMockModel(request.model) ? DEFAULT_MODEL : request.model;
      const left = budget.beginModelCall(model);
      const req: LlmRequest = { ...request, model };
      // The spell's values win; the page's model settings fill in the rest; the run's token budget lowers maxTokens.
      const sources: Partial<Record<SamplingParamKey, ParamSource>> = {};
      for (const key of SAMPLING_PARAM_KEYS) {
        const fallback = runtime.modelDefaults?.[key];
        if (req[key] !== undefined) sources[key] = opts.paramSources?.[key] ?? "agent";
        else if (fallback !== undefined) {
          req[key] = fallback;
          sources[key] = "settings";
        }
      }
      if (req.maxTokens === undefined || req.maxTokens > left) {
        req.maxTokens = Math.max(1, left);
        sources.maxTokens = "budget";
      }
      void loadPrices();
      // The whole request (system prompt, every message, the tools' schemas, each parameter with where it came
      // from), kept whole for the trace's request view. `last` (the message this call answers) stays for readers
      // that want only that (the OTLP export's gen_ai.input.messages).
      const lastUser = [...request.messages].reverse().find((m: ChatMessage) => m.role === "user" || m.role === "tool");
      const params: Record<string, { value: number; source: ParamSource }> = {};
      for (const key of SAMPLING_PARAM_KEYS) {
        const value = req[key];
        if (value !== undefined) params[key] = { value, source: sources[key] ?? "agent" };
      }
      const span = tracer.start("model", model, {
        parentId: opts.parentId,
        model,
        whole: true,
        input: {
          messages: request.messages,
          last: lastUser ?? null,
          tools: request.tools ?? [],
          params,
          ...(request.responseFormat ? { responseFormat: request.responseFormat } : {}),
        },
      });
      const startedAt = runtime.now();
      let firstTokenMs: number | undefined;
      let usageReported = false;
      let received: SamplingParams | undefined;
      let text = "";
      const toolCalls: ToolCall[] = [];
      let usage: Usage = { inputTokens: 0, outputTokens: 0 };
      let finishReason: FinishReason = "stop";
      try {
        try {
          for await (const part of runtime.llm.stream(req, signal)) {
            if (part.type === "text-delta") {
              if (!part.text) continue;
              firstTokenMs ??= runtime.now() - startedAt;
              text += part.text;
              runtime.emit({
                type: "stream",
                traceId: opts.streamTraceId ?? span.id,
                text: part.text,
                t: runtime.now(),
              });
              if (opts.onDelta) await opts.onDelta(part.text);
            } else if (part.type === "tool-call") {
              firstTokenMs ??= runtime.now() - startedAt;
              toolCalls.push({ id: part.toolCallId, name: part.toolName, input: part.input });
            } else if (part.type === "usage") {
              usage = part.usage;
              usageReported = true;
            } else if (part.type === "finish") {
              finishReason = part.finishReason;
              if (part.received) received = part.received;
            } else if (part.type === "error") {
              throw new SpellError(errorKindOf(part.kind), `${model}: ${part.message}`);
            }
          }
        } catch (e) {
          if (e instanceof SpellError) throw e;
          if (signal.aborted) throw new SpellError("cancelled", "the run was cancelled");
          throw new SpellError("provider", `${model}: ${errorMessage(e)}`);
        }
        if (toolCalls.length > 0 && finishReason === "stop") finishReason = "tool-calls";
        if (!usageReported)
          usage = {
            inputTokens: estimateTokens(req.messages) + (req.tools ? estimateTokens(req.tools) : 0),
            outputTokens: estimateTokens(text) + (toolCalls.length > 0 ? estimateTokens(toolCalls) : 0),
          };
        budget.addTokens(usage.inputTokens + usage.outputTokens);
        const price = await caller.price(model);
        span.end({
          output: {
            text,
            toolCalls: toolCalls.map((c) => ({ id: c.id, name: c.name, input: c.input })),
            finishReason,
            usage: usageReported ? "reported" : "estimated",
            // A timing (the replay tests mask keys ending in `_time_ms`): ms from the call to its first text or tool call.
            ...(firstTokenMs !== undefined ? { first_token_time_ms: Math.round(firstTokenMs * 10) / 10 } : {}),
            ...(received ? { received } : {}),
          },
          model,
          tokens: { input: usage.inputTokens, output: usage.outputTokens },
          ...(price
            ? { costUsd: (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000 }
            : {}),
        });
        return { text, toolCalls, usage, finishReason, model };
      } catch (e) {
        budget.addTokens(usage.inputTokens + usage.outputTokens);
        span.end({ error: e, model });
        throw e;
      }
    },
  };
  return caller;
}
