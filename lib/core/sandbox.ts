/**
 * The security presets, defined once: `standard` (every run until now), `strict` (lower limits and the mock
 * model only, for classrooms and embeds) and `minimal` (strict, and the smallest library set). The runner clamps
 * a run's limits to its preset, the engines enforce the preset's limits and library set whatever the caller
 * asks, the tool registry and the model client refuse what the preset does not allow, and the page, the embed
 * and the CLI pick one. README.md ("Security presets") shows the table.
 */
import { DEFAULT_LIMITS, type RunLimits } from "./limits";

/** From the loosest to the tightest: a later preset allows nothing an earlier one refuses. */
export const SANDBOX_PRESETS = ["standard", "strict", "minimal"] as const;
export type SandboxPreset = (typeof SANDBOX_PRESETS)[number];
const DEFAULT_SANDBOX: SandboxPreset = "standard";

export interface SandboxRules {
  preset: SandboxPreset;
  /** What it is for, in one line (Settings, `llmspell help`). */
  summary: string;
  /** The ceiling of every run limit: a caller or spell may lower a limit further, never raise it. */
  limits: RunLimits;
  /** Models a run may call: any the server offers, or only the built-in `mock/*` provider. */
  models: "any" | "mock";
  /**
   * Built-in tools that remain: all, or only the pure ones (a result that depends on the parameters alone: no
   * clock, no randomness; `ToolDefinition.pure`).
   */
  tools: "all" | "pure";
  /** Code built from strings at run time: Lua's `load`, JavaScript's `eval` and the Function constructors. */
  codeFromStrings: boolean;
  /** Lua's `collectgarbage("count")` (every other option of it is refused in every preset). */
  collectGarbage: boolean;
}

const STRICT_LIMITS: RunLimits = { ...DEFAULT_LIMITS, timeoutMs: 2_000, memoryLimitBytes: 16 * 1024 * 1024 };

const RULES: Record<SandboxPreset, SandboxRules> = {
  standard: {
    preset: "standard",
    summary: "10 s CPU, 64 MiB, every model the server offers, every tool",
    limits: DEFAULT_LIMITS,
    models: "any",
    tools: "all",
    codeFromStrings: true,
    collectGarbage: true,
  },
  strict: {
    preset: "strict",
    summary: "2 s CPU, 16 MiB, mock models only; for classrooms and embeds",
    limits: STRICT_LIMITS,
    models: "mock",
    tools: "all",
    codeFromStrings: true,
    collectGarbage: true,
  },
  minimal: {
    preset: "minimal",
    summary: "strict, and the smallest library: no load/eval, no collectgarbage, pure tools only",
    limits: STRICT_LIMITS,
    models: "mock",
    tools: "pure",
    codeFromStrings: false,
    collectGarbage: false,
  },
};

function isSandboxPreset(value: unknown): value is SandboxPreset {
  return typeof value === "string" && (SANDBOX_PRESETS as readonly string[]).includes(value);
}

/** The rules of a preset; no preset (undefined) is `standard`. */
export function sandboxRules(preset: SandboxPreset | undefined): SandboxRules {
  return RULES[preset ?? DEFAULT_SANDBOX];
}

/** A preset from user input (a flag, a query parameter), or the message that says what is wrong. */
export function parseSandboxPreset(text: string): { ok: true; preset: SandboxPreset } | { ok: false; message: string } {
  const v = text.trim().toLowerCase();
  if (isSandboxPreset(v)) return { ok: true, preset: v };
  return { ok: false, message: `'${text}' is not a sandbox preset (use ${SANDBOX_PRESETS.join(", ")})` };
}

/** The tighter of two presets: what a page that allows `floor` runs when asked for `requested`. */
export function tighterSandbox(floor: SandboxPreset, requested: SandboxPreset | undefined): SandboxPreset {
  if (requested === undefined) return floor;
  return SANDBOX_PRESETS.indexOf(requested) > SANDBOX_PRESETS.indexOf(floor) ? requested : floor;
}

/** One wording for everything a preset refuses, in every engine, the tool registry and the model client. */
export const SANDBOX_MESSAGES = {
  model: (preset: SandboxPreset, model: string) =>
    `the ${preset} sandbox preset allows only mock/* models; '${model}' was refused`,
  tool: (preset: SandboxPreset, tool: string) =>
    `the tool '${tool}' is not available under the ${preset} sandbox preset (it allows only pure tools)`,
  feature: (preset: SandboxPreset, what: string) => `${what} is not available under the ${preset} sandbox preset`,
} as const;
