/**
 * Hook: callbacks that really run at every hook point (rs-llmspell registers them but never calls them).
 * A callback gets `{point, component = {type, name}, data}` and may return `"continue"`, `"skip"`,
 * `{type = "modified", data = ...}` or `{type = "cancel", reason = ...}`.
 */
import * as z from "zod";
import { SpellError } from "@/lib/core/errors";
import { type HostValue, type SpellFunction } from "@/lib/core/engine";
import { type JsonValue } from "@/lib/core/json";
import type { HookOutcome, HookRunner, SpellContext } from "../core/context";
import { spellFunction, table } from "../core/validate";
import { errorMessage, isPlainObject, toJson } from "../core/values";
import type { GlobalModule } from "./module";

export const HOOK_POINTS = [
  "SystemStartup",
  "SystemShutdown",
  "BeforeAgentInit",
  "AfterAgentInit",
  "BeforeAgentExecution",
  "AfterAgentExecution",
  "BeforeAgentShutdown",
  "AfterAgentShutdown",
  "BeforeToolDiscovery",
  "AfterToolDiscovery",
  "BeforeToolExecution",
  "AfterToolExecution",
  "ToolValidation",
  "ToolError",
  "AgentError",
  "BeforeWorkflowStart",
  "WorkflowStageTransition",
  "BeforeWorkflowStage",
  "AfterWorkflowStage",
  "WorkflowCheckpoint",
  "WorkflowRollback",
  "AfterWorkflowComplete",
  "WorkflowError",
] as const;

const HOOK_PRIORITIES = ["highest", "high", "normal", "low", "lowest"] as const;
type Priority = (typeof HOOK_PRIORITIES)[number];

interface RegisteredHook {
  id: string;
  point: string;
  fn: SpellFunction;
  priority: Priority;
  order: number;
  active: boolean;
}

const pointSchema = z.enum(HOOK_POINTS);
const prioritySchema = z.enum(HOOK_PRIORITIES);

