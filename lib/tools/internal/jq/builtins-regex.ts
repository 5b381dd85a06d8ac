/**
 * The regex builtins (`test`, `match`, `capture`, `scan`, `splits`, `split/2`, `sub`, `gsub`) and `matches`,
 * which runs a jq regex with jq's flags (g, i, x, s, n, l, p) through the run's `compileRegex` and reports each
 * match as jq does (offsets and lengths in code points, captures with their group names).
 */
import { JqError } from "./errors";
import type { Builtin, Runtime } from "./runtime";
import type { Json } from "./types";
import { errDesc } from "./values";

/** A jq regex and flags as a JS RegExp (always global, `u`); `global` says whether jq's `g` flag was given. */
function regex(rt: Runtime, re: Json, flags: Json): { rx: RegExp; global: boolean } {
  if (typeof re !== "string") throw new JqError(`${errDesc(re)} cannot be matched, as it is not a string`);
  const f = flags === null ? "" : String(flags);
  if (/[^gixnslp]/.test(f)) throw new JqError(`${f} is not a valid modifier string`);
  let pattern = re;
  if (f.includes("x"))
    pattern = pattern
      .replace(/\\#/g, "\u0000")
      .replace(/\s+|#.*$/gm, "")
      .replace(/\u0000/g, "\\#");
  const jsFlags = `${f.includes("i") ? "i" : ""}${f.includes("s") ? "s" : ""}gu`;
  return { rx: rt.compileRegex(pattern, jsFlags), global: f.includes("g") };
}

/** jq's match objects for `re` on `s`: the first match only, unless the `g` flag or `forceGlobal`. */
function matches(rt: Runtime, s: Json, re: Json, flags: Json, forceGlobal = false): Json[] {
  if (typeof s !== "string") throw new JqError(`${errDesc(s)} cannot be matched, as it is not a string`);
  const { rx, global } = regex(rt, re, flags);
  const out: Json[] = [];
  const cpIndex = (i: number) => Array.from(s.slice(0, i)).length;
  for (const m of s.matchAll(rx)) {
    rt.budget.tick();
    const names = groupNames(rx.source);
    out.push({
      offset: cpIndex(m.index!),
      length: Array.from(m[0]).length,
      string: m[0],
      captures: m.slice(1).map((c, i) => ({
        offset: c === undefined ? -1 : cpIndex(m.index! + m[0].indexOf(c)),
        length: c === undefined ? 0 : Array.from(c).length,
        string: c ?? null,
        name: names[i] ?? null,
      })),
    });
    if (!global && !forceGlobal) break;
    if (m[0] === "") rx.lastIndex++;
  }
  return out;
}

const testRe: Builtin = function* (rt, a, v, env) {
  for (const [re, flags] of rt.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env))
    yield matches(rt, v, re, flags).length > 0;
};

const matchRe: Builtin = function* (rt, a, v, env) {
  for (const [re, flags] of rt.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env))
    yield* matches(rt, v, re, flags);
};

const captureRe: Builtin = function* (rt, a, v, env) {
  for (const [re, flags] of rt.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
    for (const m of matches(rt, v, re, flags)) {
      const out: { [k: string]: Json } = {};
      for (const c of (m as { captures: { name: Json; string: Json }[] }).captures)
        if (typeof c.name === "string") out[c.name] = c.string;
      yield out;
    }
  }
};

const scanRe: Builtin = function* (rt, a, v, env) {
  for (const [re, flags] of rt.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
    for (const m of matches(rt, v, re, flags, true)) {
      const mm = m as { string: Json; captures: { string: Json }[] };
      yield mm.captures.length ? mm.captures.map((c) => c.string) : mm.string;
    }
  }
};

const splitsRe: Builtin = function* (rt, a, v, env, name) {
  for (const [re, flags] of rt.cartesian(a.length === 2 ? a : [a[0], { k: "lit", v: null }], v, env)) {
    if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be matched, as it is not a string`);
    const parts: Json[] = [];
    let prev = 0;
    const units = Array.from(v);
    for (const m of matches(rt, v, re, flags, true)) {
      const mm = m as { offset: number; length: number };
      parts.push(units.slice(prev, mm.offset).join(""));
      prev = mm.offset + mm.length;
    }
    parts.push(units.slice(prev).join(""));
    if (name === "split") yield parts;
    else yield* parts;
  }
};

const subRe: Builtin = function* (rt, a, v, env, name) {
  const flagArgs = a.length === 3 ? rt.all(a[2], v, env) : [null];
  for (const re of rt.all(a[0], v, env)) {
    for (const f0 of flagArgs) {
      if (typeof v !== "string") throw new JqError(`${errDesc(v)} cannot be matched, as it is not a string`);
      const flags = `${f0 === null ? "" : String(f0)}${name === "gsub" ? "g" : ""}`;
      const ms = matches(rt, v, re, flags) as {
        offset: number;
        length: number;
        captures: { name: Json; string: Json }[];
      }[];
      const units = Array.from(v);
      let results: string[] = [""];
      let prev = 0;
      for (const m of ms) {
        const caps: { [k: string]: Json } = {};
        for (const c of m.captures) if (typeof c.name === "string") caps[c.name] = c.string;
        const reps = rt.all(a[1], caps, env);
        const before = units.slice(prev, m.offset).join("");
        const next: string[] = [];
        for (const r of results) {
          for (const rep of reps) {
            if (typeof rep !== "string") throw new JqError(`${errDesc(rep)} cannot be added to a string`);
            next.push(r + before + rep);
          }
        }
        results = next;
        prev = m.offset + m.length;
      }
      const tail = units.slice(prev).join("");
      for (const r of results) yield r + tail;
    }
  }
};

export const REGEX_BUILTINS: Record<string, Builtin> = {
  "test/1": testRe,
  "test/2": testRe,
  "match/1": matchRe,
  "match/2": matchRe,
  "capture/1": captureRe,
  "capture/2": captureRe,
  "scan/1": scanRe,
  "scan/2": scanRe,
  "splits/1": splitsRe,
  "splits/2": splitsRe,
  "split/2": splitsRe,
  "sub/2": subRe,
  "sub/3": subRe,
  "gsub/2": subRe,
  "gsub/3": subRe,
};

/** The name (or null) of each capturing group of a regex source, in order. */
function groupNames(source: string): (string | null)[] {
  const names: (string | null)[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      if (source[i + 1] !== "?") names.push(null);
      else {
        const m = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
        if (m) names.push(m[1]);
      }
    }
  }
  return names;
}
