/**
 * Turning what QuickJS threw into a {@link SpellErrorData}: the kind, a readable message, the spell's line
 * and column, and a stack of spell frames only (prelude and host frames are dropped); reading the thrown
 * value's facts off the VM ({@link describeThrown}); and the failed outcome of a run that stopped, threw,
 * could not be set up, or met an engine failure.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import { isSpellErrorKind, SpellError, type SpellErrorData, type SpellErrorKind } from "../../lib/core/errors";
import { type ApiSurface } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";
import { describeMissingName, namesOnApi } from "../../lib/core/names";
import { STOP_MESSAGES } from "../../lib/core/run-guard";
import type { StopReason } from "./interrupts";

/** What the prelude's `describe` reports about a thrown value. */
export interface ThrownFacts {
  isError: boolean;
  name?: string;
  message: string;
  stack?: string;
  kind?: string;
  lineNumber?: number;
  columnNumber?: number;
  /** Set by the host or the spell on a SpellError. */
  line?: number;
  column?: number;
  data?: { [key: string]: JsonValue };
  /** A TypeError's recent misses on API objects, newest first: [where, owner, name]. */
  misses?: [string, string, string][];
  /** A ReferenceError's global names (to suggest the nearest). */
  globals?: string[];
}

/** Where the spell's text sits in what QuickJS compiled. */
export interface SourceMapping {
  chunkName: string;
  /** Lines QuickJS saw before the spell's first line (the wrapper used for a top-level `return`). */
  lineOffset: number;
  /** The spell's last line: frames past it belong to a wrapper. */
  lastLine?: number;
  /** The spell's text and the API it was given: an error about a missing name is reworded from them. */
  source?: string;
  surface?: ApiSurface;
}

interface SpellFrame {
  fn: string;
  line: number;
  column: number;
}

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?\s*$/;
const MAX_FRAMES = 30;
const BUILTIN_ERRORS = new Set([
  "TypeError",
  "RangeError",
  "ReferenceError",
  "InternalError",
  "EvalError",
  "URIError",
  "AggregateError",
]);

/** The frames of a QuickJS stack that belong to the spell, with lines in the spell's own numbering. */
function spellFrames(stack: string | undefined, mapping: SourceMapping): SpellFrame[] {
  if (!stack) return [];
  const frames: SpellFrame[] = [];
  for (const raw of stack.split("\n")) {
    const m = FRAME.exec(raw);
    if (!m || m[2] !== mapping.chunkName) continue;
    const line = Number(m[3]) - mapping.lineOffset;
    if (line < 1 || (mapping.lastLine !== undefined && line > mapping.lastLine)) continue;
    frames.push({ fn: m[1] ?? "<module>", line, column: Number(m[4]) });
  }
  return frames;
}

/** `at f (spell:3:7)` lines; runs of the same frame (deep recursion) are folded into one line. */
function formatFrames(frames: SpellFrame[], chunkName: string): string {
  const lines: string[] = [];
  let i = 0;
  while (i < frames.length && lines.length < MAX_FRAMES) {
    const f = frames[i];
    let j = i + 1;
    while (j < frames.length && frames[j].fn === f.fn && frames[j].line === f.line && frames[j].column === f.column)
      j++;
    lines.push(`    at ${f.fn} (${chunkName}:${f.line}:${f.column})`);
    if (j - i > 1) lines.push(`    ... the frame above repeated ${j - i - 1} more times`);
    i = j;
  }
  if (i < frames.length) lines.push(`    ... ${frames.length - i} more frames`);
  return lines.join("\n");
}

const MODULE_LOAD = /could not load module '([^']*)'/;

function kindOf(facts: ThrownFacts): SpellErrorKind {
  if (facts.kind && isSpellErrorKind(facts.kind)) return facts.kind;
  if (facts.isError && MODULE_LOAD.test(facts.message)) return "unsupported_feature";
  if (facts.isError && facts.name === "SyntaxError") return "syntax";
  if (facts.isError && facts.name === "InternalError" && /out of memory|string too long/.test(facts.message)) {
    return "memory";
  }
  return "runtime";
}

