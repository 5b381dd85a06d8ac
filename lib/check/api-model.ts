/**
 * The spell API as the checker sees it, built from the one reference (lib/spell/reference.ts): which names
 * each global and each class has, what a call returns (so a chain `Agent.builder():name(...)` keeps its
 * class), and which calls wait (a Promise in JavaScript). Also the nearest-name suggestion for typos.
 */
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import type { ApiFunctionDoc } from "@/lib/spell/reference-types";

export { nearestName as suggestName } from "@/lib/core/names";

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
    for (const f of g.functions) {
      members.set(f.name, memberOf(f, classNames));
      // `Memory.episodic.add`: the namespace `episodic` is a member too (its own members are not checked).
      const dot = f.name.indexOf(".");
      if (dot > 0)
        members.set(f.name.slice(0, dot), { name: f.name.slice(0, dot), async: false, streamsWithoutCallback: false });
    }
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
