/**
 * What every built-in tool shares: parameter validation against its JSON Schema, the rs-llmspell result
 * families (structured, raw JSON), the limits, and the errors a spell sees.
 */
import type Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import { SpellError } from "@/lib/core/errors";
import { setOwnValue, type JsonValue } from "@/lib/core/json";
import { createLazyModule } from "./internal/lazy";
import type { JsonObject, ToolContext, ToolDefinition } from "./types";

/** Limits every tool enforces (each one has a test in `support.test.ts` or the tool's own test). */
export const TOOL_LIMITS = {
  /** Longest string any single parameter may hold (characters). */
  maxInputChars: 1_000_000,
  /** Deepest nesting of a parameter value. */
  maxParamDepth: 64,
  /** Largest result a tool may return (characters of its JSON). */
  maxOutputChars: 4_000_000,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/** A parameter problem: rs-llmspell raises `Tool execution failed: ...` for these. */
export function paramError(message: string): SpellError {
  return new SpellError("tool", `Tool execution failed: ${message}`);
}

/** An operation that cannot be done with valid parameters: returned as `success: false`, never thrown. */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OperationError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------------------

/** Ajv and ajv-formats are heavy: imported on the first validation, never at module load. */
const sharedAjv = createLazyModule("ajv", async (): Promise<Ajv2020> =>
  (await import("./internal/libs/ajv")).createAjv(),
);

/** One shared Ajv (draft 2020-12, with formats) for parameter schemas and the data-validator tool (loaded lazily). */
export function getAjv(): Promise<Ajv2020> {
  return sharedAjv.load();
}

function describeParam(err: ErrorObject): string {
  const path = err.instancePath
    .split("/")
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return path.join(".");
}

/** Turn one Ajv error into a sentence naming the parameter. */
function formatSchemaError(err: ErrorObject, data: unknown): string {
  const at = describeParam(err);
  const name = at ? `'${at}'` : "params";
  const value = at
    .split(".")
    .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), data);
  switch (err.keyword) {
    case "required": {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      return `missing required parameter '${at ? `${at}.` : ""}${missing}'`;
    }
    case "enum": {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      return `parameter ${name} must be one of: ${allowed.map((a) => String(a)).join(", ")} (got ${JSON.stringify(value)})`;
    }
    case "type":
      return `parameter ${name} must be ${(err.params as { type: string }).type}, got ${typeOfJson(value)}`;
    case "additionalProperties":
      return `unknown parameter '${at ? `${at}.` : ""}${(err.params as { additionalProperty: string }).additionalProperty}'`;
    default:
      return `parameter ${name} ${err.message ?? "is invalid"}`;
  }
}

export function typeOfJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Check sizes and depth of a parameter value before any schema work (cheap: the path is built only on error). */
export function checkParamLimits(value: JsonValue): void {
  const keys: (string | number)[] = [];
  const pathText = () => keys.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
  const walk = (v: JsonValue, depth: number): void => {
    if (typeof v === "string") {
      if (v.length > TOOL_LIMITS.maxInputChars) {
        throw paramError(
          `parameter '${pathText()}' is too large (${v.length} characters, limit ${TOOL_LIMITS.maxInputChars})`,
        );
      }
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (depth >= TOOL_LIMITS.maxParamDepth)
      throw paramError(`parameter '${pathText()}' is nested deeper than ${TOOL_LIMITS.maxParamDepth} levels`);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        walk(v[i], depth + 1);
        keys.pop();
      }
    } else {
      for (const k in v) {
        keys.push(k);
        walk(v[k], depth + 1);
        keys.pop();
      }
    }
  };
  walk(value, -1);
}

/**
 * Compile a parameter schema once (on the first call, when Ajv is first loaded); the returned function rejects
 * with a `tool` SpellError naming the parameter.
 */
export function createParamValidator(schema: JsonObject): (params: JsonObject) => Promise<void> {
  let validate: ValidateFunction | undefined;
  return async (params) => {
    if (params === null || typeof params !== "object" || Array.isArray(params)) {
      throw paramError(`parameters must be an object, got ${typeOfJson(params)}`);
    }
    checkParamLimits(params);
    validate ??= (await getAjv()).compile(schema);
    if (!validate(params)) {
      const err = validate.errors?.[0];
      throw paramError(err ? formatSchemaError(err, params) : "invalid parameters");
    }
  };
}

/** A string parameter that one operation needs although the schema cannot require it for all. */
export function requireString(params: JsonObject, name: string, operation?: string): string {
  const v = params[name];
  if (v === undefined || v === null) {
    throw paramError(`missing required parameter '${name}'${operation ? ` for operation '${operation}'` : ""}`);
  }
  if (typeof v !== "string") throw paramError(`parameter '${name}' must be string, got ${typeOfJson(v)}`);
  return v;
}

