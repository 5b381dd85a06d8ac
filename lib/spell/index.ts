/**
 * The spell API entry point: `createSpellApi(runtime)` builds the API surface that every engine injects.
 * Everything per-run (handles, agents, registered tools, hooks, subscriptions, budgets) lives inside the
 * object built here; nothing is shared between runs.
 */
import type { ApiSurface } from "@/lib/core/engine";
import { createSpellContext } from "./core/context";
import { createAgentModule } from "./globals/agent";
import { createCompatModules } from "./globals/compat";
import { createConfigModule } from "./globals/config";
import { createDebugModule } from "./globals/debug";
import { createEventModule } from "./globals/event";
import { createHookModule } from "./globals/hook";
import { JSON_JS_PRELUDE, createJsonModule } from "./globals/json";
import type { GlobalModule } from "./globals/module";
import { createProviderModule } from "./globals/provider";
import { createRagModule } from "./globals/rag";
import { createStateModule } from "./globals/state";
import { STREAMING_JS_PRELUDE, STREAMING_LUA_PRELUDE } from "./globals/streaming";
import { createToolModule } from "./globals/tool";
import { createWorkflowModule } from "./globals/workflow";
import type { SpellRuntime } from "./runtime";
import { ARGS_LUA_PRELUDE, positionalArgs } from "./globals/args";
import { createTapeModule, tapeJsPrelude, tapeLuaPrelude } from "./globals/tape";

export type { RunTape, SpellRuntime, StateStore } from "./runtime";
export { DEFAULT_LIMITS } from "../core/limits";

export function createSpellApi(runtime: SpellRuntime): ApiSurface {
  const ctx = createSpellContext(runtime);
  const hook = createHookModule(ctx);
  ctx.hooks = hook.runner;
  const tool = createToolModule(ctx);
  ctx.tools = tool.runner;
  const agent = createAgentModule(ctx);
  const modules: GlobalModule[] = [
    agent,
    tool,
    createWorkflowModule(ctx, agent.runner),
    createStateModule(ctx),
    createRagModule(ctx),
    hook,
    createEventModule(ctx),
    // JavaScript keeps its standard JSON (plus the options object, JSON_JS_PRELUDE); Lua gets the API's.
    ...(runtime.dialect.language === "javascript" ? [] : [createJsonModule(ctx)]),
    createProviderModule(ctx),
    createDebugModule(ctx),
    createConfigModule(ctx),
    ...createCompatModules(ctx),
  ];
  const api: ApiSurface = {
    globals: {},
    classes: {},
    preludes: { lua: STREAMING_LUA_PRELUDE + ARGS_LUA_PRELUDE, javascript: STREAMING_JS_PRELUDE + JSON_JS_PRELUDE },
  };
  // A recorded or replayed run: the spell's clock and random generator come from the tape.
  const tape = runtime.tape;
  if (tape) {
    modules.push(createTapeModule(runtime, tape));
    api.preludes!.lua += tapeLuaPrelude(tape.randomSeed);
    api.preludes!.javascript += tapeJsPrelude(tape.randomSeed);
  }
  for (const m of modules) {
    api.globals[m.name] = m.global;
    Object.assign(api.classes, m.classes ?? {});
  }
  // `ARGS` itself is the engine's to set, from ExecuteOptions.args; the API adds only Lua's positional `arg`.
  const positional = runtime.dialect.language === "lua" ? positionalArgs(runtime.args) : undefined;
  if (positional) api.values = { arg: positional };
  return api;
}
