/**
 * Build one deterministic value that satisfies a JSON Schema: the mock provider uses it for tool-call
 * arguments and structured-output replies. Covers the keywords models are actually given (type, properties,
 * required, items, enum, const, anyOf/oneOf/allOf, $ref to local definitions, numeric and length bounds,
 * common formats, simple patterns). Strings take the user's text when the schema allows it, so a mock tool
 * call carries something meaningful.
 */
import { setOwnValue, type JsonValue } from "@/lib/core/json";

type Schema = { [key: string]: JsonValue } | boolean;

export interface InstanceHints {
  /** Text used for free-form strings (the last user message). */
  text?: string;
}

interface Context {
  root: Schema;
  text: string;
  depth: number;
  /** Property name the value is for, when known (drives small heuristics like `expression`). */
  key?: string;
  /** Position in an array, so unique items differ. */
  index: number;
}

const MAX_DEPTH = 12;
/** Past this depth only required properties and minimum array lengths are generated (ends recursion). */
const SHALLOW_DEPTH = 4;

/** A value that validates against `schema`, the same value every time for the same schema and hints. */
export function createSchemaInstance(schema: Schema, hints: InstanceHints = {}): JsonValue {
  return instanceOf(schema, { root: schema, text: hints.text ?? "mock", depth: 0, index: 0 });
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith("#")) return {};
  const path = ref
    .slice(1)
    .split("/")
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: JsonValue = root as JsonValue;
  for (const segment of path) {
    if (!isObject(node)) return {};
    node = node[segment];
  }
  return isObject(node) || typeof node === "boolean" ? (node as Schema) : {};
}

function mergeAllOf(schema: { [key: string]: JsonValue }, ctx: Context): { [key: string]: JsonValue } {
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  const merged: { [key: string]: JsonValue } = { ...schema };
  delete merged.allOf;
  const properties: { [key: string]: JsonValue } = isObject(merged.properties) ? { ...merged.properties } : {};
  const required = new Set<string>(
    Array.isArray(merged.required) ? merged.required.filter((r): r is string => typeof r === "string") : [],
  );
  for (const raw of parts) {
    let part = raw as Schema;
    if (isObject(part) && typeof part.$ref === "string") part = resolveRef(part.$ref, ctx.root);
    if (!isObject(part)) continue;
    for (const [k, v] of Object.entries(part)) {
      if (k === "properties" && isObject(v)) Object.assign(properties, v);
      else if (k === "required" && Array.isArray(v)) v.forEach((r) => typeof r === "string" && required.add(r));
      else if (!(k in merged)) setOwnValue(merged, k, v);
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function pickType(schema: { [key: string]: JsonValue }): string {
  const t = schema.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) {
    const named = t.filter((x): x is string => typeof x === "string");
    return named.find((x) => x !== "null") ?? named[0] ?? "string";
  }
  if (isObject(schema.properties) || schema.required !== undefined || schema.additionalProperties !== undefined)
    return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  if (typeof schema.minimum === "number" || typeof schema.maximum === "number") return "number";
  return "string";
}

function instanceOf(input: Schema, ctx: Context): JsonValue {
  if (input === true || input === false || ctx.depth > MAX_DEPTH) return null;
  let schema = input;
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, ctx.root);
    if (target === true || target === false) return null;
    schema = { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$ref")) };
  }
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, ctx);
  const next = { ...ctx, depth: ctx.depth + 1 };
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[ctx.index % schema.enum.length];
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const nonNull = options.find((o) => !(isObject(o) && o.type === "null")) ?? options[0];
      const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
      const chosen = isObject(nonNull) ? { ...rest, ...nonNull } : (nonNull as Schema);
      return instanceOf(chosen as Schema, next);
    }
  }
  switch (pickType(schema)) {
    case "object":
      return objectOf(schema, next);
    case "array":
      return arrayOf(schema, next);
    case "integer":
      return numberOf(schema, ctx, true);
    case "number":
      return numberOf(schema, ctx, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringOf(schema, ctx);
  }
}

function objectOf(schema: { [key: string]: JsonValue }, ctx: Context): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === "string")
    : [];
  for (const [key, sub] of Object.entries(properties)) {
    if (ctx.depth > SHALLOW_DEPTH && !required.includes(key)) continue;
    setOwnValue(out, key, instanceOf(sub as Schema, { ...ctx, key, index: 0 }));
  }
  for (const key of required) {
    if (key in out) continue;
    const extra = schema.additionalProperties;
    setOwnValue(
      out,
      key,
      isObject(extra) ? instanceOf(extra, { ...ctx, key, index: 0 }) : stringOf({}, { ...ctx, key }),
    );
  }
  return out;
}

