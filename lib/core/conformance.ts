/**
 * One conformance case: the same behaviour written in Lua and in JavaScript, with one expected result,
 * run against both built-in engines by `lib/runner/conformance.test.ts`.
 */
import type { SpellDialect } from "./dialect";
import type { ApiSurface } from "./engine";
import type { JsonValue } from "./json";
import type { RunEvent } from "./events";
import type { SpellErrorKind } from "./errors";
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
