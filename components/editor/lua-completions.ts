/**
 * Lua completions and hovers for the spell API, computed from the one API reference (lib/spell). Pure
 * functions over text, so they are tested without Monaco; `lua-language.ts` adapts them to Monaco.
 *
 * Types are followed through call chains: `Agent.builder()` returns `AgentBuilder`, whose `:name(...)` returns
 * `AgentBuilder` again, whose `:build()` returns `Agent`. A variable assigned from such a chain
 * (`local agent = Agent.builder()...:build()`) gets the chain's type.
 */
import type { ApiFunctionDoc, SpellApiReference } from "@/lib/spell/reference-types";

export interface LuaSuggestion {
  label: string;
  kind: "global" | "function" | "method" | "keyword" | "tool" | "hook" | "value";
  detail?: string;
  documentation?: string;
  /** Text to insert (defaults to the label). */
  insertText?: string;
}

export type LuaCompletionContext =
  | { kind: "tool-name"; prefix: string; quote: string }
  | { kind: "hook-point"; prefix: string; quote: string }
  | { kind: "member"; chain: string; separator: "." | ":"; prefix: string }
  | { kind: "identifier"; prefix: string };

const LUA_KEYWORDS = [
  "and",
  "break",
  "do",
  "else",
  "elseif",
  "end",
  "false",
  "for",
  "function",
  "goto",
  "if",
  "in",
  "local",
  "nil",
  "not",
  "or",
  "repeat",
  "return",
  "then",
  "true",
  "until",
  "while",
];

const LUA_BUILTINS = [
  "print",
  "pairs",
  "ipairs",
  "tostring",
  "tonumber",
  "type",
  "pcall",
  "error",
  "assert",
  "select",
  "next",
  "setmetatable",
  "getmetatable",
  "rawget",
  "rawset",
  "rawequal",
  "rawlen",
  "string",
  "table",
  "math",
  "utf8",
  "coroutine",
  "os",
  "ARGS",
];

