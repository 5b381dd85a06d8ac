/** Every failure a spell or a user can see: the error kinds and the one error class that carries them. */
import type { JsonValue } from "./json";
import { FIXED_BOUNDS } from "./limits";

/** An error message bounded to {@link FIXED_BOUNDS}.maxErrorMessageChars, saying how much was cut. */
export function boundErrorMessage(message: string): string {
  const max = FIXED_BOUNDS.maxErrorMessageChars;
  if (message.length <= max) return message;
  return `${message.slice(0, max)}… [${message.length - max} more characters cut]`;
}

export const SPELL_ERROR_KINDS = [
  "syntax",
  "runtime",
  "type",
  "timeout",
  "memory",
  "cancelled",
  "api",
  "unsupported_feature",
  "conversion",
  "engine_not_found",
  "configuration",
  "provider",
  "tool",
  "not_found",
  /** A replayed run's request differs from the recorded one (lib/recording): the replay stopped there. */
  "replay_diverged",
] as const;

export type SpellErrorKind = (typeof SPELL_ERROR_KINDS)[number];

/** The plain, serialisable shape of a spell error (what crosses a worker boundary or lands in `--json`). */
export interface SpellErrorData {
  kind: SpellErrorKind;
  message: string;
  /** 1-based line in the spell's source, when known. */
  line?: number;
  /** 1-based column, when the engine knows it. */
  column?: number;
  /** Script frames only (`spell:12: in function 'f'`), never host internals. */
  stack?: string;
  /** The engine that raised it (`lua`, `javascript`, a plugin's name). */
  engine?: string;
  /** Extra fields a spell attached to a thrown table/object (kept, JSON-shaped). */
  data?: { [key: string]: JsonValue };
}

/** Every failure a spell or a user can see. Host functions throw it; engines convert it both ways. */
export class SpellError extends Error implements SpellErrorData {
  readonly kind: SpellErrorKind;
  line?: number;
  column?: number;
  override stack?: string;
  engine?: string;
  data?: { [key: string]: JsonValue };

  constructor(kind: SpellErrorKind, message: string, extra: Partial<Omit<SpellErrorData, "kind" | "message">> = {}) {
    super(boundErrorMessage(message));
    this.name = "SpellError";
    this.kind = kind;
    // Host stack frames never leak: the stack is the script's, or nothing.
    this.stack = extra.stack;
    if (extra.line !== undefined) this.line = extra.line;
    if (extra.column !== undefined) this.column = extra.column;
    if (extra.engine !== undefined) this.engine = extra.engine;
    if (extra.data !== undefined) this.data = extra.data;
  }

  toJSON(): SpellErrorData {
    const out: SpellErrorData = { kind: this.kind, message: this.message };
    if (this.line !== undefined) out.line = this.line;
    if (this.column !== undefined) out.column = this.column;
    if (this.stack) out.stack = this.stack;
    if (this.engine) out.engine = this.engine;
    if (this.data) out.data = this.data;
    return out;
  }

  /** `"<kind>: <message> (line N)"`, the same text Lua's `__tostring` gives. */
  override toString(): string {
    return formatSpellError(this);
  }

  static from(data: SpellErrorData): SpellError {
    const { kind, message, ...rest } = data;
    return new SpellError(kind, message, rest);
  }
}

export function isSpellErrorKind(value: unknown): value is SpellErrorKind {
  return typeof value === "string" && (SPELL_ERROR_KINDS as readonly string[]).includes(value);
}

export function formatSpellError(e: SpellErrorData): string {
  return `${e.kind}: ${e.message}${e.line !== undefined ? ` (line ${e.line})` : ""}`;
}
