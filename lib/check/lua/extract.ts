/**
 * The Lua extractor: parses a spell with our Lua 5.4 parser (parseLua), resolves its names (resolveScopes) and
 * reports the facts the rules need (facts.ts), as the JavaScript extractor does for acorn's tree. Unlike the JS
 * one, it knows Lua's scopes exactly: a local shadows the API's global only where it is visible, and an
 * unknown global is a global read that no statement of the spell assigns.
 */
import { utf8ByteLength } from "@/lib/core/run-guard";
import { getApiModel } from "../api-model";
import type { SourceRange } from "../diagnostic";
import { createEmptyFacts, type ApiOwner, type LiteralValue, type SpellFacts, type ToolCallFact } from "../facts";
import type { Block, Call, Chunk, Expression, Loc, MethodCall, Name, Statement, TableConstructor } from "./ast";
import { parseLua, resolveScopes } from "./index";

/** What a spell's Lua has besides the API: the engine's sandboxed standard library (engines/lua/prelude.ts). */
const LUA_GLOBALS = new Set(
  (
    "assert error ipairs next pairs rawequal rawget rawlen rawset select setmetatable getmetatable tonumber " +
    "tostring type _VERSION _G _ENV math table utf8 string print warn io pcall xpcall collectgarbage load os " +
    "coroutine arg"
  ).split(" "),
);

type LuaNode = { type: string; loc: Loc } & Record<string, unknown>;
type Scopes = ReturnType<typeof resolveScopes>;
type Variable = Scopes["locals"][number];

function rangeOf(node: { loc: Loc }): SourceRange {
  const { line, column, endLine, endColumn } = node.loc;
  return { line, column, endLine, endColumn };
}

function isNode(v: unknown): v is LuaNode {
  return typeof v === "object" && v !== null && typeof (v as LuaNode).type === "string";
}

const before = (a: LuaNode, b: LuaNode) => a.loc.line - b.loc.line || a.loc.column - b.loc.column;

/** Every child node of `node`, in source order. */
function childrenOf(node: LuaNode): LuaNode[] {
  const out: LuaNode[] = [];
  let sorted = true;
  for (const key in node) {
    if (key === "loc" || key === "comments") continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const x of v)
        if (isNode(x)) {
          if (out.length > 0 && before(out[out.length - 1], x) > 0) sorted = false;
          out.push(x);
        }
    } else if (isNode(v)) {
      if (out.length > 0 && before(out[out.length - 1], v) > 0) sorted = false;
      out.push(v);
    }
  }
  return sorted ? out : out.sort(before);
}

/** Every node of the tree with its parent, in source order (walked once; the passes read the list). */
function flatten(root: LuaNode): { node: LuaNode; parent: LuaNode | undefined }[] {
  const out: { node: LuaNode; parent: LuaNode | undefined }[] = [];
  const visit = (node: LuaNode, parent: LuaNode | undefined) => {
    out.push({ node, parent });
    for (const child of childrenOf(node)) visit(child, node);
  };
  visit(root, undefined);
  return out;
}

function unparen(e: Expression | undefined): Expression | undefined {
  return e?.type === "Paren" ? unparen(e.expression) : e;
}

function literalOf(e: Expression | undefined): LiteralValue {
  const x = unparen(e);
  if (x?.type === "String") return { kind: "string", value: x.value };
  if (x?.type === "Number") return { kind: "number", value: x.value };
  if (x?.type === "Unary" && x.operator === "-" && x.argument.type === "Number")
    return { kind: "number", value: -x.argument.value };
  return { kind: "other" };
}

function stringOf(e: Expression | undefined): string | undefined {
  const v = literalOf(e);
  return v.kind === "string" ? v.value : undefined;
}

/** A global function call by name: `error(...)`, `os.exit(...)` are matched by their path. */
function calleePath(call: Call, scopes: Scopes): string | undefined {
  const callee = unparen(call.callee);
  if (callee?.type === "Name") return scopes.declarations.has(callee) ? undefined : callee.name;
  if (callee?.type === "Member" && callee.object.type === "Name" && !scopes.declarations.has(callee.object))
    return `${callee.object.name}.${callee.property.name}`;
  return undefined;
}

