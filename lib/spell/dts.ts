/**
 * `renderSpellApiDts()`: the TypeScript declarations of the whole spell API for the editor's JavaScript
 * completions, generated from SPELL_API_REFERENCE (host calls that wait return Promises).
 */
import type { ApiFunctionDoc, SpellApiReference } from "./reference-types";
import { SPELL_API_REFERENCE, SPELL_API_TYPES } from "./reference";

/** Plain fields the engines show on some objects, and the iterator protocols. */
const CLASS_EXTRAS: Record<string, { extends?: string; fields?: string[] }> = {
  Agent: { fields: ["readonly name: string;"] },
  Tool: {
    fields: [
      "readonly name: string;",
      "readonly description: string;",
      "readonly category: string;",
      "readonly version: string;",
      "readonly schema: JsonValue;",
    ],
  },
  Workflow: { fields: ["readonly id: string;", "readonly name: string;", "readonly type: string;"] },
  AgentStream: { extends: "AsyncIterable<StreamChunk>" },
  Stream: { extends: "Iterable<JsonValue>" },
};

/** Signatures a single line of the reference cannot say (overloads). */
const OVERRIDES: Record<string, string[]> = {
  "Agent.stream": [
    "stream(input: AgentInput | string, callback: (chunk: StreamChunk) => void | Promise<void>): Promise<AgentResult>;",
    "stream(input: AgentInput | string): AgentStream;",
  ],
};

function jsdoc(text: string, indent: string, f?: ApiFunctionDoc): string {
  const lines = text.split("\n");
  if (f) for (const p of f.params) if (p.description) lines.push(`@param ${p.name} ${p.description}`);
  if (f?.js) lines.push("@example", ...f.js.split("\n"));
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l.replace(/\*\//g, "*\\/")}`).join("\n")}\n${indent} */\n`;
}

function signature(f: ApiFunctionDoc): string {
  const params = f.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  const ret = f.async && f.returns !== "never" ? `Promise<${f.returns}>` : f.returns;
  return `${f.name}(${params}): ${ret};`;
}

/**
 * The declarations of the spell API. With `dynamicJson` (what a JavaScript spell is type-checked against in the
 * page), `JsonValue` is `any`: a tool's or a parsed reply's payload has no static shape, so reading
 * `r.result.total` must not be an error, while the API's own shapes (`AgentResult`, ...) stay exact.
 */
export function renderSpellApiDts(
  ref: SpellApiReference = SPELL_API_REFERENCE,
  { dynamicJson = false }: { dynamicJson?: boolean } = {},
): string {
  const out: string[] = ["// Generated from lib/spell/reference.ts by renderSpellApiDts(). Do not edit.", ""];
  for (const t of SPELL_API_TYPES) {
    const definition = dynamicJson && t.name === "JsonValue" ? "any" : t.definition;
    out.push(jsdoc(t.description, "") + `type ${t.name} = ${definition};`, "");
  }
  out.push(
    "/** Every failure a spell can catch. */",
    "declare class SpellError extends Error {",
    '  readonly kind: "syntax" | "runtime" | "type" | "timeout" | "memory" | "cancelled" | "api" | "unsupported_feature" | "conversion" | "provider" | "tool" | "not_found" | "engine_not_found" | "configuration";',
    "  readonly line?: number;",
    "  readonly column?: number;",
    "}",
    "/** Print values to the run's output. */",
    "declare function print(...values: unknown[]): void;",
    "",
  );
  for (const c of ref.classes) {
    const extra = CLASS_EXTRAS[c.name] ?? {};
    out.push(jsdoc(c.description, "") + `interface ${c.name}${extra.extends ? ` extends ${extra.extends}` : ""} {`);
    for (const field of extra.fields ?? []) out.push(`  ${field}`);
    for (const m of c.methods) {
      const lines = OVERRIDES[`${c.name}.${m.name}`] ?? [signature(m)];
      out.push(jsdoc(m.description, "  ", m) + lines.map((l) => `  ${l}`).join("\n"));
    }
    out.push("}", "");
  }
  for (const g of ref.globals) {
    if (g.name === "JSON") continue; // JavaScript's own JSON
    if (g.name === "ARGS") {
      out.push(jsdoc(g.description, "") + "declare const ARGS: { [name: string]: string } | undefined;", "");
      continue;
    }
    out.push(jsdoc(g.description, "") + `declare const ${g.name}: {`);
    for (const v of g.values ?? [])
      out.push(`${v.description ? jsdoc(v.description, "  ") : ""}  readonly ${v.name}: ${v.type};`);
    for (const f of g.functions) out.push(jsdoc(f.description, "  ", f) + `  ${signature(f)}`);
    out.push("};", "");
  }
  return out.join("\n");
}
