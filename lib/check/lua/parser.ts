/**
 * The Lua 5.4 parser: source text to a Chunk (ast.ts), or the first syntax error as Lua's `load` reports it.
 * Hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no `<const>`/`<close>`
 * attribs). A recursive-descent port of lparser.c's statement functions (expressions.ts has the rest), with the
 * compiler's own checks (compile-checks.ts), so it accepts exactly what `load` accepts.
 */
import type {
  AssignmentStatement,
  Block,
  Chunk,
  Expression,
  FunctionExpression,
  IfClause,
  LocalName,
  Member,
  Name,
  Statement,
} from "./ast";
import type { VarKind } from "./compile-checks";
import { ExpressionParser } from "./expressions";
import { Lexer, type Token } from "./lexer";

/** The name of lparser.c's hidden `for` control variables (they count toward the locals limit). */
const FOR_STATE = "(for state)";

class Parser extends ExpressionParser {
  parseChunk(): Chunk {
    this.checks.openFunction(true, 0);
    this.next();
    const body = this.parseStatementList();
    this.check("<eof>");
    this.checks.closeFunction();
    const { line, column } = this.token;
    return {
      type: "Chunk",
      body,
      comments: this.lexer.comments,
      loc: { line: 1, column: 1, endLine: line, endColumn: column },
    };
  }

  // --- Blocks ---

  private isAtBlockEnd(withUntil: boolean): boolean {
    switch (this.token.type) {
      case "else":
      case "elseif":
      case "end":
      case "<eof>":
        return true;
      case "until":
        return withUntil;
      default:
        return false;
    }
  }

  /** lparser.c's statlist: statements up to the end of the block; `return` must be the last one. */
  private parseStatementList(): Block {
    const body: Statement[] = [];
    while (!this.isAtBlockEnd(true)) {
      if (this.token.type === "return") {
        this.parseStatement(body);
        break;
      }
      this.parseStatement(body);
    }
    return { type: "Block", body, loc: this.makeBlockLoc(body) };
  }

  /** lparser.c's block: a statement list in a scope of its own. */
  private parseBlock(): Block {
    this.checks.enterBlock(false);
    const block = this.parseStatementList();
    this.checks.leaveBlock();
    return block;
  }

  // --- Statements ---

  /** Appends the statement at the current token to `out` (a label also appends the no-ops after it). */
  private parseStatement(out: Statement[]): void {
    const line = this.getLuaLine();
    const start = this.token;
    this.enterLevel();
    switch (start.type) {
      case ";":
        this.next();
        out.push({ type: "EmptyStatement", loc: this.makeLoc(start) });
        break;
      case "if":
        out.push(this.parseIf(start, line));
        break;
      case "while": {
        this.next();
        const condition = this.parseExpression();
        this.checks.enterBlock(true);
        this.checkNext("do");
        const body = this.parseBlock();
        this.checkMatch("end", "while", line);
        this.checks.leaveBlock();
        out.push({ type: "WhileStatement", condition, body, loc: this.makeLoc(start) });
        break;
      }
      case "do": {
        this.next();
        const body = this.parseBlock();
        this.checkMatch("end", "do", line);
        out.push({ type: "DoStatement", body, loc: this.makeLoc(start) });
        break;
      }
      case "for":
        out.push(this.parseFor(start, line));
        break;
      case "repeat": {
        this.checks.enterBlock(true);
        this.checks.enterBlock(false);
        this.next();
        const body = this.parseStatementList();
        this.checkMatch("until", "repeat", line);
        const condition = this.parseExpression(); // inside the body's scope
        this.checks.leaveBlock();
        this.checks.leaveBlock();
        out.push({ type: "RepeatStatement", body, condition, loc: this.makeLoc(start) });
        break;
      }
      case "function":
        out.push(this.parseFunctionStatement(start, line));
        break;
      case "local": {
        this.next();
        const keyword = this.token;
        out.push(this.testNext("function") ? this.parseLocalFunction(start, keyword) : this.parseLocal(start));
        break;
      }
      case "::":
        this.next();
        this.parseLabel(out, start, line);
        break;
      case "return":
        out.push(this.parseReturn(start));
        break;
      case "break":
        this.next();
        this.checks.addBreak(line);
        out.push({ type: "BreakStatement", loc: this.makeLoc(start) });
        break;
      case "goto": {
        this.next();
        const gotoLine = this.getLuaLine();
        const label = this.checkName();
        this.checks.addGoto(label.name, gotoLine);
        out.push({ type: "GotoStatement", label, loc: this.makeLoc(start) });
        break;
      }
      default:
        out.push(this.parseExpressionStatement(start));
    }
    this.leaveLevel();
  }

