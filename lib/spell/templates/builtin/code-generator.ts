/**
 * code-generator: three agents in turn, as rs-llmspell's template has them: a specification from the
 * description, an implementation of the specification, and (with `include_tests`) unit tests for it.
 */
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, SESSION_PARAM, str, tokensOf } from "./common";

const EXTENSIONS: Record<string, string> = {
  rust: "rs",
  python: "py",
  javascript: "js",
  typescript: "ts",
  go: "go",
  java: "java",
  cpp: "cpp",
  lua: "lua",
};

export const codeGenerator: TemplateDefinition = {
  metadata: {
    id: "code-generator",
    name: "Code Generator",
    description: "Generate code from a description: specification, implementation, and tests.",
    category: "CodeGen",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: [],
    tags: ["code", "generation", "testing"],
  },
  params: [
    {
      name: "description",
      description: "Description of the code to generate",
      type: "string",
      required: true,
      minLength: 10,
    },
    {
      name: "language",
      description: "Programming language",
      type: "string",
      default: "lua",
      allowed: Object.keys(EXTENSIONS),
    },
    { name: "include_tests", description: "Also write unit tests", type: "boolean", default: true },
    MODEL_PARAM,
    SESSION_PARAM,
  ],
  estimate: (p) => {
    const agents = p.include_tests === false ? 2 : 3;
    return { agents, inputTokens: agents * (150 + tokensOf(str(p.description))), outputTokens: agents * 400 };
  },
  async run(env, p) {
    const language = str(p.language);
    const model = str(p.model);
    const spec = await env.ask({
      role: "code-generator.spec",
      model,
      system: "You write precise, short software specifications: inputs, outputs, edge cases.",
      prompt: `Write a specification for: ${str(p.description)}\nLanguage: ${language}`,
    });
    const code = await env.ask({
      role: "code-generator.implementation",
      model,
      system: `You write clean, idiomatic ${language} code. Reply with code only.`,
      prompt: `Implement this specification in ${language}:\n${spec.text}`,
    });
    const tests =
      p.include_tests === false
        ? undefined
        : await env.ask({
            role: "code-generator.tests",
            model,
            system: `You write unit tests in ${language}. Reply with code only.`,
            prompt: `Write unit tests for this code:\n${code.text}`,
          });
    const ext = EXTENSIONS[language];
    const artifacts = [
      { filename: `main.${ext}`, content: code.text, mime_type: "text/plain" },
      ...(tests ? [{ filename: `main_test.${ext}`, content: tests.text, mime_type: "text/plain" }] : []),
    ];
    if (typeof p.session_id === "string")
      for (const a of artifacts)
        await env.storeArtifact(p.session_id, "agent_output", a.filename, a.content, { mime_type: a.mime_type });
    return {
      result_type: "structured",
      result: { language, specification: spec.text, code: code.text, ...(tests ? { tests: tests.text } : {}) },
      artifacts,
    };
  },
};
