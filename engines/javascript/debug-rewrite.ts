/**
 * The source rewrite behind JavaScript debug runs. QuickJS's interrupt handler can neither tell a line nor
 * pause, so a debug run compiles a rewritten spell: before the first statement of each line it adds
 *
 *     if (__ls_b[LINE]) await __ls_h(LINE, SCOPES);   // at the top level and in async functions
 *     if (__ls_b[LINE]) __ls_s(LINE, SCOPES);         // in synchronous functions
 *
 * on the same line (line numbers are kept; only columns move). `__ls_b` is an array of line flags the host
 * sets (a breakpoint's line, or every line while stepping), so a line with nothing armed costs one array read.
 * `SCOPES` is `[locals, closure, globals]`, each an object of getters (`{x: () => x}`), built only when the line
 * is armed; a getter of a `let` still in its temporal dead zone throws, and the inspector shows it as such.
 *
 * How it suspends (only the sync QuickJS variant is installed, and quickjs-emscripten has no async job pump
 * or async `callFunction`, so an asyncify build could not resume a pause inside a promise job either): where
 * the spell can already wait (the top level and async functions) the hook is awaited, and the host answers it
 * with a promise the client settles; the job pump sleeps meanwhile, exactly as it does for a model call, so no
 * CPU is counted. In a synchronous function the hook is a plain host call: a client that answers at once (the
 * CLI reading stdin, a test script) pauses there; an asynchronous one (the page) has its pause moved to the
 * next statement that can await. Making every function async instead would change what the spell computes
 * (callbacks into `map` or `sort` would return promises) and cost an await per call.
 *
 * Written over acorn (already the checker's parser): no instrumentation library targets QuickJS or keeps
 * line numbers while adding awaits.
 */
import { parse, type Node } from "acorn";

/** Names the rewrite adds to the spell (module-scope constants, read from a global the host sets once). */
export const DEBUG_GLOBAL = "__llmspell_debug";

interface Scope {
  names: Set<string>;
  /** A function's scope (params, `var`, function declarations); blocks hold `let`/`const`/`class`. */
  fn: boolean;
  /** The top level of the spell: its names show as the spell's globals. */
  top: boolean;
}

interface Insert {
  pos: number;
  text: string;
  /** Order for inserts at one position: closing braces before the next hook. */
  order: number;
}

type AnyNode = Node & Record<string, unknown>;

