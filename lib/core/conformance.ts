/**
 * One conformance case: the same behaviour written in Lua and in JavaScript, with one expected result,
 * run against both built-in engines by `lib/runner/conformance.test.ts`.
 */
import type { SpellDialect } from "./dialect";
import type { ApiSurface } from "./engine";
import type { JsonValue } from "./json";
import type { RunEvent } from "./events";
import type { SpellErrorKind } from "./errors";
import type { Breakpoint, DebugAction, PauseReason } from "./debug";
import type { SandboxPreset } from "./sandbox";

export interface ConformanceCase {
  name: string;
  lua: string;
  js: string;
  args?: JsonValue;
  timeoutMs?: number;
  wallTimeoutMs?: number;
  memoryLimitBytes?: number;
  maxOutputBytes?: number;
  /** The security preset the engine runs the case under (an API case's runtime takes it too: `runtime.sandbox`). */
  sandbox?: SandboxPreset;
  /** Abort the run this many ms after it starts. */
  cancelAfterMs?: number;
  /** Build the API to inject for this case (cases of the spell API use `createSpellApi`). */
  makeApi?: (ctx: { dialect: SpellDialect; emit: (e: RunEvent) => void; signal: AbortSignal }) => ApiSurface;
  expect: {
    /** The spell's return value (deep-equal). */
    value?: JsonValue;
    /** Exact log lines, in order. */
    logs?: string[];
    /** Log lines that must appear, in order, among others. */
    logsInclude?: string[];
    error?: { kind: SpellErrorKind; line?: number; messageIncludes?: string };
    /** Extra check on the whole run, for what the fields above cannot say. */
    check?: (run: { value?: JsonValue; logs: string[]; events: RunEvent[]; durationMs: number }) => void;
  };
}

/** One pause a debug conformance case expects, and what the client does there. */
export interface ExpectedPause {
  reason: PauseReason;
  line: number;
  /** Function names of the call stack, innermost first. */
  frames?: string[];
  frameLines?: number[];
  /** Variables of the paused frame's first scope (values as the debugger shows them). */
  locals?: Record<string, string>;
  /** Variables of an enclosing function (Lua upvalues, JavaScript closure). */
  closure?: Record<string, string>;
  /** Names found in any scope of the frame (top-level names: Lua locals, JavaScript module names). */
  globalsOrLocals?: Record<string, string>;
  /** Expressions evaluated in the paused frame and the values they show. */
  evaluate?: Record<string, string>;
  /** A pause at a host call (a step into it: `request`) or right after one (a step over it: `response`). */
  hostCall?: { name: string; phase: "request" | "response"; includes?: string };
  /** Hold the pause this long before answering (limits must not count it). */
  holdMs?: number;
  then: DebugAction;
}

/** A debugger case: the same spell in both languages (lines aligned), breakpoints, the pauses in order. */
export interface DebugConformanceCase {
  name: string;
  lua: string;
  js: string;
  breakpoints: Breakpoint[];
  /** JavaScript's breakpoints when its conditions differ in syntax. */
  jsBreakpoints?: Breakpoint[];
  /** Run with the spell API (the mock model): for cases that step into agents, tools and workflows. */
  api?: boolean;
  /** Client kinds to run with: one that answers at once, one that answers with a promise. Default sync. */
  clients?: ("sync" | "async")[];
  timeoutMs?: number;
  wallTimeoutMs?: number;
  pauses: ExpectedPause[];
  expect: { value?: JsonValue; error?: SpellErrorKind; logs?: string[] };
}
