/**
 * workflow-orchestrator: run a workflow described as data. Each step is an agent (`prompt`, optional
 * `system_prompt`, `model`) or a tool (`tool`, `input`); the template builds a real Workflow (sequential or
 * parallel) with those steps, so placeholders such as {{steps.a.output}} work and every step is traced.
 */
import { SpellError } from "@/lib/core/errors";
import type { JsonValue } from "@/lib/core/json";
import * as z from "zod";
import type { JsonObject } from "../../core/values";
import type { TemplateDefinition } from "../types";
import { MODEL_PARAM, str, tokensOf } from "./common";

const stepSchema = z.union([
  z.object({
    name: z.string().min(1),
    type: z.literal("agent"),
    prompt: z.string().min(1),
    system_prompt: z.string().optional(),
    model: z.string().min(1).optional(),
  }),
  z.object({
    name: z.string().min(1),
    type: z.literal("tool"),
    tool: z.string().min(1),
    input: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const workflowOrchestrator: TemplateDefinition = {
  metadata: {
    id: "workflow-orchestrator",
    name: "Workflow Orchestrator",
    description: "Run agent and tool steps described as data, in sequence or in parallel, as a real Workflow.",
    category: "Workflow",
    version: "0.1.0",
    author: "LLMSpell Playground",
    requires: [],
    tags: ["workflow", "orchestration", "composition"],
  },
  params: [
    {
      name: "workflow_config",
      description: '{ name?, steps = { { name, type = "agent", prompt } | { name, type = "tool", tool, input } } }',
      type: "object",
      required: true,
    },
    {
      name: "execution_mode",
      description: "How the steps run",
      type: "string",
      default: "sequential",
      allowed: ["sequential", "parallel"],
    },
    { name: "collect_intermediate", description: "Return every step's output", type: "boolean", default: true },
    { name: "max_steps", description: "Most steps to run (1-100)", type: "integer", default: 10, min: 1, max: 100 },
    { name: "input", description: "The workflow's input ({{input}} in step prompts)", type: "any" },
    MODEL_PARAM,
  ],
  estimate: (p) => {
    const steps = ((p.workflow_config as { steps?: unknown[] } | undefined)?.steps ?? []) as {
      type?: string;
      prompt?: string;
    }[];
    const agents = steps.filter((s) => s?.type === "agent");
    return {
      agents: agents.length,
      inputTokens: agents.reduce((n, s) => n + 60 + tokensOf(str(s.prompt)), 0),
      outputTokens: agents.length * 200,
    };
  },
  async run(env, p) {
    const config = p.workflow_config as JsonObject;
    if (!Array.isArray(config.steps) || config.steps.length === 0)
      throw new SpellError("type", `${env.where} expects params.workflow_config.steps to be a non-empty list of steps`);
    if (config.steps.length > Number(p.max_steps))
      throw new SpellError(
        "api",
        `${env.where}: the workflow has ${config.steps.length} steps; max_steps allows ${Number(p.max_steps)}`,
      );
    const steps = config.steps.map((raw, i): JsonValue => {
      const r = stepSchema.safeParse(raw);
      if (!r.success)
        throw new SpellError(
          "type",
          `${env.where} expects params.workflow_config.steps[${i + 1}] to be { name, type = "agent", prompt } or { name, type = "tool", tool, input }`,
        );
      const s = r.data;
      if (s.type === "tool") return { name: s.name, type: "tool", tool: s.tool, input: (s.input ?? {}) as JsonObject };
      const agent = env.agentHandle({
        role: `workflow-orchestrator.${s.name}`,
        model: s.model ?? str(p.model),
        system: s.system_prompt ?? "You are one step of a workflow. Do exactly what the step asks.",
      });
      return { name: s.name, type: "agent", agent: agent as unknown as JsonValue, input: s.prompt };
    });
    const mode = str(p.execution_mode) as "sequential" | "parallel";
    const r = await env.workflow(
      mode,
      { name: typeof config.name === "string" ? config.name : "template-workflow", steps },
      (p.input ?? {}) as JsonValue,
    );
    const extra = (r.metadata as JsonObject).extra as JsonObject;
    const outputs = (extra.step_outputs ?? {}) as JsonObject;
    const names = (config.steps as { name: string }[]).map((s) => s.name);
    return {
      result_type: "structured",
      result: {
        workflow: extra.workflow_name ?? null,
        mode,
        success: r.success ?? true,
        steps_run: extra.successful_steps ?? names.length,
        final_output: outputs[names[names.length - 1]] ?? null,
        ...(p.collect_intermediate === false ? {} : { step_outputs: outputs }),
      },
    };
  },
};
