/**
 * Name resolution over a parsed Lua 5.4 chunk (the hand-written parser's tree; no maintained npm parser reads
 * Lua 5.4, see ast.ts): each Name expression resolves to the local that declares it (a `local`, a parameter, a
 * `for` variable, a `local function`, a method's implicit `self`) or is a global; each local lists its references.
 * Lua's scoping: `local x = x` reads the outer x, a `local function` sees itself, `repeat ... until cond` sees
 * the body's locals, a `for` loop's expressions do not see its variables.
 */
import type { Block, Chunk, Expression, FunctionExpression, Loc, LocalName, Name, Statement } from "./ast";

interface LocalReference {
  loc: Loc;
  kind: "read" | "write";
  /** From inside a function nested in the one that declares the local. */
  upvalue: boolean;
}

interface LocalVariable {
  name: string;
  /** The declaring name (for `self`, the method's name in `function a:m()`). */
  loc: Loc;
  kind: "local" | "function" | "parameter" | "for" | "self";
  attrib: "const" | "close" | null;
  references: LocalReference[];
}

interface GlobalAccess {
  name: string;
  loc: Loc;
  kind: "read" | "write";
}

export interface Scopes {
  /** Every use of a global name, in source order. */
  globals: GlobalAccess[];
  /** Every local, in order of declaration. */
  locals: LocalVariable[];
  /** The local each Name expression resolves to; a Name not in the map is a global. */
  declarations: Map<Name, LocalVariable>;
}

class Resolver {
  readonly scopes: Scopes = { globals: [], locals: [], declarations: new Map() };
  /** The visible locals, innermost last, with the depth of the function declaring each. */
  private readonly visible: { variable: LocalVariable; depth: number }[] = [];
  private depth = 0;

  block(block: Block): void {
    const mark = this.visible.length;
    for (const statement of block.body) this.statement(statement);
    this.visible.length = mark;
  }

  private declare(loc: Loc, name: string, kind: LocalVariable["kind"], attrib: LocalName["attrib"] = null): void {
    const variable: LocalVariable = { name, loc, kind, attrib, references: [] };
    this.scopes.locals.push(variable);
    this.visible.push({ variable, depth: this.depth });
  }

  private reference(node: Name, kind: "read" | "write"): void {
    for (let i = this.visible.length - 1; i >= 0; i--) {
      const { variable, depth } = this.visible[i];
      if (variable.name !== node.name) continue;
      variable.references.push({ loc: node.loc, kind, upvalue: depth < this.depth });
      this.scopes.declarations.set(node, variable);
      return;
    }
    this.scopes.globals.push({ name: node.name, loc: node.loc, kind });
  }

  private statement(s: Statement): void {
    switch (s.type) {
      case "LocalStatement":
        this.expressions(s.values);
        for (const name of s.names) this.declare(name.loc, name.name, "local", name.attrib);
        break;
      case "AssignmentStatement":
        for (const target of s.targets) {
          if (target.type === "Name") this.reference(target, "write");
          else this.expression(target);
        }
        this.expressions(s.values);
        break;
      case "CallStatement":
        this.expression(s.call);
        break;
      case "DoStatement":
        this.block(s.body);
        break;
      case "WhileStatement":
        this.expression(s.condition);
        this.block(s.body);
        break;
      case "RepeatStatement": {
        const mark = this.visible.length;
        for (const statement of s.body.body) this.statement(statement);
        this.expression(s.condition);
        this.visible.length = mark;
        break;
      }
      case "IfStatement":
        for (const clause of s.clauses) {
          this.expression(clause.condition);
          this.block(clause.body);
        }
        if (s.elseBody) this.block(s.elseBody);
        break;
      case "NumericForStatement":
      case "GenericForStatement": {
        const variables = s.type === "NumericForStatement" ? [s.variable] : s.variables;
        if (s.type === "NumericForStatement") this.expressions([s.start, s.limit, ...(s.step ? [s.step] : [])]);
        else this.expressions(s.iterators);
        const mark = this.visible.length;
        for (const variable of variables) this.declare(variable.loc, variable.name, "for");
        this.block(s.body);
        this.visible.length = mark;
        break;
      }
      case "FunctionStatement":
        if (s.target.type === "Name") this.reference(s.target, "write");
        else this.expression(s.target);
        this.func(s.func, s.target.type === "Member" ? s.target.property.loc : s.target.loc);
        break;
      case "LocalFunctionStatement":
        this.declare(s.name.loc, s.name.name, "function");
        this.func(s.func);
        break;
      case "ReturnStatement":
        this.expressions(s.values);
        break;
      case "BreakStatement":
      case "GotoStatement":
      case "LabelStatement":
      case "EmptyStatement":
        break;
    }
  }

  /** A function's parameters and body; `selfLoc` is where a method's implicit `self` is declared. */
  private func(f: FunctionExpression, selfLoc: Loc = f.loc): void {
    this.depth++;
    const mark = this.visible.length;
    if (f.isMethod) this.declare(selfLoc, "self", "self");
    for (const param of f.params) this.declare(param.loc, param.name, "parameter");
    this.block(f.body);
    this.visible.length = mark;
    this.depth--;
  }

  private expressions(list: Expression[]): void {
    for (const e of list) this.expression(e);
  }

  private expression(e: Expression): void {
    switch (e.type) {
      case "Name":
        this.reference(e, "read");
        break;
      case "Member":
        this.expression(e.object);
        break;
      case "Index":
        this.expression(e.object);
        this.expression(e.key);
        break;
      case "Call":
        this.expression(e.callee);
        this.expressions(e.args);
        break;
      case "MethodCall":
        this.expression(e.object);
        this.expressions(e.args);
        break;
      case "Paren":
        this.expression(e.expression);
        break;
      case "Binary":
        this.expression(e.left);
        this.expression(e.right);
        break;
      case "Unary":
        this.expression(e.argument);
        break;
      case "Table":
        for (const field of e.fields) {
          if (field.type === "KeyedField") this.expression(field.key);
          this.expression(field.value);
        }
        break;
      case "Function":
        this.func(e);
        break;
      case "Nil":
      case "Boolean":
      case "Vararg":
      case "Number":
      case "String":
        break;
    }
  }
}

/** Resolves every name of a chunk (see Scopes). */
export function resolveScopes(chunk: Chunk): Scopes {
  const resolver = new Resolver();
  resolver.block(chunk.body);
  return resolver.scopes;
}
