/**
 * `data-validator`: rs-llmspell's rule-based validator (`rules = {rules = {{type = "required"}, ...}}`), and,
 * as an addition, a standard JSON Schema in `schema` checked with Ajv. Result: `{valid, errors}` under
 * operation `validate_data`. A rule list that cannot be read raises, naming `rules`.
 */
import type { ErrorObject } from "ajv";
import type { JsonValue } from "@/lib/core/json";
import { compileSafeRegex, REGEX_LIMITS } from "./internal/safe-regex";
import { parseWithFormat } from "./internal/time";
import { defineTool, paramError, success, typeOfJson } from "./support";
import { compileUserSchema } from "./user-schema";
import type { JsonObject } from "./types";

/** rs-llmspell's DataValidationConfig default. */
export const MAX_VALIDATION_ERRORS = 100;

interface ValidationError {
  field: string;
  value: JsonValue;
  rule: string;
  message: string;
}

type Rule = JsonObject & { type: string };

const RULE_TYPES = [
  "required",
  "type",
  "length",
  "range",
  "pattern",
  "enum",
  "email",
  "url",
  "date",
  "custom",
  "array",
  "object",
];

/** Check a rule list's shape up front (rs: serde fails with "Invalid rules format"). */
function readRules(v: JsonValue | undefined, path: string): Rule[] {
  if (!v || typeof v !== "object" || Array.isArray(v) || !Array.isArray(v.rules)) {
    throw paramError(`Validation error: Invalid rules format: '${path}' must be {rules = [...]}`);
  }
  return v.rules.map((r, i) => {
    const at = `${path}.rules[${i}]`;
    if (!r || typeof r !== "object" || Array.isArray(r) || typeof r.type !== "string") {
      throw paramError(`Validation error: Invalid rules format: '${at}' needs a string 'type'`);
    }
    if (!RULE_TYPES.includes(r.type)) {
      throw paramError(
        `Validation error: Invalid rules format: unknown variant '${r.type}' at '${at}', expected one of ${RULE_TYPES.join(", ")}`,
      );
    }
    const need = (k: string, t: string) => {
      if (typeOfJson(r[k]) !== t && !(t === "number" && typeOfJson(r[k]) === "integer")) {
        throw paramError(`Validation error: Invalid rules format: '${at}.${k}' must be ${t}`);
      }
    };
    if (r.type === "type") need("expected", "string");
    if (r.type === "pattern") need("regex", "string");
    if (r.type === "enum") need("values", "array");
    if (r.type === "date") need("format", "string");
    if (r.type === "custom") need("name", "string");
    if (r.type === "array" && r.item_rules != null) readRules(r.item_rules, `${at}.item_rules`);
    if (r.type === "object") {
      const props = (r.properties ?? {}) as JsonValue;
      if (typeof props !== "object" || props === null || Array.isArray(props))
        throw paramError(`Validation error: Invalid rules format: '${at}.properties' must be an object`);
      for (const [k, pr] of Object.entries(props)) readRules(pr, `${at}.properties.${k}`);
    }
    return r as Rule;
  });
}

function debugRule(r: Rule): string {
  const name = r.type.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  const fields = Object.entries(r).filter(([k]) => k !== "type");
  if (!fields.length) return name;
  return `${name} { ${fields.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} }`;
}

const CUSTOM: Record<string, (v: JsonValue) => string | undefined> = {
  phone: (v) =>
    typeof v !== "string"
      ? "Value must be a string"
      : /^\+?[1-9]\d{1,14}$/.test(v)
        ? undefined
        : "Invalid phone number format",
  uuid: (v) =>
    typeof v !== "string"
      ? "Value must be a string"
      : /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v)
        ? undefined
        : "Invalid UUID format",
  credit_card: (v) => {
    if (typeof v !== "string") return "Value must be a string";
    const digits = v.replace(/\D/g, "");
    if (digits.length < 13 || digits.length > 19) return "Invalid credit card length";
    let sum = 0;
    let alt = false;
    for (let i = digits.length - 1; i >= 0; i--) {
      let n = Number(digits[i]);
      if (alt) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
      alt = !alt;
    }
    return sum % 10 === 0 ? undefined : "Invalid credit card number";
  },
};