export function createHookModule(ctx: SpellContext): GlobalModule & { runner: HookRunner } {
  const hooks: RegisteredHook[] = [];
  let order = 0;
  const { check, handles } = ctx;
  const language = ctx.dialect.language;

  const checkPoint = (where: string, v: unknown): string => {
    if (typeof v === "string" && !(HOOK_POINTS as readonly string[]).includes(v))
      throw new SpellError(
        "not_found",
        `${where}: unknown hook point "${v}" (known points: ${HOOK_POINTS.join(", ")})`,
      );
    return check(where, "hook_point", pointSchema, v);
  };

  const listEntry = (h: RegisteredHook): HostValue => ({
    id: h.id,
    name: h.id,
    hook_point: h.point,
    point: h.point,
    priority: h.priority,
    language,
    version: "1.0.0",
    tags: [],
  });

  const unregister = (h: RegisteredHook) => {
    if (!h.active) return false;
    h.active = false;
    hooks.splice(hooks.indexOf(h), 1);
    return true;
  };

  const runner: HookRunner = {
    async run(point, component, data, parentId): Promise<HookOutcome> {
      const active = hooks
        .filter((h) => h.point === point)
        .sort((a, b) => HOOK_PRIORITIES.indexOf(a.priority) - HOOK_PRIORITIES.indexOf(b.priority) || a.order - b.order);
      let current = data;
      for (const h of active) {
        if (!h.active) continue;
        ctx.throwIfAborted();
        const outcome = await ctx.tracer.run(
          "hook",
          point,
          { parentId, input: { hook: h.id, component } },
          async (span) => {
            const hookCtx: JsonValue = {
              point,
              component: { type: component.type, name: component.name },
              component_id: { type: component.type, name: component.name },
              correlation_id: parentId ?? "",
              language,
              metadata: {},
              data: current,
            };
            let ret: JsonValue;
            try {
              ret = await ctx.inCallback(span.id, () => h.fn.call(hookCtx));
            } catch (e) {
              const kind = e instanceof SpellError ? e.kind : "runtime";
              throw new SpellError(kind, `hook ${h.id} at ${point} failed: ${errorMessage(e)}`);
            }
            return interpret(point, component, ret);
          },
          (o) => o.type,
        );
        if (outcome.type === "skip") return { action: "skip", data: current };
        if (outcome.type === "modified") current = outcome.data;
      }
      return { action: "continue", data: current };
    },
  };

  const hookClass = {
    methods: {
      id: (self: { $handle: number; $class: string }) => handles.get<RegisteredHook>(self, "HookHandle", "hook:id").id,
      hook_point: (self: { $handle: number; $class: string }) =>
        handles.get<RegisteredHook>(self, "HookHandle", "hook:hook_point").point,
      unregister: (self: { $handle: number; $class: string }) =>
        unregister(handles.get<RegisteredHook>(self, "HookHandle", "hook:unregister")),
    },
  };

  return {
    name: "Hook",
    runner,
    classes: { HookHandle: hookClass },
    global: {
      values: {
        Priority: { HIGHEST: "highest", HIGH: "high", NORMAL: "normal", LOW: "low", LOWEST: "lowest" },
        Points: Object.fromEntries(HOOK_POINTS.map((p) => [p, p])),
      },
      functions: {
        register([point, fn, priority]) {
          const p = checkPoint("Hook.register", point);
          const f = check("Hook.register", "callback", spellFunction, fn);
          const pr =
            priority === undefined || priority === null
              ? "normal"
              : check("Hook.register", "priority", prioritySchema, priority);
          const h: RegisteredHook = { id: `hook_${++order}`, point: p, fn: f, priority: pr, order, active: true };
          hooks.push(h);
          return handles.create("HookHandle", h);
        },
        list([filter]) {
          let f: { hook_point?: string; priority?: string; language?: string; tag?: string } = {};
          if (typeof filter === "string") f = { hook_point: checkPoint("Hook.list", filter) };
          else if (filter !== undefined && filter !== null) f = check("Hook.list", "filter", table, filter) as typeof f;
          return hooks
            .filter(
              (h) =>
                (!f.hook_point || h.point === f.hook_point) &&
                (!f.priority || h.priority === f.priority) &&
                (!f.language || f.language === language),
            )
            .map(listEntry);
        },
        unregister([handle]) {
          const h = handles.tryGet<RegisteredHook>(handle, "HookHandle");
          if (!h)
            throw new SpellError(
              "type",
              `Hook.unregister expects a hook handle returned by Hook.register, got ${typeof handle}`,
            );
          return unregister(h);
        },
      },
    },
  };
}

type Interpreted = { type: "continue" } | { type: "skip" } | { type: "modified"; data: { [key: string]: JsonValue } };

function interpret(point: string, component: { type: string; name: string }, ret: JsonValue): Interpreted {
  const cancel = (reason: string): never => {
    throw new SpellError("api", `${point} hook cancelled ${component.type} '${component.name}': ${reason}`);
  };
  if (ret === null || ret === undefined || ret === "continue" || ret === true) return { type: "continue" };
  if (ret === "skip" || ret === "skipped") return { type: "skip" };
  if (ret === "cancel") return cancel("cancelled");
  if (typeof ret === "string") return cancel(ret);
  if (isPlainObject(ret)) {
    const type = ret.type;
    if (type === "continue") return { type: "continue" };
    if (type === "skip" || type === "skipped") return { type: "skip" };
    if (type === "cancel") return cancel(typeof ret.reason === "string" ? ret.reason : "cancelled");
    if (type === "modified" || type === "replace") {
      const data = toJson(ret.data);
      return { type: "modified", data: isPlainObject(data) ? (data as { [key: string]: JsonValue }) : { value: data } };
    }
    throw new SpellError(
      "type",
      `${point} hook returned an unknown result type ${JSON.stringify(type)} (use "continue", "skip", "modified" or "cancel")`,
    );
  }
  throw new SpellError("type", `${point} hook must return "continue", "skip" or a table {type=...}, got ${typeof ret}`);
}
