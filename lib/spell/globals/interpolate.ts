/**
 * Placeholder interpolation for workflow step inputs (rs-llmspell passes them through literally; we
 * substitute them): `{{input}}`, `{{input.field}}`, `{{steps.<name>.output}}`, `{{steps.<name>.output.<path>}}`,
 * `{{loop_value}}`, `{{loop_value.<path>}}`, `{{loop_index}}`, `{{shared.<key>}}`.
 * A string that is exactly one placeholder takes the value itself (numbers stay numbers, tables stay tables);
 * inside longer text the value's text is used. Unknown placeholders are left as they are.
 */
import { setOwnValue, type JsonValue } from "@/lib/core/json";
import { getPath, isPlainObject, textOf } from "../core/values";

export interface InterpolationScope {
  input: JsonValue;
  /** Step name -> { value, text }. */
  steps: Map<string, { value: JsonValue; text: string }>;
  loopValue?: JsonValue;
  loopIndex?: number;
  shared: Map<string, JsonValue>;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g;

/** The text `{{input}}` stands for: a string input, or its `input`/`text` field, else its JSON. */
export function inputText(input: JsonValue): string {
  if (isPlainObject(input)) {
    if (typeof input.input === "string") return input.input;
    if (typeof input.text === "string") return input.text;
  }
  return textOf(input);
}

function lookup(expr: string, scope: InterpolationScope): { found: boolean; value?: unknown; text?: string } {
  const parts = expr.split(".");
  const [head, ...rest] = parts;
  if (head === "input") {
    if (rest.length === 0) return { found: true, value: scope.input, text: inputText(scope.input) };
    const v = getPath(scope.input, rest);
    return v === undefined ? { found: false } : { found: true, value: v };
  }
  if (head === "loop_value" && scope.loopValue !== undefined) {
    if (rest.length === 0) return { found: true, value: scope.loopValue };
    const v = getPath(scope.loopValue, rest);
    return v === undefined ? { found: false } : { found: true, value: v };
  }
  if (head === "loop_index" && scope.loopIndex !== undefined && rest.length === 0)
    return { found: true, value: scope.loopIndex };
  if (head === "shared" && rest.length > 0) {
    const v = getPath(Object.fromEntries(scope.shared), rest);
    return v === undefined ? { found: false } : { found: true, value: v };
  }
  if ((head === "steps" || head === "step") && rest.length >= 2) {
    // The step name may itself contain dots only if no `output` segment follows it; names are usually simple.
    const outIdx = rest.indexOf("output");
    const altIdx = outIdx < 0 ? rest.indexOf("result") : outIdx;
    if (altIdx < 1) return { found: false };
    const name = rest.slice(0, altIdx).join(".");
    const step = scope.steps.get(name);
    if (!step) return { found: false };
    const path = rest.slice(altIdx + 1);
    if (path.length === 0) return { found: true, value: step.value, text: step.text };
    const v = getPath(step.value, path);
    return v === undefined ? { found: false } : { found: true, value: v };
  }
  return { found: false };
}

export function interpolate(value: JsonValue, scope: InterpolationScope): JsonValue {
  if (typeof value === "string") {
    const whole = /^\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}$/.exec(value);
    if (whole) {
      const r = lookup(whole[1], scope);
      if (!r.found) return value;
      // Exactly one placeholder: in a table keep the value's type; `text` when the value is a step/input result.
      if (r.text !== undefined) return r.text;
      return (r.value ?? null) as JsonValue;
    }
    return value.replace(PLACEHOLDER, (m, expr: string) => {
      const r = lookup(expr, scope);
      if (!r.found) return m;
      return r.text ?? textOf(r.value);
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, scope));
  if (isPlainObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) setOwnValue(out, k, interpolate(v as JsonValue, scope));
    return out;
  }
  return value;
}
