/**
 * Conversion between our `ChatMessage`/`ToolSpec` shapes and the AI SDK's language-model prompt (V4).
 * The gateway calls `doStream` on the provider's model with these, and the mock model converts back.
 */
import type { LanguageModelV4FunctionTool, LanguageModelV4Message, LanguageModelV4Prompt } from "@ai-sdk/provider";
import type { JsonValue } from "@/lib/core/json";
import type { ChatMessage, ToolSpec } from "./types";

export function toModelPrompt(messages: ChatMessage[]): LanguageModelV4Prompt {
  return messages.map((m): LanguageModelV4Message => {
    switch (m.role) {
      case "system":
        return { role: "system", content: m.content };
      case "user":
        return { role: "user", content: [{ type: "text", text: m.content }] };
      case "assistant":
        return {
          role: "assistant",
          content: [
            ...(m.content ? [{ type: "text" as const, text: m.content }] : []),
            ...(m.toolCalls ?? []).map((c) => ({
              type: "tool-call" as const,
              toolCallId: c.id,
              toolName: c.name,
              input: c.input,
            })),
          ],
        };
      case "tool":
        return {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: m.toolCallId,
              toolName: m.toolName,
              output:
                typeof m.output === "string" ? { type: "text", value: m.output } : { type: "json", value: m.output },
            },
          ],
        };
    }
  });
}

export function toModelTools(tools: ToolSpec[] | undefined): LanguageModelV4FunctionTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((t) => ({
    type: "function",
    name: t.name,
    description: t.description,
    inputSchema: t.parameters as LanguageModelV4FunctionTool["inputSchema"],
  }));
}

function textOf(parts: { type: string; text?: string }[]): string {
  return parts.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("");
}

/** Back from the AI SDK prompt to chat messages (the mock model reads requests in our own shape). */
export function fromModelPrompt(prompt: LanguageModelV4Prompt): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const m of prompt) {
    if (m.role === "system") out.push({ role: "system", content: m.content });
    else if (m.role === "user") out.push({ role: "user", content: textOf(m.content) });
    else if (m.role === "assistant") {
      const toolCalls = m.content.flatMap((p) =>
        p.type === "tool-call" ? [{ id: p.toolCallId, name: p.toolName, input: p.input as JsonValue }] : [],
      );
      out.push({ role: "assistant", content: textOf(m.content), ...(toolCalls.length > 0 ? { toolCalls } : {}) });
    } else {
      for (const p of m.content) {
        if (p.type !== "tool-result") continue;
        const o = p.output;
        const output: JsonValue =
          o.type === "text" || o.type === "json" || o.type === "error-text" || o.type === "error-json"
            ? (o.value as JsonValue)
            : null;
        out.push({ role: "tool", toolCallId: p.toolCallId, toolName: p.toolName, output });
      }
    }
  }
  return out;
}
