/**
 * The Lua 5.4 syntax tree the checker reads: one discriminated union on `type` per kind of statement,
 * expression and table field. Hand-written (with lexer.ts and parser.ts) because no maintained npm parser reads
 * Lua 5.4: luaparse stops at 5.3 (no `<const>`/`<close>` attribs).
 *
 * Positions: every node has `loc` with 1-based lines and 1-based columns; the end is EXCLUSIVE (`endColumn` is
 * the column just after the node's last character). Columns count UTF-16 code units, as Monaco does. Lines are
 * counted the way Lua counts them: `\n`, `\r`, `\r\n` and `\n\r` each end one line.
 *
 * Only the node types some module names are exported (knip); reach another through its union, e.g.
 * `Extract<Statement, { type: "LocalStatement" }>`, or export it when a rule needs it.
 */

export interface Loc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A whole source. `comments` holds every comment in source order (they are not part of the tree). */
export interface Chunk {
  type: "Chunk";
  body: Block;
  comments: Comment[];
  loc: Loc;
}

export interface Comment {
  type: "Comment";
  /** The text after `--` (a short comment) or between the brackets (a long one). */
  text: string;
  long: boolean;
  loc: Loc;
}

/**
 * A statement list. Its loc spans its statements; an empty block is a zero-width loc where its closing token
 * (or the end of the source) starts.
 */
export interface Block {
  type: "Block";
  body: Statement[];
  loc: Loc;
}

/** A name that declares a local: `local` names, parameters, `for` variables, a `local function`'s name. */
export interface LocalName {
  type: "LocalName";
  name: string;
  attrib: "const" | "close" | null;
  loc: Loc;
}

/** A name that is not a variable: a field or method name (`a.b`, `a:b()`, `{b = 1}`), a label. */
export interface Identifier {
  type: "Identifier";
  name: string;
  loc: Loc;
}

export type Statement =
  | LocalStatement
  | AssignmentStatement
  | CallStatement
  | DoStatement
  | WhileStatement
  | RepeatStatement
  | IfStatement
  | NumericForStatement
  | GenericForStatement
  | FunctionStatement
  | LocalFunctionStatement
  | ReturnStatement
  | BreakStatement
  | GotoStatement
  | LabelStatement
  | EmptyStatement;

interface LocalStatement {
  type: "LocalStatement";
  names: LocalName[];
  values: Expression[];
  loc: Loc;
}

export interface AssignmentStatement {
  type: "AssignmentStatement";
  targets: (Name | Member | Index)[];
  values: Expression[];
  loc: Loc;
}

interface CallStatement {
  type: "CallStatement";
  call: Call | MethodCall;
  loc: Loc;
}

interface DoStatement {
  type: "DoStatement";
  body: Block;
  loc: Loc;
}

interface WhileStatement {
  type: "WhileStatement";
  condition: Expression;
  body: Block;
  loc: Loc;
}

/** `repeat body until condition`: the condition sees the body's locals. */
interface RepeatStatement {
  type: "RepeatStatement";
  body: Block;
  condition: Expression;
  loc: Loc;
}

/** `if` and each `elseif` are clauses, in order; `elseBody` is the `else` part. */
interface IfStatement {
  type: "IfStatement";
  clauses: IfClause[];
  elseBody: Block | null;
  loc: Loc;
}

/** `if|elseif condition then body`, from its keyword to the end of its body. */
export interface IfClause {
  type: "IfClause";
  condition: Expression;
  body: Block;
  loc: Loc;
}

interface NumericForStatement {
  type: "NumericForStatement";
  variable: LocalName;
  start: Expression;
  limit: Expression;
  step: Expression | null;
  body: Block;
  loc: Loc;
}

interface GenericForStatement {
  type: "GenericForStatement";
  variables: LocalName[];
  iterators: Expression[];
  body: Block;
  loc: Loc;
}

/**
 * `function a.b.c:m() end`: `target` is the name path as an expression (`a`, or Member nodes for `.b.c` and for
 * `:m`); with `isMethod`, the function has an implicit first parameter `self`.
 */
interface FunctionStatement {
  type: "FunctionStatement";
  target: Name | Member;
  isMethod: boolean;
  func: FunctionExpression;
  loc: Loc;
}

/** `local function f() end`: `f` is visible inside its own body. */
interface LocalFunctionStatement {
  type: "LocalFunctionStatement";
  name: LocalName;
  func: FunctionExpression;
  loc: Loc;
}

