/**
 * The mock provider as an AI SDK language model (V4), so the registry treats it like any other provider.
 * The replies come from `createMockReply` in ./mock.
 */
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import type { JsonValue } from "@/lib/core/json";
import { createMockReply, MOCK_PROVIDER, receivedParamsOf, type MockOptions } from "./mock";
import { fromModelPrompt } from "./prompt";
import type { LlmRequest, ToolSpec, Usage } from "./types";

function requestOf(modelId: string, options: LanguageModelV4CallOptions): LlmRequest {
  const tools = (options.tools ?? []).flatMap((t): ToolSpec[] =>
    t.type === "function"
      ? [{ name: t.name, description: t.description ?? "", parameters: t.inputSchema as ToolSpec["parameters"] }]
      : [],
  );
  const format = options.responseFormat?.type === "json" ? options.responseFormat.schema : undefined;
  return {
    model: modelId,
    messages: fromModelPrompt(options.prompt),
    ...(tools.length > 0 && options.toolChoice?.type !== "none" ? { tools } : {}),
    ...(format ? { responseFormat: format as { [key: string]: JsonValue } } : {}),
    ...(options.maxOutputTokens !== undefined ? { maxTokens: options.maxOutputTokens } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.topP !== undefined ? { topP: options.topP } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
}

function usageOf(usage: Usage): LanguageModelV4Usage {
  return {
    inputTokens: { total: usage.inputTokens, noCache: usage.inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: usage.outputTokens, text: usage.outputTokens, reasoning: undefined },
  };
}

function abortError(): Error {
  const error = new Error("The request was cancelled.");
  error.name = "AbortError";
  return error;
}

export class MockLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = "v4";
  readonly provider = "mock";
  readonly supportedUrls = {};

  constructor(
    readonly modelId: string,
    private readonly options: MockOptions = {},
  ) {}

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const reply = createMockReply(requestOf(`mock/${this.modelId}`, options));
    const content: LanguageModelV4Content[] =
      reply.kind === "text"
        ? [{ type: "text", text: reply.chunks.join("") }]
        : [
            {
              type: "tool-call",
              toolCallId: reply.toolCallId,
              toolName: reply.toolName,
              input: JSON.stringify(reply.input),
            },
          ];
    const unified: "stop" | "length" | "tool-calls" = reply.kind === "text" ? reply.finishReason : "tool-calls";
    return { content, finishReason: { unified, raw: unified }, usage: usageOf(reply.usage), warnings: [] };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const request = requestOf(`mock/${this.modelId}`, options);
    const reply = createMockReply(request);
    // The parameters it got, echoed as provider metadata (lib/llm/stream-model.ts reads them into `received`).
    const { received } = receivedParamsOf(request);
    const providerMetadata = received ? { [MOCK_PROVIDER]: { received: { ...received } } } : undefined;
    const delay = this.options.chunkDelayMs ?? 0;
    const signal = options.abortSignal;
    const parts: LanguageModelV4StreamPart[] = [{ type: "stream-start", warnings: [] }];
    if (reply.kind === "text") {
      parts.push({ type: "text-start", id: "0" });
      for (const chunk of reply.chunks) parts.push({ type: "text-delta", id: "0", delta: chunk });
      parts.push({ type: "text-end", id: "0" });
      parts.push({
        type: "finish",
        finishReason: { unified: reply.finishReason, raw: reply.finishReason },
        usage: usageOf(reply.usage),
        ...(providerMetadata ? { providerMetadata } : {}),
      });
    } else {
      parts.push({
        type: "tool-call",
        toolCallId: reply.toolCallId,
        toolName: reply.toolName,
        input: JSON.stringify(reply.input),
      });
      parts.push({
        type: "finish",
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage: usageOf(reply.usage),
        ...(providerMetadata ? { providerMetadata } : {}),
      });
    }
    let index = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      pull(controller) {
        if (signal?.aborted) return controller.error(abortError());
        const part = parts[index++];
        if (!part) return controller.close();
        const delayed = delay > 0 && (part.type === "text-delta" || part.type === "tool-call");
        if (!delayed) return controller.enqueue(part);
        return new Promise<void>((resolve) => {
          const onAbort = () => {
            clearTimeout(timer);
            controller.error(abortError());
            resolve();
          };
          signal?.addEventListener("abort", onAbort, { once: true });
          timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            controller.enqueue(part);
            resolve();
          }, delay);
        });
      },
      cancel() {
        clearTimeout(timer);
      },
    });
    return { stream };
  }
}
