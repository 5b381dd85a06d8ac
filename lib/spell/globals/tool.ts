/**
 * Tool: the built-in tools (lib/tools) plus tools the spell registers with `Tool.register`, run with
 * hooks (BeforeToolExecution, AfterToolExecution, ToolError) and a `tool` trace span.
 */
import * as z from "zod";
import { STOP_MESSAGES } from "@/lib/core/run-guard";
import { SpellError } from "@/lib/core/errors";
import { type HandleRef, type HostValue, type SpellFunction } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import { SANDBOX_MESSAGES, sandboxRules } from "@/lib/core/sandbox";
import { countModuleLoads, findRefusedTool, findTool, listTools, toolCategories } from "@/lib/tools";
import type { ToolDefinition } from "@/lib/tools/types";
import type { SpellContext, ToolRunner } from "../core/context";
import { spellFunction, str, table } from "../core/validate";
import { errorMessage, isPlainObject, toJson, type JsonObject } from "../core/values";
import type { GlobalModule } from "./module";

interface RegisteredTool {
  name: string;
  description: string;
  category: string;
  tags: string[];
  schema: JsonObject;
  fn: SpellFunction;
  validate?: (params: unknown) => string | undefined;
}

interface ToolView {
  name: string;
  description: string;
  category: string;
  tags: string[];
  schema: JsonObject;
  builtin: boolean;
}

const registerSchema = z.looseObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "a name made of letters, digits, _ and - (at most 64)" }),
  description: z.string().optional(),
  category: z.string().optional(),
  tags: z.array(str).optional(),
  parameters: table.optional(),
  execute: spellFunction,
});

/** The `schema` a spell sees: the JSON Schema plus rs-llmspell's `{name, type, description, required}` list. */
function schemaView(t: ToolView): JsonObject {
  const props = isPlainObject(t.schema.properties) ? (t.schema.properties as Record<string, JsonObject>) : {};
  const required = Array.isArray(t.schema.required) ? (t.schema.required as string[]) : [];
  return {
    name: t.name,
    description: t.description,
    parameters: Object.entries(props).map(([name, p]) => ({
      name,
      type: typeof p.type === "string" ? p.type : "any",
      description: typeof p.description === "string" ? p.description : "",
      required: required.includes(name),
      ...(p.default !== undefined ? { default: p.default } : {}),
    })),
    json_schema: t.schema,
  };
}