/** Find what the cursor is completing, given the source text before it. */
export function findLuaCompletionContext(textBefore: string): LuaCompletionContext {
  const line = textBefore.slice(textBefore.lastIndexOf("\n") + 1);
  const tool = /\bTool\s*[.:]\s*(?:execute|get|exists)\s*\(\s*(["'])([\w-]*)$/.exec(line);
  if (tool) return { kind: "tool-name", quote: tool[1], prefix: tool[2] };
  const hook = /\bHook\s*[.:]\s*register\s*\(\s*(["'])(\w*)$/.exec(line);
  if (hook) return { kind: "hook-point", quote: hook[1], prefix: hook[2] };
  const member = /([.:])\s*(\w*)$/.exec(textBefore);
  if (member && !/\.\.\s*\w*$/.test(textBefore)) {
    const receiverEnd = textBefore.length - member[0].length;
    const chain = extractChainBefore(textBefore, receiverEnd);
    return { kind: "member", separator: member[1] as "." | ":", prefix: member[2], chain };
  }
  const ident = /(\w*)$/.exec(textBefore);
  return { kind: "identifier", prefix: ident?.[1] ?? "" };
}

/**
 * The receiver expression that ends at `end` (e.g. `Agent.builder():name("a")` or `agent`), or "" when there is
 * none. Walks back over identifiers, `.`/`:` and balanced brackets; crosses line breaks only where the next
 * line continues the chain with `.` or `:`.
 */
export function extractChainBefore(text: string, end: number): string {
  let i = end;
  const isIdent = (c: string) => /\w/.test(c);
  while (i > 0) {
    const c = text[i - 1];
    if (isIdent(c) || c === "." || c === ":") {
      i--;
      continue;
    }
    if (c === ")" || c === "}" || c === "]") {
      const open = matchBackward(text, i - 1);
      if (open < 0) break;
      i = open;
      continue;
    }
    if (/\s/.test(c)) {
      // Whitespace is part of the chain only before a `.`/`:` continuation.
      let j = i;
      while (j > 0 && /\s/.test(text[j - 1])) j--;
      const next = text.slice(i).trimStart()[0];
      if (
        (next === ":" || next === ".") &&
        j > 0 &&
        (isIdent(text[j - 1]) || text[j - 1] === ")" || text[j - 1] === "}")
      ) {
        i = j;
        continue;
      }
      break;
    }
    break;
  }
  return text.slice(i, end).trim();
}

function matchBackward(text: string, closeIndex: number): number {
  const pairs: Record<string, string> = { ")": "(", "}": "{", "]": "[" };
  let depth = 0;
  let quote: string | null = null;
  for (let k = closeIndex; k >= 0; k--) {
    const c = text[k];
    if (quote) {
      if (c === quote && text[k - 1] !== "\\") quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c === ")" || c === "}" || c === "]") depth++;
    else if (c === "(" || c === "{" || c === "[") {
      depth--;
      if (depth === 0) return pairs[text[closeIndex]] === c ? k : -1;
    }
  }
  return -1;
}

/** The chain's steps: `Agent.builder():name("a")` → `["Agent", ".builder", ":name"]` (call arguments dropped). */
export function parseChain(chain: string): string[] {
  const stripped = stripBrackets(chain).replace(/\s+/g, "");
  const steps = stripped.match(/^\w+|[.:]\w+/g) ?? [];
  return steps;
}

function stripBrackets(s: string): string {
  let out = "";
  let depth = 0;
  let quote: string | null = null;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (quote) {
      if (c === quote && s[k - 1] !== "\\") quote = null;
      continue;
    }
    if (depth > 0 && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

/** Index of the reference for fast lookups. */
export interface ReferenceIndex {
  ref: SpellApiReference;
  globals: Map<string, SpellApiReference["globals"][number]>;
  classes: Map<string, SpellApiReference["classes"][number]>;
}

export function indexReference(ref: SpellApiReference): ReferenceIndex {
  return {
    ref,
    globals: new Map(ref.globals.map((g) => [g.name, g])),
    classes: new Map(ref.classes.map((c) => [c.name, c])),
  };
}

/** The class a `returns` type text names, if any (`AgentBuilder`, `Promise<Agent>`, `Agent | nil`). */
function classOfType(index: ReferenceIndex, typeText: string): string | null {
  const words = typeText.match(/\w+/g) ?? [];
  for (const w of words) if (index.classes.has(w)) return w;
  return null;
}

/**
 * The type of a receiver: `"global:Agent"`, `"class:AgentBuilder"`, or null when unknown. Follows variables
 * assigned from a chain in `textBefore`.
 */
function resolveReceiverType(index: ReferenceIndex, chain: string, textBefore: string, depth = 0): string | null {
  const steps = parseChain(chain);
  if (steps.length === 0 || depth > 4) return null;
  let type: string | null;
  const head = steps[0];
  if (index.globals.has(head)) type = `global:${head}`;
  else if (index.classes.has(head)) type = `class:${head}`;
  else type = resolveVariable(index, head, textBefore, depth);
  for (const step of steps.slice(1)) {
    if (!type) return null;
    const name = step.slice(1);
    const fn = findMember(index, type, name);
    if (!fn) return null;
    const cls = classOfType(index, fn.returns);
    type = cls ? `class:${cls}` : null;
  }
  return type;
}

function resolveVariable(index: ReferenceIndex, name: string, textBefore: string, depth: number): string | null {
  const re = new RegExp(`(?:^|[^\\w.:])(?:local\\s+)?${name}\\s*=\\s*(?!=)`, "g");
  let match: RegExpExecArray | null;
  let lastEnd = -1;
  while ((match = re.exec(textBefore))) lastEnd = match.index + match[0].length;
  if (lastEnd < 0) return null;
  const chain = readChainForward(textBefore, lastEnd);
  if (!chain || parseChain(chain)[0] === name) return null;
  return resolveReceiverType(index, chain, textBefore.slice(0, lastEnd), depth + 1);
}

/** Reads an expression chain forward from `start`: identifiers, `.`/`:`, balanced brackets, continuation lines. */
function readChainForward(text: string, start: number): string {
  let i = start;
  let depth = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== "\\") quote = null;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '"' || c === "'") quote = c;
      else if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") depth--;
      i++;
      continue;
    }
    if (/[\w.:]/.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === "{" || c === "[") {
      depth++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === ":" || (text[j] === "." && text[j + 1] !== ".")) {
        i = j;
        continue;
      }
    }
    break;
  }
  return text.slice(start, i);
}

function findMember(index: ReferenceIndex, type: string, name: string): ApiFunctionDoc | undefined {
  const [kind, typeName] = type.split(":");
  if (kind === "global") return index.globals.get(typeName)?.functions.find((f) => f.name === name);
  return index.classes.get(typeName)?.methods.find((m) => m.name === name);
}

/** Members offered after `receiver.` or `receiver:`. Unknown receivers after `:` get every class method. */
function memberSuggestions(index: ReferenceIndex, receiverType: string | null, separator: "." | ":"): LuaSuggestion[] {
  if (receiverType?.startsWith("global:")) {
    const g = index.globals.get(receiverType.slice(7));
    if (!g) return [];
    return [
      ...g.functions.map((f) => functionSuggestion(f, "function")),
      ...(g.values ?? []).map((v) => ({
        label: v.name,
        kind: "value" as const,
        detail: v.type,
        documentation: v.description,
      })),
    ];
  }
  if (receiverType?.startsWith("class:")) {
    const c = index.classes.get(receiverType.slice(6));
    return c ? c.methods.map((m) => functionSuggestion(m, "method", c.name)) : [];
  }
  if (separator === ":") {
    const seen = new Set<string>();
    const out: LuaSuggestion[] = [];
    for (const c of index.ref.classes) {
      for (const m of c.methods) {
        if (seen.has(m.name)) continue;
        seen.add(m.name);
        out.push(functionSuggestion(m, "method", c.name));
      }
    }
    return out;
  }
  return [];
}

function identifierSuggestions(index: ReferenceIndex): LuaSuggestion[] {
  return [
    ...index.ref.globals.map((g) => ({
      label: g.name,
      kind: "global" as const,
      detail: "spell API",
      documentation: g.description,
    })),
    ...LUA_KEYWORDS.map((k) => ({ label: k, kind: "keyword" as const })),
    ...LUA_BUILTINS.map((b) => ({ label: b, kind: "function" as const, detail: "Lua" })),
  ];
}

function functionSuggestion(f: ApiFunctionDoc, kind: "function" | "method", owner?: string): LuaSuggestion {
  return {
    label: f.name,
    kind,
    detail: `${owner ? `${owner} ` : ""}${signature(f)}`,
    documentation: docText(f),
  };
}

function signature(f: ApiFunctionDoc): string {
  const params = f.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  return `${f.name}(${params}) → ${f.returns}`;
}

function docText(f: ApiFunctionDoc): string {
  const parts = [f.description];
  const params = f.params.filter((p) => p.description).map((p) => `- \`${p.name}\`: ${p.description}`);
  if (params.length) parts.push(params.join("\n"));
  if (f.lua) parts.push("```lua\n" + f.lua + "\n```");
  return parts.join("\n\n");
}

/** Everything to offer at the cursor. `toolNames` comes from the built-in tool registry. */
export function computeLuaSuggestions(
  index: ReferenceIndex,
  textBefore: string,
  toolNames: string[],
): { context: LuaCompletionContext; receiverType?: string | null; items: LuaSuggestion[] } {
  const context = findLuaCompletionContext(textBefore);
  switch (context.kind) {
    case "tool-name":
      return { context, items: toolNames.map((t) => ({ label: t, kind: "tool" as const, detail: "built-in tool" })) };
    case "hook-point":
      return {
        context,
        items: index.ref.hookPoints.map((h) => ({ label: h, kind: "hook" as const, detail: "hook point" })),
      };
    case "member": {
      const receiverType = context.chain ? resolveReceiverType(index, context.chain, textBefore) : null;
      return { context, receiverType, items: memberSuggestions(index, receiverType, context.separator) };
    }
    case "identifier":
      return { context, items: identifierSuggestions(index) };
  }
}

/** Hover text for the word at `wordStart..wordEnd` in `text`, or null. */
export function luaHover(
  index: ReferenceIndex,
  text: string,
  wordStart: number,
  wordEnd: number,
): { title: string; body: string } | null {
  const word = text.slice(wordStart, wordEnd);
  if (!word) return null;
  const before = text.slice(0, wordStart);
  const sep = /([.:])\s*$/.exec(before);
  if (sep) {
    const chain = extractChainBefore(before, before.length - sep[0].length);
    const type = resolveReceiverType(index, chain, before);
    const fn = type ? findMember(index, type, word) : undefined;
    if (fn)
      return { title: `${type!.split(":")[1]}${fn.call === "method" ? ":" : "."}${signature(fn)}`, body: docText(fn) };
    // Unknown receiver: the first class method of that name.
    for (const c of index.ref.classes) {
      const m = c.methods.find((x) => x.name === word);
      if (m) return { title: `${c.name}:${signature(m)}`, body: docText(m) };
    }
    return null;
  }
  const g = index.globals.get(word);
  if (g) return { title: g.name, body: g.description };
  return null;
}
