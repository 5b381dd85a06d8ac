/**
 * Agent: `Agent.builder()...build()`, `agent:execute({text})` with conversation history, streaming (a
 * callback, or a JS async iterator), automatic tool calling with the agent's allowed tools, and
 * `response_format` JSON Schema output parsed into `data`.
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import { type HandleRef, type HostValue, type SpellFunction } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import { splitModelId } from "@/lib/llm/prices";
import type { ChatMessage, LlmRequest, ToolSpec } from "@/lib/llm/types";
import { toModelToolResult } from "@/lib/tools/support";
import { deadlineSignal } from "../core/budget";
import type { SpellContext } from "../core/context";
import { nonEmptyStr, num, posInt, spellFunction, str, table } from "../core/validate";
import { errorMessage, isPlainObject, shortHex, toJson, type JsonObject } from "../core/values";
import type { GlobalModule } from "./module";

const DEFAULT_MAX_TOOL_CALLS = 5;
const DEFAULT_MAX_CONVERSATION_LENGTH = 100;

interface AgentConfig {
  name: string;
  description: string;
  model?: string;
  provider?: string;
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
  maxConversationLength: number;
  baseUrl?: string;
  allowedTools: string[];
  maxToolCalls?: number;
  maxExecutionTimeSecs?: number;
  responseFormat?: JsonObject;
  type: string;
}

export interface AgentInstance {
  config: AgentConfig;
  history: ChatMessage[];
  metrics: { requests_total: number; requests_failed: number; tool_invocations: number; total_time_ms: number };
}

/** Runs an agent: used by `agent:execute` and by workflow agent steps. */
export interface AgentRunner {
  find(name: string): AgentInstance | undefined;
  execute(
    agent: AgentInstance,
    input: JsonObject,
    opts: { parentId?: string; signal?: AbortSignal; onDelta?: (text: string) => Promise<void> | void },
  ): Promise<JsonObject>;
}

/**
 * The reply text as JSON, tolerating a ```json fence; undefined when it is not JSON. Only an object or an array
 * counts unless `anyValue` (a response_format schema may ask for a number, a string...).
 */