/** Rewrite `source` for a debug run (see the file comment). Throws acorn's SyntaxError for a bad spell. */
export function instrumentForDebug(source: string): string {
  const ast = parse(source, {
    ecmaVersion: "latest",
    sourceType: "module",
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    locations: true,
  }) as unknown as AnyNode;
  const inserts: Insert[] = [];
  const lineOf = (n: AnyNode) => (n.loc as { start: { line: number } }).start.line;

  const topScope: Scope = { names: new Set(), fn: true, top: true };
  hoist(ast.body as AnyNode[], topScope, true);

  const scopeText = (chain: Scope[]): string => {
    // Innermost declaration of a name wins; split into this function's, outer functions', and top-level names.
    const seen = new Set<string>();
    const groups: string[][] = [[], [], []];
    let crossedFunction = false;
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i];
      const group = s.top ? 2 : crossedFunction ? 1 : 0;
      for (const name of s.names) {
        if (seen.has(name)) continue;
        seen.add(name);
        groups[group].push(name);
      }
      if (s.fn) crossedFunction = true;
    }
    return `[${groups.map((g) => `{${g.map((n) => `${JSON.stringify(n)}: () => ${n}`).join(", ")}}`).join(", ")}]`;
  };

  const hookText = (line: number, chain: Scope[], canAwait: boolean) =>
    canAwait
      ? `if (__ls_b[${line}]) await __ls_h(${line}, ${scopeText(chain)}); `
      : `if (__ls_b[${line}]) __ls_s(${line}, ${scopeText(chain)}); `;

  const statementList = (list: AnyNode[], chain: Scope[], canAwait: boolean) => {
    let lastLine = -1;
    for (const stmt of list) {
      const line = lineOf(stmt);
      if (line !== lastLine && instrumentable(stmt)) {
        inserts.push({ pos: stmt.start, text: hookText(line, chain, canAwait), order: 1 });
        lastLine = line;
      }
      visit(stmt, chain, canAwait);
    }
  };

  /**
   * A single statement as the body of if/for/while: made a block so its hook runs with it. An `if`'s body on
   * the `if`'s own line gets none (the line's hook just ran; a second would cost a check and pause twice); a
   * loop's body keeps it, so a one-line loop stops on each turn as Lua's line hook does.
   */
  const bodyStatement = (stmt: AnyNode, chain: Scope[], canAwait: boolean, sameLineAs?: number) => {
    if (stmt.type === "BlockStatement" || !instrumentable(stmt) || lineOf(stmt) === sameLineAs) {
      visit(stmt, chain, canAwait);
      return;
    }
    inserts.push({ pos: stmt.start, text: `{ ${hookText(lineOf(stmt), chain, canAwait)}`, order: 1 });
    visit(stmt, chain, canAwait);
    inserts.push({ pos: stmt.end, text: " }", order: 0 });
  };

  const functionNode = (fn: AnyNode, chain: Scope[]) => {
    const scope: Scope = { names: new Set(), fn: true, top: false };
    for (const p of fn.params as AnyNode[]) patternNames(p, scope.names);
    if (fn.type === "FunctionExpression" && fn.id) scope.names.add((fn.id as AnyNode).name as string);
    const inner = [...chain, scope];
    for (const p of fn.params as AnyNode[]) visit(p, inner, false);
    const body = fn.body as AnyNode;
    const isAsync = fn.async === true && fn.generator !== true;
    if (body.type === "BlockStatement") {
      hoist(body.body as AnyNode[], scope, true);
      statementList(body.body as AnyNode[], inner, isAsync);
    } else visit(body, inner, isAsync);
  };

  const visit = (node: AnyNode | null | undefined, chain: Scope[], canAwait: boolean): void => {
    if (!node || typeof node.type !== "string") return;
    switch (node.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        functionNode(node, chain);
        return;
      case "Program":
        statementList(node.body as AnyNode[], chain, canAwait);
        return;
      case "BlockStatement":
      case "StaticBlock": {
        const scope: Scope = { names: new Set(), fn: node.type === "StaticBlock", top: false };
        hoist(node.body as AnyNode[], scope, false);
        statementList(node.body as AnyNode[], [...chain, scope], node.type === "StaticBlock" ? false : canAwait);
        return;
      }
      case "SwitchStatement": {
        visit(node.discriminant as AnyNode, chain, canAwait);
        const scope: Scope = { names: new Set(), fn: false, top: false };
        for (const c of node.cases as AnyNode[]) hoist(c.consequent as AnyNode[], scope, false);
        const inner = [...chain, scope];
        for (const c of node.cases as AnyNode[]) {
          visit(c.test as AnyNode, inner, canAwait);
          statementList(c.consequent as AnyNode[], inner, canAwait);
        }
        return;
      }
      case "IfStatement":
        visit(node.test as AnyNode, chain, canAwait);
        bodyStatement(node.consequent as AnyNode, chain, canAwait, lineOf(node));
        if (node.alternate) bodyStatement(node.alternate as AnyNode, chain, canAwait, lineOf(node));
        return;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const scope: Scope = { names: new Set(), fn: false, top: false };
        const init = (node.init ?? node.left) as AnyNode | null;
        if (init && init.type === "VariableDeclaration" && init.kind !== "var")
          for (const d of init.declarations as AnyNode[]) patternNames(d.id as AnyNode, scope.names);
        const inner = [...chain, scope];
        for (const k of ["init", "test", "update", "left", "right"]) visit(node[k] as AnyNode, inner, canAwait);
        bodyStatement(node.body as AnyNode, inner, canAwait);
        return;
      }
      case "WhileStatement":
      case "DoWhileStatement":
        visit(node.test as AnyNode, chain, canAwait);
        bodyStatement(node.body as AnyNode, chain, canAwait);
        return;
      case "LabeledStatement":
        visit(node.body as AnyNode, chain, canAwait);
        return;
      case "CatchClause": {
        const scope: Scope = { names: new Set(), fn: false, top: false };
        if (node.param) patternNames(node.param as AnyNode, scope.names);
        visit(node.body as AnyNode, [...chain, scope], canAwait);
        return;
      }
      case "ClassBody":
        for (const m of node.body as AnyNode[]) visit(m, chain, false);
        return;
      case "PropertyDefinition":
        visit(node.key as AnyNode, chain, canAwait);
        // A field initializer runs in its own sync scope: no hooks inside.
        visitExpressionOnly(node.value as AnyNode, chain);
        return;
      default:
        for (const key of Object.keys(node)) {
          if (key === "loc" || key === "type" || key === "start" || key === "end") continue;
          const v = node[key];
          if (Array.isArray(v)) for (const c of v) visit(c as AnyNode, chain, canAwait);
          else if (v && typeof v === "object" && typeof (v as AnyNode).type === "string")
            visit(v as AnyNode, chain, canAwait);
        }
    }
  };

  const visitExpressionOnly = (node: AnyNode | null, chain: Scope[]) => {
    if (node) visit(node, chain, false);
  };

  visit(ast, [topScope], true);

  inserts.sort((a, b) => a.pos - b.pos || a.order - b.order);
  let out = "";
  let at = 0;
  for (const ins of inserts) {
    out += source.slice(at, ins.pos) + ins.text;
    at = ins.pos;
  }
  out += source.slice(at);
  // One line-preserving prologue: the host's hooks as module constants (read once, then removed).
  const prologue = `const { b: __ls_b, h: __ls_h, s: __ls_s } = globalThis.${DEBUG_GLOBAL}; delete globalThis.${DEBUG_GLOBAL}; `;
  return prologue + out;
}

