/**
 * Conversion between our `ChatMessage`/`ToolSpec` shapes and the AI SDK's: `ModelMessage`s and a tool set
 * (schemas without `execute`) for `streamText` in the gateway, and back from the provider-level prompt (V4)
 * for the mock model, which reads requests in our own shape.
 */
import type { LanguageModelV4Prompt } from "@ai-sdk/provider";
import { jsonSchema, tool, type JSONSchema7, type ModelMessage, type ToolSet } from "ai";
import type { JsonValue } from "@/lib/core/json";
import type { ChatMessage, ToolSpec } from "./types";

export function toModelMessages(messages: ChatMessage[]): ModelMessage[] {
  return messages.map((m): ModelMessage => {
    switch (m.role) {
      case "system":
        return { role: "system", content: m.content };
      case "user":
        return { role: "user", content: m.content };
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

/** Tools offered to the model: schemas only, no `execute` (the spell's engine runs them). */
export function toToolSet(tools: ToolSpec[]): ToolSet {
  return Object.fromEntries(
    tools.map((t) => [
      t.name,
      tool({ description: t.description, inputSchema: jsonSchema(t.parameters as JSONSchema7) }),
    ]),
  );
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
