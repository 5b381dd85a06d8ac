/**
 * Template: rs-llmspell's templates (`lua/globals/template.rs`): `list(category)`, `info(name, show_schema)`,
 * `execute(name, params)`, `search(query, category)`, `schema(name)`, `estimate_cost(name, params)`, over the
 * built-in templates of lib/spell/templates (research, chat, analysis, codegen, document, workflow), written in
 * TypeScript over the run's agents, workflows, RAG, Memory and sessions, so they run on the mock with no key.
 * Categories read as rs prints them (`Research`, `CodeGen`...); `orchestration` is accepted for `workflow`.
 */
import { SpellError } from "@/lib/core/errors";
import type { HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import type { SpellContext } from "../core/context";
import { str, table } from "../core/validate";
import { isPlainObject, type JsonObject } from "../core/values";
import { createTemplateEnv, type TemplateDeps } from "../templates/env";
import { jsonSchemaOf, rsSchemaOf, withDefaults, zodSchemaOf } from "../templates/params";
import { BUILTIN_TEMPLATES } from "../templates/registry";
import type { TemplateDefinition } from "../templates/types";
import type { GlobalModule } from "./module";

const CATEGORY_ALIASES: Record<string, string> = {
  research: "Research",
  chat: "Chat",
  analysis: "Analysis",
  codegen: "CodeGen",
  document: "Document",
  workflow: "Workflow",
  orchestration: "Workflow",
};

/** Rough wall time of one agent call, for estimate_cost. */
const MS_PER_AGENT = 1500;

const metadataView = (t: TemplateDefinition): JsonObject => ({ ...t.metadata });

export function createTemplateModule(ctx: SpellContext, deps: TemplateDeps): GlobalModule {
  const { check } = ctx;

  const find = (where: string, raw: unknown): TemplateDefinition => {
    const name = check(where, "name", str, raw);
    const t = BUILTIN_TEMPLATES.find((x) => x.metadata.id === name);
    if (!t)
      throw new SpellError(
        "not_found",
        `${where}: template not found: "${name}" (templates: ${BUILTIN_TEMPLATES.map((x) => x.metadata.id).join(", ")})`,
      );
    return t;
  };

  const inCategory = (where: string, raw: unknown) => {
    if (raw === undefined || raw === null) return () => true;
    const c = check(where, "category", str, raw);
    const wanted = CATEGORY_ALIASES[c.toLowerCase()] ?? c;
    return (t: TemplateDefinition) => t.metadata.category === wanted;
  };

  /** The params checked against the template's schema, with defaults filled in. */
  const readParams = (where: string, t: TemplateDefinition, raw: unknown): { [name: string]: unknown } => {
    check(where, "params", table, raw);
    const given = { ...(ctx.jsonArg(raw, where, "params", "passed to a template") as JsonObject) };
    for (const p of t.params) {
      // A Lua `{}` is an empty table either way: an empty list where a list is wanted.
      if (p.type === "array" && isPlainObject(given[p.name]) && Object.keys(given[p.name] as object).length === 0)
        given[p.name] = [];
      if (p.required && (given[p.name] === undefined || given[p.name] === null))
        throw new SpellError("type", `${where} needs params.${p.name} (${p.description})`);
    }
    return withDefaults(t.params, check(where, "params", zodSchemaOf(t.params), given));
  };

  const modelOf = (p: { [name: string]: unknown }) =>
    typeof p.model === "string" ? p.model : ctx.runtime.defaultModel;

  const execute = async (rawName: unknown, rawParams: unknown): Promise<HostValue> => {
    const t = find("Template.execute", rawName);
    const where = `Template.execute("${t.metadata.id}")`;
    const params = readParams(where, t, rawParams);
    params.model = modelOf(params);
    const started = ctx.runtime.now();
    const executedAt = new Date(ctx.wallClockMs()).toISOString();
    return ctx.tracer.run(
      "workflow",
      `template:${t.metadata.id}`,
      { parentId: ctx.ambientParent(), input: params },
      async (span) => {
        const usage = { agents: 0, inputTokens: 0, outputTokens: 0 };
        const out = await t.run(createTemplateEnv(ctx, deps, where, span.id, usage), params);
        const modelId = ctx.models.resolve(params.model as string).id;
        const price = await ctx.models.price(modelId);
        const tokens = usage.inputTokens + usage.outputTokens;
        return {
          result_type: out.result_type,
          result: out.result,
          ...(out.artifacts?.length ? { artifacts: out.artifacts as JsonValue } : {}),
          metadata: {
            template_id: t.metadata.id,
            template_version: t.metadata.version,
            executed_at: executedAt,
            parameters: params as JsonObject,
          },
          metrics: {
            duration_ms: Math.round(ctx.runtime.now() - started),
            tokens_used: tokens,
            ...(price
              ? { cost_usd: (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000 }
              : {}),
            agents_invoked: usage.agents,
          },
        } as HostValue;
      },
      (r) => {
        const o = r as { result_type: string; metrics: JsonValue };
        return { result_type: o.result_type, metrics: o.metrics };
      },
    );
  };

  return {
    name: "Template",
    global: {
      functions: {
        list: ([category]) => BUILTIN_TEMPLATES.filter(inCategory("Template.list", category)).map(metadataView),
        info: ([name, showSchema]) => {
          const t = find("Template.info", name);
          return {
            metadata: metadataView(t),
            ...(showSchema === true ? { schema: rsSchemaOf(t.params) as HostValue } : {}),
          };
        },
        schema: ([name]) => {
          const t = find("Template.schema", name);
          return { ...(rsSchemaOf(t.params) as JsonObject), json_schema: jsonSchemaOf(t.params) } as HostValue;
        },
        search: ([query, category]) => {
          const words = check("Template.search", "query", str, query).toLowerCase().split(/\s+/).filter(Boolean);
          const cat = inCategory("Template.search", category);
          return BUILTIN_TEMPLATES.filter((t) => {
            const m = t.metadata;
            const hay = [m.id, m.name, m.description, m.category, ...m.tags].join(" ").toLowerCase();
            return cat(t) && words.every((w) => hay.includes(w));
          }).map(metadataView);
        },
        execute: ([name, params]) => execute(name, params),
        estimate_cost: async ([name, rawParams]) => {
          const t = find("Template.estimate_cost", name);
          const params = readParams(`Template.estimate_cost("${t.metadata.id}")`, t, rawParams);
          const e = t.estimate(params);
          const price = await ctx.models.price(ctx.models.resolve(modelOf(params)).id);
          return {
            estimated_tokens: e.inputTokens + e.outputTokens,
            ...(price
              ? { estimated_cost_usd: (e.inputTokens * price.input + e.outputTokens * price.output) / 1_000_000 }
              : {}),
            estimated_duration_ms: e.agents * MS_PER_AGENT,
            confidence: 0.5,
          };
        },
      },
    },
  };
}
