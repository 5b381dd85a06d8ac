/**
 * `text-manipulator`: rs-llmspell's string operations (`llmspell-utils/src/string_utils.rs`), ported one by one.
 * Lengths in the result are UTF-8 byte counts, as rs reports them.
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, paramError, success, TOOL_LIMITS, typeOfJson } from "./support";
import { utf8Length } from "@/lib/encoding/utf8";
import type { JsonObject } from "./types";

const TEXT_OPERATIONS = [
  "uppercase",
  "lowercase",
  "reverse",
  "trim",
  "replace",
  "substring",
  "split",
  "join",
  "snake_case",
  "camel_case",
  "pascal_case",
  "sanitize",
  "truncate",
  "indent",
  "dedent",
  "normalize_whitespace",
  "word_wrap",
] as const;

/** Largest `spaces` for indent and `width` for word_wrap; past these the output could not fit the limit. */
export const TEXT_LIMITS = { maxIndent: 1000, maxWidth: 100_000 } as const;

function lines(s: string): string[] {
  // Rust's str::lines: split on \n, strip a trailing \r, no final empty line.
  if (s === "") return [];
  const parts = s.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

function truncate(s: string, maxLen: number): string {
  const ellipsis = "...";
  if (utf8Length(s) <= maxLen) return s;
  if (maxLen <= ellipsis.length) return ellipsis.slice(0, maxLen);
  const chars = Array.from(s);
  let out = "";
  let bytes = 0;
  for (const ch of chars) {
    const b = utf8Length(ch);
    if (bytes + b > maxLen - ellipsis.length) break;
    out += ch;
    bytes += b;
  }
  return out + ellipsis;
}

function wordWrap(text: string, width: number): string[] {
  if (width === 0) return [];
  const out: string[] = [];
  const chunks = (word: string) => {
    const cs = Array.from(word);
    const res: string[] = [];
    for (let i = 0; i < cs.length; i += width) res.push(cs.slice(i, i + width).join(""));
    return res;
  };
  for (const line of lines(text)) {
    if (utf8Length(line) <= width) {
      out.push(line);
      continue;
    }
    let current = "";
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const wl = utf8Length(word);
      if (current === "") {
        if (wl > width) out.push(...chunks(word));
        else current = word;
      } else if (utf8Length(current) + 1 + wl <= width) {
        current += ` ${word}`;
      } else {
        out.push(current);
        if (wl > width) {
          const parts = chunks(word);
          current = parts.pop() ?? "";
          out.push(...parts);
        } else current = word;
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function toSnakeCase(s: string): string {
  let out = "";
  let prevUpper = false;
  let i = 0;
  for (const ch of s) {
    const isUpper = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    if (isUpper) {
      if (i > 0 && !prevUpper) out += "_";
      out += ch.toLowerCase();
      prevUpper = true;
    } else {
      out += ch;
      prevUpper = false;
    }
    i++;
  }
  return out;
}

function toCamelCase(s: string, pascal = false): string {
  let out = "";
  let capNext = pascal;
  let i = 0;
  for (const ch of s) {
    if (ch === "_" || ch === "-") capNext = true;
    else if (capNext) {
      out += ch.toUpperCase();
      capNext = false;
    } else if (i === 0 && !pascal) out += ch.toLowerCase();
    else out += ch;
    i++;
  }
  return out;
}

function sanitize(s: string): string {
  const trimmed = s.replace(/^ +| +$/g, "");
  return Array.from(trimmed)
    .filter((ch) => ch === "\n" || ch === "\t" || (ch >= " " && ch <= "~"))
    .join("");
}

function joinLines(ls: string[], original: string): string {
  return ls.map((l, i) => (i < ls.length - 1 || original.endsWith("\n") ? `${l}\n` : l)).join("");
}

function indent(s: string, spaces: number): string {
  const prefix = " ".repeat(spaces);
  return joinLines(
    lines(s).map((l) => prefix + l),
    s,
  );
}

function dedent(s: string): string {
  const ls = lines(s);
  const indents = ls.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const min = indents.length ? Math.min(...indents) : 0;
  return joinLines(
    ls.map((l) => (l.length >= min ? l.slice(min) : l)),
    s,
  );
}

function substring(s: string, start: number, end: number): string {
  const cs = Array.from(s);
  if (start >= cs.length || end > cs.length || start >= end) return "";
  return cs.slice(start, end).join("");
}

function numberOption(options: JsonObject | undefined, name: string, fallback: number, max: number): number {
  const v = options?.[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw paramError(`option '${name}' must be a non-negative integer, got ${JSON.stringify(v)}`);
  }
  if (v > max) throw paramError(`option '${name}' is too large (${v}, limit ${max})`);
  return v;
}

function stringOption(options: JsonObject | undefined, name: string, operation: string): string {
  const v = options?.[name];
  if (typeof v !== "string") {
    throw paramError(
      v === undefined
        ? `${operation} operation requires option '${name}'`
        : `option '${name}' must be string, got ${typeOfJson(v)}`,
    );
  }
  return v;
}

function perform(text: string, op: string, options: JsonObject | undefined): string {
  switch (op) {
    case "uppercase":
      return text.toUpperCase();
    case "lowercase":
      return text.toLowerCase();
    case "reverse":
      return Array.from(text).reverse().join("");
    case "trim":
      return text.trim();
    case "replace": {
      const from = stringOption(options, "from", "replace");
      const to = stringOption(options, "to", "replace");
      if (from === "") return text; // rs: replacing "" inserts `to` between every char; keep the text instead
      const count = text.split(from).length - 1;
      if (text.length + count * Math.max(0, to.length - from.length) > TOOL_LIMITS.maxOutputChars) {
        throw paramError(`replace result would exceed ${TOOL_LIMITS.maxOutputChars} characters`);
      }
      return text.split(from).join(to);
    }
    case "substring": {
      if (!options || options.start === undefined || options.end === undefined) {
        throw paramError("Substring operation requires 'options' with 'start' and 'end' fields");
      }
      return substring(
        text,
        numberOption(options, "start", 0, Number.MAX_SAFE_INTEGER),
        numberOption(options, "end", 0, Number.MAX_SAFE_INTEGER),
      );
    }
    case "split": {
      const d = typeof options?.delimiter === "string" ? options.delimiter : " ";
      return JSON.stringify(d === "" ? ["", ...Array.from(text), ""] : text.split(d));
    }
    case "join": {
      let parts: unknown;
      try {
        parts = JSON.parse(text);
      } catch {
        parts = undefined;
      }
      if (!Array.isArray(parts) || !parts.every((p) => typeof p === "string")) {
        throw paramError("Join operation requires text to be a JSON array of strings");
      }
      const d = typeof options?.delimiter === "string" ? options.delimiter : " ";
      return parts.join(d);
    }
    case "snake_case":
      return toSnakeCase(text);
    case "camel_case":
      return toCamelCase(text);
    case "pascal_case":
      return toCamelCase(text, true);
    case "sanitize":
      return sanitize(text);
    case "truncate":
      return truncate(text, numberOption(options, "max_length", 100, Number.MAX_SAFE_INTEGER));
    case "indent": {
      const spaces = numberOption(options, "spaces", 4, TEXT_LIMITS.maxIndent);
      if (text.length + lines(text).length * spaces > TOOL_LIMITS.maxOutputChars) {
        throw paramError(`indent result would exceed ${TOOL_LIMITS.maxOutputChars} characters`);
      }
      return indent(text, spaces);
    }
    case "dedent":
      return dedent(text);
    case "normalize_whitespace":
      return text.split(/\s+/).filter(Boolean).join(" ");
    case "word_wrap":
      return wordWrap(text, numberOption(options, "width", 80, TEXT_LIMITS.maxWidth)).join("\n");
    default:
      throw paramError(`Invalid operation: ${op}. Valid operations are: ${TEXT_OPERATIONS.join(", ")}`);
  }
}

export const textManipulator = defineTool({
  name: "text-manipulator",
  aliases: ["text_manipulator"],
  description: "Text manipulation and transformation tool",
  category: "utility",
  pure: true,
  tags: ["text", "string"],
  schema: {
    type: "object",
    properties: {
      input: { type: "string", description: "The text to manipulate (for join: a JSON array of strings)" },
      operation: { type: "string", enum: [...TEXT_OPERATIONS], description: "Operation to perform" },
      options: {
        type: "object",
        description:
          "Operation options: replace {from, to}; substring {start, end}; split/join {delimiter}; truncate {max_length}; indent {spaces}; word_wrap {width}",
        properties: {
          from: { type: "string" },
          to: { type: "string" },
          start: { type: "integer", minimum: 0 },
          end: { type: "integer", minimum: 0 },
          delimiter: { type: "string" },
          max_length: { type: "integer", minimum: 0 },
          spaces: { type: "integer", minimum: 0 },
          width: { type: "integer", minimum: 0 },
        },
      },
    },
    required: ["input", "operation"],
  },
  run(params) {
    const text = params.input as string;
    const op = params.operation as string;
    const options = params.options as JsonObject | undefined;
    const result = perform(text, op, options);
    return {
      json: success(op, `Text ${op} operation completed`, {
        result,
        operation: op,
        original_length: utf8Length(text),
        result_length: utf8Length(result),
      }) as unknown as JsonValue,
    };
  },
});
