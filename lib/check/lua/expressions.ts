/**
 * The expression half of the Lua 5.4 parser, with the token cursor and Lua's error reporting the statement half
 * (parser.ts) builds on. Hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3: no
 * `<const>`/`<close>` attribs). A port of lparser.c's expression functions: same order of reading and checking,
 * same messages, so an error comes on the line Lua reports.
 */
import type {
  BinaryOperator,
  Block,
  Call,
  Expression,
  FunctionExpression,
  Identifier,
  Loc,
  MethodCall,
  Name,
  StringLiteral,
  TableConstructor,
  TableField,
  UnaryExpression,
} from "./ast";
import { CompileChecks } from "./compile-checks";
import { cutAtNul, describeSymbol, Lexer, LuaSyntaxError, type Token } from "./lexer";

/** lparser.c's priority table: [left, right]; right < left makes an operator right associative. */
const PRIORITY: Record<BinaryOperator, [number, number]> = {
  or: [1, 1],
  and: [2, 2],
  "<": [3, 3],
  ">": [3, 3],
  "<=": [3, 3],
  ">=": [3, 3],
  "~=": [3, 3],
  "==": [3, 3],
  "|": [4, 4],
  "~": [5, 5],
  "&": [6, 6],
  "<<": [7, 7],
  ">>": [7, 7],
  "..": [9, 8],
  "+": [10, 10],
  "-": [10, 10],
  "*": [11, 11],
  "/": [11, 11],
  "//": [11, 11],
  "%": [11, 11],
  "^": [14, 13],
};
const UNARY_PRIORITY = 12;
const UNARY_OPERATORS = new Set(["not", "-", "#", "~"]);

/**
 * How deep statements and subexpressions may nest: Lua's LUAI_MAXCCALLS (200) counts the C calls under the
 * parser too, and `load` called from Lua is one, so 199 levels fail there. Lua's message ("C stack overflow")
 * has no line; ours is at the token where the limit is reached.
 */
const MAX_LEVELS = 199;

/** Tokens Lua names without quotes in its messages. */
const UNQUOTED = new Set(["<eof>", "<name>", "<string>", "<number>"]);

/** How Lua's messages name a kind of token: `'end'`, `'('`, `<name>`, `<eof>`. */
function describeType(type: string): string {
  return UNQUOTED.has(type) ? type : `'${type}'`;
}

