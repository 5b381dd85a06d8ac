/**
 * Validation of an `LlmRequest` from outside (the gateway body, a CLI spell): zod for the shape, Ajv's
 * meta-schema check for tool and response schemas, then the gateway caps. Every failure names the field.
 */
import { Ajv } from "ajv";
import * as z from "zod";
import type { GatewayCaps } from "./caps";
import { samplingParamsSchema } from "./model-params";
import type { LlmRequest } from "./types";

const json = z.json();
const jsonObject = z.record(z.string(), json);

const toolCall = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(64), input: json });

const message = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.string() }),
  z.object({ role: z.literal("user"), content: z.string() }),
  z.object({ role: z.literal("assistant"), content: z.string(), toolCalls: z.array(toolCall).optional() }),
  z.object({
    role: z.literal("tool"),
    toolCallId: z.string().min(1).max(200),
    toolName: z.string().min(1).max(64),
    output: json,
  }),
]);

const tool = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, '_' or '-'"),
  description: z.string().max(4096),
  parameters: jsonObject,
});

/** `"provider/model"` or a bare model name (letters, digits and `._:-/`). */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9._:@-]+)*$/;

const llmRequestSchema = z.strictObject({
  model: z.string().min(1).max(200).regex(MODEL_ID_PATTERN, 'must look like "provider/model"'),
  messages: z.array(message).min(1, "must hold at least one message"),
  tools: z.array(tool).optional(),
  temperature: samplingParamsSchema.shape.temperature,
  // Any positive count: the caps lower it (capMaxTokens), so a spell's large budget is not an error.
  maxTokens: z.number().int().positive().optional(),
  topP: samplingParamsSchema.shape.topP,
  seed: samplingParamsSchema.shape.seed,
  responseFormat: jsonObject.optional(),
});

export type ValidationResult = { ok: true; request: LlmRequest } | { ok: false; field: string; message: string };

const ajv = new Ajv({ strict: false, validateSchema: true });

function schemaProblem(schema: unknown): string | undefined {
  try {
    if (ajv.validateSchema(schema as object) === false) {
      return ajv.errorsText(ajv.errors, { dataVar: "schema" });
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** A zod issue path as the request field it names: `messages[0].role`; the whole body is `body`. */
export function fieldOf(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "") || "body"
  );
}

/** Check a request's shape, its JSON Schemas and the caps; returns the request or the first problem. */
export function validateLlmRequest(body: unknown, caps: GatewayCaps): ValidationResult {
  const parsed = llmRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
    const field = fieldOf(path);
    return { ok: false, field, message: `${field}: ${issue.message}` };
  }
  const request = parsed.data as LlmRequest;
  if (request.messages.length > caps.maxMessages) {
    return {
      ok: false,
      field: "messages",
      message: `messages: at most ${caps.maxMessages} messages per request (got ${request.messages.length})`,
    };
  }
  const tools = request.tools ?? [];
  if (tools.length > caps.maxTools) {
    return {
      ok: false,
      field: "tools",
      message: `tools: at most ${caps.maxTools} tools per request (got ${tools.length})`,
    };
  }
  for (let i = 0; i < tools.length; i++) {
    const params = tools[i].parameters;
    const problem = schemaProblem(params);
    if (problem)
      return {
        ok: false,
        field: `tools[${i}].parameters`,
        message: `tools[${i}].parameters is not valid JSON Schema: ${problem}`,
      };
    if (params.type !== "object") {
      return {
        ok: false,
        field: `tools[${i}].parameters`,
        message: `tools[${i}].parameters must be a JSON Schema with "type": "object"`,
      };
    }
  }
  const names = new Set<string>();
  for (let i = 0; i < tools.length; i++) {
    if (names.has(tools[i].name))
      return { ok: false, field: `tools[${i}].name`, message: `tools[${i}].name: "${tools[i].name}" is offered twice` };
    names.add(tools[i].name);
  }
  if (request.responseFormat) {
    const problem = schemaProblem(request.responseFormat);
    if (problem)
      return { ok: false, field: "responseFormat", message: `responseFormat is not valid JSON Schema: ${problem}` };
  }
  const toolSteps = request.messages.filter((m) => m.role === "assistant" && (m.toolCalls?.length ?? 0) > 0).length;
  if (toolSteps > caps.maxToolSteps) {
    return {
      ok: false,
      field: "messages",
      message: `messages: this run already took ${toolSteps} tool steps; the limit is ${caps.maxToolSteps} per run`,
    };
  }
  return { ok: true, request };
}

/** The output-token budget for a request: its own `maxTokens`, lowered to the cap. */
export function capMaxTokens(request: LlmRequest, caps: GatewayCaps): number {
  return Math.min(request.maxTokens ?? caps.maxOutputTokens, caps.maxOutputTokens);
}
