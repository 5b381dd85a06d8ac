/**
 * One or two calls per built-in tool, shown in the docs with their result and an "Open in playground" link.
 * `components/docs/docs.test.ts` runs every one in both engines, so they stay correct as the tools change.
 */
import type { JsonValue } from "@/lib/core/json";

export interface ToolExample {
  title: string;
  params: { [key: string]: JsonValue };
}

export const TOOL_EXAMPLES: Record<string, ToolExample[]> = {
  calculator: [
    { title: "Evaluate an expression", params: { operation: "evaluate", input: "2 + 2 * 3" } },
    { title: "With variables", params: { operation: "evaluate", input: "sqrt(x^2 + y^2)", variables: { x: 3, y: 4 } } },
  ],
  "text-manipulator": [
    {
      title: "Replace text",
      params: { operation: "replace", input: "hello world", options: { from: "world", to: "llmspell" } },
    },
    { title: "Change case", params: { operation: "snake_case", input: "Magic Spell Book" } },
  ],
  "uuid-generator": [
    { title: "A random UUID", params: { operation: "generate", version: "v4" } },
    {
      title: "A name-based UUID (always the same)",
      params: { operation: "generate", version: "v5", namespace: "dns", name: "llmspell.dev" },
    },
  ],
  "hash-calculator": [
    { title: "SHA-256 of a text", params: { operation: "hash", algorithm: "sha256", input: "spell" } },
  ],
  "base64-encoder": [
    { title: "Encode", params: { operation: "encode", input: "Hello, spells!" } },
    { title: "Decode", params: { operation: "decode", input: "SGVsbG8sIHNwZWxscyE=" } },
  ],
  "datetime-handler": [
    { title: "Parse a date", params: { operation: "parse", input: "2024-02-28T10:30:00Z" } },
    { title: "Add time", params: { operation: "add", input: "2024-02-28T10:30:00Z", amount: 2, unit: "days" } },
  ],
  "diff-calculator": [
    { title: "Diff two texts", params: { old_text: "one\ntwo\nthree", new_text: "one\n2\nthree" } },
    {
      title: "Diff two JSON values",
      params: { type: "json", old_json: { a: 1, b: 2 }, new_json: { a: 1, b: 3, c: 4 } },
    },
  ],
  "data-validator": [
    {
      title: "Validate a record",
      params: {
        input: { email: "ada@example.com", age: 36 },
        rules: {
          rules: [
            {
              type: "object",
              properties: {
                email: { rules: [{ type: "email" }] },
                age: { rules: [{ type: "range", min: 0, max: 150 }] },
              },
            },
          ],
        },
      },
    },
  ],
  "template-creator": [
    {
      title: "Render a template",
      params: { input: "Dear {{ name }}, you have {{ count }} new spells.", context: { name: "Ada", count: 3 } },
    },
  ],
  "json-processor": [
    {
      title: "Query JSON with jq",
      params: {
        operation: "query",
        input: [
          { title: "Dune", pages: 412 },
          { title: "Neuromancer", pages: 271 },
        ],
        query: "[.[] | select(.pages > 300) | .title]",
      },
    },
  ],
  "csv-analyzer": [
    { title: "Analyse a CSV text", params: { operation: "analyze", input: "name,score\nada,90\ngrace,85\n" } },
  ],
  "url-analyzer": [{ title: "Take a URL apart", params: { input: "https://example.com:8080/docs?lang=lua#top" } }],
  "graph-builder": [{ title: "Create a graph", params: { operation: "create_graph", graph_type: "directed" } }],
  "citation-formatter": [
    {
      title: "Format a BibTeX entry in APA",
      params: {
        operation: "format_citation",
        input:
          "@book{knuth1984,\n  author = {Donald E. Knuth},\n  title = {The TeXbook},\n  publisher = {Addison-Wesley},\n  year = {1984}\n}",
        format: "bibtex",
        style: "apa",
      },
    },
  ],
};