function messageOf(facts: ThrownFacts): string {
  const moduleName = facts.isError ? MODULE_LOAD.exec(facts.message)?.[1] : undefined;
  if (moduleName !== undefined) return `spells cannot import modules (import of '${moduleName}')`;
  const msg = facts.message || (facts.isError ? (facts.name ?? "Error") : "a non-error value was thrown");
  if (facts.isError && facts.name && BUILTIN_ERRORS.has(facts.name) && !facts.kind) return `${facts.name}: ${msg}`;
  return msg;
}

/** `Agent.bulder`, `b.nam`, `f`: the callee a call or a property read at `column` of `lineText` was made on. */
const CALLEE = /((?:[A-Za-z_$][\w$]*\s*\??\.\s*)*)([A-Za-z_$][\w$]*)\s*$/;
const DECLARED = /\b(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The names a spell declares at any level (a module's own bindings are not properties of globalThis). */
function declaredNames(source: string): string[] {
  return Array.from(source.matchAll(DECLARED), (m) => m[1]);
}

/**
 * QuickJS says "not a function" without a name, and "cannot read property 'x' of undefined" without the name
 * that was undefined. The thrown value's position points at the call's `(` or the read's `.` (or, in a `return`,
 * at the statement): the text names the callee, and a recent miss on an API object (the prelude's misses) names
 * its owner and the nearest name: "Agent.bulder is not a function (did you mean Agent.builder?)". Undefined
 * when there is nothing better to say.
 */
function missingNameMessage(
  facts: ThrownFacts,
  mapping: SourceMapping,
  line?: number,
  column?: number,
): string | undefined {
  if (!facts.isError) return undefined;
  if (facts.name === "ReferenceError") {
    const name = /^'([^']+)' is not defined$/.exec(facts.message)?.[1];
    if (name === undefined || !facts.globals) return undefined;
    const candidates = [...facts.globals, ...(mapping.source ? declaredNames(mapping.source) : [])];
    return describeMissingName({ where: "global", name, use: "call", candidates });
  }
  if (facts.name !== "TypeError" || mapping.source === undefined || line === undefined || column === undefined) {
    return undefined;
  }
  const use =
    facts.message === "not a function"
      ? "call"
      : /^cannot (read|set) property /.test(facts.message)
        ? "index"
        : undefined;
  if (use === undefined) return undefined;
  const lineText = mapping.source.split("\n")[line - 1];
  if (lineText === undefined) return undefined;
  const apiMisses = (facts.misses ?? []).filter((m) => m[0] === "member" || m[0] === "method");
  const callee =
    lineText[column - 1] === (use === "call" ? "(" : ".") ? CALLEE.exec(lineText.slice(0, column - 1)) : null;
  const miss = callee
    ? apiMisses.find((m) => m[2] === callee[2])
    : // The position is not the call's: a miss whose name the line calls (or reads through) is the one.
      apiMisses.find((m) =>
        new RegExp(`\\.\\s*${escapeRegExp(m[2])}\\s*${use === "call" ? "\\(" : "[.[]"}`).test(lineText),
      );
  if (miss) {
    const where = miss[0] as "member" | "method";
    const [, owner, name] = miss;
    return describeMissingName({ where, owner, name, use, candidates: namesOnApi(mapping.surface, where, owner) });
  }
  // Not an API name: still say which callee it was.
  return callee && use === "call"
    ? `TypeError: ${(callee[1] + callee[2]).replace(/\s+/g, "")} is not a function`
    : undefined;
}

/** A SpellErrorData from what the spell threw. `override` replaces kind and message (timeouts, cancels). */
export function spellErrorFromFacts(
  facts: ThrownFacts,
  mapping: SourceMapping,
  override?: { kind: SpellErrorKind; message: string },
): SpellErrorData {
  const frames = spellFrames(facts.stack, mapping);
  const out: SpellErrorData = {
    kind: override?.kind ?? kindOf(facts),
    message: override?.message ?? messageOf(facts),
    engine: "javascript",
  };
  if (facts.line !== undefined) {
    out.line = facts.line;
    if (facts.column !== undefined) out.column = facts.column;
  } else if (frames.length > 0) {
    out.line = frames[0].line;
    out.column = frames[0].column;
  } else if (facts.lineNumber !== undefined && facts.lineNumber - mapping.lineOffset >= 1) {
    out.line = facts.lineNumber - mapping.lineOffset;
    if (facts.columnNumber !== undefined) out.column = facts.columnNumber;
  }
  if (!override) {
    const better = missingNameMessage(facts, mapping, out.line, out.column);
    if (better !== undefined) out.message = better;
  }
  if (frames.length > 0) out.stack = formatFrames(frames, mapping.chunkName);
  if (facts.data && Object.keys(facts.data).length > 0) out.data = facts.data;
  return out;
}

