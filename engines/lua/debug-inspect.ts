/**
 * Reading a paused Lua thread for the debugger: the scopes of a frame (locals with `lua_getlocal`, upvalues
 * with `lua_getupvalue`, the spell's own globals), values as the debugger shows them (tables expand lazily
 * through registry references held until the run resumes), and expressions evaluated in a frame: the chunk
 * `return <expr>` gets an `_ENV` whose fields are the frame's locals and upvalues over the globals, and runs on
 * a fresh thread with the debug hook quiet and a deadline of its own.
 */
import type { DebugFrame, DebugInspector, DebugScope, DebugVariable, EvaluateResult } from "../../lib/core/debug";
import type { LuaOutput } from "./output";
import { LUA_REGISTRYINDEX, LuaStatus, LuaType, type LuaApi, type LuaState } from "./lua-api";
import type { InterruptContext } from "./interrupts";
import { readCString, withEvaluation, type LuaDebugger } from "./debug-hook";

const LUA_RIDX_GLOBALS = 2;
/** Entries listed per table, and in a table's one-line preview. */
const MAX_CHILDREN = 500;
const PREVIEW_ENTRIES = 6;
const MAX_STRING = 400;

/** What the inspector needs from its run. */
export interface InspectContext extends InterruptContext {
  readonly api: LuaApi;
  readonly printed: LuaOutput;
  /** The run's main state (idle while a spell thread runs or is suspended). */
  readonly mainState: LuaState;
  enterVm(): void;
  exitVm(): void;
}

type Held = { kind: "table"; reg: number } | { kind: "locals" | "upvalues"; level: number } | { kind: "globals" };

/** A frame's names and values, kept in registry references once the thread is about to yield. */
type FrameSnapshot = Record<"locals" | "upvalues", { name: string; reg: number }[]>;

export class LuaInspector implements DebugInspector {
  private readonly held = new Map<number, Held>();
  /**
   * Once a hook yields, Lua steps the frame's saved pc back one instruction (lvm.c undoes the increment the
   * resume redoes), so a suspended frame would report the previous line and miss the locals that line opened:
   * {@link snapshot} reads them first, in the hook.
   */
  private snapshots: Map<number, FrameSnapshot> | null = null;
  private nextRef = 1;
  private readonly whatF: number;

  constructor(
    private readonly run: InspectContext,
    private readonly dbg: LuaDebugger,
    private readonly T: LuaState,
    private readonly frames: DebugFrame[],
    private readonly ar: number,
    private readonly globalsAtStart: Set<string>,
    /** The stack level of frame id 0 (a thread suspended in a host call has the call's own frames above it). */
    private readonly levelBase = 0,
  ) {
    this.whatF = run.api.m._malloc(2);
    run.api.m.HEAPU8.set([102, 0], this.whatF); // "f"
  }

  private hold(h: Held): number {
    const id = this.nextRef++;
    this.held.set(id, h);
    return id;
  }

  scopes(frameId: number): DebugScope[] {
    const level = frameId;
    return [
      { name: "Locals", ref: this.hold({ kind: "locals", level }) },
      { name: "Upvalues", ref: this.hold({ kind: "upvalues", level }) },
      { name: "Globals", ref: this.hold({ kind: "globals" }) },
    ];
  }

  variables(ref: number): DebugVariable[] {
    const h = this.held.get(ref);
    if (!h) return [];
    const { api } = this.run;
    const L = this.run.mainState;
    if (h.kind === "locals" || h.kind === "upvalues") {
      const out: DebugVariable[] = [];
      this.eachFrameValue(h.level, h.kind, (name, X) => {
        out.push(this.describe(X, -1, name));
      });
      if (h.kind === "locals") return dedupeShadowed(out);
      return out;
    }
    const top = api.gettop(L);
    try {
      if (h.kind === "globals") api.rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
      else api.getref(L, (h as { reg: number }).reg);
      const out = this.tableChildren(L, api.gettop(L), h.kind === "globals" ? this.globalsAtStart : undefined);
      if (h.kind === "globals") out.sort((a, b) => a.name.localeCompare(b.name));
      return out;
    } finally {
      api.settop(L, top);
    }
  }

  /** The spell's globals' names (those present now). */
  globalNames(): Set<string> {
    const { api } = this.run;
    const L = this.run.mainState;
    const top = api.gettop(L);
    const names = new Set<string>();
    api.rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    api.pushnil(L);
    while (api.next(L, -2) !== 0) {
      if (api.type(L, -2) === LuaType.String) names.add(api.tostring(L, -2));
      api.pop(L, 1);
    }
    api.settop(L, top);
    return names;
  }

