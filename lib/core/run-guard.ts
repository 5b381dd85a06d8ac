/**
 * What every engine and the runner share around a run, written once: the limits a run resolves from its
 * options, one wording for every stop message, UTF-8 byte counting for the output cap, and the shape a host
 * error takes when it is raised inside a spell. The CPU meter both engines count spell time with is
 * ./cpu-meter.ts; each engine reads it where it can interrupt its VM (Lua's count hook, QuickJS's interrupt
 * handler).
 *
 * Each limit has one owner: the engine enforces CPU time and memory (it alone can interrupt its VM); the
 * runner (lib/runner) owns the wall clock and the output cap, which engines also check so a run stops
 * promptly, with the same messages.
 */
import type { ExecuteOptions } from "./engine";
import type { JsonValue } from "./json";
import { sandboxRules } from "./sandbox";
import { SpellError, type SpellErrorKind } from "./errors";

/** The limits one run works under. */
export interface ResolvedRunLimits {
  timeoutMs: number;
  wallTimeoutMs: number;
  memoryLimitBytes: number;
  maxOutputBytes: number;
}

/** A positive finite number, or the default: `0`, a negative number, NaN or nothing all mean "the default". */
function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * The limits of a run from its options (see {@link positiveOr}); a caller clamps them first (`clampLimits`).
 * Under a preset other than `standard` the engine itself holds each to the preset's ceiling, whatever the
 * caller asked (`standard` keeps what callers could always do: set any limit on an engine they drive).
 */
export function resolveRunLimits(
  opts: Pick<ExecuteOptions, "timeoutMs" | "wallTimeoutMs" | "memoryLimitBytes" | "maxOutputBytes" | "sandbox">,
): ResolvedRunLimits {
  const rules = sandboxRules(opts.sandbox);
  const ceiling = rules.limits;
  const pick = (value: number | undefined, fallback: number) => {
    const v = positiveOr(value, fallback);
    return rules.preset === "standard" ? v : Math.min(v, fallback);
  };
  return {
    timeoutMs: pick(opts.timeoutMs, ceiling.timeoutMs),
    wallTimeoutMs: pick(opts.wallTimeoutMs, ceiling.wallTimeoutMs),
    memoryLimitBytes: Math.floor(pick(opts.memoryLimitBytes, ceiling.memoryLimitBytes)),
    maxOutputBytes: Math.floor(pick(opts.maxOutputBytes, ceiling.maxOutputBytes)),
  };
}

/** `64 MiB`, `512 KiB`, `1000 bytes`: the unit a limit was most likely set in. */
function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** Every message a stopped run can end with, worded once for every engine and the runner. */
export const STOP_MESSAGES = {
  cpu: (ms: number) => `the spell used more than its CPU time limit of ${ms} ms`,
  wall: (ms: number) => `the run took longer than its wall-clock limit of ${ms} ms`,
  memory: (bytes: number) => `the spell used more than its memory limit of ${formatBytes(bytes)}`,
  output: (bytes: number) =>
    `[output truncated: the run printed more than ${formatBytes(bytes)}; the rest was dropped]`,
  cancelled: () => "the run was cancelled",
  disposed: () => "this engine was disposed",
  sessionClosed: () => "this session has ended; a new session starts with the next entry",
  sessionRestarted: () =>
    "session restarted: the last session was lost (its engine had to be stopped); globals are gone",
} as const;

/** Bytes of `text` in UTF-8 (what the output cap counts), without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** What a thrown host error looks like when it is raised inside a spell: its kind, message, data and position. */
export interface HostErrorFields {
  kind: SpellErrorKind;
  message: string;
  data?: JsonValue;
  line?: number;
  column?: number;
}

export function hostErrorFields(e: unknown): HostErrorFields {
  if (e instanceof SpellError) {
    const out: HostErrorFields = { kind: e.kind, message: e.message };
    if (e.data) out.data = e.data;
    if (e.line !== undefined) out.line = e.line;
    if (e.column !== undefined) out.column = e.column;
    return out;
  }
  if (e instanceof Error) return { kind: "api", message: e.message };
  return { kind: "api", message: String(e) };
}
