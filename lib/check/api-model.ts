/**
 * The spell API as the checker sees it, built from the one reference (lib/spell/reference.ts): which names
 * each global and each class has, what a call returns (so a chain `Agent.builder():name(...)` keeps its
 * class), and which calls wait (a Promise in JavaScript). Also the nearest-name suggestion for typos.
 */
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import type { ApiFunctionDoc } from "@/lib/spell/reference-types";

interface ApiMember {
  name: string;
  /** The class a call returns, when it returns one of the API's classes. */
  returnsClass?: string;
  async: boolean;
  /** Returns a stream when called without a callback (`agent.stream(input)`): then there is nothing to await. */
  streamsWithoutCallback: boolean;
}

interface ApiScope {
  /** Functions (and values) reachable with `.` (or `:` for methods in Lua). */
  members: Map<string, ApiMember>;
}

export interface ApiModel {
  /** The globals with functions or values to check. */
  globals: Map<string, ApiScope>;
  /** Every global the API defines, data globals (`ARGS`) included. */
  allGlobals: Set<string>;
  classes: Map<string, ApiScope>;
}

function memberOf(f: ApiFunctionDoc, classNames: Set<string>): ApiMember {
  // `Agent | null`, `Promise<Agent>`: the first class name the return type mentions.
  const mentioned = f.returns.match(/[A-Z][A-Za-z]+/g) ?? [];
  const returnsClass = mentioned.find((n) => classNames.has(n));
  return {
    name: f.name,
    async: f.async === true,
    streamsWithoutCallback: /Stream\b/.test(f.returns),
    ...(returnsClass ? { returnsClass } : {}),
  };
}

let model: ApiModel | undefined;

/** The API model (built once). */
export function getApiModel(): ApiModel {
  if (model) return model;
  const classNames = new Set(SPELL_API_REFERENCE.classes.map((c) => c.name));
  const globals = new Map<string, ApiScope>();
  for (const g of SPELL_API_REFERENCE.globals) {
    const members = new Map<string, ApiMember>();
    for (const f of g.functions) members.set(f.name, memberOf(f, classNames));
    for (const v of g.values ?? []) members.set(v.name, { name: v.name, async: false, streamsWithoutCallback: false });
    // A data global (`ARGS`) holds the spell's own keys: nothing to check on it.
    if (members.size > 0) globals.set(g.name, { members });
  }
  const classes = new Map<string, ApiScope>();
  for (const c of SPELL_API_REFERENCE.classes) {
    const members = new Map<string, ApiMember>();
    for (const m of c.methods) members.set(m.name, memberOf(m, classNames));
    classes.set(c.name, { members });
  }
  model = { globals, allGlobals: new Set(SPELL_API_REFERENCE.globals.map((g) => g.name)), classes };
  return model;
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment), case-blind, bounded. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[x.length][y.length];
}

/** The candidate nearest to `name` (a typo's likely meaning), or undefined when none is close. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  const max = Math.min(3, Math.ceil(name.length / 2));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = distance(name, c, max);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : undefined;
}