  /** Read every frame's locals and upvalues now (in the hook, before the thread yields). */
  snapshot(): void {
    const { api } = this.run;
    const snaps = new Map<number, FrameSnapshot>();
    for (const f of this.frames) {
      const snap: FrameSnapshot = { locals: [], upvalues: [] };
      for (const kind of ["locals", "upvalues"] as const) {
        this.eachLiveValue(f.id, kind, (name, X) => {
          api.pushvalue(X, -1);
          snap[kind].push({ name, reg: api.ref(X) });
        });
      }
      snaps.set(f.id, snap);
    }
    this.snapshots = snaps;
  }

  /** Call `fn(name, thread)` with each local or upvalue of frame `level` on top of that thread's stack. */
  private eachFrameValue(level: number, kind: "locals" | "upvalues", fn: (name: string, X: LuaState) => void): void {
    if (!this.snapshots) return this.eachLiveValue(level, kind, fn);
    const { api } = this.run;
    const L = this.run.mainState;
    for (const { name, reg } of this.snapshots.get(level)?.[kind] ?? []) {
      api.getref(L, reg);
      try {
        fn(name, L);
      } finally {
        api.pop(L, 1);
      }
    }
  }

  private eachLiveValue(level: number, kind: "locals" | "upvalues", fn: (name: string, X: LuaState) => void): void {
    const { api } = this.run;
    const m = api.m;
    const T = this.T;
    if (m._lua_getstack(T, level + this.levelBase, this.ar) === 0) return;
    if (kind === "locals") {
      for (let n = 1; ; n++) {
        const namePtr = m._lua_getlocal(T, this.ar, n);
        if (!namePtr) break;
        const name = readCString(m.HEAPU8, namePtr);
        try {
          if (!name.startsWith("(")) fn(name, T);
        } finally {
          api.pop(T, 1);
        }
      }
      return;
    }
    m._lua_getinfo(T, this.whatF, this.ar); // pushes the function
    const fidx = api.gettop(T);
    try {
      for (let n = 1; ; n++) {
        const namePtr = m._lua_getupvalue(T, fidx, n);
        if (!namePtr) break;
        const name = readCString(m.HEAPU8, namePtr);
        try {
          if (name !== "_ENV" && name !== "") fn(name, T);
        } finally {
          api.pop(T, 1);
        }
      }
    } finally {
      api.settop(T, fidx - 1);
    }
  }

  private tableChildren(X: LuaState, t: number, skip?: Set<string>): DebugVariable[] {
    const { api } = this.run;
    const out: DebugVariable[] = [];
    api.pushnil(X);
    while (api.next(X, t) !== 0) {
      const keyType = api.type(X, -2);
      let name: string;
      if (keyType === LuaType.String) name = api.tostring(X, -2);
      else if (keyType === LuaType.Number) name = `[${formatNumber(api, X, -2)}]`;
      else name = `[${typeName(keyType)}]`;
      if (!(skip && keyType === LuaType.String && skip.has(name))) out.push(this.describe(X, -1, name));
      api.pop(X, 1);
      if (out.length >= MAX_CHILDREN) {
        api.pop(X, 1);
        break;
      }
    }
    return out;
  }

  /** The value at `idx` of `X` as the debugger shows it; a table gets a reference for its children. */
  describe(X: LuaState, idx: number, name: string): DebugVariable {
    const { api } = this.run;
    const t = api.type(X, idx);
    switch (t) {
      case LuaType.Nil:
      case LuaType.None:
        return { name, value: "nil", type: "nil" };
      case LuaType.Boolean:
        return { name, value: api.toboolean(X, idx) ? "true" : "false", type: "boolean" };
      case LuaType.Number:
        return { name, value: formatNumber(api, X, idx), type: "number" };
      case LuaType.String: {
        const s = api.tostring(X, idx);
        return {
          name,
          value: JSON.stringify(s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s),
          type: "string",
        };
      }
      case LuaType.Table: {
        const abs = api.absindex(X, idx);
        const cls = this.className(X, abs);
        api.pushvalue(X, abs);
        const reg = api.ref(X);
        const ref = this.hold({ kind: "table", reg });
        return { name, value: cls ?? this.preview(X, abs), type: cls ?? "table", ref };
      }
      default:
        return { name, value: typeName(t), type: typeName(t) };
    }
  }

  private className(X: LuaState, abs: number): string | undefined {
    const { api } = this.run;
    if (api.getmetatable(X, abs) === 0) return undefined;
    api.pushstring(X, "__name");
    const isString = api.rawget(X, -2) === LuaType.String;
    const name = isString ? api.tostring(X, -1) : undefined;
    api.pop(X, 2);
    return name === "array" ? undefined : name;
  }

