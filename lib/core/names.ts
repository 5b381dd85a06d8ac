/**
 * Names a spell got wrong: the nearest known name to a typo (the checker's "did you mean" and the engines'
 * runtime errors share it), and the one wording of a runtime error about a missing name, so `Agent.bulder()`
 * fails the same way in every engine. Hand-written: an edit distance bounded to a few edits is a dozen lines,
 * and lib/core imports nothing.
 */
import type { ApiSurface } from "./engine";

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

/**
 * The candidate nearest to `name` (a typo's likely meaning), or undefined when none is within `maxEdits` (by
 * default up to half the name, at most 3).
 */
export function nearestName(
  name: string,
  candidates: Iterable<string>,
  maxEdits = Math.min(3, Math.ceil(name.length / 2)),
): string | undefined {
  const max = maxEdits;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = distance(name, c, max);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** A name a spell used that is not there, as an engine saw it at run time. */
export interface MissingName {
  /** `global`: a global (`Agnet`); `member`: a function or value of an API global (`Agent.bulder`); `method`: a
   * method of an object the API returned (`builder:nam`). */
  where: "global" | "member" | "method";
  /** The API global or class the name was looked up on (none for a global). */
  owner?: string;
  name: string;
  /** What the spell did with it: called it, or indexed it (`Agent.bulder.x`). */
  use: "call" | "index";
  /** The names that were there, to suggest the nearest from. */
  candidates: Iterable<string>;
}

/**
 * The message of a run that used a missing name: "Agent.bulder is not a function (did you mean Agent.builder?)",
 * "nam is not a method of AgentBuilder (did you mean name?)", "Agnet is not defined (did you mean Agent?)".
 * Undefined for a global with no near name: the engine's own message says it as well.
 */
export function describeMissingName(m: MissingName): string | undefined {
  // Any name may be a global (a spell's own `foo` is near `for`-like API names): only a close one is suggested.
  const near = nearestName(
    m.name,
    m.candidates,
    m.where === "global" ? Math.max(1, Math.floor(m.name.length / 3)) : undefined,
  );
  if (m.where === "global") return near === undefined ? undefined : `${m.name} is not defined (did you mean ${near}?)`;
  const hint = (text: string | undefined) => (text === undefined ? "" : ` (did you mean ${text}?)`);
  if (m.where === "method") {
    const what = m.use === "call" ? "is not a method of" : "is not a field of";
    return `${m.name} ${what} ${m.owner}${hint(near)}`;
  }
  const full = `${m.owner}.${m.name}`;
  const what = m.use === "call" ? "is not a function" : "does not exist";
  return `${full} ${what}${hint(near === undefined ? undefined : `${m.owner}.${near}`)}`;
}

/** The names an API global (`member`) or an API class (`method`) has in the surface a run injected. */
export function namesOnApi(surface: ApiSurface | undefined, where: "member" | "method", owner: string): string[] {
  if (where === "member") {
    const g = surface?.globals[owner];
    return g ? [...Object.keys(g.functions), ...Object.keys(g.values ?? {})] : [];
  }
  const c = surface?.classes[owner];
  return c ? Object.keys(c.methods) : [];
}
