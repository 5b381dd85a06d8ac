/**
 * The JavaScript extractor: parses a spell with acorn (the module grammar with top-level `await` and a
 * top-level `return`, as the engine runs it) and reports the facts the rules need (facts.ts). Scoping is
 * deliberately simple (names are matched across the whole spell), which can only miss a problem, never
 * invent one: a name declared anywhere counts as declared everywhere.
 */
import { parse, type Node } from "acorn";
import { utf8ByteLength } from "@/lib/core/run-guard";
import { getApiModel } from "../api-model";
import type { SourceRange } from "../diagnostic";
import { createEmptyFacts, type ApiOwner, type LiteralValue, type SpellFacts, type ToolCallFact } from "../facts";

/** ECMAScript's global names (what QuickJS has), plus what every spell gets besides the API. */
const JS_GLOBALS = new Set(
  (
    "globalThis undefined NaN Infinity eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent " +
    "encodeURI encodeURIComponent escape unescape Object Function Array Number Boolean String Symbol BigInt Math " +
    "JSON Date RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError " +
    "Map Set WeakMap WeakSet WeakRef FinalizationRegistry Promise Proxy Reflect ArrayBuffer SharedArrayBuffer " +
    "DataView Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array " +
    "Float64Array BigInt64Array BigUint64Array Atomics Iterator arguments print console ARGS"
  ).split(" "),
);

type AnyNode = Node & Record<string, unknown>;

function rangeOf(node: Node): SourceRange {
  const loc = node.loc!;
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}

/** Every child node of `node`, in source order. */
function childrenOf(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "type") continue;
    const v = node[key];
    if (Array.isArray(v)) for (const x of v) if (x && typeof (x as AnyNode).type === "string") out.push(x as AnyNode);
    if (v && typeof v === "object" && typeof (v as AnyNode).type === "string") out.push(v as AnyNode);
  }
  return out.sort((a, b) => a.start - b.start);
}

function walk(node: AnyNode, visit: (node: AnyNode, parent: AnyNode | undefined) => void, parent?: AnyNode): void {
  visit(node, parent);
  for (const child of childrenOf(node)) walk(child, visit, node);
}

function literalOf(node: AnyNode | undefined): LiteralValue {
  if (node?.type === "Literal" && typeof node.value === "string") return { kind: "string", value: node.value };
  if (node?.type === "Literal" && typeof node.value === "number") return { kind: "number", value: node.value };
  if (node?.type === "TemplateLiteral" && (node.expressions as unknown[]).length === 0) {
    const quasi = (node.quasis as AnyNode[])[0];
    return { kind: "string", value: String((quasi.value as { cooked: string }).cooked) };
  }
  return { kind: "other" };
}

function stringOf(node: AnyNode | undefined): string | undefined {
  const v = literalOf(node);
  return v.kind === "string" ? v.value : undefined;
}

/** Names a declaration pattern binds (`a`, `{ a, b: [c] }`, `...d`). */
function bindingIdentifiers(pattern: AnyNode | undefined, out: AnyNode[] = []): AnyNode[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case "Identifier":
      out.push(pattern);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties as AnyNode[])
        bindingIdentifiers((p.type === "RestElement" ? p.argument : p.value) as AnyNode, out);
      break;
    case "ArrayPattern":
      for (const e of pattern.elements as (AnyNode | null)[]) if (e) bindingIdentifiers(e, out);
      break;
    case "RestElement":
      bindingIdentifiers(pattern.argument as AnyNode, out);
      break;
    case "AssignmentPattern":
      bindingIdentifiers(pattern.left as AnyNode, out);
      break;
  }
  return out;
}

/** Whether an Identifier node is a name being read or written (not a property key, label or declaration). */
function isReference(node: AnyNode, parent: AnyNode | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === node || parent.computed === true;
    case "Property":
    case "PropertyDefinition":
    case "MethodDefinition":
      return parent.value === node || (parent.computed === true && parent.key === node);
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return false;
    case "VariableDeclarator":
      return parent.init === node;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "ClassDeclaration":
    case "ClassExpression":
      return false;
    case "CatchClause":
      return parent.param !== node;
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "ExportSpecifier":
      return false;
    default:
      return true;
  }
}

