/**
 * The Lua 5.4 lexer: source text to tokens, one at a time as the parser asks (so a bad token is reported exactly
 * when Lua's llex.c would). Hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at 5.3:
 * no `<const>`/`<close>` attribs). Follows llex.c: ASCII names, Lua's line ends (`\n`, `\r`, `\r\n`, `\n\r`),
 * every string escape, long brackets of any level, greedy numerals, and Lua's error wording and lines.
 */
import type { Comment } from "./ast";
import { readNumeral } from "./numeral";

/** The first syntax error, where Lua reports it: `line` is the line in Lua's `spell:LINE: message`. */
export class LuaSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly endLine: number,
    readonly endColumn: number,
  ) {
    super(message);
  }
}

/**
 * `type` is the keyword or symbol itself (`end`, `==`, `(`), or `<name>`, `<string>`, `<number>`, `<eof>`
 * (Lua's own names for them in messages). `value` is a name, a string's decoded value or a numeral's text.
 */
export interface Token {
  type: string;
  value: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For `<number>`. */
  numberKind?: "integer" | "float";
  numberValue?: number;
  /** For `<string>`: a long bracket string, and its source text. */
  long?: boolean;
  raw?: string;
}

const KEYWORDS = new Set(
  "and break do else elseif end false for function goto if in local nil not or repeat return then true until while".split(
    " ",
  ),
);

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
};

const LINE_END = /\r\n|\n\r|\r|\n/g;

function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Lua's lisspace: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

/** How Lua's messages quote a one-character token: `'@'`, or `'<\N>'` with the first UTF-8 byte if unprintable. */
export function describeSymbol(text: string): string {
  const code = text.codePointAt(0) ?? 0;
  if (code >= 32 && code < 127) return `'${text}'`;
  return `'<\\${new TextEncoder().encode(text)[0]}>'`;
}

/** Lua's messages are C strings: a quoted token holding a NUL character shows up to it (and the closing quote). */
export function cutAtNul(near: string): string {
  const nul = near.indexOf("\0");
  return nul < 0 ? near : `${near.slice(0, nul)}'`;
}