/** How Lua's messages name a token after "near": its text as Lua's lexer buffer holds it. */
function describeToken(token: Token): string {
  switch (token.type) {
    case "<eof>":
      return "<eof>";
    case "<name>":
    case "<number>":
      return `'${token.value}'`;
    case "<string>": {
      const raw = token.raw ?? "";
      const open = token.long ? (/^\[=*\[/.exec(raw)?.[0] ?? "[[") : raw[0];
      const close = token.long ? open.replace(/\[/g, "]") : raw[0];
      return cutAtNul(`'${open}${token.value}${close}'`);
    }
    default:
      return /^[!-~]+$/.test(token.type) ? `'${token.type}'` : describeSymbol(token.type);
  }
}

export abstract class ExpressionParser {
  protected token: Token;
  private ahead: Token | null = null;
  private endLine = 1;
  private endColumn = 1;
  private depth = 0;
  protected readonly checks = new CompileChecks((message, near) => this.fail(message, near));

  constructor(protected readonly lexer: Lexer) {
    this.token = { type: "<eof>", value: "", line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** A function body after `function` (and its name): `(params) block end`. */
  protected abstract parseFunctionBody(start: Token, isMethod: boolean, line: number): FunctionExpression;

  // --- The token cursor ---

  protected next(): void {
    this.endLine = this.token.endLine;
    this.endColumn = this.token.endColumn;
    this.token = this.ahead ?? this.lexer.next();
    this.ahead = null;
  }

  private peekAhead(): Token {
    this.ahead ??= this.lexer.next();
    return this.ahead;
  }

  /** Lua's ls->linenumber: the line where its lexer stands, at the end of the last token read. */
  protected getLuaLine(): number {
    return (this.ahead ?? this.token).endLine;
  }

  /** Whether the current token is of `type` (a method, so TypeScript does not narrow across `next()`). */
  protected testType(type: string): boolean {
    return this.token.type === type;
  }

  protected testNext(type: string): boolean {
    if (this.token.type !== type) return false;
    this.next();
    return true;
  }

  protected check(type: string): void {
    if (this.token.type !== type) this.fail(`${describeType(type)} expected`);
  }

  protected checkNext(type: string): void {
    this.check(type);
    this.next();
  }

  /** lparser.c's check_match: `what` closes `who` opened on `line`. */
  protected checkMatch(what: string, who: string, line: number): void {
    if (this.token.type === what) return this.next();
    if (line === this.getLuaLine()) this.fail(`${describeType(what)} expected`);
    this.fail(`${describeType(what)} expected (to close ${describeType(who)} at line ${line})`);
  }

  protected checkName(): Identifier {
    this.check("<name>");
    const start = this.token;
    this.next();
    return { type: "Identifier", name: start.value, loc: this.makeLoc(start) };
  }

  /**
   * Throws a syntax error at the current token, on the line Lua reports (where the token ends); `near` adds
   * Lua's "near 'token'" (a semantic error, luaK_semerror, has none).
   */
  protected fail(message: string, near = true): never {
    const token = this.token;
    const line = this.getLuaLine();
    const column = token.line === line ? token.column : 1;
    const endColumn = token.endLine === line ? token.endColumn : column;
    const text = near ? `${message} near ${describeToken(token)}` : message;
    throw new LuaSyntaxError(text, line, column, line, Math.max(endColumn, column));
  }

  protected enterLevel(): void {
    if (++this.depth >= MAX_LEVELS) this.fail("C stack overflow (code nested too deeply)", false);
  }

  protected leaveLevel(): void {
    this.depth--;
  }

  // --- Locations ---

  /** From a start (a token or a node's loc) to the end of the last token read. */
  protected makeLoc(start: { line: number; column: number }): Loc {
    return { line: start.line, column: start.column, endLine: this.endLine, endColumn: this.endColumn };
  }

  /** A block's loc: its statements, or an empty point at the current token. */
  protected makeBlockLoc(body: Block["body"]): Loc {
    if (body.length === 0) {
      const { line, column } = this.token;
      return { line, column, endLine: line, endColumn: column };
    }
    const first = body[0].loc;
    const last = body[body.length - 1].loc;
    return { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
  }

  // --- Expressions ---

  protected parseExpression(): Expression {
    return this.parseSubexpression(0);
  }

  protected parseExpressionList(): Expression[] {
    const list = [this.parseExpression()];
    while (this.testNext(",")) list.push(this.parseExpression());
    return list;
  }

  /** lparser.c's subexpr: operators binding tighter than `limit`. */
  private parseSubexpression(limit: number): Expression {
    this.enterLevel();
    let left: Expression;
    const start = this.token;
    if (UNARY_OPERATORS.has(start.type)) {
      this.next();
      const argument = this.parseSubexpression(UNARY_PRIORITY);
      const operator = start.type as UnaryExpression["operator"];
      left = { type: "Unary", operator, argument, loc: this.makeLoc(start) };
    } else {
      left = this.parseSimpleExpression();
    }
    for (let op = this.peekBinaryOperator(); op && PRIORITY[op][0] > limit; op = this.peekBinaryOperator()) {
      this.next();
      const right = this.parseSubexpression(PRIORITY[op][1]);
      left = { type: "Binary", operator: op, left, right, loc: this.makeLoc(left.loc) };
    }
    this.leaveLevel();
    return left;
  }

  private peekBinaryOperator(): BinaryOperator | null {
    const type = this.token.type;
    return Object.hasOwn(PRIORITY, type) ? (type as BinaryOperator) : null;
  }

  private parseSimpleExpression(): Expression {
    const token = this.token;
    switch (token.type) {
      case "<number>":
        this.next();
        return {
          type: "Number",
          kind: token.numberKind ?? "integer",
          value: token.numberValue ?? 0,
          raw: token.value,
          loc: this.makeLoc(token),
        };
      case "<string>":
        return this.parseString();
      case "nil":
        this.next();
        return { type: "Nil", loc: this.makeLoc(token) };
      case "true":
      case "false":
        this.next();
        return { type: "Boolean", value: token.type === "true", loc: this.makeLoc(token) };
      case "...":
        if (!this.checks.isVararg) this.fail("cannot use '...' outside a vararg function");
        this.next();
        return { type: "Vararg", loc: this.makeLoc(token) };
      case "{":
        return this.parseTable();
      case "function":
        this.next();
        return this.parseFunctionBody(token, false, this.getLuaLine());
      default:
        return this.parseSuffixedExpression();
    }
  }

  private parseString(): StringLiteral {
    const token = this.token;
    this.next();
    const { value, raw = "", long = false } = token;
    return { type: "String", value, long, raw, loc: this.makeLoc(token) };
  }

  private parsePrimaryExpression(): Expression {
    const start = this.token;
    if (start.type === "<name>") {
      this.next();
      return { type: "Name", name: start.value, loc: this.makeLoc(start) };
    }
    if (start.type !== "(") this.fail("unexpected symbol");
    const line = this.getLuaLine();
    this.next();
    const expression = this.parseExpression();
    this.checkMatch(")", "(", line);
    return { type: "Paren", expression, loc: this.makeLoc(start) };
  }

  /** A primary expression and its suffixes: `.name`, `[key]`, `:name(args)`, call arguments. */
  protected parseSuffixedExpression(): Expression {
    const line = this.getLuaLine();
    let e = this.parsePrimaryExpression();
    for (;;) {
      const start = e.loc;
      switch (this.token.type) {
        case ".":
          e = this.parseFieldSelector(e);
          break;
        case "[": {
          this.next();
          const key = this.parseExpression();
          this.checkNext("]");
          e = { type: "Index", object: e, key, loc: this.makeLoc(start) };
          break;
        }
        case ":": {
          this.next();
          const method = this.checkName();
          const [args, argStyle] = this.parseCallArguments(line);
          e = { type: "MethodCall", object: e, method, args, argStyle, loc: this.makeLoc(start) } satisfies MethodCall;
          break;
        }
        case "(":
        case "<string>":
        case "{": {
          const [args, argStyle] = this.parseCallArguments(line);
          e = { type: "Call", callee: e, args, argStyle, loc: this.makeLoc(start) } satisfies Call;
          break;
        }
        default:
          return e;
      }
    }
  }

  /** `.name` or `:name` after `object`. */
  protected parseFieldSelector(object: Expression): Expression {
    this.next();
    const property = this.checkName();
    return { type: "Member", object, property, loc: this.makeLoc(object.loc) };
  }

  /** lparser.c's funcargs; `line` is where the called expression starts (for check_match's message). */
  private parseCallArguments(line: number): [Expression[], Call["argStyle"]] {
    switch (this.token.type) {
      case "(": {
        this.next();
        const args = this.testType(")") ? [] : this.parseExpressionList();
        this.checkMatch(")", "(", line);
        return [args, "parens"];
      }
      case "{":
        return [[this.parseTable()], "table"];
      case "<string>":
        return [[this.parseString()], "string"];
      default:
        return this.fail("function arguments expected");
    }
  }

  private parseTable(): TableConstructor {
    const start = this.token;
    const line = this.getLuaLine();
    this.checkNext("{");
    const fields: TableField[] = [];
    do {
      if (this.token.type === "}") break;
      fields.push(this.parseTableField());
    } while (this.testNext(",") || this.testNext(";"));
    this.checkMatch("}", "{", line);
    return { type: "Table", fields, loc: this.makeLoc(start) };
  }

  private parseTableField(): TableField {
    const start = this.token;
    if (start.type === "<name>" && this.peekAhead().type === "=") {
      const key = this.checkName();
      this.checkNext("=");
      const value = this.parseExpression();
      return { type: "NamedField", key, value, loc: this.makeLoc(start) };
    }
    if (start.type === "[") {
      this.next();
      const key = this.parseExpression();
      this.checkNext("]");
      this.checkNext("=");
      const value = this.parseExpression();
      return { type: "KeyedField", key, value, loc: this.makeLoc(start) };
    }
    const value = this.parseExpression();
    return { type: "ListField", value, loc: this.makeLoc(start) };
  }

  /** The name a statement starts with, as a variable. */
  protected parseName(): Name {
    const start = this.token;
    this.check("<name>");
    this.next();
    return { type: "Name", name: start.value, loc: this.makeLoc(start) };
  }
}
