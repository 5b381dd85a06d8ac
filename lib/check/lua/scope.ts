/**
 * Name resolution over a parsed Lua 5.4 chunk: each Name expression resolves to the local that declares it (a
 * `local`, a parameter, a `for` variable, a `local function`, a method's implicit `self`) or is a global; each
 * local lists its references. Lua's scoping: `local x = x` reads the outer x, a `local function` sees itself,
 * `repeat ... until cond` sees the body's locals, a `for` loop's expressions do not see its variables. Part of the
 * Lua 5.4 parser, hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no
 * `<const>`/`<close>` attribs).
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

  resolveBlock(block: Block): void {
    const mark = this.visible.length;
    for (const statement of block.body) this.resolveStatement(statement);
    this.visible.length = mark;
  }

  private declare(loc: Loc, name: string, kind: LocalVariable["kind"], attrib: LocalName["attrib"] = null): void {
    const variable: LocalVariable = { name, loc, kind, attrib, references: [] };
    this.scopes.locals.push(variable);
    this.visible.push({ variable, depth: this.depth });
  }

  private addReference(node: Name, kind: "read" | "write"): void {
    for (let i = this.visible.length - 1; i >= 0; i--) {
      const { variable, depth } = this.visible[i];
      if (variable.name !== node.name) continue;
      variable.references.push({ loc: node.loc, kind, upvalue: depth < this.depth });
      this.scopes.declarations.set(node, variable);
      return;
    }
    this.scopes.globals.push({ name: node.name, loc: node.loc, kind });
  }

  private resolveStatement(s: Statement): void {
    switch (s.type) {
      case "LocalStatement":
        this.resolveExpressions(s.values);
        for (const name of s.names) this.declare(name.loc, name.name, "local", name.attrib);
        break;
      case "AssignmentStatement":
        for (const target of s.targets) {
          if (target.type === "Name") this.addReference(target, "write");
          else this.resolveExpression(target);
        }
        this.resolveExpressions(s.values);
        break;
      case "CallStatement":
        this.resolveExpression(s.call);
        break;
      case "DoStatement":
        this.resolveBlock(s.body);
        break;
      case "WhileStatement":
        this.resolveExpression(s.condition);
        this.resolveBlock(s.body);
        break;
      case "RepeatStatement": {
        const mark = this.visible.length;
        for (const statement of s.body.body) this.resolveStatement(statement);
        this.resolveExpression(s.condition);
        this.visible.length = mark;
        break;
      }
      case "IfStatement":
        for (const clause of s.clauses) {
          this.resolveExpression(clause.condition);
          this.resolveBlock(clause.body);
        }
        if (s.elseBody) this.resolveBlock(s.elseBody);
        break;
      case "NumericForStatement":
      case "GenericForStatement": {
        const variables = s.type === "NumericForStatement" ? [s.variable] : s.variables;
        if (s.type === "NumericForStatement") this.resolveExpressions([s.start, s.limit, ...(s.step ? [s.step] : [])]);
        else this.resolveExpressions(s.iterators);
        const mark = this.visible.length;
        for (const variable of variables) this.declare(variable.loc, variable.name, "for");
        this.resolveBlock(s.body);
        this.visible.length = mark;
        break;
      }
      case "FunctionStatement":
        if (s.target.type === "Name") this.addReference(s.target, "write");
        else this.resolveExpression(s.target);
        this.resolveFunction(s.func, s.target.type === "Member" ? s.target.property.loc : s.target.loc);
        break;
      case "LocalFunctionStatement":
        this.declare(s.name.loc, s.name.name, "function");
        this.resolveFunction(s.func);
        break;
      case "ReturnStatement":
        this.resolveExpressions(s.values);
        break;
      case "BreakStatement":
      case "GotoStatement":
      case "LabelStatement":
      case "EmptyStatement":
        break;
    }
  }

  /** A function's parameters and body; `selfLoc` is where a method's implicit `self` is declared. */
  private resolveFunction(f: FunctionExpression, selfLoc: Loc = f.loc): void {
    this.depth++;
    const mark = this.visible.length;
    if (f.isMethod) this.declare(selfLoc, "self", "self");
    for (const param of f.params) this.declare(param.loc, param.name, "parameter");
    this.resolveBlock(f.body);
    this.visible.length = mark;
    this.depth--;
  }

  private resolveExpressions(list: Expression[]): void {
    for (const e of list) this.resolveExpression(e);
  }

  private resolveExpression(e: Expression): void {
    switch (e.type) {
      case "Name":
        this.addReference(e, "read");
        break;
      case "Member":
        this.resolveExpression(e.object);
        break;
      case "Index":
        this.resolveExpression(e.object);
        this.resolveExpression(e.key);
        break;
      case "Call":
        this.resolveExpression(e.callee);
        this.resolveExpressions(e.args);
        break;
      case "MethodCall":
        this.resolveExpression(e.object);
        this.resolveExpressions(e.args);
        break;
      case "Paren":
        this.resolveExpression(e.expression);
        break;
      case "Binary":
        this.resolveExpression(e.left);
        this.resolveExpression(e.right);
        break;
      case "Unary":
        this.resolveExpression(e.argument);
        break;
      case "Table":
        for (const field of e.fields) {
          if (field.type === "KeyedField") this.resolveExpression(field.key);
          this.resolveExpression(field.value);
        }
        break;
      case "Function":
        this.resolveFunction(e);
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
  resolver.resolveBlock(chunk.body);
  return resolver.scopes;
}