/** A statement after which the rest of its block never runs. */
function exits(s: Statement, scopes: Scopes): boolean {
  switch (s.type) {
    case "ReturnStatement":
    case "BreakStatement":
    case "GotoStatement":
      return true;
    case "CallStatement":
      return s.call.type === "Call" && calleePath(s.call, scopes) === "error";
    case "DoStatement": {
      const last = s.body.body.at(-1);
      return last !== undefined && exits(last, scopes);
    }
    default:
      return false;
  }
}

/** Whether a loop body can leave the loop: a break (not in a nested loop), a return, a goto or an `error(...)`. */
function canLeave(body: Block, scopes: Scopes): boolean {
  let found = false;
  const visit = (node: LuaNode, depth: number) => {
    if (found || node.type === "Function") return;
    if (node.type === "ReturnStatement" || node.type === "GotoStatement") found = true;
    if (node.type === "BreakStatement" && depth === 0) found = true;
    if (node.type === "Call" && calleePath(node as unknown as Call, scopes) === "error") found = true;
    const nested = /^(While|Repeat|NumericFor|GenericFor)Statement$/.test(node.type);
    for (const c of childrenOf(node)) visit(c, depth + (nested ? 1 : 0));
  };
  for (const s of body.body) visit(s as unknown as LuaNode, 0);
  return found;
}

/** A condition that is always true (`true`, a number, a string: everything but nil and false is true in Lua). */
function isAlwaysTrue(e: Expression): boolean {
  const x = unparen(e);
  return x?.type === "Boolean" ? x.value : x?.type === "Number" || x?.type === "String";
}

function isAlwaysFalse(e: Expression): boolean {
  const x = unparen(e);
  return x?.type === "Nil" || (x?.type === "Boolean" && !x.value);
}

/** The keys of a literal table with only `name = value` and `["name"] = value` fields, else undefined. */
function plainKeys(table: TableConstructor): ToolCallFact["params"] {
  const keys = new Map<string, { range: SourceRange; value: LiteralValue }>();
  for (const f of table.fields) {
    const key = f.type === "NamedField" ? f.key.name : f.type === "KeyedField" ? stringOf(f.key) : undefined;
    if (key === undefined) return undefined;
    keys.set(key, { range: rangeOf(f.value), value: literalOf(f.value) });
  }
  return { keys, range: rangeOf(table) };
}

