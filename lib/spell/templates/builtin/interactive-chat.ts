/**
 * interactive-chat: one turn of a conversation (the page has no terminal for rs-llmspell's interactive mode, so
 * `message` is required). With `enable_memory`, earlier turns of the memory session come back as history and
 * the new turn is remembered; with a session id, both messages are kept as artifacts.
 */
import { SpellError } from "@/lib/core/errors";
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, SESSION_PARAM, str, tokensOf } from "./common";

/** Earlier turns sent back with memory on. */
const HISTORY_TURNS = 20;

export const interactiveChat: TemplateDefinition = {
  metadata: {
    id: "interactive-chat",
    name: "Interactive Chat",
    description: "Session-based conversation with optional tools and memory of earlier turns.",
    category: "Chat",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: [],
    tags: ["chat", "conversation", "memory"],
  },
  params: [
    MODEL_PARAM,
    {
      name: "system_prompt",
      description: "System prompt setting the conversation's context",
      type: "string",
      default: "You are a helpful AI assistant. Provide clear, accurate, and concise responses.",
    },
    {
      name: "max_turns",
      description: "Maximum conversation turns (1-100)",
      type: "integer",
      default: 10,
      min: 1,
      max: 100,
    },
    { name: "tools", description: "Tool names the assistant may call", type: "array", default: [] },
    {
      name: "enable_memory",
      description: "Remember turns in Memory and send them back",
      type: "boolean",
      default: false,
    },
    { name: "message", description: "The user's message (required here: there is no terminal)", type: "string" },
    SESSION_PARAM,
    {
      name: "memory_session",
      description: 'Memory session id (default: session_id, else "interactive-chat")',
      type: "string",
      minLength: 1,
    },
  ],
  estimate: (p) => ({ agents: 1, inputTokens: 100 + tokensOf(str(p.message)) * 2, outputTokens: 150 }),
  async run(env, p) {
    const message = str(p.message);
    if (message.trim() === "")
      throw new SpellError(
        "unsupported_feature",
        `${env.where}: interactive mode needs a terminal; pass params.message for one turn`,
      );
    if (typeof p.session_id === "string") await env.sessions.require(env.where, "params.session_id", p.session_id);
    const tools = (p.tools as unknown[]).filter((t): t is string => typeof t === "string");
    const memorySession = str(p.memory_session) || str(p.session_id) || "interactive-chat";
    const history: { role: "user" | "assistant"; content: string }[] = [];
    if (p.enable_memory) {
      const earlier = (await env.memory.store.sessions()).get(memorySession) ?? [];
      const limit = Math.min(HISTORY_TURNS, 2 * Number(p.max_turns));
      for (const e of earlier.slice(-limit))
        if (e.role === "user" || e.role === "assistant") history.push({ role: e.role, content: e.content });
    }
    const reply = await env.ask({
      role: "interactive-chat.assistant",
      model: str(p.model),
      system: str(p.system_prompt),
      prompt: message,
      tools,
      history,
    });
    if (p.enable_memory) {
      await env.memory.add(env.where, memorySession, "user", message, { template: "interactive-chat" });
      await env.memory.add(env.where, memorySession, "assistant", reply.text, { template: "interactive-chat" });
    }
    if (typeof p.session_id === "string") {
      await env.storeArtifact(p.session_id, "user_input", "message.txt", message, { mime_type: "text/plain" });
      await env.storeArtifact(p.session_id, "agent_output", "reply.txt", reply.text, { mime_type: "text/plain" });
    }
    return { result_type: "text", result: reply.text };
  },
};
