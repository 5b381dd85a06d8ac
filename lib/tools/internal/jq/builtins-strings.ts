/**
 * The string builtins (regexes aside, see builtins-regex.ts): `tostring`/`tonumber`, `tojson`/`fromjson`,
 * `startswith`/`endswith`, `ltrimstr`/`rtrimstr`, `trim`, `split/1`, `join`, `ascii_downcase`/`ascii_upcase`,
 * `explode`/`implode`, `ascii`, `utf8bytelength`, and the time builtins `now`, `todate` and `fromdate`.
 */
import { fail, JqError } from "./errors";
import type { Builtin } from "./runtime";
import type { Json } from "./types";
import { errDesc, tojson, typeOf } from "./values";

const prefixSuffix: Builtin = function* (rt, a, v, env, name) {
  for (const s of rt.all(a[0], v, env)) {
    if (name.endsWith("with")) {
      if (typeof v !== "string" || typeof s !== "string") throw new JqError(`${name}() requires string inputs`);
      yield name === "startswith" ? v.startsWith(s) : v.endsWith(s);
    } else if (typeof v === "string" && typeof s === "string") {
      if (name === "ltrimstr") yield v.startsWith(s) ? v.slice(s.length) : v;
      else yield v.endsWith(s) && s ? v.slice(0, v.length - s.length) : v;
    } else yield v;
  }
};

const trim: Builtin = function* (rt, a, v, env, name) {
  if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be trimmed`);
  yield name === "trim" ? v.trim() : name === "ltrim" ? v.trimStart() : v.trimEnd();
};

const asciiCase: Builtin = function* (rt, a, v, env, name) {
  if (typeof v !== "string")
    throw new JqError(`${errDesc(v)} cannot be ${name === "ascii_downcase" ? "lowercased" : "uppercased"}`);
  yield name === "ascii_downcase"
    ? v.replace(/[A-Z]/g, (c) => c.toLowerCase())
    : v.replace(/[a-z]/g, (c) => c.toUpperCase());
};

const toDate: Builtin = function* (rt, a, v) {
  if (typeof v !== "number") throw new JqError("strftime/1 requires parsed datetime inputs");
  yield new Date(Math.floor(v) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
};

const fromDate: Builtin = function* (rt, a, v) {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) {
    throw new JqError(`date "${String(v)}" does not match format "%Y-%m-%dT%H:%M:%SZ"`);
  }
  yield Date.parse(v) / 1000;
};

export const STRINGS_BUILTINS: Record<string, Builtin> = {
  "utf8bytelength/0": function* (rt, a, v) {
    if (typeof v !== "string") throw new JqError(`${errDesc(v)} only strings have UTF-8 byte length`);
    yield new TextEncoder().encode(v).length;
  },
  "tostring/0": function* (rt, a, v) {
    yield typeof v === "string" ? v : tojson(v);
  },
  "tonumber/0": function* (rt, a, v) {
    if (typeof v === "number") yield v;
    else if (typeof v === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) yield Number(v);
    else throw new JqError(`Cannot parse ${typeof v === "string" ? `'${v}'` : errDesc(v)} as JSON`);
  },
  "startswith/1": prefixSuffix,
  "endswith/1": prefixSuffix,
  "ltrimstr/1": prefixSuffix,
  "rtrimstr/1": prefixSuffix,
  "trim/0": trim,
  "ltrim/0": trim,
  "rtrim/0": trim,
  "split/1": function* (rt, a, v, env) {
    for (const sep of rt.all(a[0], v, env)) {
      if (typeof v !== "string" || typeof sep !== "string")
        throw new JqError("split input and separator must be strings");
      yield v === "" ? [] : v.split(sep);
    }
  },
  "join/1": function* (rt, a, v, env) {
    for (const sep of rt.all(a[0], v, env)) {
      if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${errDesc(v)}`);
      if (typeof sep !== "string") throw new JqError("join separator must be a string");
      yield v
        .map((x) => (x === null ? "" : typeof x === "object" ? fail(`Cannot join with ${typeOf(x)}`) : String(x)))
        .join(sep);
    }
  },
  "ascii_downcase/0": asciiCase,
  "ascii_upcase/0": asciiCase,
  "explode/0": function* (rt, a, v) {
    if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be exploded`);
    yield Array.from(v, (c) => c.codePointAt(0)!);
  },
  "implode/0": function* (rt, a, v) {
    if (!Array.isArray(v)) throw new JqError("implode input must be an array");
    if (!v.every((x) => typeof x === "number")) throw new JqError("Implode input must be an array of codepoints");
    yield String.fromCodePoint(...(v as number[]));
  },
  "tojson/0": function* (rt, a, v) {
    yield tojson(v);
  },
  "fromjson/0": function* (rt, a, v) {
    if (typeof v !== "string") throw new JqError(`${errDesc(v)} only strings can be parsed`);
    try {
      yield JSON.parse(v) as Json;
    } catch (e) {
      throw new JqError(`${v} (while parsing '${v}'): ${(e as Error).message}`);
    }
  },
  "ascii/0": function* (rt, a, v) {
    yield String.fromCharCode(v as number);
  },
  "now/0": function* (rt) {
    yield rt.now() / 1000;
  },
  "todate/0": toDate,
  "todateiso8601/0": toDate,
  "fromdate/0": fromDate,
  "fromdateiso8601/0": fromDate,
};