export function extractLuaFacts(source: string): SpellFacts {
  const facts = createEmptyFacts();
  const parsed = parseLua(source);
  if (!parsed.ok) {
    const { message, ...range } = parsed.error;
    facts.syntaxError = { message, range };
    return facts;
  }
  const chunk: Chunk = parsed.chunk;
  // Lua's line ends (parser's convention): \r\n, \n\r, \n and \r each end one line.
  const lines = source.split(/\r\n|\n\r|\n|\r/);
  const root = chunk as unknown as LuaNode;
  const scopes = resolveScopes(chunk);
  const model = getApiModel();
  const variableByLoc = new Map<Loc, Variable>();
  for (const v of scopes.locals) variableByLoc.set(v.loc, v);
  const assignedGlobals = new Set(scopes.globals.filter((g) => g.kind === "write").map((g) => g.name));

  // What each variable holds, when it is one API class throughout: `local agent = Agent.builder()...:build()`.
  // Keyed by the local, or by `global:name` for a global the spell assigns.
  const variableClass = new Map<Variable | string, string | null>();
  const keyOf = (name: Name): Variable | string => scopes.declarations.get(name) ?? `global:${name.name}`;
  type Typed = ApiOwner | { member: string; on: ApiOwner };
  const scopeOf = (owner: ApiOwner) =>
    owner.kind === "global" ? model.globals.get(owner.name) : model.classes.get(owner.name);
  const returnOf = (owner: ApiOwner, member: string): ApiOwner | undefined => {
    const cls = scopeOf(owner)?.members.get(member)?.returnsClass;
    return cls ? { kind: "class", name: cls } : undefined;
  };
  const typeOf = (e: Expression | undefined): Typed | undefined => {
    const x = unparen(e);
    if (!x) return undefined;
    if (x.type === "Name") {
      if (!scopes.declarations.has(x) && model.globals.has(x.name) && !assignedGlobals.has(x.name))
        return { kind: "global", name: x.name };
      const cls = variableClass.get(keyOf(x));
      return cls ? { kind: "class", name: cls } : undefined;
    }
    if (x.type === "Member") {
      const owner = typeOf(x.object);
      return owner && "kind" in owner ? { member: x.property.name, on: owner } : undefined;
    }
    if (x.type === "Call") {
      const callee = typeOf(x.callee);
      return callee && "member" in callee ? returnOf(callee.on, callee.member) : undefined;
    }
    if (x.type === "MethodCall") {
      const owner = typeOf(x.object);
      return owner && "kind" in owner ? returnOf(owner, x.method.name) : undefined;
    }
    return undefined;
  };
  const assign = (key: Variable | string, value: Expression | undefined) => {
    const t = typeOf(value);
    const cls = t && "kind" in t && t.kind === "class" ? t.name : null;
    variableClass.set(key, variableClass.has(key) && variableClass.get(key) !== cls ? null : cls);
  };

  const nodes = flatten(root);
  // Pass 1: the classes variables hold (in source order, so a chain of variables resolves).
  for (const { node } of nodes) {
    if (node.type === "LocalStatement") {
      const s = node as unknown as Extract<Statement, { type: "LocalStatement" }>;
      s.names.forEach((n, i) => {
        const v = variableByLoc.get(n.loc);
        if (v) assign(v, s.values[i]);
      });
    }
    if (node.type === "AssignmentStatement") {
      const s = node as unknown as Extract<Statement, { type: "AssignmentStatement" }>;
      s.targets.forEach((t, i) => {
        if (t.type === "Name") assign(keyOf(t), s.values[i]);
      });
    }
  }

  // Pass 2: the facts.
  for (const { node, parent } of nodes) {
    switch (node.type) {
      case "Member": {
        const m = node as unknown as Extract<Expression, { type: "Member" }>;
        const owner = typeOf(m.object);
        if (!owner || !("kind" in owner)) break;
        const call =
          parent?.type === "Call" && (parent as unknown as Call).callee === m ? (parent as unknown as Call) : undefined;
        // `obj.method(obj, ...)` passes self by hand: that is a colon call written long.
        const selfPassed =
          call !== undefined &&
          m.object.type === "Name" &&
          unparen(call.args[0])?.type === "Name" &&
          (unparen(call.args[0]) as Name).name === m.object.name;
        const { line, column } = m.property.loc;
        const dot =
          lines[line - 1]?.[column - 2] === "."
            ? { line, column: column - 1, endLine: line, endColumn: column }
            : undefined;
        facts.memberUses.push({
          owner,
          name: m.property.name,
          range: rangeOf(m.property),
          use: call ? (selfPassed ? "colon-call" : "dot-call") : "read",
          ...(dot ? { dot } : {}),
        });
        break;
      }
      case "MethodCall": {
        const c = node as unknown as MethodCall;
        const owner = typeOf(c.object);
        if (owner && "kind" in owner)
          facts.memberUses.push({ owner, name: c.method.name, range: rangeOf(c.method), use: "colon-call" });
        if (owner && "kind" in owner && owner.kind === "class") extractApiCall(owner, c.method.name, c.args);
        // `("ab"):rep(N)`
        if (c.method.name === "rep") extractRepeat(c.object, c.args[0], c.args[1], c);
        break;
      }
      case "Call": {
        const c = node as unknown as Call;
        const callee = typeOf(c.callee);
        if (callee && "member" in callee) extractApiCall(callee.on, callee.member, c.args);
        const path = calleePath(c, scopes);
        // `pcall(Tool.execute, "name", params)`: the call pcall makes.
        if (path === "pcall" || path === "xpcall") {
          const f = typeOf(c.args[0]);
          const rest = path === "pcall" ? c.args.slice(1) : c.args.slice(2);
          if (f && "member" in f) extractApiCall(f.on, f.member, rest);
        }
        if (path === "string.rep") extractRepeat(c.args[0], c.args[1], c.args[2], c);
        break;
      }
      case "Block":
        checkReachability(node as unknown as Block);
        break;
      case "WhileStatement": {
        const s = node as unknown as Extract<Statement, { type: "WhileStatement" }>;
        if (isAlwaysTrue(s.condition) && !canLeave(s.body, scopes)) facts.endlessLoops.push(rangeOf(s));
        break;
      }
      case "RepeatStatement": {
        const s = node as unknown as Extract<Statement, { type: "RepeatStatement" }>;
        if (isAlwaysFalse(s.condition) && !canLeave(s.body, scopes)) facts.endlessLoops.push(rangeOf(s));
        break;
      }
    }
  }

  function checkReachability(block: Block): void {
    const exit = block.body.findIndex((s) => exits(s, scopes));
    if (exit < 0) return;
    // A label after the exit can be reached by a goto.
    const next = block.body.slice(exit + 1).find((s) => s.type !== "EmptyStatement");
    if (next && next.type !== "LabelStatement") facts.unreachable.push(rangeOf(next));
  }

  function extractApiCall(owner: ApiOwner, member: string, args: Expression[]): void {
    if (owner.kind === "global" && owner.name === "Tool") extractToolCall(member, args);
    if (owner.kind === "class" && member === "model") {
      const name = stringOf(args[0]);
      if (name !== undefined) facts.models.push({ name, range: rangeOf(args[0]) });
    }
    const list = unparen(args[0]);
    if (owner.kind === "class" && (member === "allowed_tools" || member === "tools") && list?.type === "Table")
      for (const f of list.fields) {
        const name = f.type === "ListField" ? stringOf(f.value) : undefined;
        if (name !== undefined) facts.toolNames.push({ name, range: rangeOf(f.value) });
      }
  }

  function extractToolCall(fn: string, args: Expression[]): void {
    const first = unparen(args[0]);
    if (fn === "register" && first?.type === "Table") {
      for (const f of first.fields)
        if (f.type === "NamedField" && f.key.name === "name") {
          const registered = stringOf(f.value);
          if (registered !== undefined) facts.registeredTools.push(registered);
        }
      return;
    }
    const name = stringOf(first);
    if (name === undefined || !first) return;
    if (fn === "execute" || fn === "invoke") {
      const call: ToolCallFact = { name, range: rangeOf(first) };
      const params = unparen(args[1]);
      if (params?.type === "Table") {
        const keys = plainKeys(params);
        if (keys) call.params = keys;
      }
      facts.toolCalls.push(call);
    } else if (fn === "get") facts.toolNames.push({ name, range: rangeOf(first) });
  }

  /** `string.rep(s, n [, sep])` with a literal string and count: its result's size. */
  function extractRepeat(
    unit: Expression,
    count: Expression | undefined,
    sep: Expression | undefined,
    at: { loc: Loc },
  ) {
    const text = stringOf(unit);
    const n = literalOf(count);
    const separator = stringOf(sep) ?? "";
    if (text === undefined || n.kind !== "number") return;
    const unitLength = utf8ByteLength(text) + utf8ByteLength(separator);
    facts.repeats.push({ count: n.value, unitLength, range: rangeOf(at) });
  }

  const reported = new Set<string>();
  for (const g of scopes.globals) {
    if (g.kind !== "read" || reported.has(g.name)) continue;
    if (assignedGlobals.has(g.name) || LUA_GLOBALS.has(g.name) || model.allGlobals.has(g.name)) continue;
    reported.add(g.name);
    facts.unknownGlobals.push({ name: g.name, range: rangeOf(g) });
  }
  for (const v of scopes.locals) {
    if (v.kind !== "local" && v.kind !== "function") continue;
    // A `<close>` local is used by going out of scope.
    if (v.name.startsWith("_") || v.attrib === "close") continue;
    if (!v.references.some((r) => r.kind === "read")) facts.unusedLocals.push({ name: v.name, range: rangeOf(v) });
  }
  return facts;
}
