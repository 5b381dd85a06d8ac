/**
 * Value conversion between Lua and the host, JSON-shaped (docs/spell-api.md): a table with keys 1..n is an array,
 * any other table an object (an empty table is `{}`), integers stay integers and floats stay floats, nil/null
 * drop the key, NaN and ±inf become null. A value that cannot cross raises a `conversion` error naming its
 * path (`args[2].items[3]`). Host objects cross as {@link HandleRef}s; Lua functions cross as
 * {@link SpellFunction}s where the host accepts callbacks (host-call arguments), and nowhere else.
 */
import { SpellError } from "../../lib/core/errors";
import { setOwnValue } from "../../lib/core/json";
import { FIXED_BOUNDS } from "../../lib/core/limits";
import {
  isHandleRef,
  isSpellFunction,
  type HandleRef,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { LuaType, type LuaApi, type LuaState } from "./lua-api";

/** The run-specific part of conversion: host objects and functions. */
export interface ConvertHost {
  readonly api: LuaApi;
  /** The host object behind the table at absolute index `idx`, if it is one. */
  readHandle(L: LuaState, idx: number): HandleRef | undefined;
  pushHandle(L: LuaState, handle: HandleRef): void;
  /** A callable for the Lua function at absolute index `idx`. */
  toSpellFunction(L: LuaState, idx: number): SpellFunction;
  pushSpellFunction(L: LuaState, fn: SpellFunction): void;
  /**
   * Push the metatable that marks a table made from a host array, so that an empty one goes back as `[]`
   * (Lua cannot tell an empty array from an empty object); pushes nothing and returns false when there is none.
   */
  pushArrayMarker(L: LuaState): boolean;
}

export interface ReadOptions {
  /** `spell`: Lua functions become SpellFunctions (host-call arguments); `reject`: a conversion error. */
  functions: "spell" | "reject";
}

/** Deepest nesting that crosses (deeper structures are almost always cyclic or accidental). */
const MAX_DEPTH = 100;

type Path = { parent: Path; key: string | number } | { root: string };

/** What one conversion has made so far, against FIXED_BOUNDS. */
interface ConversionBudget {
  values: number;
  stringChars: number;
}

export function formatPath(path: Path): string {
  const parts: string[] = [];
  let p: Path = path;
  while ("parent" in p) {
    const k = p.key;
    parts.push(
      typeof k === "number" ? `[${k}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`,
    );
    p = p.parent;
  }
  parts.reverse();
  if (parts.length > 12)
    return `${p.root}${parts.slice(0, 3).join("")}…(${parts.length - 11} more)…${parts.slice(-8).join("")}`;
  return p.root + parts.join("");
}

function conversionError(path: Path, what: string, direction: "to the host" | "into Lua"): SpellError {
  return new SpellError("conversion", `cannot convert ${what} at ${formatPath(path)} ${direction}`);
}

const TYPE_NAMES: Record<number, string> = {
  [LuaType.LightUserdata]: "a userdata value",
  [LuaType.Userdata]: "a userdata value",
  [LuaType.Thread]: "a coroutine",
  [LuaType.Function]: "a function",
};

/**
 * Convert the Lua value at `idx` of `L` to a host value. The stack is left as it was (also on error).
 * `root` names the value in errors (`args[1]`, `return`).
 */
export function readLuaValue(host: ConvertHost, L: LuaState, idx: number, root: string, opts: ReadOptions): HostValue {
  const { api } = host;
  const top = api.gettop(L);
  const abs = api.absindex(L, idx);
  try {
    return read(host, L, abs, { root }, 0, opts, new Set(), { values: 0, stringChars: 0 });
  } catch (e) {
    // `Infinity` is emscripten's longjmp (a Lua error unwinding): let it pass untouched.
    if (e !== Infinity) api.settop(L, top);
    throw e;
  }
}

function read(
  host: ConvertHost,
  L: LuaState,
  idx: number,
  path: Path,
  depth: number,
  opts: ReadOptions,
  ancestors: Set<number>,
  budget: ConversionBudget,
): HostValue {
  const { api } = host;
  if (++budget.values > FIXED_BOUNDS.maxConvertedValues)
    throw conversionError(
      path,
      `a value with more than ${FIXED_BOUNDS.maxConvertedValues} parts (a table shared many times expands as a tree)`,
      "to the host",
    );
  const t = api.type(L, idx);
  switch (t) {
    case LuaType.None:
    case LuaType.Nil:
      return null;
    case LuaType.Boolean:
      return api.toboolean(L, idx) !== 0;
    case LuaType.Number: {
      const n = api.tonumber(L, idx);
      return Number.isFinite(n) ? n : null;
    }
    case LuaType.String: {
      const text = api.tostring(L, idx);
      budget.stringChars += text.length;
      if (budget.stringChars > FIXED_BOUNDS.maxConvertedStringChars)
        throw conversionError(
          path,
          `a value holding more than ${FIXED_BOUNDS.maxConvertedStringChars} characters of text`,
          "to the host",
        );
      return text;
    }
    case LuaType.Table:
      return readTable(host, L, idx, path, depth, opts, ancestors, budget);
    case LuaType.Function:
      if (opts.functions === "spell") return host.toSpellFunction(L, idx);
      throw conversionError(path, "a function (functions cross only where the API takes a callback)", "to the host");
    default:
      throw conversionError(path, TYPE_NAMES[t] ?? "a value of an unknown type", "to the host");
  }
}

function readTable(
  host: ConvertHost,
  L: LuaState,
  idx: number,
  path: Path,
  depth: number,
  opts: ReadOptions,
  ancestors: Set<number>,
  budget: ConversionBudget,
): HostValue {
  const { api } = host;
  let arrayMarked = false;
  if (api.getmetatable(L, idx)) {
    if (host.pushArrayMarker(L)) {
      arrayMarked = api.rawequal(L, -1, -2) !== 0;
      api.pop(L, 1);
    }
    api.pop(L, 1);
    if (!arrayMarked) {
      const handle = host.readHandle(L, idx);
      if (handle) return handle;
    }
  }
  if (depth >= MAX_DEPTH) throw conversionError(path, `a table nested deeper than ${MAX_DEPTH} levels`, "to the host");
  const ptr = api.topointer(L, idx);
  if (ancestors.has(ptr)) throw conversionError(path, "a table that contains itself (a cycle)", "to the host");
  if (!api.checkstack(L, 4)) throw conversionError(path, "a table nested too deeply", "to the host");
  ancestors.add(ptr);

  const intEntries: [number, HostValue][] = [];
  const strEntries: [string, HostValue][] = [];
  let maxInt = 0;
  let minInt = Infinity;
  api.pushnil(L);
  while (api.next(L, idx)) {
    const kt = api.type(L, -2);
    let key: string | number;
    if (kt === LuaType.Number) {
      const n = api.tonumber(L, -2);
      key = api.isinteger(L, -2) ? n : String(n);
    } else if (kt === LuaType.String) {
      key = api.tostring(L, -2);
    } else {
      throw conversionError(path, `a table with a key of type ${luaTypeName(kt)}`, "to the host");
    }
    const value = read(host, L, api.gettop(L), { parent: path, key }, depth + 1, opts, ancestors, budget);
    api.pop(L, 1);
    if (typeof key === "number") {
      intEntries.push([key, value]);
      if (key > maxInt) maxInt = key;
      if (key < minInt) minInt = key;
    } else {
      strEntries.push([key, value]);
    }
  }
  ancestors.delete(ptr);

  const count = intEntries.length;
  if (arrayMarked && count === 0 && strEntries.length === 0) return [];
  if (strEntries.length === 0 && count > 0 && minInt === 1 && maxInt === count) {
    const arr: HostValue[] = new Array(count);
    for (const [k, v] of intEntries) arr[k - 1] = v;
    return arr;
  }
  const entries: [string, HostValue][] = intEntries.map(([k, v]) => [String(k), v]);
  entries.push(...strEntries);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const obj: { [key: string]: HostValue } = {};
  for (const [k, v] of entries) setOwnValue(obj, k, v);
  return obj;
}

function luaTypeName(t: number): string {
  return ["nil", "boolean", "userdata", "number", "string", "table", "function", "userdata", "thread"][t] ?? "unknown";
}

const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * Push a host value onto `L` (exactly one slot). Arrays become sequences (a null element leaves a hole),
 * objects become tables (null/undefined fields are dropped), integral numbers become Lua integers.
 */
export function pushHostValue(host: ConvertHost, L: LuaState, value: HostValue, root: string): void {
  const { api } = host;
  const top = api.gettop(L);
  try {
    push(host, L, value, { root }, 0);
  } catch (e) {
    if (e !== Infinity) api.settop(L, top);
    throw e;
  }
}

function push(host: ConvertHost, L: LuaState, value: unknown, path: Path, depth: number): void {
  const { api } = host;
  if (!api.checkstack(L, 4)) throw conversionError(path, "a value nested too deeply", "into Lua");
  switch (typeof value) {
    case "undefined":
      api.pushnil(L);
      return;
    case "boolean":
      api.pushboolean(L, value ? 1 : 0);
      return;
    case "number":
      if (Number.isInteger(value) && Math.abs(value) <= MAX_INTEGER) api.pushinteger(L, value);
      else api.pushnumber(L, value);
      return;
    case "string":
      api.pushstring(L, value);
      return;
    case "object":
      break;
    default:
      throw conversionError(path, `a ${typeof value}`, "into Lua");
  }
  if (value === null) {
    api.pushnil(L);
    return;
  }
  if (isSpellFunction(value)) {
    host.pushSpellFunction(L, value);
    return;
  }
  if (isHandleRef(value)) {
    host.pushHandle(L, value);
    return;
  }
  if (depth >= MAX_DEPTH) {
    throw conversionError(path, `a value nested deeper than ${MAX_DEPTH} levels (or cyclic)`, "into Lua");
  }
  if (Array.isArray(value)) {
    api.createtable(L, value.length, 0);
    const t = api.gettop(L);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === null || v === undefined) continue;
      push(host, L, v, { parent: path, key: i + 1 }, depth + 1);
      api.rawseti(L, t, i + 1);
    }
    if (host.pushArrayMarker(L)) api.setmetatable(L, t);
    return;
  }
  const keys = Object.keys(value);
  api.createtable(L, 0, keys.length);
  const t = api.gettop(L);
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === null || v === undefined) continue;
    api.pushstring(L, k);
    push(host, L, v, { parent: path, key: k }, depth + 1);
    api.rawset(L, t);
  }
}