const EXITS = new Set(["ReturnStatement", "ThrowStatement", "BreakStatement", "ContinueStatement"]);
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const LOOPS = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);

/** Whether a loop body can leave the loop: a break (not inside a nested loop or switch), a return or a throw. */
function canLeave(body: AnyNode): boolean {
  let found = false;
  const visit = (node: AnyNode, depth: number) => {
    if (found || FUNCTIONS.has(node.type)) return;
    if (node.type === "ReturnStatement" || node.type === "ThrowStatement") found = true;
    if (node.type === "BreakStatement" && (depth === 0 || node.label)) found = true;
    const nested = LOOPS.has(node.type) || node.type === "SwitchStatement";
    for (const c of childrenOf(node)) visit(c, depth + (nested ? 1 : 0));
  };
  visit(body, 0);
  return found;
}

/** A loop test that is always true: none (`for(;;)`), or a truthy literal (`true`, `1`, `"x"`). */
function isTrue(test: AnyNode | null | undefined): boolean {
  return !test || (test.type === "Literal" && test.value !== null && Boolean(test.value));
}

export function extractJavascriptFacts(source: string): SpellFacts {
  const facts = createEmptyFacts();
  let program: AnyNode;
  try {
    program = parse(source, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      locations: true,
    }) as unknown as AnyNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 };
    const message = (e as Error).message.replace(/ \(\d+:\d+\)$/, "");
    const range = { line: loc.line, column: loc.column + 1, endLine: loc.line, endColumn: loc.column + 2 };
    facts.syntaxError = { message, range };
    return facts;
  }

  const model = getApiModel();
  const declared = new Map<string, AnyNode[]>();
  const referenced = new Map<string, number>();
  /** Identifiers a variable declaration or a function declaration binds: the ones `unused-local` reports. */
  const reportable = new Set<AnyNode>();
  const bindings = new Set<AnyNode>();
  walk(program, (node, parent) => {
    const declare = (id: AnyNode) => {
      declared.set(String(id.name), [...(declared.get(String(id.name)) ?? []), id]);
      bindings.add(id);
    };
    if (node.type === "VariableDeclarator")
      bindingIdentifiers(node.id as AnyNode).forEach((id) => {
        declare(id);
        reportable.add(id);
      });
    if (node.type === "FunctionDeclaration" && node.id) reportable.add(node.id as AnyNode);
    if (FUNCTIONS.has(node.type) || node.type === "ClassDeclaration" || node.type === "ClassExpression") {
      if (node.id) declare(node.id as AnyNode);
      for (const p of (node.params as AnyNode[] | undefined) ?? []) bindingIdentifiers(p).forEach(declare);
    }
    if (node.type === "CatchClause" && node.param) bindingIdentifiers(node.param as AnyNode).forEach(declare);
    // A name being declared (`b` in `const [a, b] = ...`) is not a use of it.
    if (node.type === "Identifier" && !bindings.has(node) && isReference(node, parent)) {
      const name = String(node.name);
      referenced.set(name, (referenced.get(name) ?? 0) + 1);
    }
  });

  // What each variable holds, when it is an API class instance built once: `const agent = Agent.builder()...`.
  const variableClass = new Map<string, string | null>();
  const typeOf = (node: AnyNode | undefined): ApiOwner | { member: string; on: ApiOwner } | undefined => {
    if (!node) return undefined;
    if (node.type === "AwaitExpression" || node.type === "ParenthesizedExpression")
      return typeOf(node.argument as AnyNode);
    if (node.type === "Identifier") {
      const name = String(node.name);
      if (model.globals.has(name) && !declared.has(name)) return { kind: "global", name };
      const cls = variableClass.get(name);
      return cls ? { kind: "class", name: cls } : undefined;
    }
    if (node.type === "MemberExpression" && !node.computed) {
      const owner = typeOf(node.object as AnyNode);
      if (owner && "kind" in owner) return { member: String((node.property as AnyNode).name), on: owner };
      return undefined;
    }
    if (node.type === "CallExpression") {
      const callee = typeOf(node.callee as AnyNode);
      if (callee && "member" in callee) {
        const scope =
          callee.on.kind === "global" ? model.globals.get(callee.on.name) : model.classes.get(callee.on.name);
        const cls = scope?.members.get(callee.member)?.returnsClass;
        return cls ? { kind: "class", name: cls } : undefined;
      }
    }
    return undefined;
  };

  const assign = (name: string, value: AnyNode | undefined) => {
    const t = typeOf(value);
    const cls = t && "kind" in t && t.kind === "class" ? t.name : null;
    variableClass.set(name, variableClass.has(name) && variableClass.get(name) !== cls ? null : cls);
  };
  // The classes variables hold, first (a later reassignment to another kind makes the variable unknown).
  walk(program, (node) => {
    if (node.type === "VariableDeclarator" && (node.id as AnyNode).type === "Identifier")
      assign(String((node.id as AnyNode).name), node.init as AnyNode);
    if (node.type === "AssignmentExpression" && (node.left as AnyNode).type === "Identifier")
      assign(String((node.left as AnyNode).name), node.operator === "=" ? (node.right as AnyNode) : undefined);
  });

  walk(program, (node, parent) => {
    if (node.type === "MemberExpression" && !node.computed) {
      const owner = typeOf(node.object as AnyNode);
      if (owner && "kind" in owner) {
        const called = parent?.type === "CallExpression" && parent.callee === node;
        facts.memberUses.push({
          owner,
          name: String((node.property as AnyNode).name),
          range: rangeOf(node.property as AnyNode),
          use: called ? "dot-call" : "read",
        });
      }
    }
    if (node.type === "CallExpression") extractCall(node, parent);
    if (node.type === "BlockStatement" || node.type === "Program" || node.type === "SwitchCase") {
      const body = (node.type === "SwitchCase" ? node.consequent : node.body) as AnyNode[];
      const exit = body.findIndex((s) => EXITS.has(s.type));
      const next = body.slice(exit + 1).find((s) => s.type !== "FunctionDeclaration" && s.type !== "EmptyStatement");
      if (exit >= 0 && next) facts.unreachable.push(rangeOf(next));
    }
    if (
      ((node.type === "WhileStatement" || node.type === "DoWhileStatement") && isTrue(node.test as AnyNode)) ||
      (node.type === "ForStatement" && isTrue(node.test as AnyNode | null))
    ) {
      if (!canLeave(node.body as AnyNode)) facts.endlessLoops.push(rangeOf(node));
    }
  });

  function extractCall(node: AnyNode, parent: AnyNode | undefined): void {
    const callee = node.callee as AnyNode;
    const args = node.arguments as AnyNode[];
    const t = typeOf(callee);
    if (t && "member" in t) {
      const scope = t.on.kind === "global" ? model.globals.get(t.on.name) : model.classes.get(t.on.name);
      const member = scope?.members.get(t.member);
      const shown = t.on.kind === "global" ? `${t.on.name}.${t.member}` : t.member;
      const waits = member?.async && (!member.streamsWithoutCallback || args.length >= 2);
      if (waits && parent?.type !== "AwaitExpression" && isUnawaitedUse(node, parent))
        facts.unawaitedCalls.push({
          name: shown,
          range: rangeOf(node),
          needsParens: parent?.type === "MemberExpression" && parent.object === node,
        });
      if (t.on.kind === "global" && t.on.name === "Tool") extractToolCall(t.member, args);
      if (t.member === "model" && t.on.kind === "class") {
        const name = stringOf(args[0]);
        if (name !== undefined) facts.models.push({ name, range: rangeOf(args[0]) });
      }
      if ((t.member === "allowed_tools" || t.member === "tools") && args[0]?.type === "ArrayExpression")
        for (const e of args[0].elements as AnyNode[]) {
          const name = stringOf(e);
          if (name !== undefined) facts.toolNames.push({ name, range: rangeOf(e) });
        }
    }
    // `"ab".repeat(N)` with a literal string and count.
    if (callee.type === "MemberExpression" && !callee.computed && (callee.property as AnyNode).name === "repeat") {
      const unit = stringOf(callee.object as AnyNode);
      const count = literalOf(args[0]);
      if (unit !== undefined && count.kind === "number")
        facts.repeats.push({ count: count.value, unitLength: utf8ByteLength(unit), range: rangeOf(node) });
    }
  }

  function extractToolCall(fn: string, args: AnyNode[]): void {
    const name = stringOf(args[0]);
    if (fn === "register" && args[0]?.type === "ObjectExpression") {
      for (const p of args[0].properties as AnyNode[])
        if (p.type === "Property" && !p.computed && (p.key as AnyNode).name === "name") {
          const registered = stringOf(p.value as AnyNode);
          if (registered !== undefined) facts.registeredTools.push(registered);
        }
      return;
    }
    if (name === undefined) return;
    if (fn === "execute" || fn === "invoke") {
      const call: ToolCallFact = { name, range: rangeOf(args[0]) };
      const params = args[1];
      if (params?.type === "ObjectExpression") {
        const keys = new Map<string, { range: SourceRange; value: LiteralValue }>();
        let plain = true;
        for (const p of params.properties as AnyNode[]) {
          if (p.type !== "Property" || p.computed) plain = false;
          else {
            const key = p.key as AnyNode;
            const keyName = key.type === "Identifier" ? String(key.name) : stringOf(key);
            if (keyName === undefined) plain = false;
            else keys.set(keyName, { range: rangeOf(p.value as AnyNode), value: literalOf(p.value as AnyNode) });
          }
        }
        if (plain) call.params = { keys, range: rangeOf(params) };
      }
      facts.toolCalls.push(call);
    } else if (fn === "get") facts.toolNames.push({ name, range: rangeOf(args[0]) });
  }

  /** A Promise used as if it were the value: a statement, a variable's value, a property read, an argument. */
  function isUnawaitedUse(node: AnyNode, parent: AnyNode | undefined): boolean {
    if (!parent) return false;
    if (parent.type === "ExpressionStatement" || parent.type === "VariableDeclarator") return true;
    // `.then(...)`, `.catch(...)`, `.finally(...)` use the Promise as one.
    if (parent.type === "MemberExpression" && parent.object === node)
      return !["then", "catch", "finally"].includes(String((parent.property as AnyNode).name));
    if (parent.type === "CallExpression" && parent.callee !== node) {
      const callee = parent.callee as AnyNode;
      // Promise.all([...]), .then(...) and friends take Promises on purpose.
      return !(callee.type === "MemberExpression" && (callee.object as AnyNode).name === "Promise");
    }
    return parent.type === "TemplateLiteral" || parent.type === "BinaryExpression";
  }

  for (const [name, count] of referenced)
    if (!declared.has(name) && !JS_GLOBALS.has(name) && !model.allGlobals.has(name)) {
      let first: AnyNode | undefined;
      walk(program, (node, parent) => {
        if (!first && node.type === "Identifier" && node.name === name && isReference(node, parent)) first = node;
      });
      if (first && count > 0) facts.unknownGlobals.push({ name, range: rangeOf(first) });
    }
  for (const [name, ids] of declared) {
    if (ids.length !== 1 || referenced.has(name) || name.startsWith("_")) continue;
    // Parameters and catch bindings are often unused on purpose; only variables and functions are reported.
    if (reportable.has(ids[0])) facts.unusedLocals.push({ name, range: rangeOf(ids[0]) });
  }
  return facts;
}