  private parseIf(start: Token, line: number): Statement {
    const clauses = [this.parseIfClause()];
    while (this.token.type === "elseif") clauses.push(this.parseIfClause());
    const elseBody = this.testNext("else") ? this.parseBlock() : null;
    this.checkMatch("end", "if", line);
    return { type: "IfStatement", clauses, elseBody, loc: this.makeLoc(start) };
  }

  /** lparser.c's test_then_block: `if|elseif condition then block`. */
  private parseIfClause(): IfClause {
    const start = this.token;
    this.next();
    const condition = this.parseExpression();
    this.checkNext("then");
    const body = this.parseBlock();
    return { type: "IfClause", condition, body, loc: this.makeLoc(start) };
  }

  private parseFor(start: Token, line: number): Statement {
    this.checks.enterBlock(true);
    this.next();
    const first = this.toLocalName(this.checkName());
    let statement: Statement;
    if (this.token.type === "=") {
      for (const name of [FOR_STATE, FOR_STATE, FOR_STATE, first.name]) this.checks.declareLocal(name);
      this.next();
      const from = this.parseExpression();
      this.checkNext(",");
      const limit = this.parseExpression();
      const step = this.testNext(",") ? this.parseExpression() : null;
      this.checks.activateLocals(3);
      const body = this.parseForBody(1);
      const loc = this.makeLoc(start); // set again below, after `end`
      statement = { type: "NumericForStatement", variable: first, start: from, limit, step, body, loc };
    } else if (this.token.type === "," || this.token.type === "in") {
      for (const name of [FOR_STATE, FOR_STATE, FOR_STATE, FOR_STATE, first.name]) this.checks.declareLocal(name);
      const variables = [first];
      while (this.testNext(",")) {
        const name = this.toLocalName(this.checkName());
        this.checks.declareLocal(name.name);
        variables.push(name);
      }
      this.checkNext("in");
      const iterators = this.parseExpressionList();
      this.checks.activateLocals(4);
      const body = this.parseForBody(variables.length);
      statement = { type: "GenericForStatement", variables, iterators, body, loc: this.makeLoc(start) };
    } else {
      return this.fail("'=' or 'in' expected");
    }
    this.checkMatch("end", "for", line);
    this.checks.leaveBlock();
    statement.loc = this.makeLoc(start);
    return statement;
  }

  private parseForBody(variables: number): Block {
    this.checkNext("do");
    this.checks.enterBlock(false);
    this.checks.activateLocals(variables);
    const body = this.parseBlock();
    this.checks.leaveBlock();
    return body;
  }

  /** `function a.b.c:m() end`: the name path is read as variable then fields. */
  private parseFunctionStatement(start: Token, line: number): Statement {
    this.next();
    let target: Name | Member = this.parseName();
    while (this.token.type === ".") target = this.parseFieldSelector(target) as Member;
    const isMethod = this.token.type === ":";
    if (isMethod) target = this.parseFieldSelector(target) as Member;
    const func = this.parseFunctionBody(start, isMethod, line);
    if (target.type === "Name") this.checkReadonly(target);
    return { type: "FunctionStatement", target, isMethod, func, loc: this.makeLoc(start) };
  }

  /** `local function f`: f is in scope inside its own body. */
  private parseLocalFunction(start: Token, keyword: Token): Statement {
    const name = this.toLocalName(this.checkName());
    this.checks.declareLocal(name.name);
    this.checks.activateLocals(1);
    const func = this.parseFunctionBody(keyword, false, this.getLuaLine());
    return { type: "LocalFunctionStatement", name, func, loc: this.makeLoc(start) };
  }

  /** `local a <const>, b = values`: the names come into scope after the values. */
  private parseLocal(start: Token): Statement {
    const names: LocalName[] = [];
    let closes = 0;
    do {
      const name = this.toLocalName(this.checkName());
      this.checks.declareLocal(name.name);
      name.attrib = this.parseAttribute();
      if (name.attrib) this.checks.setLastLocalKind(name.attrib);
      if (name.attrib === "close" && closes++ > 0) this.fail("multiple to-be-closed variables in local list", false);
      names.push(name);
    } while (this.testNext(","));
    const values = this.testNext("=") ? this.parseExpressionList() : [];
    this.checks.activateLocals(names.length);
    return { type: "LocalStatement", names, values, loc: this.makeLoc(start) };
  }