interface ReturnStatement {
  type: "ReturnStatement";
  values: Expression[];
  loc: Loc;
}

interface BreakStatement {
  type: "BreakStatement";
  loc: Loc;
}

interface GotoStatement {
  type: "GotoStatement";
  label: Identifier;
  loc: Loc;
}

/** `::name::` */
interface LabelStatement {
  type: "LabelStatement";
  label: Identifier;
  loc: Loc;
}

/** A lone `;`. */
interface EmptyStatement {
  type: "EmptyStatement";
  loc: Loc;
}

export type Expression =
  | NilLiteral
  | BooleanLiteral
  | VarargLiteral
  | NumberLiteral
  | StringLiteral
  | FunctionExpression
  | TableConstructor
  | BinaryExpression
  | UnaryExpression
  | Name
  | Member
  | Index
  | Call
  | MethodCall
  | Paren;

interface NilLiteral {
  type: "Nil";
  loc: Loc;
}

interface BooleanLiteral {
  type: "Boolean";
  value: boolean;
  loc: Loc;
}

/** `...` */
interface VarargLiteral {
  type: "Vararg";
  loc: Loc;
}

/**
 * A numeral as Lua reads it: `kind` is Lua's subtype. A decimal integer too large for 64 bits is a float (as
 * in Lua); a hexadecimal one wraps around modulo 2^64 (as in Lua). `value` is the nearest JS number (integers
 * beyond 2^53 lose precision there; `raw` keeps the text).
 */
interface NumberLiteral {
  type: "Number";
  kind: "integer" | "float";
  value: number;
  raw: string;
  loc: Loc;
}

/**
 * A string literal. `value` is the string's bytes (escapes applied, a long string's first newline dropped and
 * its line ends read as `\n`) decoded as UTF-8, with U+FFFD for bytes that are not UTF-8.
 */
export interface StringLiteral {
  type: "String";
  value: string;
  long: boolean;
  raw: string;
  loc: Loc;
}

/** `function (params) body end`; also the function of FunctionStatement and LocalFunctionStatement. */
export interface FunctionExpression {
  type: "Function";
  params: LocalName[];
  isVararg: boolean;
  /** Declared with `:`: `self` is an implicit first parameter. */
  isMethod: boolean;
  body: Block;
  loc: Loc;
}

export interface TableConstructor {
  type: "Table";
  fields: TableField[];
  loc: Loc;
}

export type TableField = KeyedField | NamedField | ListField;

/** `[key] = value` */
interface KeyedField {
  type: "KeyedField";
  key: Expression;
  value: Expression;
  loc: Loc;
}

/** `name = value` */
interface NamedField {
  type: "NamedField";
  key: Identifier;
  value: Expression;
  loc: Loc;
}

/** A positional `value`. */
interface ListField {
  type: "ListField";
  value: Expression;
  loc: Loc;
}

export type BinaryOperator =
  | "or"
  | "and"
  | "<"
  | ">"
  | "<="
  | ">="
  | "~="
  | "=="
  | "|"
  | "~"
  | "&"
  | "<<"
  | ">>"
  | ".."
  | "+"
  | "-"
  | "*"
  | "/"
  | "//"
  | "%"
  | "^";

interface BinaryExpression {
  type: "Binary";
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
  loc: Loc;
}

export interface UnaryExpression {
  type: "Unary";
  operator: "not" | "-" | "#" | "~";
  argument: Expression;
  loc: Loc;
}

/** A variable: a local, an upvalue or a global (scope.ts tells which). */
export interface Name {
  type: "Name";
  name: string;
  loc: Loc;
}

/** `object.property` */
export interface Member {
  type: "Member";
  object: Expression;
  property: Identifier;
  loc: Loc;
}

/** `object[key]` */
interface Index {
  type: "Index";
  object: Expression;
  key: Expression;
  loc: Loc;
}

/** How a call passes its arguments: `f(a, b)`, `f"str"` or `f{...}`. */
type ArgumentStyle = "parens" | "string" | "table";

export interface Call {
  type: "Call";
  callee: Expression;
  args: Expression[];
  argStyle: ArgumentStyle;
  loc: Loc;
}

/** `object:method(args)` */
export interface MethodCall {
  type: "MethodCall";
  object: Expression;
  method: Identifier;
  args: Expression[];
  argStyle: ArgumentStyle;
  loc: Loc;
}

/** `(expression)`: kept because it truncates a call or `...` to one value and is not assignable. */
interface Paren {
  type: "Paren";
  expression: Expression;
  loc: Loc;
}