function arrayOf(schema: { [key: string]: JsonValue }, ctx: Context): JsonValue {
  // Tuples: `prefixItems` (2020-12) or an `items` array (draft-07, with `additionalItems`).
  const prefix = Array.isArray(schema.prefixItems)
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : [];
  const items = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  const min = typeof schema.minItems === "number" ? schema.minItems : ctx.depth > SHALLOW_DEPTH ? 0 : 1;
  const max = typeof schema.maxItems === "number" ? schema.maxItems : Math.max(min, prefix.length, 1);
  const count = Math.min(
    Math.max(min, ctx.depth > SHALLOW_DEPTH ? 0 : prefix.length, ctx.depth > SHALLOW_DEPTH ? 0 : 1),
    max,
  );
  const out: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const sub = i < prefix.length ? prefix[i] : items;
    if (sub === false) break;
    out.push(instanceOf(isObject(sub) || sub === true ? (sub as Schema) : {}, { ...ctx, index: i }));
  }
  return out;
}

function numberOf(schema: { [key: string]: JsonValue }, ctx: Context, integer: boolean): JsonValue {
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : 0;
  let low = -Infinity;
  let high = Infinity;
  if (typeof schema.minimum === "number") low = schema.minimum;
  if (typeof schema.exclusiveMinimum === "number") low = Math.max(low, schema.exclusiveMinimum + (step || 0.5));
  if (typeof schema.maximum === "number") high = schema.maximum;
  if (typeof schema.exclusiveMaximum === "number") high = Math.min(high, schema.exclusiveMaximum - (step || 0.5));
  let value = Number.isFinite(low) ? low : Math.min(1, high);
  value += ctx.index;
  if (step > 0) value = Math.ceil(value / step) * step;
  if (value > high) value = step > 0 ? Math.floor(high / step) * step : high;
  if (integer) value = Math.ceil(value);
  return value;
}

const FORMATS: Record<string, string> = {
  email: "mock@example.com",
  "idn-email": "mock@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  "uri-reference": "https://example.com/",
  iri: "https://example.com/",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  date: "2024-01-01",
  "date-time": "2024-01-01T00:00:00Z",
  time: "00:00:00Z",
  duration: "P1D",
  uuid: "00000000-0000-4000-8000-000000000000",
  regex: ".*",
  "json-pointer": "/mock",
};

/** The arithmetic inside a sentence ("what is 2 + 3 * 4?" → "2 + 3 * 4"), for calculator-like tools. */
function findExpression(text: string): string | undefined {
  const matches = text.match(/[-+*/^%().\d\s]*\d[-+*/^%().\d\s]*/g) ?? [];
  const withOperator = matches.map((m) => m.trim()).filter((m) => /\d\s*[-+*/^%]\s*[\d(]/.test(m));
  return withOperator.sort((a, b) => b.length - a.length)[0];
}

function stringOf(schema: { [key: string]: JsonValue }, ctx: Context): string {
  const suffix = ctx.index > 0 ? ` ${ctx.index + 1}` : "";
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  let value: string;
  if (format !== undefined) value = format;
  else if (ctx.key && /expr|formula|math|calc|equation/i.test(ctx.key) && findExpression(ctx.text))
    value = findExpression(ctx.text)!;
  else value = (ctx.text.trim() || "mock") + suffix;
  if (typeof schema.pattern === "string") value = matchPattern(schema.pattern, value, suffix);
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  if ([...value].length > max) value = [...value].slice(0, max).join("");
  while ([...value].length < min) value += "x";
  return value;
}

function matchPattern(pattern: string, preferred: string, suffix: string): string {
  let re: RegExp;
  try {
    re = new RegExp(pattern, "u");
  } catch {
    return preferred;
  }
  const candidates = [
    preferred,
    `mock${suffix}`.replace(/\s/g, ""),
    "mock",
    "a",
    "A",
    "0",
    "1",
    "abc",
    "ABC",
    "a1",
    "x-1",
    "mock@example.com",
    "2024-01-01",
  ];
  return candidates.find((c) => re.test(c)) ?? preferred;
}
