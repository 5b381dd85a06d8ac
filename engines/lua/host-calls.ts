/**
 * The host side of a Lua run's calls across the bridge: the one trampoline every host function goes through,
 * host calls from Lua (arguments converted, the answer pushed as (OK, value), (PENDING, id) or (ERR, error)),
 * the promises a pending call leaves for the driver and their settled answers, and the run-specific part of
 * value conversion ({@link ConvertHost}: host objects as Lua tables, Lua functions as {@link SpellFunction}s).
 */
import { SpellError } from "../../lib/core/errors";
import { type HandleRef, type HostValue, type SpellFunction } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";
import { hostErrorFields } from "../../lib/core/run-guard";
import { pushHostValue, readLuaValue, type ConvertHost } from "./convert";
import { LuaStatus, LuaType, upvalueIndex, type LuaApi, type LuaState } from "./lua-api";
import type { PreludeRefs } from "./prelude";

const TAG_OK = 0;
const TAG_PENDING = 1;
const TAG_ERR = 2;

/** A host function as the trampoline calls it: reads its arguments off `L`, returns how many results it pushed. */
type HostEntry = (L: LuaState) => number;

/** How a host promise ended. */
export type Settled = { ok: true; value: HostValue } | { ok: false; error: unknown };

/** What the host calls need from their run. */
export interface HostCallContext {
  readonly api: LuaApi;
  readonly refs: PreludeRefs;
  /** Call the Lua function held in registry slot `ref` from the host (see LuaRun.callFunction). */
  callFunction(ref: number, args: JsonValue[]): Promise<JsonValue>;
}

/** A Lua function handed to the host. */
class LuaSpellFunction implements SpellFunction {
  readonly __spellFunction = true as const;
  constructor(
    readonly run: HostCallContext,
    readonly ref: number,
  ) {}
  call(...args: JsonValue[]): Promise<JsonValue> {
    return this.run.callFunction(this.ref, args);
  }
}

function isThenable(v: unknown): v is PromiseLike<HostValue> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** The plain fields a {@link HandleRef} carries besides `$handle`/`$class` (`name`, `id`...), or undefined. */
function handleFields(h: HandleRef): { [key: string]: HostValue } | undefined {
  let out: { [key: string]: HostValue } | undefined;
  for (const [k, v] of Object.entries(h)) {
    if (k.startsWith("$") || v === undefined) continue;
    (out ??= {})[k] = v as HostValue;
  }
  return out;
}

export class LuaHostCalls implements ConvertHost {
  readonly api: LuaApi;
  private readonly entries: HostEntry[] = [];
  private trampoline = 0;
  private readonly pending = new Map<number, Promise<HostValue>>();
  private nextPending = 1;
  private readonly spellFunctions = new Map<number, LuaSpellFunction>();
  private readonly foreign = new Map<number, SpellFunction>();
  private readonly foreignRefs = new Map<SpellFunction, number>();
  /** The thread of the latest host call (a profiler reads the stack under a wait from it). */
  lastCaller: LuaState | null = null;