/** Statements that run (a function declaration is hoisted, an import is not a step). */
function instrumentable(stmt: AnyNode): boolean {
  return (
    !["FunctionDeclaration", "ImportDeclaration", "EmptyStatement", "ClassDeclaration"].includes(stmt.type) &&
    !(
      stmt.type === "ExportNamedDeclaration" ||
      stmt.type === "ExportAllDeclaration" ||
      stmt.type === "ExportDefaultDeclaration"
    )
  );
}

/** Names a statement list declares in its scope: `let`/`const`/`class` (and, for a function, `var`s and functions). */
function hoist(list: AnyNode[], scope: Scope, functionScope: boolean): void {
  for (const stmt of list) {
    const s = stmt.type === "ExportNamedDeclaration" && stmt.declaration ? (stmt.declaration as AnyNode) : stmt;
    if (s.type === "VariableDeclaration" && s.kind !== "var")
      for (const d of s.declarations as AnyNode[]) patternNames(d.id as AnyNode, scope.names);
    else if ((s.type === "ClassDeclaration" || s.type === "FunctionDeclaration") && s.id)
      scope.names.add((s.id as AnyNode).name as string);
  }
  if (functionScope) for (const stmt of list) collectVars(stmt, scope.names);
}

/** `var` declarations anywhere in a function body (not in nested functions). */
function collectVars(node: AnyNode | null | undefined, into: Set<string>): void {
  if (!node || typeof node.type !== "string") return;
  if (
    node.type === "FunctionDeclaration" ||
    node.type === "FunctionExpression" ||
    node.type === "ArrowFunctionExpression"
  )
    return;
  if (node.type === "VariableDeclaration" && node.kind === "var")
    for (const d of node.declarations as AnyNode[]) patternNames(d.id as AnyNode, into);
  for (const key of Object.keys(node)) {
    if (key === "loc") continue;
    const v = node[key];
    if (Array.isArray(v)) for (const c of v) collectVars(c as AnyNode, into);
    else if (v && typeof v === "object" && typeof (v as AnyNode).type === "string") collectVars(v as AnyNode, into);
  }
}

function patternNames(p: AnyNode | null, into: Set<string>): void {
  if (!p) return;
  switch (p.type) {
    case "Identifier":
      into.add(p.name as string);
      return;
    case "ObjectPattern":
      for (const prop of p.properties as AnyNode[])
        patternNames((prop.type === "RestElement" ? prop.argument : prop.value) as AnyNode, into);
      return;
    case "ArrayPattern":
      for (const e of p.elements as (AnyNode | null)[]) patternNames(e, into);
      return;
    case "AssignmentPattern":
      patternNames(p.left as AnyNode, into);
      return;
    case "RestElement":
      patternNames(p.argument as AnyNode, into);
      return;
  }
}