/** How a run that did not finish ends. */
export type Failure = { ok: false; error: SpellErrorData };

/** The limits a stop message names. */
export interface StopLimits {
  readonly timeoutMs: number;
  readonly wallTimeoutMs: number;
  readonly memoryLimitBytes: number;
}

/**
 * Facts about a thrown value, read by the prelude's `describe` (or QuickJS's dump when that fails). The caller
 * relaxes interrupts and the memory cap around it (VmGuard.readThrown).
 */
export function describeThrown(
  ctx: QuickJSContext,
  internals: { readonly describe: QuickJSHandle } | null,
  errorHandle: QuickJSHandle,
): ThrownFacts {
  try {
    if (internals) {
      const r = ctx.callFunction(internals.describe, ctx.undefined, errorHandle);
      if (!r.error) {
        const text = ctx.getString(r.value);
        r.value.dispose();
        return JSON.parse(text) as ThrownFacts;
      }
      r.error.dispose();
    }
    const dumped: unknown = ctx.dump(errorHandle);
    if (dumped && typeof dumped === "object") {
      const d = dumped as { name?: unknown; message?: unknown; stack?: unknown };
      return {
        isError: typeof d.name === "string",
        name: typeof d.name === "string" ? d.name : undefined,
        message: typeof d.message === "string" ? d.message : "",
        stack: typeof d.stack === "string" ? d.stack : undefined,
      };
    }
    return { isError: false, message: String(dumped) };
  } catch {
    return { isError: false, message: "an error that could not be read" };
  }
}

/** The kind and message of a stop. */
function stopError(reason: StopReason, limits: StopLimits): { kind: SpellErrorKind; message: string } {
  switch (reason) {
    case "timeout":
      return { kind: "timeout", message: STOP_MESSAGES.cpu(limits.timeoutMs) };
    case "wall":
      return {
        kind: "timeout",
        message: STOP_MESSAGES.wall(limits.wallTimeoutMs),
      };
    case "memory":
      return {
        kind: "memory",
        message: STOP_MESSAGES.memory(limits.memoryLimitBytes),
      };
    case "cancelled":
      return { kind: "cancelled", message: STOP_MESSAGES.cancelled() };
  }
}

/** A stopped run; with the facts of what the stop made the spell throw, its line and stack are kept. */
export function stopFailure(
  reason: StopReason,
  limits: StopLimits,
  mapping: SourceMapping,
  facts?: ThrownFacts,
): Failure {
  const override = stopError(reason, limits);
  const error = facts ? spellErrorFromFacts(facts, mapping, override) : { ...override, engine: "javascript" };
  return { ok: false, error };
}

/** Something the spell threw; a stop (timeout, cancel) wins over the error it caused. */
export function thrownFailure(
  facts: ThrownFacts,
  stop: StopReason | null,
  limits: StopLimits,
  mapping: SourceMapping,
): Failure {
  if (stop) return stopFailure(stop, limits, mapping, facts);
  const error = spellErrorFromFacts(facts, mapping);
  if (error.kind === "memory") {
    error.message = /string too long/.test(error.message)
      ? `the spell built a string longer than the engine allows (${error.message})`
      : stopError("memory", limits).message;
  }
  return { ok: false, error };
}

/** The engine's own setup (prelude, API install, API prelude) threw: an `api` error saying what failed. */
export function setupFailure(facts: ThrownFacts, what: string): Failure {
  const error = spellErrorFromFacts(facts, { chunkName: "\u0000none", lineOffset: 0 });
  if (error.kind !== "memory") error.kind = "api";
  error.message = `${what}: ${error.message}`;
  return { ok: false, error };
}

/** A failure of the engine itself (not of the spell). */
export function internalFailure(e: unknown): SpellErrorData {
  if (e instanceof SpellError) return { ...e.toJSON(), engine: "javascript" };
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "runtime", message: `the JavaScript engine failed: ${message}`, engine: "javascript" };
}
