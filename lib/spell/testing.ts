/**
 * A SpellRuntime for tests, the conformance suite and benchmarks: the mock model, in-memory State, and
 * events to a callback. Every field can be overridden.
 */
import { dialectOf, type SpellDialect, type SpellLanguage } from "@/lib/core/dialect";
import type { JsonValue } from "@/lib/core/json";
import type { RunEvent } from "@/lib/core/events";
import { createDirectLlmClient } from "@/lib/llm/direct";
import type { LlmClient, SamplingParams } from "@/lib/llm/types";
import { clampLimits, type RunLimits } from "../core/limits";
import { sandboxRules, type SandboxPreset } from "../core/sandbox";
import type { SpellRuntime, StateStore } from "./runtime";
import { createMemoryStateStore } from "./state/memory";

export interface TestRuntimeOptions {
  /** The language of the spell under test; Lua by default. */
  engine?: SpellLanguage;
  /** The dialect, when not the built-in one of `engine` (a plugin engine's). */
  dialect?: SpellDialect;
  emit?: (e: RunEvent) => void;
  signal?: AbortSignal;
  llm?: LlmClient;
  state?: StateStore;
  args?: JsonValue;
  limits?: Partial<RunLimits>;
  defaultModel?: string;
  mockAll?: boolean;
  /** Sampling parameters for model calls that set none (the page's model settings). */
  modelDefaults?: SamplingParams;
  /** The run's security preset (its limits are the ceiling of `limits`). */
  sandbox?: SandboxPreset;
}

export function createTestRuntime(opts: TestRuntimeOptions = {}): SpellRuntime {
  const t0 = performance.now();
  return {
    // The in-process client in mock-everything mode, with an empty environment: no key is ever read.
    llm: opts.llm ?? createDirectLlmClient({ mockAll: true, env: {} }),
    state: opts.state ?? createMemoryStateStore(),
    emit: opts.emit ?? (() => {}),
    now: () => performance.now() - t0,
    signal: opts.signal ?? new AbortController().signal,
    limits: clampLimits(opts.limits, sandboxRules(opts.sandbox).limits),
    ...(opts.sandbox ? { sandbox: opts.sandbox } : {}),
    defaultModel: opts.defaultModel ?? "mock/default",
    mockAll: opts.mockAll ?? true,
    ...(opts.modelDefaults ? { modelDefaults: opts.modelDefaults } : {}),
    ...(opts.args !== undefined ? { args: opts.args } : {}),
    engine: opts.engine ?? opts.dialect?.language ?? "lua",
    dialect: opts.dialect ?? dialectOf(opts.engine ?? "lua"),
  };
}