function jsonKey(v: JsonValue): string {
  return JSON.stringify(v);
}

function isUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

class Validator {
  errors: ValidationError[] = [];

  validateValue(field: string, value: JsonValue, rules: Rule[]): void {
    for (const rule of rules) {
      if (this.errors.length >= MAX_VALIDATION_ERRORS) break;
      const msg = this.validateRule(field, value, rule);
      if (msg !== undefined)
        this.errors.push({ field, value, rule: debugRule(rule), message: `Validation error: ${msg}` });
    }
  }

  /** One rule; returns the failure message or undefined. */
  validateRule(field: string, value: JsonValue, r: Rule): string | undefined {
    const num = (k: string) => (typeof r[k] === "number" ? (r[k] as number) : undefined);
    switch (r.type) {
      case "required":
        return value === null || value === "" ? `${field} is required` : undefined;
      case "type": {
        const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
        return actual !== r.expected ? `Expected type '${String(r.expected)}', got '${actual}'` : undefined;
      }
      case "length": {
        const [min, max] = [num("min"), num("max")];
        if (typeof value === "string") {
          const len = new TextEncoder().encode(value).length;
          if (min !== undefined && len < min) return `Length must be at least ${min}`;
          if (max !== undefined && len > max) return `Length must be at most ${max}`;
        } else if (Array.isArray(value)) {
          if (min !== undefined && value.length < min) return `Array must have at least ${min} items`;
          if (max !== undefined && value.length > max) return `Array must have at most ${max} items`;
        }
        return undefined;
      }
      case "range": {
        if (typeof value !== "number") return undefined;
        const [min, max] = [num("min"), num("max")];
        if (min !== undefined && value < min) return `Value must be at least ${min}`;
        if (max !== undefined && value > max) return `Value must be at most ${max}`;
        return undefined;
      }
      case "pattern": {
        if (typeof value !== "string") return undefined;
        const re = compileSafeRegex(r.regex as string);
        if (typeof re === "string") return `Invalid regex pattern: ${re}`;
        if (value.length > REGEX_LIMITS.maxSubjectLength)
          return `Value is too long for pattern matching (limit ${REGEX_LIMITS.maxSubjectLength} characters)`;
        return re.test(value) ? undefined : `Value does not match pattern: ${String(r.regex)}`;
      }
      case "enum": {
        const values = r.values as JsonValue[];
        return values.some((v) => jsonKey(v) === jsonKey(value))
          ? undefined
          : `Value must be one of: ${JSON.stringify(values)}`;
      }
      case "email":
        return typeof value === "string" && !/^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/.test(value)
          ? "Invalid email format"
          : undefined;
      case "url":
        return typeof value === "string" && !isUrl(value) ? "Invalid URL format" : undefined;
      case "date":
        return typeof value === "string" && !parseWithFormat(value, r.format as string)
          ? `Invalid date format. Expected: ${String(r.format)}`
          : undefined;
      case "custom": {
        const fn = CUSTOM[r.name as string];
        return fn ? fn(value) : `Unknown custom validator: ${String(r.name)}`;
      }
      case "array": {
        if (!Array.isArray(value)) return undefined;
        const [min, max] = [num("min_items"), num("max_items")];
        if (min !== undefined && value.length < min) return `Array must have at least ${min} items`;
        if (max !== undefined && value.length > max) return `Array must have at most ${max} items`;
        if (r.unique === true) {
          const seen = new Set<string>();
          for (const item of value) {
            const k = jsonKey(item);
            if (seen.has(k)) return "Array items must be unique";
            seen.add(k);
          }
        }
        if (r.item_rules != null) {
          const itemRules = (r.item_rules as JsonObject).rules as Rule[];
          value.forEach((item, i) => this.validateValue(`${field}[${i}]`, item, itemRules));
        }
        return undefined;
      }
      case "object": {
        if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
        const props = (r.properties ?? {}) as JsonObject;
        for (const req of (r.required as JsonValue[] | undefined) ?? []) {
          if (typeof req === "string" && !Object.hasOwn(value, req)) return `Missing required field: ${req}`;
        }
        if (r.additional_properties === false) {
          for (const k of Object.keys(value))
            if (!Object.hasOwn(props, k)) return `Additional property not allowed: ${k}`;
        }
        for (const [prop, pr] of Object.entries(props)) {
          if (Object.hasOwn(value, prop))
            this.validateValue(`${field}.${prop}`, value[prop], (pr as JsonObject).rules as Rule[]);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

function ajvErrorToValidation(e: ErrorObject, data: JsonValue): ValidationError {
  const field = `input${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, "[$1]").replace(/\//g, ".")}`;
  const value = e.instancePath
    .split("/")
    .filter(Boolean)
    .reduce<JsonValue>(
      (v, k) => (v && typeof v === "object" ? ((v as Record<string, JsonValue>)[k] ?? null) : null),
      data,
    );
  return { field, value, rule: `schema:${e.keyword}`, message: e.message ?? "is invalid" };
}

async function run(params: JsonObject): Promise<JsonValue> {
  if (!("input" in params)) throw paramError("Validation error: Missing 'input' parameter");
  const data = params.input;
  let errors: ValidationError[];
  let ruleCount: number;
  if (params.schema !== undefined) {
    const schema = params.schema;
    if (typeof schema !== "object" || schema === null || Array.isArray(schema))
      throw paramError("parameter 'schema' must be a JSON Schema object");
    const validate = await compileUserSchema(
      schema,
      (reason) => `parameter 'schema' is not a valid JSON Schema: ${reason}`,
    );
    validate(data);
    errors = (validate.errors ?? []).slice(0, MAX_VALIDATION_ERRORS).map((e) => ajvErrorToValidation(e, data));
    ruleCount = Object.keys(schema).length;
  } else {
    if (!("rules" in params))
      throw paramError("Validation error: Missing 'rules' parameter (or give a JSON Schema in 'schema')");
    const rules = readRules(params.rules, "rules");
    const v = new Validator();
    v.validateValue("input", data, rules);
    errors = v.errors;
    ruleCount = rules.length;
  }
  const valid = errors.length === 0;
  const response = success("validate_data", valid ? "Data validation passed" : "Data validation failed", {
    valid,
    errors: errors as unknown as JsonValue,
  });
  response.metadata = { rule_count: ruleCount, error_count: errors.length };
  return response as unknown as JsonValue;
}

export const dataValidator = defineTool({
  name: "data-validator",
  aliases: ["data_validator", "data-validation", "data_validation"],
  description: "Validate data against custom rules (or a JSON Schema) with detailed error reporting",
  category: "utility",
  pure: true,
  tags: ["validation", "schema"],
  schema: {
    type: "object",
    properties: {
      input: { description: "Data to validate (any JSON value)" },
      rules: {
        type: "object",
        description:
          "Validation rules: {rules: [{type: required|type(expected)|length(min,max)|range(min,max)|pattern(regex)|enum(values)|email|url|date(format)|custom(name: phone|uuid|credit_card)|array(min_items,max_items,unique,item_rules)|object(properties,required,additional_properties)}]}",
        properties: { rules: { type: "array", items: { type: "object" } } },
        required: ["rules"],
      },
      schema: { type: "object", description: "A JSON Schema to validate against instead of rules (draft 2020-12)" },
    },
    required: ["input"],
  },
  operationOf: () => "validate_data",
  run: async (params) => ({ json: await run(params) }),
});
