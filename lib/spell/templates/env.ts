/**
 * What a built-in template runs with: agents it makes for itself (not listed in Agent.list), RAG search,
 * Memory, sessions and artifacts, tools and workflows, all through the run's own API so every call is traced
 * under the template's span, hooked and budgeted like a spell's. It also totals the usage for the metrics.
 */
import { SpellError } from "@/lib/core/errors";
import type { HandleRef, HostValue } from "@/lib/core/engine";
import type { JsonValue } from "@/lib/core/json";
import type { SpellContext } from "../core/context";
import type { JsonObject } from "../core/values";
import type { AgentInstance, AgentRunner } from "../globals/agent";
import type { GlobalModule } from "../globals/module";
import type { MemoryService } from "../memory/service";
import type { SessionService } from "../session/service";

interface AskOptions {
  /** The agent's name in the trace (`research-assistant.synthesizer`). */
  role: string;
  model: string;
  system: string;
  prompt: string;
  tools?: string[];
  /** Earlier turns to send first (a chat's memory). */
  history?: { role: "user" | "assistant"; content: string }[];
}

export interface TemplateEnv {
  /** `Template.execute("<id>")`, for error messages. */
  where: string;
  ask(o: AskOptions): Promise<{ text: string; data?: JsonValue }>;
  /** An agent object for a workflow step (not registered in Agent.list). */
  agentHandle(o: Omit<AskOptions, "prompt" | "history">): HandleRef;
  search(
    query: string,
    options: JsonObject,
  ): Promise<{ id: string; content: string; score: number; metadata: JsonValue }[]>;
  memory: MemoryService;
  sessions: SessionService;
  storeArtifact(
    sessionId: string,
    type: string,
    name: string,
    content: string,
    metadata?: JsonObject,
  ): Promise<JsonValue>;
  tool(name: string, params: JsonObject): Promise<JsonValue>;
  /** Build a workflow from rs-llmspell's table form (`Workflow.sequential{...}`) and execute it. */
  workflow(type: "sequential" | "parallel", config: JsonObject, input: JsonValue): Promise<JsonObject>;
}

export interface TemplateDeps {
  agents: AgentRunner;
  rag: GlobalModule;
  artifact: GlobalModule;
  workflow: GlobalModule;
  memory: MemoryService;
  sessions: SessionService;
}

export interface Usage {
  agents: number;
  inputTokens: number;
  outputTokens: number;
}

export function createTemplateEnv(
  ctx: SpellContext,
  deps: TemplateDeps,
  where: string,
  spanId: string,
  usage: Usage,
): TemplateEnv {
  const newAgent = (o: Omit<AskOptions, "prompt" | "history">): AgentInstance => {
    const r = ctx.models.resolve(o.model);
    return {
      config: {
        name: o.role,
        description: `built-in template agent (${o.role})`,
        model: r.model,
        provider: r.provider,
        systemPrompt: o.system,
        maxConversationLength: 100,
        allowedTools: o.tools ?? [],
        type: "llm",
      },
      history: [],
      metrics: { requests_total: 0, requests_failed: 0, tool_invocations: 0, total_time_ms: 0 },
    };
  };
  const count = (r: JsonObject) => {
    usage.agents++;
    const u = (r.metadata as JsonObject | undefined)?.usage as
      { input_tokens?: number; output_tokens?: number } | undefined;
    usage.inputTokens += u?.input_tokens ?? 0;
    usage.outputTokens += u?.output_tokens ?? 0;
  };
  const inSpan = <T>(fn: () => Promise<T>) => ctx.inCallback(spanId, fn);
  return {
    where,
    async ask(o) {
      const agent = newAgent(o);
      agent.history = (o.history ?? []).map((m) => ({ role: m.role, content: m.content }));
      const r = await deps.agents.execute(agent, { text: o.prompt }, { parentId: spanId });
      count(r);
      return { text: typeof r.text === "string" ? r.text : "", ...(r.data !== undefined ? { data: r.data } : {}) };
    },
    agentHandle(o) {
      const agent = newAgent(o);
      return ctx.handles.create("Agent", agent, { name: agent.config.name });
    },
    async search(query, options) {
      const r = (await inSpan(() =>
        Promise.resolve(deps.rag.global.functions.search([query, options as HostValue])),
      )) as {
        results: { id: string; content: string; score: number; metadata: JsonValue }[];
      };
      return r.results;
    },
    memory: deps.memory,
    sessions: deps.sessions,
    storeArtifact: (sessionId, type, name, content, metadata) =>
      inSpan(
        async () =>
          (await deps.artifact.global.functions.store([
            sessionId,
            type,
            name,
            content,
            (metadata ?? null) as HostValue,
          ])) as JsonValue,
      ),
    tool: (name, params) => ctx.tools.execute(name, params, spanId),
    async workflow(type, config, input) {
      const ref = deps.workflow.global.functions[type]([config as HostValue]) as HandleRef;
      const execute = deps.workflow.classes?.Workflow?.methods.execute;
      if (!execute) throw new SpellError("api", `${where}: workflows are not available`);
      const r = (await inSpan(() => Promise.resolve(execute(ref, [input as HostValue])))) as JsonObject;
      const agentOutputs = ((r.metadata as JsonObject)?.extra as JsonObject)?.agent_outputs as JsonObject | undefined;
      usage.agents += agentOutputs ? Object.keys(agentOutputs).length : 0;
      return r;
    },
  };
}
