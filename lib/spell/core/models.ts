/**
 * One model call: budget check, `model` trace span, token `stream` events tied to the caller's trace id,
 * usage and cost. Every agent call goes through here.
 */
import { SpellError } from "@/lib/core/errors";
import type { ChatMessage, FinishReason, LlmErrorKind, LlmRequest, ModelInfo, ToolCall, Usage } from "@/lib/llm/types";
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
  signal: AbortSignal;
  onDelta?: (text: string) => Promise<void> | void;
}

export interface ModelCaller {
  call(opts: ModelCallOptions): Promise<ModelCallResult>;
  /** `"provider/model"` for a spell's model string (bare names get the default provider). */
  resolve(model: string | undefined, provider?: string): { provider: string; model: string; id: string };
  price(id: string): Promise<ModelInfo["price"] | undefined>;
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
      if (req.maxTokens === undefined || req.maxTokens > left) req.maxTokens = Math.max(1, left);
      void loadPrices();
      // The whole request's messages (system prompt included), so a trace, a lesson's checks and a debugger see
      // what the model was asked; long texts are cut by the tracer (toTraceValue). `last` (the message this call
      // answers) stays for readers that want only that (the OTLP export's gen_ai.input.messages).
      const lastUser = [...request.messages].reverse().find((m: ChatMessage) => m.role === "user" || m.role === "tool");
      const span = tracer.start("model", model, {
        parentId: opts.parentId,
        model,
        input: {
          messages: request.messages,
          last: lastUser ?? null,
          tools: request.tools?.map((t) => t.name) ?? [],
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
      });
      let text = "";
      const toolCalls: ToolCall[] = [];
      let usage: Usage = { inputTokens: 0, outputTokens: 0 };
      let finishReason: FinishReason = "stop";
      try {
        try {
          for await (const part of runtime.llm.stream(req, signal)) {
            if (part.type === "text-delta") {
              if (!part.text) continue;
              text += part.text;
              runtime.emit({
                type: "stream",
                traceId: opts.streamTraceId ?? span.id,
                text: part.text,
                t: runtime.now(),
              });
              if (opts.onDelta) await opts.onDelta(part.text);
            } else if (part.type === "tool-call") {
              toolCalls.push({ id: part.toolCallId, name: part.toolName, input: part.input });
            } else if (part.type === "usage") {
              usage = part.usage;
            } else if (part.type === "finish") {
              finishReason = part.finishReason;
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
        budget.addTokens(usage.inputTokens + usage.outputTokens);
        const price = await caller.price(model);
        span.end({
          output: { text, toolCalls: toolCalls.map((c) => ({ name: c.name, input: c.input })), finishReason },
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