/** A string's value from its pieces: text, and raw bytes >= 0x80 from escapes (decoded together as UTF-8). */
function joinPieces(pieces: (string | number[])[]): string {
  if (pieces.every((p) => typeof p === "string")) return pieces.join("");
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  for (const piece of pieces) bytes.push(...(typeof piece === "string" ? encoder.encode(piece) : piece));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** lobject.c's luaO_utf8esc: up to 6 bytes, for values up to 0x7FFFFFFF (surrogates included). */
function encodeUtf8Escape(value: number): number[] {
  if (value < 0x80) return [value];
  const bytes: number[] = [];
  let limit = 0x3f;
  let x = value;
  do {
    bytes.unshift(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    limit = Math.floor(limit / 2);
  } while (x > limit);
  bytes.unshift(((~limit << 1) & 0xff) | x);
  return bytes;
}

export class Lexer {
  readonly comments: Comment[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly src: string) {}

  /** The next token; throws LuaSyntaxError for a malformed one. */
  next(): Token {
    const src = this.src;
    for (;;) {
      const start = this.pos;
      const c = src.charCodeAt(start);
      if (Number.isNaN(c)) return this.makeToken("<eof>", "", start);
      switch (c) {
        case 10:
        case 13:
          this.skipNewline();
          continue;
        case 32:
        case 9:
        case 11:
        case 12:
          this.pos++;
          continue;
        case 45: // -
          if (src.charCodeAt(start + 1) !== 45) return this.readSymbol(1);
          this.readComment(start);
          continue;
        case 91: {
          // [
          const level = this.measureLongBracket(start);
          if (level >= 0) return this.readLongString(start, level);
          if (src.charCodeAt(start + 1) === 61) {
            this.pos = start + 1;
            while (src.charCodeAt(this.pos) === 61) this.pos++;
            this.fail("invalid long string delimiter", `'${src.slice(start, this.pos)}'`, start);
          }
          return this.readSymbol(1);
        }
        case 61: // =
          return this.readSymbol(src.charCodeAt(start + 1) === 61 ? 2 : 1);
        case 60: // <
        case 62: {
          // >
          const d = src.charCodeAt(start + 1);
          return this.readSymbol(d === 61 || d === c ? 2 : 1);
        }
        case 47: // /
        case 58: // :
          return this.readSymbol(src.charCodeAt(start + 1) === c ? 2 : 1);
        case 126: // ~
          return this.readSymbol(src.charCodeAt(start + 1) === 61 ? 2 : 1);
        case 34:
        case 39:
          return this.readString(start, c);
        case 46: // .
          if (src.charCodeAt(start + 1) === 46) return this.readSymbol(src.charCodeAt(start + 2) === 46 ? 3 : 2);
          if (isDigit(src.charCodeAt(start + 1))) return this.readNumber(start);
          return this.readSymbol(1);
        default:
          if (isDigit(c)) return this.readNumber(start);
          if (isAlpha(c)) return this.readName(start);
          // Any other character is a token of its own, which no rule of the grammar accepts.
          return this.readSymbol(c >= 0xd800 && c <= 0xdbff && start + 1 < src.length ? 2 : 1);
      }
    }
  }

  private makeToken(type: string, value: string, start: number, startLine = this.line, startColumn?: number): Token {
    return {
      type,
      value,
      line: startLine,
      column: startColumn ?? start - this.lineStart + 1,
      endLine: this.line,
      endColumn: this.pos - this.lineStart + 1,
    };
  }

  private readSymbol(length: number): Token {
    const start = this.pos;
    this.pos += length;
    const text = this.src.slice(start, this.pos);
    return this.makeToken(text, text, start);
  }

  /** llex.c's inclinenumber: one line end (`\n`, `\r`, `\r\n` or `\n\r`). */
  private skipNewline(): void {
    const c = this.src.charCodeAt(this.pos++);
    const d = this.src.charCodeAt(this.pos);
    if (isNewline(d) && d !== c) this.pos++;
    this.line++;
    this.lineStart = this.pos;
  }

  /**
   * Throws Lua's lexer error at the current position: `near` is what Lua shows (its token buffer), the range runs
   * from `from` (clipped to the current line) to the current position.
   */
  private fail(message: string, near: string, from: number): never {
    near = cutAtNul(near);
    const column = Math.max(from, this.lineStart) - this.lineStart + 1;
    const endColumn = Math.max(this.pos - this.lineStart + 1, column);
    throw new LuaSyntaxError(`${message} near ${near}`, this.line, column, this.line, endColumn);
  }

  /** At `[`: the level of a long bracket `[==[` starting there, or -1 if it is not one. */
  private measureLongBracket(start: number): number {
    let i = start + 1;
    while (this.src.charCodeAt(i) === 61) i++;
    return this.src.charCodeAt(i) === 91 ? i - start - 1 : -1;
  }

  /** Reads a long bracket's body (after the opening one); returns its text, line ends as `\n`. */
  private readLongBody(start: number, level: number, what: "string" | "comment"): string {
    const startLine = this.line;
    this.pos = start + level + 2;
    // The first line end right after the opening bracket is not part of the text.
    if (isNewline(this.src.charCodeAt(this.pos))) this.skipNewline();
    const bodyStart = this.pos;
    const close = this.src.indexOf(`]${"=".repeat(level)}]`, bodyStart);
    const bodyEnd = close < 0 ? this.src.length : close;
    const body = this.src.slice(bodyStart, bodyEnd);
    let lineEnd: RegExpExecArray | null;
    LINE_END.lastIndex = 0;
    while ((lineEnd = LINE_END.exec(body))) {
      this.line++;
      this.lineStart = bodyStart + lineEnd.index + lineEnd[0].length;
    }
    this.pos = bodyEnd;
    if (close < 0) this.fail(`unfinished long ${what} (starting at line ${startLine})`, "<eof>", bodyEnd);
    this.pos = close + level + 2;
    return body.replace(LINE_END, "\n");
  }

  private readLongString(start: number, level: number): Token {
    const line = this.line;
    const column = start - this.lineStart + 1;
    const value = this.readLongBody(start, level, "string");
    const token = this.makeToken("<string>", value, start, line, column);
    token.long = true;
    token.raw = this.src.slice(start, this.pos);
    return token;
  }

  private readComment(start: number): void {
    const line = this.line;
    const column = start - this.lineStart + 1;
    const level = this.src.charCodeAt(start + 2) === 91 ? this.measureLongBracket(start + 2) : -1;
    let text: string;
    if (level >= 0) {
      text = this.readLongBody(start + 2, level, "comment");
    } else {
      let end = start + 2;
      while (end < this.src.length && !isNewline(this.src.charCodeAt(end))) end++;
      text = this.src.slice(start + 2, end);
      this.pos = end;
    }
    const { endLine, endColumn } = this.makeToken("", "", start);
    this.comments.push({ type: "Comment", text, long: level >= 0, loc: { line, column, endLine, endColumn } });
  }

  private readName(start: number): Token {
    let i = start + 1;
    for (let c = this.src.charCodeAt(i); isAlpha(c) || isDigit(c); c = this.src.charCodeAt(++i));
    this.pos = i;
    const name = this.src.slice(start, i);
    return this.makeToken(KEYWORDS.has(name) ? name : "<name>", name, start);
  }

  /** llex.c's read_numeral: greedy (hex digits, dots, exponents with a sign, one touching letter), then checked. */
  private readNumber(start: number): Token {
    const src = this.src;
    // Lua looks for `0x` at the first digit, even after a leading dot (`.0x1` is one malformed numeral).
    let i = src[start] === "." ? start + 1 : start;
    let exponent = "Ee";
    if (src.charCodeAt(i) === 48 && (src[i + 1] === "x" || src[i + 1] === "X")) {
      exponent = "Pp";
      i += 2;
    }
    for (;;) {
      const c = src.charCodeAt(i);
      if (exponent.includes(src[i] ?? " ")) {
        i++;
        if (src[i] === "+" || src[i] === "-") i++;
      } else if (isHexDigit(c) || c === 46) i++;
      else break;
    }
    if (isAlpha(src.charCodeAt(i))) i++;
    this.pos = i;
    const text = src.slice(start, i);
    const numeral = readNumeral(text);
    if (!numeral) this.fail("malformed number", `'${text}'`, start);
    const token = this.makeToken("<number>", text, start);
    token.numberKind = numeral.kind;
    token.numberValue = numeral.value;
    return token;
  }

  /** llex.c's read_string: a short string with every escape; errors name Lua's token buffer. */
  private readString(start: number, quote: number): Token {
    const src = this.src;
    const line = this.line;
    const column = start - this.lineStart + 1;
    const delimiter = src[start];
    const pieces: (string | number[])[] = [];
    let i = start + 1;
    let segment = i;
    const flush = (to: number) => {
      if (to > segment) pieces.push(src.slice(segment, to));
    };
    // What Lua shows after "near": its buffer (the string so far, escapes applied) and the raw escape at fault.
    const failEscape = (message: string, escapeStart: number, at: number) => {
      this.pos = at < src.length ? at + 1 : at;
      this.fail(message, `'${delimiter}${joinPieces(pieces)}${src.slice(escapeStart, this.pos)}'`, escapeStart);
    };
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === quote) break;
      if (Number.isNaN(c)) {
        this.pos = i;
        this.fail("unfinished string", "<eof>", start);
      }
      if (isNewline(c)) {
        flush(i);
        this.pos = i;
        this.fail("unfinished string", `'${delimiter}${joinPieces(pieces)}'`, start);
      }
      if (c !== 92) {
        i++;
        continue;
      }
      // An escape sequence.
      flush(i);
      const escapeStart = i;
      const e = src[i + 1];
      if (e === undefined) {
        i++;
        segment = i;
        continue; // "unfinished string" on the next turn
      }
      if (e in SIMPLE_ESCAPES) {
        pieces.push(SIMPLE_ESCAPES[e]);
        i += 2;
      } else if (e === "\n" || e === "\r") {
        this.pos = i + 1;
        this.skipNewline();
        i = this.pos;
        pieces.push("\n");
      } else if (e === "x") {
        for (let k = 2; k <= 3; k++) {
          if (!isHexDigit(src.charCodeAt(i + k))) failEscape("hexadecimal digit expected", escapeStart, i + k);
        }
        pushByte(pieces, parseInt(src.slice(i + 2, i + 4), 16));
        i += 4;
      } else if (e === "z") {
        i += 2;
        for (let s = src.charCodeAt(i); isSpace(s); s = src.charCodeAt(i)) {
          if (isNewline(s)) {
            this.pos = i;
            this.skipNewline();
            i = this.pos;
          } else i++;
        }
      } else if (e === "u") {
        i = this.readUtf8Escape(i, pieces, failEscape);
      } else if (isDigit(src.charCodeAt(i + 1))) {
        let j = i + 1;
        let value = 0;
        for (; j < i + 4 && isDigit(src.charCodeAt(j)); j++) value = value * 10 + src.charCodeAt(j) - 48;
        if (value > 255) failEscape("decimal escape too large", escapeStart, j);
        pushByte(pieces, value);
        i = j;
      } else {
        failEscape("invalid escape sequence", escapeStart, i + 1);
      }
      segment = i;
    }
    flush(i);
    this.pos = i + 1;
    const token = this.makeToken("<string>", joinPieces(pieces), start, line, column);
    token.raw = src.slice(start, this.pos);
    return token;
  }

  /** `\u{XXX}` at `i` (the backslash): appends its UTF-8 bytes, returns the index after `}`. */
  private readUtf8Escape(
    i: number,
    pieces: (string | number[])[],
    failEscape: (message: string, escapeStart: number, at: number) => void,
  ): number {
    const src = this.src;
    if (src[i + 2] !== "{") failEscape("missing '{'", i, i + 2);
    if (!isHexDigit(src.charCodeAt(i + 3))) failEscape("hexadecimal digit expected", i, i + 3);
    let value = 0;
    let j = i + 3;
    for (; isHexDigit(src.charCodeAt(j)); j++) {
      if (value > 0x7fffffff >>> 4) failEscape("UTF-8 value too large", i, j);
      value = value * 16 + parseInt(src[j], 16);
    }
    if (src[j] !== "}") failEscape("missing '}'", i, j);
    const bytes = encodeUtf8Escape(value);
    if (value < 0x80) pieces.push(String.fromCharCode(value));
    else pieces.push(bytes);
    return j + 1;
  }
}

function pushByte(pieces: (string | number[])[], byte: number): void {
  pieces.push(byte < 0x80 ? String.fromCharCode(byte) : [byte]);
}