export function createToolModule(ctx: SpellContext): GlobalModule & { runner: ToolRunner } {
  const { check, handles } = ctx;
  const registered = new Map<string, RegisteredTool>();
  // The run's sandbox preset decides which built-in tools are there at all (`minimal`: the pure ones).
  const sandbox = ctx.runtime.sandbox;

  const viewOf = (name: string): ToolView | undefined => {
    const r = registered.get(name);
    if (r)
      return {
        name: r.name,
        description: r.description,
        category: r.category,
        tags: r.tags,
        schema: r.schema,
        builtin: false,
      };
    const b = findTool(name, sandbox) ?? findTool(name.replace(/_/g, "-"), sandbox);
    if (b)
      return {
        name: b.name,
        description: b.description,
        category: b.category,
        tags: b.tags ?? [],
        schema: b.schema,
        builtin: true,
      };
    return undefined;
  };

  const allViews = (): ToolView[] => [
    ...listTools(sandbox).map((b: ToolDefinition) => viewOf(b.name)!),
    ...[...registered.keys()].map((n) => viewOf(n)!),
  ];

  const resolveName = (name: string) => viewOf(name)?.name;

  const runOne = async (name: string, params: JsonObject, signal: AbortSignal, spanId: string): Promise<JsonValue> => {
    const r = registered.get(name);
    if (r) {
      const problem = r.validate?.(params);
      if (problem) throw new SpellError("tool", `Tool execution failed: ${name}: ${problem}`);
      try {
        const out = await ctx.inCallback(spanId, () => r.fn.call(params));
        return out === undefined ? null : out;
      } catch (e) {
        if (e instanceof SpellError && e.kind === "cancelled") throw e;
        throw new SpellError("tool", `Tool execution failed: ${name}: ${errorMessage(e)}`);
      }
    }
    const b = findTool(name, sandbox)!;
    // A built-in tool's computation is the spell's CPU: it is charged to the run's meter (a first module load
    // is the host's cost and is not), and the tool is told how much is left.
    const { cpu, limits } = ctx.runtime;
    const loadsBefore = countModuleLoads();
    const started = performance.now();
    const charge = () => {
      if (!cpu) return;
      if (countModuleLoads() === loadsBefore) cpu.charge(performance.now() - started);
      // Past the limit the run is over, whatever the tool said: the engine stops the spell at its next check.
      if (cpu.exceeds(limits.timeoutMs)) throw new SpellError("timeout", STOP_MESSAGES.cpu(limits.timeoutMs));
    };
    let result: JsonValue;
    try {
      const cpuBudgetMs = cpu ? Math.max(1, Math.round(limits.timeoutMs - cpu.elapsedMs())) : undefined;
      const live = () => b.execute(params, { signal, ...(cpuBudgetMs !== undefined ? { cpuBudgetMs } : {}) });
      // A result that is not a pure function of the parameters is recorded, or answered from the recording.
      const tape = ctx.runtime.tape;
      result = tape && b.nondeterministic?.(params) ? await tape.tool(b.name, params, live) : await live();
    } catch (e) {
      charge();
      if (e instanceof SpellError) throw e;
      throw new SpellError("tool", `Tool execution failed: ${errorMessage(e)}`);
    }
    charge();
    return result;
  };

  const runner: ToolRunner = {
    resolveName,
    spec(name) {
      const v = viewOf(name);
      return v && { name: v.name, description: v.description, parameters: v.schema };
    },
    async execute(rawName, rawParams, parentId, signal = ctx.runtime.signal) {
      ctx.throwIfAborted();
      const name = resolveName(rawName);
      if (!name) {
        const refused = findRefusedTool(rawName, sandbox) ?? findRefusedTool(rawName.replace(/_/g, "-"), sandbox);
        if (refused) {
          throw new SpellError(
            "unsupported_feature",
            SANDBOX_MESSAGES.tool(sandboxRules(sandbox).preset, refused.name),
          );
        }
        throw new SpellError("not_found", `Tool '${rawName}' not found`);
      }
      let params = (rawParams === undefined || rawParams === null ? {} : toJson(rawParams)) as JsonObject;
      return ctx.tracer.run("tool", name, { parentId, input: params }, async (span) => {
        const component = { type: "tool", name };
        const before = await ctx.hooks.run("BeforeToolExecution", component, { tool: name, params }, span.id);
        if (before.action === "skip")
          return {
            success: false,
            skipped: true,
            operation: String(params.operation ?? ""),
            message: "skipped by a BeforeToolExecution hook",
          };
        params = (isPlainObject(before.data.params) ? before.data.params : params) as JsonObject;
        let result: JsonValue;
        try {
          result = await runOne(name, params, signal, span.id);
        } catch (e) {
          const err = e instanceof SpellError ? e : new SpellError("tool", errorMessage(e));
          if (err.kind !== "cancelled")
            await ctx.hooks.run(
              "ToolError",
              component,
              { tool: name, params, error: { kind: err.kind, message: err.message } },
              span.id,
            );
          throw err;
        }
        const after = await ctx.hooks.run("AfterToolExecution", component, { tool: name, params, result }, span.id);
        if ("result" in after.data) result = after.data.result;
        return result;
      });
    },
  };

  const toolHandle = (v: ToolView): HandleRef =>
    handles.create("Tool", v, {
      name: v.name,
      description: v.description,
      category: v.category,
      version: "1.0.0",
      schema: schemaView(v),
    });
  const viewOfHandle = (self: HandleRef, where: string) => handles.get<ToolView>(self, "Tool", where);

  const nameArg = (where: string, v: unknown) => check(where, "name", str, v);
  const paramsArg = (where: string, v: unknown) =>
    v === undefined || v === null
      ? {}
      : (ctx.jsonArg(check(where, "params", table, v), where, "params", "passed to a tool") as JsonObject);

  const listEntry = (v: ToolView): HostValue => ({
    name: v.name,
    description: v.description,
    category: v.category,
    version: "1.0.0",
    tags: v.tags,
  });

  const execute = ([name, params]: HostValue[]) =>
    runner.execute(nameArg("Tool.execute", name), paramsArg("Tool.execute", params), ctx.ambientParent());

  return {
    name: "Tool",
    runner,
    classes: {
      Tool: {
        methods: {
          execute: (self, [params]) =>
            runner.execute(
              viewOfHandle(self, "tool:execute").name,
              paramsArg("tool:execute", params),
              ctx.ambientParent(),
            ),
          getSchema: (self) => schemaView(viewOfHandle(self, "tool:getSchema")),
          get_schema: (self) => schemaView(viewOfHandle(self, "tool:get_schema")),
        },
      },
    },
    global: {
      functions: {
        execute,
        invoke: execute,
        list: () => allViews().map(listEntry),
        get([name]) {
          const v = viewOf(nameArg("Tool.get", name));
          return v ? toolHandle(v) : null;
        },
        exists: ([name]) => viewOf(nameArg("Tool.exists", name)) !== undefined,
        categories: () =>
          [...new Set([...toolCategories(), ...[...registered.values()].map((r) => r.category)])].sort(),
        discover([filter]) {
          const f =
            filter === undefined || filter === null
              ? {}
              : (check("Tool.discover", "filter", table, filter) as Record<string, unknown>);
          const category =
            f.category === undefined ? undefined : check("Tool.discover", "filter.category", str, f.category);
          const tag = f.tag === undefined ? undefined : check("Tool.discover", "filter.tag", str, f.tag).toLowerCase();
          return allViews()
            .filter((v) => !category || v.category === category)
            .filter(
              (v) => !tag || v.tags.some((t) => t.toLowerCase() === tag) || v.description.toLowerCase().includes(tag),
            )
            .map(listEntry);
        },
        register([def]) {
          const d = check("Tool.register", "definition", registerSchema, def);
          if (viewOf(d.name)) throw new SpellError("api", `Tool.register: a tool named '${d.name}' already exists`);
          const schema = (
            d.parameters
              ? ctx.jsonArg(d.parameters, "Tool.register", "definition.parameters", "part of a JSON Schema")
              : { type: "object", properties: {} }
          ) as JsonObject;
          let validate: RegisteredTool["validate"];
          if (d.parameters) {
            let compiled: ReturnType<ReturnType<SpellContext["ajv"]>["compile"]>;
            try {
              compiled = ctx.ajv().compile(schema);
            } catch (e) {
              throw new SpellError(
                "type",
                `Tool.register expects definition.parameters to be a JSON Schema: ${errorMessage(e)}`,
              );
            }
            validate = (params) => {
              if (compiled(params)) return undefined;
              const err = compiled.errors?.[0];
              if (!err) return "invalid parameters";
              if (err.keyword === "required")
                return `missing required parameter '${String(err.params.missingProperty)}'`;
              const at = err.instancePath.replace(/^\//, "").replace(/\//g, ".");
              return `parameter '${at || "params"}' ${err.message ?? "is invalid"}`;
            };
          }
          registered.set(d.name, {
            name: d.name,
            description: d.description ?? "",
            category: d.category ?? "custom",
            tags: d.tags ?? [],
            schema,
            fn: d.execute,
            validate,
          });
          return d.name;
        },
      },
    },
  };
}
