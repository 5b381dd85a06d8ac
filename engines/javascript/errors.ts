/**
 * Turning what QuickJS threw into a {@link SpellErrorData}: the kind, a readable message, the spell's line
 * and column, and a stack of spell frames only (prelude and host frames are dropped).
 */
import { isSpellErrorKind, type SpellErrorData, type SpellErrorKind } from "../../lib/core/errors";
import { type JsonValue } from "../../lib/core/json";

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
}

/** Where the spell's text sits in what QuickJS compiled. */
export interface SourceMapping {
  chunkName: string;
  /** Lines QuickJS saw before the spell's first line (the wrapper used for a top-level `return`). */
  lineOffset: number;
  /** The spell's last line: frames past it belong to a wrapper. */
  lastLine?: number;
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
  if (frames.length > 0) out.stack = formatFrames(frames, mapping.chunkName);
  if (facts.data && Object.keys(facts.data).length > 0) out.data = facts.data;
  return out;
}