  /** `<const>`, `<close>` or nothing. */
  private parseAttribute(): Exclude<VarKind, "reg"> | null {
    if (!this.testNext("<")) return null;
    const attribute = this.checkName().name;
    this.checkNext(">");
    if (attribute === "const" || attribute === "close") return attribute;
    return this.fail(`unknown attribute '${attribute}'`, false);
  }

  /**
   * `::name::`. Lua reads the `;` and labels right after it first (they are part of it), so a label that ends
   * its block lets gotos jump over the block's locals to it.
   */
  private parseLabel(out: Statement[], start: Token, line: number): void {
    const label = this.checkName();
    this.checkNext("::");
    out.push({ type: "LabelStatement", label, loc: this.makeLoc(start) });
    while (this.token.type === ";" || this.token.type === "::") this.parseStatement(out);
    this.checks.addLabel(label.name, line, this.isAtBlockEnd(false));
  }

  private parseReturn(start: Token): Statement {
    this.next();
    const values = this.isAtBlockEnd(true) || this.token.type === ";" ? [] : this.parseExpressionList();
    this.testNext(";");
    return { type: "ReturnStatement", values, loc: this.makeLoc(start) };
  }

  /** A call, or an assignment `targets = values` (lparser.c's exprstat and restassign). */
  private parseExpressionStatement(start: Token): Statement {
    const first = this.parseSuffixedExpression();
    if (this.token.type !== "=" && this.token.type !== ",") {
      if (first.type !== "Call" && first.type !== "MethodCall") this.fail("syntax error");
      return { type: "CallStatement", call: first, loc: this.makeLoc(start) };
    }
    const targets: AssignmentStatement["targets"] = [];
    let target = first;
    for (;;) {
      if (target.type !== "Name" && target.type !== "Member" && target.type !== "Index") this.fail("syntax error");
      this.checkReadonly(target);
      targets.push(target);
      if (!this.testNext(",")) break;
      target = this.parseSuffixedExpression();
      this.enterLevel(); // lparser.c's restassign recurses for each further target
    }
    this.checkNext("=");
    const values = this.parseExpressionList();
    for (let i = 1; i < targets.length; i++) this.leaveLevel();
    return { type: "AssignmentStatement", targets, values, loc: this.makeLoc(start) };
  }

  /** lparser.c's check_readonly: a `<const>` or `<close>` local (or upvalue) cannot be assigned. */
  private checkReadonly(target: Expression): void {
    if (target.type !== "Name") return;
    const kind = this.checks.findKind(target.name);
    if (kind === "const" || kind === "close") this.fail(`attempt to assign to const variable '${target.name}'`, false);
  }

  private toLocalName(name: { name: string; loc: LocalName["loc"] }): LocalName {
    return { type: "LocalName", name: name.name, attrib: null, loc: name.loc };
  }

  /** lparser.c's body: `(params) block end`, in a function of its own. */
  protected parseFunctionBody(start: Token, isMethod: boolean, line: number): FunctionExpression {
    this.checks.openFunction(false, line);
    if (isMethod) {
      this.checks.declareLocal("self");
      this.checks.activateLocals(1);
    }
    this.checkNext("(");
    const params: LocalName[] = [];
    let isVararg = false;
    if (this.token.type !== ")") {
      do {
        if (this.token.type === "<name>") {
          const param = this.toLocalName(this.checkName());
          this.checks.declareLocal(param.name);
          params.push(param);
        } else if (this.token.type === "...") {
          this.next();
          isVararg = true;
        } else {
          this.fail("<name> or '...' expected");
        }
      } while (!isVararg && this.testNext(","));
    }
    this.checks.activateLocals(params.length);
    if (isVararg) this.checks.setVararg();
    this.checkNext(")");
    const body = this.parseStatementList();
    this.checkMatch("end", "function", line);
    this.checks.closeFunction();
    return { type: "Function", params, isVararg, isMethod, body, loc: this.makeLoc(start) };
  }
}

/** Parses a whole source; throws LuaSyntaxError (lexer.ts) with the first error. */
export function parseChunk(source: string): Chunk {
  return new Parser(new Lexer(source)).parseChunk();
}
