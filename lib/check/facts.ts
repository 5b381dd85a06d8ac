/**
 * What a language's extractor finds in a spell, in terms both languages share: the rules (rules.ts) turn these
 * facts into diagnostics, so each rule is written once. An extractor reports only what it is sure of: a fact
 * it cannot establish (a computed name, a value it cannot type) is left out rather than guessed.
 */
import type { SourceRange } from "./diagnostic";

/** An API value a member is read on: a global (`Agent`) or an instance of an API class (`AgentBuilder`). */
export type ApiOwner = { kind: "global"; name: string } | { kind: "class"; name: string };

interface MemberUse {
  owner: ApiOwner;
  name: string;
  /** Where the member's name is. */
  range: SourceRange;
  /** How it was used: called with `.` or `:` (Lua), or only read. */
  use: "dot-call" | "colon-call" | "read";
  /** The `.` before the name, when it directly precedes it (a `dot-call`'s quick fix turns it into `:`). */
  dot?: SourceRange;
}

/** A literal value in a params table, as far as the checker needs it. */
export type LiteralValue = { kind: "string"; value: string } | { kind: "number"; value: number } | { kind: "other" };

export interface ToolCallFact {
  /** The literal tool name, and where it is. */
  name: string;
  range: SourceRange;
  /** The literal params table, when it is one with only plain keys (else undefined: not checked). */
  params?: { keys: Map<string, { range: SourceRange; value: LiteralValue }>; range: SourceRange };
}

export interface SpellFacts {
  syntaxError?: { message: string; range: SourceRange };
  memberUses: MemberUse[];
  /** JavaScript: calls of API functions that return a Promise, used without `await`. */
  unawaitedCalls: {
    name: string;
    range: SourceRange;
    /** The call's value is read further (`f().x`): the fix must write `(await f()).x`. */
    needsParens: boolean;
  }[];
  toolCalls: ToolCallFact[];
  /** Other literal tool names (`allowed_tools({...})`, `Tool.get("x")`). */
  toolNames: { name: string; range: SourceRange }[];
  /** Names of tools the spell registers (`Tool.register({ name = "x" })`): they count as known. */
  registeredTools: string[];
  models: { name: string; range: SourceRange }[];
  unknownGlobals: { name: string; range: SourceRange }[];
  unusedLocals: { name: string; range: SourceRange }[];
  unreachable: SourceRange[];
  endlessLoops: SourceRange[];
  /** Literal repeat counts: `string.rep("ab", 1e9)`, `"ab".repeat(1e9)`. */
  repeats: { count: number; unitLength: number; range: SourceRange }[];
}

export function createEmptyFacts(): SpellFacts {
  return {
    memberUses: [],
    unawaitedCalls: [],
    toolCalls: [],
    toolNames: [],
    registeredTools: [],
    models: [],
    unknownGlobals: [],
    unusedLocals: [],
    unreachable: [],
    endlessLoops: [],
    repeats: [],
  };
}
