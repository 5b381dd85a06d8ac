/**
 * `json-processor`: jq queries (our own interpreter, `internal/jq/`, with a step and time budget), JSON Schema
 * validation (Ajv) and JSON-lines streams, as rs-llmspell's JsonProcessorTool (jaq). Results follow rs's raw
 * family: `r.data` is the query result (one output as itself, several as an array), `r.text` its JSON.
 */
import type { JsonValue } from "@/lib/core/json";
import { compileSafeRegex } from "./internal/safe-regex";
import type { Json } from "./internal/jq";
import { createLazyModule } from "./internal/lazy";
import { defineTool, paramError, rawResult, TOOL_LIMITS, type ToolOutput } from "./support";
import { compileUserSchema } from "./user-schema";
import type { JsonObject } from "./types";

/** rs-llmspell's deny list (`validate_jq_query`), matched case-insensitively on the query text. */
const DENIED = [
  "env",
  "__inputs",
  "input",
  "inputs",
  "debug",
  "modulemeta",
  "builtins",
  "$__loc__",
  "$env",
  "include",
  "import",
];

function checkQuery(query: string): void {
  const lower = query.toLowerCase();
  for (const p of DENIED) {
    if (lower.includes(p))
      throw paramError(`Security: JQ query contains potentially dangerous pattern '${p}' (parameter 'query')`);
  }
  if (/\/etc\/|\/proc\/|passwd|shadow/.test(lower)) {
    throw paramError("Security: JQ query contains suspicious system path references (parameter 'query')");
  }
}

/** The jq interpreter is large: imported on the first query, never at module load. */
const jqModule = createLazyModule("the jq interpreter", () => import("./internal/jq"));

/** Load the jq interpreter; `runJq` needs it (the tool loads it itself). */
export async function loadJq(): Promise<void> {
  await jqModule.load();
}

function compileRegex(pattern: string, flags: string): RegExp {
  const re = compileSafeRegex(pattern, flags);
  if (typeof re === "string")
    throw new (jqModule.get().JqError)(`${pattern} (at offset 0) is not a valid regex: ${re}`);
  return re;
}

/**
 * Run a jq query (after `loadJq()`); jq errors and budget overruns raise a `tool` error naming the query.
 * `maxMs` (the spell's CPU time left) shortens the interpreter's own deadline.
 */
export function runJq(query: string, input: Json, maxMs?: number): Json[] {
  const { Interpreter, JQ_LIMITS, JqError, JqLimitError, JqSyntaxError, parse } = jqModule.get();
  checkQuery(query);
  let ast;
  try {
    ast = parse(query);
  } catch (e) {
    if (e instanceof JqSyntaxError) throw paramError(`Invalid jq syntax: ${e.message} (parameter 'query')`);
    throw e;
  }
  try {
    return new Interpreter({
      compileRegex,
      ...(maxMs !== undefined ? { maxMs: Math.max(1, Math.min(maxMs, JQ_LIMITS.maxMs)) } : {}),
    }).run(ast, input);
  } catch (e) {
    if (e instanceof JqError || e instanceof JqLimitError || e instanceof JqSyntaxError)
      throw paramError(`jq execution error: ${e.message}`);
    if (e instanceof RangeError) throw paramError(`jq execution error: query recursion is too deep (${e.message})`);
    throw e;
  }
}

/** rs parses a string `input` as JSON when it can. */
function inputValue(params: JsonObject): JsonValue | undefined {
  const v = params.input;
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as JsonValue;
  } catch {
    return v;
  }
}

async function run(params: JsonObject, cpuBudgetMs?: number): Promise<ToolOutput> {
  const opName = (params.operation as string | undefined) ?? "query";
  const operation = opName === "transform" || opName === "jq" ? "query" : opName;
  const input = inputValue(params);
  if (operation === "query") {
    if (input === undefined) throw paramError("Query operation requires 'input' parameter");
    await loadJq();
    const results = runJq(typeof params.query === "string" ? params.query : ".", input, cpuBudgetMs);
    return rawResult(
      "query",
      (results.length === 1 ? results[0] : results) as JsonValue,
      "JSON query executed successfully",
    );
  }
  if (operation === "validate") {
    if (input === undefined) throw paramError("Validate operation requires 'input' parameter");
    const schema = params.schema;
    if (!schema || typeof schema !== "object" || Array.isArray(schema))
      throw paramError("Validate operation requires 'schema' parameter");
    const validate = await compileUserSchema(schema, (reason) => `Invalid JSON schema: ${reason} (parameter 'schema')`);
    const valid = validate(input) as boolean;
    const errors = (validate.errors ?? []).map((e) => ({
      path: e.instancePath,
      message: e.message ?? "is invalid",
      keyword: e.keyword,
    }));
    return rawResult("validate", { is_valid: valid, errors }, "JSON validation completed");
  }
  // stream: JSON lines, the query applied to each.
  if (input === undefined) throw paramError("Stream operation requires 'input' parameter (JSON lines)");
  const text = typeof input === "string" ? input : JSON.stringify(input);
  const query = typeof params.query === "string" ? params.query : ".";
  await loadJq();
  const out: Json[] = [];
  text.split("\n").forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    let value: Json;
    try {
      value = JSON.parse(t) as Json;
    } catch (e) {
      throw paramError(`Invalid JSON on line ${i + 1}: ${(e as Error).message} (parameter 'input')`);
    }
    out.push(...runJq(query, value, cpuBudgetMs));
    if (out.length > TOOL_LIMITS.maxOutputChars) throw paramError("stream produced too many results");
  });
  return rawResult("stream", out as JsonValue, "JSON stream processing completed");
}

export const jsonProcessor = defineTool({
  name: "json-processor",
  aliases: ["json_processor"],
  description: "Process JSON with jq queries, validate it against a JSON Schema, or run a query over JSON lines",
  category: "data",
  tags: ["json", "jq", "query", "schema"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["query", "transform", "jq", "validate", "stream"],
        default: "query",
        description: "query (aliases transform, jq), validate, or stream (JSON lines)",
      },
      input: { description: "The JSON value (or JSON text; JSON lines for stream)" },
      query: { type: "string", default: ".", description: 'jq filter, e.g. ".users[] | select(.age > 30) | .name"' },
      schema: { type: "object", description: "JSON Schema (validate)" },
    },
    required: ["input"],
  },
  run: (params, ctx) => run(params, ctx.cpuBudgetMs),
  // jq's `now` reads the clock: a query that may call it is not a pure function of its parameters.
  nondeterministic: (params) => JSON.stringify(params).includes("now"),
});