  /** `{1, 2, 3}` or `{a = 1, b = "x"}`, first entries only. */
  private preview(X: LuaState, abs: number): string {
    const { api } = this.run;
    const parts: string[] = [];
    let n = 0;
    api.pushnil(X);
    while (api.next(X, abs) !== 0) {
      n++;
      if (parts.length < PREVIEW_ENTRIES) {
        const kt = api.type(X, -2);
        const value = this.shortValue(X, -1);
        if (kt === LuaType.Number && api.isinteger(X, -2) && api.tonumber(X, -2) === n) parts.push(value);
        else {
          const key =
            kt === LuaType.String
              ? api.tostring(X, -2)
              : `[${kt === LuaType.Number ? formatNumber(api, X, -2) : typeName(kt)}]`;
          parts.push(`${key} = ${value}`);
        }
      }
      api.pop(X, 1);
      if (n > MAX_CHILDREN) {
        api.pop(X, 1);
        break;
      }
    }
    if (n > parts.length) parts.push("…");
    return `{${parts.join(", ")}}`;
  }

  private shortValue(X: LuaState, idx: number): string {
    const { api } = this.run;
    const t = api.type(X, idx);
    if (t === LuaType.String) {
      const s = api.tostring(X, idx);
      return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
    }
    if (t === LuaType.Number) return formatNumber(api, X, idx);
    if (t === LuaType.Boolean) return api.toboolean(X, idx) ? "true" : "false";
    if (t === LuaType.Nil) return "nil";
    if (t === LuaType.Table) return this.className(X, api.absindex(X, idx)) ?? "{…}";
    return typeName(t);
  }

  evaluate(expression: string, frameId = 0): EvaluateResult {
    const { api } = this.run;
    const L = this.run.mainState;
    const top = api.gettop(L);
    const E = api.newthread(L);
    try {
      let status = api.load(E, `return ${expression}`, "=(watch)");
      if (status !== LuaStatus.Ok) {
        api.settop(E, 0);
        status = api.load(E, expression, "=(watch)");
      }
      if (status !== LuaStatus.Ok) return { ok: false, error: cleanError(api.tostring(E, -1)) };
      const fn = api.gettop(E);
      // _ENV: the frame's names over the globals.
      api.createtable(E, 0, 8);
      const env = api.gettop(E);
      const seen = new Set<string>();
      const frame = this.frames.find((f) => f.id === frameId)?.id ?? frameId;
      const set = (name: string, X: LuaState) => {
        api.pushstring(E, name);
        api.pushvalue(X, -1);
        api.xmove(X, E, 1);
        api.rawset(E, env);
        seen.add(name);
      };
      // Locals in order (a later one shadows an earlier one of the same name), then upvalues not shadowed.
      this.eachFrameValue(frame, "locals", set);
      const locals = new Set(seen);
      this.eachFrameValue(frame, "upvalues", (name, X) => {
        if (!locals.has(name)) set(name, X);
      });
      api.createtable(E, 0, 1);
      api.pushstring(E, "__index");
      api.rawgeti(E, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
      api.rawset(E, -3);
      api.setmetatable(E, env);
      if (!api.m._lua_setupvalue(E, fn, 1)) api.pop(E, 1);
      this.run.enterVm();
      let r: number;
      try {
        r = withEvaluation(this.dbg, () => api.pcall(E, 0, 1));
      } finally {
        this.run.exitVm();
      }
      if (r !== LuaStatus.Ok) {
        const msg = api.type(E, -1) === LuaType.String ? api.tostring(E, -1) : "error";
        return { ok: false, error: cleanError(msg) };
      }
      return { ok: true, value: this.describe(E, -1, expression) };
    } finally {
      api.settop(L, top);
    }
  }

  /** Release what this pause held (registry references, scratch memory). */
  dispose(): void {
    const { api } = this.run;
    const L = this.run.mainState;
    if (!this.run.closing) {
      for (const h of this.held.values()) if (h.kind === "table") api.unref(L, h.reg);
      for (const snap of this.snapshots?.values() ?? [])
        for (const v of [...snap.locals, ...snap.upvalues]) api.unref(L, v.reg);
    }
    this.held.clear();
    this.snapshots = null;
    api.m._free(this.whatF);
  }
}

function cleanError(message: string): string {
  return message.replace(/^\(watch\):\d+: /, "");
}

/** In a frame's locals, keep the innermost of two with the same name. */
function dedupeShadowed(vars: DebugVariable[]): DebugVariable[] {
  const last = new Map<string, number>();
  vars.forEach((v, i) => last.set(v.name, i));
  return vars.filter((v, i) => last.get(v.name) === i);
}

function formatNumber(api: LuaApi, X: LuaState, idx: number): string {
  const n = api.tonumber(X, idx);
  if (api.isinteger(X, idx)) return String(n);
  if (Number.isNaN(n)) return n > 0 ? "nan" : "-nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  const s = String(Number(n.toPrecision(14)));
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

const TYPE_NAMES = ["nil", "boolean", "userdata", "number", "string", "table", "function", "userdata", "thread"];

function typeName(t: number): string {
  return TYPE_NAMES[t] ?? "value";
}