function parseJsonReply(text: string, anyValue = false): JsonValue | undefined {
  const t = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  if (!t || (!anyValue && !/^[[{]/.test(t))) return undefined;
  try {
    return JSON.parse(t) as JsonValue;
  } catch {
    return undefined;
  }
}

/** History cut to a length may start mid-turn; drop messages until the first user message. */
function startAtUserTurn(messages: ChatMessage[]): ChatMessage[] {
  const i = messages.findIndex((m) => m.role === "user");
  return i < 0 ? [] : messages.slice(i);
}

function newConfig(random: () => number): AgentConfig {
  return {
    name: `agent_${shortHex(random)}`,
    description: "LLM-powered agent",
    maxConversationLength: DEFAULT_MAX_CONVERSATION_LENGTH,
    allowedTools: [],
    type: "llm",
  };
}

export function createAgentModule(ctx: SpellContext): GlobalModule & { runner: AgentRunner } {
  const { check, handles } = ctx;
  const agents = new Map<string, AgentInstance>();

  const inputOf = (where: string, input: unknown): JsonObject => {
    if (typeof input === "string") return { text: input };
    const obj = check(where, "input", table, input) as JsonObject;
    check(where, "input.text", str, obj.text);
    return ctx.jsonArg(obj, where, "input", "sent to an agent") as JsonObject;
  };

  const toolSpecs = (agent: AgentInstance): ToolSpec[] =>
    agent.config.allowedTools.map((n) => {
      const spec = ctx.tools.spec(n);
      if (!spec)
        throw new SpellError("not_found", `agent '${agent.config.name}' allows tool '${n}', which does not exist`);
      return spec;
    });

  const runner: AgentRunner = {
    find: (name) => agents.get(name),
    async execute(agent, rawInput, { parentId, signal, onDelta }) {
      ctx.throwIfAborted();
      const cfg = agent.config;
      const { provider, id: modelId } = ctx.models.resolve(cfg.model, cfg.provider);
      return ctx.tracer.run(
        "agent",
        cfg.name,
        { parentId, input: rawInput, model: modelId },
        async (span) => {
          const component = { type: "agent", name: cfg.name };
          const started = ctx.runtime.now();
          agent.metrics.requests_total++;
          const before = await ctx.hooks.run(
            "BeforeAgentExecution",
            component,
            { agent: cfg.name, input: rawInput },
            span.id,
          );
          if (before.action === "skip")
            return {
              text: "",
              skipped: true,
              metadata: { model: modelId, provider, skipped_by_hook: "BeforeAgentExecution" },
            } as JsonObject;
          const input = isPlainObject(before.data.input) ? (before.data.input as JsonObject) : rawInput;
          const text = typeof input.text === "string" ? input.text : "";
          const deadline = deadlineSignal(
            signal ?? ctx.runtime.signal,
            cfg.maxExecutionTimeSecs !== undefined ? cfg.maxExecutionTimeSecs * 1000 : undefined,
          );
          try {
            const result = await runConversation(agent, text, input, {
              modelId,
              spanId: span.id,
              signal: deadline.signal,
              onDelta,
            });
            result.metadata = {
              ...(result.metadata as JsonObject),
              execution_time_ms: Math.round(ctx.runtime.now() - started),
            };
            agent.metrics.total_time_ms += ctx.runtime.now() - started;
            const after = await ctx.hooks.run(
              "AfterAgentExecution",
              component,
              { agent: cfg.name, input, output: result },
              span.id,
            );
            return isPlainObject(after.data.output) ? (after.data.output as JsonObject) : result;
          } catch (e) {
            agent.metrics.requests_failed++;
            let err = e instanceof SpellError ? e : new SpellError("runtime", errorMessage(e));
            if (deadline.timedOut())
              err = new SpellError(
                "timeout",
                `agent '${cfg.name}' exceeded max_execution_time (${cfg.maxExecutionTimeSecs} s)`,
              );
            if (err.kind !== "cancelled")
              await ctx.hooks.run(
                "AgentError",
                component,
                { agent: cfg.name, error: { kind: err.kind, message: err.message } },
                span.id,
              );
            throw err;
          } finally {
            deadline.dispose();
          }
        },
        (r) => ({ text: r.text ?? null, ...(r.data !== undefined ? { data: r.data } : {}) }),
      );
    },
  };

  async function runConversation(
    agent: AgentInstance,
    text: string,
    input: JsonObject,
    o: { modelId: string; spanId: string; signal: AbortSignal; onDelta?: (t: string) => Promise<void> | void },
  ): Promise<JsonObject> {
    const cfg = agent.config;
    const system = cfg.systemPrompt ?? `You are ${cfg.name}, an AI assistant. ${cfg.description}`;
    const maxHistory = Math.max(0, cfg.maxConversationLength);
    const earlier = maxHistory === 0 ? [] : startAtUserTurn(agent.history.slice(-maxHistory));
    const userMsg: ChatMessage = { role: "user", content: text };
    const messages: ChatMessage[] = [{ role: "system", content: system }, ...earlier, userMsg];
    const tools = toolSpecs(agent);
    const maxToolCalls = Math.min(cfg.maxToolCalls ?? DEFAULT_MAX_TOOL_CALLS, ctx.runtime.limits.maxToolCalls);
    const params = isPlainObject(input.parameters) ? (input.parameters as JsonObject) : {};
    const temperature = typeof params.temperature === "number" ? params.temperature : cfg.temperature;
    const maxTokens = typeof params.max_tokens === "number" ? params.max_tokens : cfg.maxTokens;
    // For the trace's request view: `execute`'s own parameters, else the agent's config (models.ts fills the rest).
    const paramSources = {
      temperature: typeof params.temperature === "number" ? ("call" as const) : ("agent" as const),
      maxTokens: typeof params.max_tokens === "number" ? ("call" as const) : ("agent" as const),
    };
    const toolCalls: JsonObject[] = [];
    const usage = { input_tokens: 0, output_tokens: 0 };
    const turn: ChatMessage[] = [userMsg];
    let finalText = "";
    let finishReason: string = "stop";
    let model = o.modelId;
    for (;;) {
      const offerTools = tools.length > 0 && toolCalls.length < maxToolCalls;
      const request: LlmRequest = {
        model: o.modelId,
        messages,
        ...(offerTools ? { tools } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(maxTokens !== undefined ? { maxTokens } : {}),
        ...(cfg.responseFormat ? { responseFormat: cfg.responseFormat } : {}),
      };
      const res = await ctx.models.call({
        request,
        parentId: o.spanId,
        streamTraceId: o.spanId,
        paramSources,
        signal: o.signal,
        onDelta: o.onDelta,
      });
      model = res.model;
      usage.input_tokens += res.usage.inputTokens;
      usage.output_tokens += res.usage.outputTokens;
      finishReason = res.finishReason;
      if (res.toolCalls.length === 0 || !offerTools) {
        finalText = res.text;
        break;
      }
      const calls = res.toolCalls.slice(0, maxToolCalls - toolCalls.length);
      const assistant: ChatMessage = { role: "assistant", content: res.text, toolCalls: calls };
      messages.push(assistant);
      turn.push(assistant);
      for (const call of calls) {
        agent.metrics.tool_invocations++;
        let output: JsonValue;
        let failed = false;
        try {
          if (!cfg.allowedTools.some((n) => ctx.tools.resolveName(n) === ctx.tools.resolveName(call.name)))
            throw new SpellError(
              "tool",
              `the model asked for tool '${call.name}', which agent '${cfg.name}' does not allow`,
            );
          output = await ctx.tools.execute(call.name, call.input, o.spanId, o.signal);
        } catch (e) {
          if (e instanceof SpellError && (e.kind === "cancelled" || e.kind === "timeout")) throw e;
          failed = true;
          output = { success: false, error: { message: errorMessage(e) } };
        }
        toolCalls.push({ id: call.id, name: call.name, input: call.input, output, ...(failed ? { error: true } : {}) });
        const toolMsg: ChatMessage = {
          role: "tool",
          toolCallId: call.id,
          toolName: call.name,
          output: toModelToolResult(output),
        };
        messages.push(toolMsg);
        turn.push(toolMsg);
      }
    }
    const assistantReply: ChatMessage = { role: "assistant", content: finalText };
    turn.push(assistantReply);
    agent.history.push(...turn);
    if (agent.history.length > maxHistory) agent.history.splice(0, agent.history.length - maxHistory);
    // Never keep a tool result or assistant reply whose question was cut away (providers reject orphan tool results).
    const kept = startAtUserTurn(agent.history);
    agent.history.splice(0, agent.history.length - kept.length);

    const result: JsonObject = {
      text: finalText,
      metadata: {
        model,
        // The provider of the model actually called: under "mock every model" that is the mock, not the one asked for.
        provider: splitModelId(model).provider,
        agent_name: cfg.name,
        usage,
        finish_reason: finishReason,
        tool_calls: toolCalls,
      },
    };
    const parsed = parseJsonReply(finalText, cfg.responseFormat !== undefined);
    if (cfg.responseFormat) {
      if (parsed === undefined)
        throw new SpellError(
          "provider",
          `agent '${cfg.name}': the reply is not JSON, but response_format asks for JSON: ${finalText.slice(0, 200)}`,
        );
      const validate = ctx.ajv().compile(cfg.responseFormat);
      if (!validate(parsed)) {
        const err = validate.errors?.[0];
        throw new SpellError(
          "provider",
          `agent '${cfg.name}': the reply does not match response_format: ${err ? `${err.instancePath || "(root)"} ${err.message}` : "invalid"}`,
        );
      }
      result.data = parsed;
    } else if (parsed !== undefined) {
      result.data = parsed;
    }
    return result;
  }

  // ----- builder -----
  const B = "AgentBuilder";
  const builderOf = (self: HandleRef, m: string) => handles.get<{ cfg: AgentConfig }>(self, B, `Agent.builder():${m}`);
  const setter =
    <S extends z.ZodType>(m: string, schema: S, apply: (cfg: AgentConfig, v: z.output<S>) => void) =>
    (self: HandleRef, [v]: HostValue[]) => {
      const b = builderOf(self, m);
      apply(b.cfg, check(`Agent.builder():${m}`, undefined, schema, v));
      return self;
    };

  const agentHandle = (a: AgentInstance): HandleRef =>
    handles.refOf(a) ?? handles.create("Agent", a, { name: a.config.name });
  const agentOf = (self: HandleRef, m: string) => handles.get<AgentInstance>(self, "Agent", `agent:${m}`);

  const register = (cfg: AgentConfig): AgentInstance => {
    if (!cfg.model && !cfg.provider && !ctx.runtime.defaultModel) throw new SpellError("api", "Model is required");
    const a: AgentInstance = {
      config: { ...cfg, allowedTools: [...cfg.allowedTools] },
      history: [],
      metrics: { requests_total: 0, requests_failed: 0, tool_invocations: 0, total_time_ms: 0 },
    };
    agents.set(cfg.name, a);
    return a;
  };

  const streamAgent = (self: HandleRef, [input, cb]: HostValue[], where: string): HostValue | Promise<HostValue> => {
    const agent = agentOf(self, where);
    const inp = inputOf(`agent:${where}`, input);
    if (cb !== undefined && cb !== null) {
      const fn: SpellFunction = check(`agent:${where}`, "callback", spellFunction, cb);
      let chunks = 0;
      return runner
        .execute(agent, inp, {
          parentId: ctx.ambientParent(),
          onDelta: async (text) => {
            chunks++;
            await fn.call({ text });
          },
        })
        .then((r) => (where === "invokeStream" ? { ...r, success: true, chunks_received: chunks } : r));
    }
    // No callback: a stream object (a JS async iterator; `s:next()` in Lua), `s:result()` gives the final table.
    const queue: (JsonValue | null)[] = [];
    const waiters: ((v: JsonValue | null) => void)[] = [];
    let failure: unknown;
    const push = (v: JsonValue | null) => {
      const w = waiters.shift();
      if (w) w(v);
      else queue.push(v);
    };
    const done = runner.execute(agent, inp, { parentId: ctx.ambientParent(), onDelta: (text) => push({ text }) });
    done.then(
      () => push(null),
      (e) => {
        failure = e;
        push(null);
      },
    );
    done.catch(() => {});
    const stream = {
      next: async (): Promise<JsonValue | null> => {
        const v = queue.length > 0 ? queue.shift()! : await new Promise<JsonValue | null>((r) => waiters.push(r));
        if (v === null) {
          queue.push(null);
          if (failure) throw failure;
        }
        return v;
      },
      result: () => done,
    };
    return handles.create("AgentStream", stream);
  };

  return {
    name: "Agent",
    runner,
    classes: {
      [B]: {
        methods: {
          name: setter("name", nonEmptyStr, (c, v) => (c.name = v)),
          description: setter("description", str, (c, v) => (c.description = v)),
          model: setter("model", nonEmptyStr, (c, v) => {
            const i = v.indexOf("/");
            if (i > 0) {
              c.provider = v.slice(0, i);
              c.model = v.slice(i + 1);
            } else c.model = v;
          }),
          provider: setter("provider", nonEmptyStr, (c, v) => (c.provider = v)),
          system_prompt: setter("system_prompt", str, (c, v) => (c.systemPrompt = v)),
          temperature: setter("temperature", num.pipe(z.number().min(0).max(2)), (c, v) => (c.temperature = v)),
          max_tokens: setter("max_tokens", posInt, (c, v) => (c.maxTokens = v)),
          max_conversation_length: setter(
            "max_conversation_length",
            z.number().int().nonnegative(),
            (c, v) => (c.maxConversationLength = v),
          ),
          base_url: setter("base_url", str, (c, v) => (c.baseUrl = v)),
          api_key: setter("api_key", str, () => {
            throw new SpellError(
              "unsupported_feature",
              "Agent.builder():api_key is not supported here: keys live on the server (or in the BYOK setting)",
            );
          }),
          allow_tool: setter("allow_tool", nonEmptyStr, (c, v) => {
            if (!c.allowedTools.includes(v)) c.allowedTools.push(v);
          }),
          allowed_tools: setter("allowed_tools", z.array(nonEmptyStr), (c, v) => (c.allowedTools = [...new Set(v)])),
          max_tool_calls: setter("max_tool_calls", z.number().int().nonnegative(), (c, v) => (c.maxToolCalls = v)),
          max_execution_time: setter(
            "max_execution_time",
            num.pipe(z.number().positive()),
            (c, v) => (c.maxExecutionTimeSecs = v),
          ),
          max_memory_mb: setter("max_memory_mb", num, () => {}),
          max_recursion_depth: setter("max_recursion_depth", num, () => {}),
          resource_limits: setter("resource_limits", table, (c, v) => {
            if (typeof v.max_execution_time_secs === "number") c.maxExecutionTimeSecs = v.max_execution_time_secs;
            if (typeof v.max_tool_calls === "number") c.maxToolCalls = v.max_tool_calls;
          }),
          custom_config: setter("custom_config", table, (c, v) => {
            if (typeof v.system_prompt === "string") c.systemPrompt = v.system_prompt;
            if (typeof v.max_conversation_length === "number") c.maxConversationLength = v.max_conversation_length;
          }),
          response_format: setter("response_format", table, (c, v) => {
            const schema = ctx.jsonArg(
              v,
              "Agent.builder():response_format",
              "schema",
              "part of a JSON Schema",
            ) as JsonObject;
            try {
              ctx.ajv().compile(schema);
            } catch (e) {
              throw new SpellError("type", `Agent.builder():response_format expects a JSON Schema: ${errorMessage(e)}`);
            }
            c.responseFormat = schema;
          }),
          type: setter("type", str, (c, v) => (c.type = v)),
          build: (self) => agentHandle(register(builderOf(self, "build").cfg)),
        },
      },
      Agent: {
        methods: {
          execute: (self, [input]) =>
            runner.execute(agentOf(self, "execute"), inputOf("agent:execute", input), {
              parentId: ctx.ambientParent(),
            }),
          stream: (self, args) => streamAgent(self, args, "stream"),
          invokeStream: (self, args) => streamAgent(self, args, "invokeStream"),
          invokeTool: (self, [name, params]) => {
            agentOf(self, "invokeTool");
            return ctx.tools.execute(
              check("agent:invokeTool", "tool_name", str, name),
              ctx.jsonArg(params, "agent:invokeTool", "params", "passed to a tool"),
              ctx.ambientParent(),
            );
          },
          discover_tools: (self) => [...agentOf(self, "discover_tools").config.allowedTools],
          has_tool: (self, [name]) =>
            agentOf(self, "has_tool").config.allowedTools.includes(check("agent:has_tool", "name", str, name)),
          get_tool_metadata: (self, [name]) => {
            const a = agentOf(self, "get_tool_metadata");
            const n = check("agent:get_tool_metadata", "name", str, name);
            const spec = a.config.allowedTools.includes(n) ? ctx.tools.spec(n) : undefined;
            return spec ? { name: spec.name, description: spec.description, version: "1.0.0" } : null;
          },
          get_config: (self) => configView(agentOf(self, "get_config").config),
          get_history: (self) => agentOf(self, "get_history").history.map((m) => toJson(m)),
          clear_history: (self) => {
            agentOf(self, "clear_history").history.length = 0;
            return true;
          },
          get_metrics: (self) => {
            const a = agentOf(self, "get_metrics");
            return { agent_id: a.config.name, ...a.metrics, requests_active: 0 };
          },
          get_state: () => "Ready",
          destroy: (self) => {
            const a = agentOf(self, "destroy");
            agents.delete(a.config.name);
            handles.release(self);
            return true;
          },
        },
      },
      AgentStream: {
        asyncIteratorNext: "next",
        methods: {
          next: (self) =>
            handles.get<{ next: () => Promise<JsonValue | null> }>(self, "AgentStream", "stream:next").next(),
          result: (self) =>
            handles.get<{ result: () => Promise<JsonObject> }>(self, "AgentStream", "stream:result").result(),
        },
      },
    },
    global: {
      functions: {
        builder: () => handles.create(B, { cfg: newConfig(ctx.random) }),
        create: () => {
          throw new SpellError(
            "api",
            'Agent.create() is deprecated. Use Agent.builder() instead: Agent.builder():name("a"):model("mock/echo"):build()',
          );
        },
        register: ([cfg]) => {
          const c = check("Agent.register", "config", table, cfg) as JsonObject;
          const conf = newConfig(ctx.random);
          if (typeof c.name === "string") conf.name = c.name;
          if (typeof c.description === "string") conf.description = c.description;
          const m = isPlainObject(c.model) ? (c.model as JsonObject) : {};
          if (typeof c.model === "string") {
            const r = ctx.models.resolve(c.model);
            conf.provider = r.provider;
            conf.model = r.model;
          }
          if (typeof m.provider === "string") conf.provider = m.provider;
          if (typeof m.model_id === "string") conf.model = m.model_id;
          if (typeof m.temperature === "number") conf.temperature = m.temperature;
          if (typeof m.max_tokens === "number") conf.maxTokens = m.max_tokens;
          if (Array.isArray(c.allowed_tools))
            conf.allowedTools = c.allowed_tools.filter((x): x is string => typeof x === "string");
          const cc = isPlainObject(c.custom_config) ? (c.custom_config as JsonObject) : {};
          if (typeof cc.system_prompt === "string") conf.systemPrompt = cc.system_prompt;
          if (typeof c.system_prompt === "string") conf.systemPrompt = c.system_prompt;
          return register(conf).config.name;
        },
        get: ([name]) => {
          const a = agents.get(check("Agent.get", "name", str, name));
          return a ? agentHandle(a) : null;
        },
        list: () =>
          [...agents.values()].map((a) => ({
            name: a.config.name,
            model: ctx.models.resolve(a.config.model, a.config.provider).id,
            type: a.config.type,
          })),
        list_instances: () => [...agents.keys()],
        discover: () => [{ type: "llm" }, { type: "basic" }, { type: "tool-orchestrator" }],
        list_templates: () => ["llm", "basic", "tool-orchestrator"],
      },
    },
  };

  function configView(c: AgentConfig): JsonObject {
    const r = ctx.models.resolve(c.model, c.provider);
    return {
      name: c.name,
      description: c.description,
      model: r.id,
      provider: r.provider,
      ...(c.systemPrompt !== undefined ? { system_prompt: c.systemPrompt } : {}),
      ...(c.temperature !== undefined ? { temperature: c.temperature } : {}),
      ...(c.maxTokens !== undefined ? { max_tokens: c.maxTokens } : {}),
      max_conversation_length: c.maxConversationLength,
      allowed_tools: c.allowedTools,
      max_tool_calls: c.maxToolCalls ?? DEFAULT_MAX_TOOL_CALLS,
      ...(c.responseFormat ? { response_format: c.responseFormat } : {}),
    };
  }
}
