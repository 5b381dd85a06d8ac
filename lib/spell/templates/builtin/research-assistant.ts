/**
 * research-assistant: retrieve what the RAG index holds on a topic, have an agent write a report from those
 * sources with numbered citations, and keep the report as an artifact when a session is given.
 */
import type { JsonValue } from "@/lib/core/json";
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, SESSION_PARAM, str, tokensOf } from "./common";

export const researchAssistant: TemplateDefinition = {
  metadata: {
    id: "research-assistant",
    name: "Research Assistant",
    description: "Research a topic from the documents in the RAG index: retrieve sources, synthesize a cited report.",
    category: "Research",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: ["rag"],
    tags: ["research", "citations", "rag"],
  },
  params: [
    { name: "topic", description: "Research topic or question", type: "string", required: true, minLength: 3 },
    {
      name: "max_sources",
      description: "Most sources to retrieve (1-50)",
      type: "integer",
      default: 5,
      min: 1,
      max: 50,
    },
    MODEL_PARAM,
    {
      name: "output_format",
      description: "Output format: markdown, json, or html",
      type: "string",
      default: "markdown",
      allowed: ["markdown", "json", "html"],
    },
    { name: "include_citations", description: "List the sources used", type: "boolean", default: true },
    { name: "scope", description: "The RAG scope to search (default global)", type: "string", minLength: 1 },
    SESSION_PARAM,
  ],
  estimate: (p) => ({ agents: 1, inputTokens: 200 + 150 * Number(p.max_sources ?? 5), outputTokens: 400 }),
  async run(env, p) {
    const topic = str(p.topic);
    const hits = await env.search(topic, {
      top_k: Number(p.max_sources),
      ...(typeof p.scope === "string" ? { scope: p.scope } : {}),
    });
    const sources = hits.map((h, i) => `[${i + 1}] (${h.id}) ${h.content}`).join("\n");
    const report = await env.ask({
      role: "research-assistant.synthesizer",
      model: str(p.model),
      system:
        "You are a careful researcher. Answer from the numbered sources only and cite them as [n]. Say so when the sources do not cover the topic.",
      prompt: `Topic: ${topic}\n\nSources:\n${sources || "(none found)"}\n\nWrite a short ${str(p.output_format)} report.`,
    });
    const citations = hits.map((h, i) => ({ n: i + 1, id: h.id, score: h.score }));
    let text = report.text;
    if (p.include_citations && hits.length > 0 && p.output_format !== "json")
      text += `\n\nSources:\n${hits.map((h, i) => `[${i + 1}] ${h.id}`).join("\n")}`;
    const format = str(p.output_format);
    const filename = `research-report.${format === "markdown" ? "md" : format}`;
    const mime = format === "json" ? "application/json" : format === "html" ? "text/html" : "text/markdown";
    const result: JsonValue =
      format === "json" ? { topic, report: report.text, sources: p.include_citations ? citations : [] } : text;
    const content = typeof result === "string" ? result : JSON.stringify(result, null, 2);
    if (typeof p.session_id === "string")
      await env.storeArtifact(p.session_id, "agent_output", filename, content, { mime_type: mime, tags: ["research"] });
    return {
      result_type: format === "json" ? "structured" : "text",
      result,
      artifacts: [
        { filename, content, mime_type: mime, metadata: { sources: hits.length, tokens: tokensOf(content) } },
      ],
    };
  },
};