  constructor(private readonly run: HostCallContext) {
    this.api = run.api;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Entries
  // -------------------------------------------------------------------------------------------------------------

  /** Register the C function every entry goes through; the caller removes the returned pointer at close. */
  registerTrampoline(): number {
    const { api } = this;
    this.trampoline = api.m.addFunction((Lc: LuaState) => {
      const id = api.tonumber(Lc, upvalueIndex(1));
      return this.entries[id](Lc);
    }, "ii");
    return this.trampoline;
  }

  /** Push a C closure that calls `entry` (through the one trampoline of this run). */
  pushEntry(L: LuaState, entry: HostEntry): void {
    const id = this.entries.length;
    this.entries.push(entry);
    this.api.pushnumber(L, id);
    this.api.pushcclosure(L, this.trampoline, 1);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Host calls
  // -------------------------------------------------------------------------------------------------------------

  /**
   * A host function called from Lua: convert the arguments (from index `first`; index 1 is `self` for methods),
   * call, and answer (OK, value) / (PENDING, id) / (ERR, error table).
   */
  callHost(
    L: LuaState,
    first: number,
    invoke: (args: HostValue[], self?: HandleRef) => HostValue | Promise<HostValue>,
  ): number {
    const { api } = this;
    const argc = api.gettop(L);
    this.lastCaller = L;
    let result: HostValue | Promise<HostValue>;
    try {
      let self: HandleRef | undefined;
      if (first === 2) {
        const s = api.type(L, 1) === LuaType.Table ? this.readHandle(L, 1) : undefined;
        self = s;
      }
      const args: HostValue[] = [];
      for (let i = first; i <= argc; i++) {
        const t = api.type(L, i);
        // Scalars directly (the common case); tables and functions through the full conversion.
        if (t === LuaType.Nil) args.push(undefined);
        else if (t === LuaType.String) args.push(api.tostring(L, i));
        else if (t === LuaType.Boolean) args.push(api.toboolean(L, i) !== 0);
        else if (t === LuaType.Number) {
          const n = api.tonumber(L, i);
          args.push(Number.isFinite(n) ? n : null);
        } else args.push(readLuaValue(this, L, i, `args[${i - first + 1}]`, { functions: "spell" }));
      }
      result = invoke(args, self);
    } catch (e) {
      if (e === Infinity) throw e;
      return this.answerError(L, argc, e);
    }
    if (isThenable(result)) {
      const id = this.nextPending++;
      const p = Promise.resolve(result);
      p.catch(() => {}); // rejections are handled when awaited; a killed run never awaits
      this.pending.set(id, p);
      api.pushnumber(L, TAG_PENDING);
      api.pushnumber(L, id);
      return 2;
    }
    try {
      api.pushnumber(L, TAG_OK);
      if (result === null || result === undefined) api.pushnil(L);
      else if (typeof result === "string") api.pushstring(L, result);
      else pushHostValue(this, L, result, "result");
      return 2;
    } catch (e) {
      if (e === Infinity) throw e;
      return this.answerError(L, argc, e);
    }
  }

  private answerError(L: LuaState, top: number, e: unknown): number {
    this.api.settop(L, top);
    this.api.pushnumber(L, TAG_ERR);
    pushHostValue(this, L, hostErrorFields(e) as unknown as HostValue, "error");
    return 2;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Pending host promises
  // -------------------------------------------------------------------------------------------------------------

  /** The promise of the pending call `id` (for the driver to await), forgotten here. */
  takePending(id: number): Promise<HostValue> | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    return p;
  }

  /** Forget every pending call (the run has ended). */
  clearPending(): void {
    this.pending.clear();
  }

  /** Push (tag, value) onto a suspended thread for its resume. */
  answerSettled(T: LuaState, settled: Settled): void {
    const { api } = this;
    const top = api.gettop(T);
    if (settled.ok) {
      try {
        api.pushnumber(T, TAG_OK);
        pushHostValue(this, T, settled.value, "result");
        return;
      } catch (e) {
        api.settop(T, top);
        settled = { ok: false, error: e };
      }
    }
    api.pushnumber(T, TAG_ERR);
    pushHostValue(this, T, hostErrorFields(settled.error) as unknown as HostValue, "error");
  }

  // -------------------------------------------------------------------------------------------------------------
  // Host objects and functions (ConvertHost)
  // -------------------------------------------------------------------------------------------------------------

  readHandle(L: LuaState, idx: number): HandleRef | undefined {
    const { api } = this;
    const { refs } = this.run;
    api.getref(L, refs.handles);
    api.pushvalue(L, idx);
    if (api.rawget(L, -2) !== LuaType.Number) {
      api.pop(L, 2);
      return undefined;
    }
    const id = api.tonumber(L, -1);
    api.pop(L, 2);
    api.getref(L, refs.handleClass);
    api.pushvalue(L, idx);
    api.rawget(L, -2);
    const cls = api.tostring(L, -1);
    api.pop(L, 2);
    return { $handle: id, $class: cls };
  }

  pushHandle(L: LuaState, h: HandleRef): void {
    const { api } = this;
    const { refs } = this.run;
    const key = `${h.$class}#${h.$handle}`;
    api.getref(L, refs.objects); // [objs]
    api.pushstring(L, key);
    if (api.rawget(L, -2) === LuaType.Table) {
      api.remove(L, -2); // [obj]
      return;
    }
    api.pop(L, 1); // [objs]
    api.getref(L, refs.classMts);
    api.pushstring(L, h.$class);
    const fields = handleFields(h);
    if (api.rawget(L, -2) !== LuaType.Table) {
      // A class the API did not declare: the handle crosses as a plain table and comes back the same.
      api.pop(L, 3);
      pushHostValue(this, L, fields ?? {}, "handle");
      api.pushstring(L, "$handle");
      api.pushinteger(L, h.$handle);
      api.rawset(L, -3);
      api.pushstring(L, "$class");
      api.pushstring(L, h.$class);
      api.rawset(L, -3);
      return;
    }
    api.remove(L, -2); // [objs, mt]
    api.createtable(L, 0, 0); // [objs, mt, obj]
    api.pushvalue(L, -2);
    api.setmetatable(L, -2);
    api.remove(L, -2); // [objs, obj]
    api.pushstring(L, key);
    api.pushvalue(L, -2);
    api.rawset(L, -4); // objects[key] = obj
    for (const [ref, value] of [
      [refs.handles, h.$handle],
      [refs.handleClass, h.$class],
    ] as const) {
      api.getref(L, ref);
      api.pushvalue(L, -2);
      if (typeof value === "number") api.pushinteger(L, value);
      else api.pushstring(L, value);
      api.rawset(L, -3);
      api.pop(L, 1);
    }
    if (fields) {
      api.getref(L, refs.handleFields); // [objs, obj, hf]
      api.pushvalue(L, -2);
      pushHostValue(this, L, fields, h.$class); // [objs, obj, hf, obj, fields]
      api.rawset(L, -3);
      api.pop(L, 1);
    }
    api.remove(L, -2); // [obj]
  }

  pushArrayMarker(L: LuaState): boolean {
    const { refs } = this.run;
    if (!refs.arrayMt) return false;
    this.api.getref(L, refs.arrayMt);
    return true;
  }

  toSpellFunction(L: LuaState, idx: number): SpellFunction {
    const ptr = this.api.topointer(L, idx);
    const known = this.spellFunctions.get(ptr) ?? this.foreign.get(ptr);
    if (known) return known;
    this.api.pushvalue(L, idx);
    const fn = new LuaSpellFunction(this.run, this.api.ref(L));
    this.spellFunctions.set(ptr, fn);
    return fn;
  }

  pushSpellFunction(L: LuaState, fn: SpellFunction): void {
    if (fn instanceof LuaSpellFunction && fn.run === this.run) {
      this.api.getref(L, fn.ref);
      return;
    }
    // A callable from elsewhere (another run, another engine): a Lua function that calls it and waits.
    const { api } = this;
    const wrapped = this.foreignRefs.get(fn);
    if (wrapped !== undefined) {
      api.getref(L, wrapped);
      return;
    }
    const top = api.gettop(L);
    api.getref(L, this.run.refs.wrapHost);
    this.pushEntry(L, (Lc) => this.callHost(Lc, 1, (args) => fn.call(...(args as JsonValue[]))));
    if (api.pcall(L, 1, 1) !== LuaStatus.Ok) {
      api.settop(L, top);
      throw new SpellError("conversion", "cannot pass a host callback into Lua");
    }
    // Passing the wrapper back gives the host its own callable again (kept alive so the pointer stays its own).
    this.foreign.set(api.topointer(L, -1), fn);
    api.pushvalue(L, -1);
    this.foreignRefs.set(fn, api.ref(L));
  }
}