export function optionalObject(params: JsonObject, name: string): JsonObject | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v))
    throw paramError(`parameter '${name}' must be object, got ${typeOfJson(v)}`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Result families (rs-llmspell `agent_output_to_lua_table`)
// ---------------------------------------------------------------------------------------------------------------

/** rs-llmspell's `ResponseBuilder` JSON. */
export interface StructuredResponse {
  operation: string;
  success: boolean;
  message?: string;
  result?: JsonValue;
  error?: { message: string; code?: string; details?: JsonValue };
  [extra: string]: JsonValue | undefined;
}

export function success(operation: string, message: string | undefined, result?: JsonValue): StructuredResponse {
  const out: StructuredResponse = { operation, success: true };
  if (message !== undefined) out.message = message;
  if (result !== undefined) out.result = result;
  return out;
}

/**
 * rs-llmspell's envelope for tools that answer through their `<tool>_execute` operation (citation-formatter,
 * graph-builder): the real operation, its result and `metadata.tool` nested inside the success response.
 */
export function executeEnvelope(tool: string, operation: string, result: JsonValue): JsonValue {
  return success(`${tool.replace(/-/g, "_")}_execute`, undefined, {
    operation,
    success: true,
    result,
    metadata: { tool, operation },
  }) as unknown as JsonValue;
}

export function failure(operation: string, message: string): StructuredResponse {
  return { operation, success: false, error: { message } };
}

/**
 * What a tool produced, before it becomes the table a spell sees: either a JSON value (rs serialises it
 * pretty-printed into `AgentOutput.text`) or plain text, plus the AgentOutput metadata.
 */
export type ToolOutput = { json: JsonValue; metadata?: JsonObject } | { text: string; metadata?: JsonObject };

/**
 * rs-llmspell's conversion of a tool's output into a script value:
 * - a JSON object with `success`, `result` or `operation` is flattened to top level, with `_raw_text`;
 * - any other JSON becomes `{data, text}`;
 * - plain text becomes `{text}`.
 * `metadata` is always the AgentOutput metadata (an empty table when there is none).
 */
export function toSpellResult(output: ToolOutput): JsonObject {
  const metadata: JsonObject = output.metadata ?? {};
  if ("text" in output) {
    if (output.text.length > TOOL_LIMITS.maxOutputChars) {
      throw paramError(`result is too large (${output.text.length} characters, limit ${TOOL_LIMITS.maxOutputChars})`);
    }
    return { text: output.text, metadata };
  }
  const value = output.json;
  const text = JSON.stringify(value, null, 2) ?? "null";
  if (text.length > TOOL_LIMITS.maxOutputChars) {
    throw paramError(`result is too large (${text.length} characters, limit ${TOOL_LIMITS.maxOutputChars})`);
  }
  if (
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    ("success" in value || "result" in value || "operation" in value)
  ) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) setOwnValue(out, k, v);
    out._raw_text = text;
    out.metadata = metadata;
    return out;
  }
  const out: JsonObject = { text, metadata };
  if (value !== null) out.data = value;
  return out;
}

/**
 * What a model is sent as a tool's result: the spell's view of it without the copies toSpellResult adds for
 * scripts (`_raw_text`, the whole result again as text, and an empty `metadata`), so the model reads each fact once.
 */
export function toModelToolResult(result: JsonValue): JsonValue {
  if (!result || typeof result !== "object" || Array.isArray(result)) return result;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(result)) {
    if (k === "_raw_text") continue;
    if (k === "metadata" && v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    setOwnValue(out, k, v);
  }
  return out;
}

/** rs's "raw JSON" family with the metadata json-processor and csv-analyzer attach. */
export function rawResult(operation: string, data: JsonValue, message?: string): ToolOutput {
  const response: JsonObject = { operation, success: true };
  if (message) response.message = message;
  response.result = data;
  return { json: data, metadata: { operation, response } };
}

// ---------------------------------------------------------------------------------------------------------------
// Defining a tool
// ---------------------------------------------------------------------------------------------------------------

/** What a tool file writes: its {@link ToolDefinition} fields but `execute`, which `defineTool` builds from `run`. */
export interface ToolSpec extends Omit<ToolDefinition, "execute"> {
  /** Run one validated call. Throw `OperationError` for a structured failure of `operation`. */
  run(params: JsonObject, ctx: ToolContext): Promise<ToolOutput> | ToolOutput;
  /** The operation name to report when `run` throws an OperationError (default: `params.operation`). */
  operationOf?(params: JsonObject): string;
}

/** Build a ToolDefinition: validates params, honours the abort signal, converts the output. */
export function defineTool(spec: ToolSpec): ToolDefinition {
  const validate = createParamValidator(spec.schema);
  const defaultOperation = (spec.schema.properties as JsonObject | undefined)?.operation as JsonObject | undefined;
  const operationOf =
    spec.operationOf ??
    ((p: JsonObject) =>
      typeof p.operation === "string" ? p.operation : String(defaultOperation?.default ?? spec.name));
  const def: ToolDefinition = {
    name: spec.name,
    description: spec.description,
    category: spec.category,
    pure: spec.pure,
    schema: spec.schema,
    async execute(params, ctx) {
      if (ctx.signal.aborted) throw new SpellError("cancelled", "Tool execution cancelled");
      await validate(params);
      let output: ToolOutput;
      try {
        output = await spec.run(params, ctx);
      } catch (e) {
        if (e instanceof OperationError)
          output = { json: failure(operationOf(params), e.message) as unknown as JsonValue };
        else if (e instanceof SpellError) throw e;
        else throw paramError(e instanceof Error ? e.message : String(e));
      }
      return toSpellResult(output);
    },
  };
  if (spec.aliases) def.aliases = spec.aliases;
  if (spec.tags) def.tags = spec.tags;
  if (spec.nondeterministic) def.nondeterministic = spec.nondeterministic;
  return def;
}
