/**
 * document-processor: transform each document with an agent (summarize, extract key points, translate,
 * reformat, classify), in parallel or one by one. rs-llmspell reads `document_paths` from disk; spells have no
 * file system here, so that raises `unsupported_feature` and the texts come in `documents`.
 */
import { SpellError } from "@/lib/core/errors";
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, SESSION_PARAM, str, tokensOf } from "./common";

const INSTRUCTIONS: Record<string, string> = {
  summarize: "Summarize the document in a few sentences.",
  extract_key_points: "List the document's key points as short bullets.",
  translate: "Translate the document into the target language.",
  reformat: "Rewrite the document in the requested format, keeping its content.",
  classify: "Classify the document: reply with one category word and a one-line reason.",
};

interface Doc {
  name: string;
  content: string;
}

function docsOf(where: string, raw: unknown[]): Doc[] {
  return raw.map((d, i) => {
    if (typeof d === "string") return { name: `document-${i + 1}`, content: d };
    const o = d as { name?: unknown; content?: unknown; text?: unknown };
    const content = typeof o?.content === "string" ? o.content : typeof o?.text === "string" ? o.text : undefined;
    if (content === undefined)
      throw new SpellError("type", `${where} expects params.documents[${i + 1}] to be a text or { name, content }`);
    return { name: typeof o.name === "string" ? o.name : `document-${i + 1}`, content };
  });
}

export const documentProcessor: TemplateDefinition = {
  metadata: {
    id: "document-processor",
    name: "Document Processor",
    description: "Transform documents with an agent: summarize, extract key points, translate, reformat, classify.",
    category: "Document",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: [],
    tags: ["documents", "summarization", "transformation"],
  },
  params: [
    {
      name: "documents",
      description: "Texts, or { name, content } tables",
      type: "array",
      minLength: 1,
      maxLength: 50,
    },
    {
      name: "document_paths",
      description: "rs-llmspell's file paths (not available: spells have no file system)",
      type: "array",
    },
    {
      name: "transformation_type",
      description: "What to do with each document",
      type: "string",
      default: "summarize",
      allowed: Object.keys(INSTRUCTIONS),
    },
    {
      name: "output_format",
      description: "Output format",
      type: "string",
      default: "markdown",
      allowed: ["markdown", "json", "text"],
    },
    {
      name: "target_language",
      description: "For translate: the language to translate into",
      type: "string",
      default: "English",
    },
    {
      name: "parallel_processing",
      description: "Process the documents at the same time",
      type: "boolean",
      default: true,
    },
    MODEL_PARAM,
    SESSION_PARAM,
  ],
  estimate: (p) => {
    const docs = Array.isArray(p.documents) ? p.documents : [];
    const chars = JSON.stringify(docs).length;
    return {
      agents: docs.length,
      inputTokens: docs.length * 80 + Math.ceil(chars / 4),
      outputTokens: docs.length * 200,
    };
  },
  async run(env, p) {
    if (p.document_paths !== undefined && p.document_paths !== null)
      throw new SpellError(
        "unsupported_feature",
        `${env.where}: document_paths needs a file system, which spells do not have here; pass the texts as params.documents`,
      );
    if (!Array.isArray(p.documents))
      throw new SpellError("type", `${env.where} expects params.documents to be a list of texts, got nothing`);
    const docs = docsOf(env.where, p.documents);
    const type = str(p.transformation_type);
    const format = str(p.output_format);
    const one = async (d: Doc) => {
      const r = await env.ask({
        role: `document-processor.${type}`,
        model: str(p.model),
        system: `You process documents. ${INSTRUCTIONS[type]}${type === "translate" ? ` Target language: ${str(p.target_language)}.` : ""} Answer in ${format}.`,
        prompt: `Document "${d.name}":\n${d.content}`,
      });
      return { name: d.name, output: r.text, input_tokens: tokensOf(d.content) };
    };
    const outputs = p.parallel_processing === false ? [] : await Promise.all(docs.map(one));
    if (p.parallel_processing === false) for (const d of docs) outputs.push(await one(d));
    if (typeof p.session_id === "string")
      for (const o of outputs) await env.storeArtifact(p.session_id, "agent_output", `${o.name}.${type}.md`, o.output);
    if (format === "json")
      return { result_type: "structured", result: { transformation_type: type, documents: outputs } };
    return {
      result_type: "text",
      result: outputs
        .map((o) => (format === "markdown" ? `## ${o.name}\n\n${o.output}` : `${o.name}:\n${o.output}`))
        .join("\n\n"),
    };
  },
};
