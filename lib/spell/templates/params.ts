/**
 * A template's parameters, declared once (`ParamSpec[]`) and read three ways: rs-llmspell's schema table
 * (`Template.schema`: `{version, parameters = {{name, description, param_type, required, default?, min?, max?,
 * min_length?, max_length?, allowed_values?}}}`), a JSON Schema (`json_schema`, for tools and editors), and the
 * zod schema `Template.execute` checks its params with (errors name the parameter).
 */
import type { JsonValue } from "@/lib/core/json";
import * as z from "zod";

/** `any` is ours (a value of several shapes, such as CSV text or rows); rs-llmspell has no such type. */
type ParamType = "string" | "integer" | "number" | "boolean" | "array" | "object" | "any";

export interface ParamSpec {
  name: string;
  description: string;
  type: ParamType;
  required?: boolean;
  default?: JsonValue;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  allowed?: JsonValue[];
}

/** rs-llmspell prints a ParameterType with `{:?}`: `String`, `Integer`... */
const RS_TYPE: Record<ParamType, string> = {
  string: "String",
  integer: "Integer",
  number: "Number",
  boolean: "Boolean",
  array: "Array",
  object: "Object",
  any: "Any",
};

export function rsSchemaOf(params: ParamSpec[]): JsonValue {
  return {
    version: "1.0",
    parameters: params.map((p) => ({
      name: p.name,
      description: p.description,
      param_type: RS_TYPE[p.type],
      required: p.required === true,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(p.min !== undefined ? { min: p.min } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
      ...(p.minLength !== undefined ? { min_length: p.minLength } : {}),
      ...(p.maxLength !== undefined ? { max_length: p.maxLength } : {}),
      ...(p.allowed !== undefined ? { allowed_values: p.allowed } : {}),
    })),
  };
}

export function jsonSchemaOf(params: ParamSpec[]): JsonValue {
  const properties: { [name: string]: JsonValue } = {};
  for (const p of params)
    properties[p.name] = {
      ...(p.type !== "any" ? { type: p.type } : {}),
      description: p.description,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(p.min !== undefined ? { minimum: p.min } : {}),
      ...(p.max !== undefined ? { maximum: p.max } : {}),
      ...(p.minLength !== undefined ? { [p.type === "array" ? "minItems" : "minLength"]: p.minLength } : {}),
      ...(p.maxLength !== undefined ? { [p.type === "array" ? "maxItems" : "maxLength"]: p.maxLength } : {}),
      ...(p.allowed !== undefined ? { enum: p.allowed } : {}),
    };
  return {
    type: "object",
    properties,
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function fieldSchema(p: ParamSpec): z.ZodType {
  let s: z.ZodType;
  switch (p.type) {
    case "string": {
      let t = z.string();
      if (p.minLength !== undefined) t = t.min(p.minLength);
      if (p.maxLength !== undefined) t = t.max(p.maxLength);
      s = t;
      break;
    }
    case "integer":
    case "number": {
      let n = p.type === "integer" ? z.number().int() : z.number();
      if (p.min !== undefined) n = n.min(p.min);
      if (p.max !== undefined) n = n.max(p.max);
      s = n;
      break;
    }
    case "boolean":
      s = z.boolean();
      break;
    case "array": {
      let a = z.array(z.unknown());
      if (p.minLength !== undefined) a = a.min(p.minLength);
      if (p.maxLength !== undefined) a = a.max(p.maxLength);
      s = a;
      break;
    }
    case "object":
      s = z.record(z.string(), z.unknown());
      break;
    case "any":
      s = z.unknown();
      break;
  }
  // Allowed values are strings in every built-in template: an enum names them in the error.
  if (p.allowed !== undefined) s = z.enum(p.allowed.map(String) as [string, ...string[]]);
  return p.required ? s : s.optional().nullable();
}

/** The zod schema of a template's params: declared ones checked, others passed through (rs ignores them). */
export function zodSchemaOf(params: ParamSpec[]): z.ZodType<{ [name: string]: unknown }> {
  return z.looseObject(Object.fromEntries(params.map((p) => [p.name, fieldSchema(p)])));
}

/** Params with each declared default filled in. */
export function withDefaults(params: ParamSpec[], given: { [name: string]: unknown }): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = { ...given };
  for (const p of params)
    if ((out[p.name] === undefined || out[p.name] === null) && p.default !== undefined) out[p.name] = p.default;
  return out;
}
