/**
 * One spell run in one fresh Lua state: the sandbox, the limits (memory cap, CPU-time hook, wall clock,
 * cancel), the API injection, and the driver that makes host promises look synchronous to Lua.
 *
 * How waiting works: a host function that returns a Promise answers Lua with (PENDING, id); the prelude
 * yields `(AWAIT, id)` up to the driver here (forwarded through the spell's own coroutines by the patched
 * `coroutine.resume`), the driver awaits the promise with the CPU clock stopped, and resumes the thread with
 * `(tag, value)`.
 */
import type { LuaEngine as WasmoonEngine } from "wasmoon";
import { SpellError, type SpellErrorData } from "../../lib/core/errors";
import {
  isHandleRef,
  type ApiSurface,
  type ExecuteOptions,
  type HandleRef,
  type HostValue,
  type SpellFunction,
} from "../../lib/core/engine";
import { type ExecutionResult } from "../../lib/core/events";
import { type JsonValue } from "../../lib/core/json";
import { createRunOutput, finishRun, type RunOutput } from "../../lib/core/run-output";
import { hostErrorFields, resolveRunLimits, STOP_MESSAGES } from "../../lib/core/run-guard";
import { createCpuMeter } from "../../lib/core/cpu-meter";
import { pushHostValue, readLuaValue, type ConvertHost } from "./convert";
import { scriptFrames, stringError, syntaxError, tableError } from "./errors";
import {
  LUA_MASKCOUNT,
  LUA_REGISTRYINDEX,
  LuaStatus,
  LuaType,
  upvalueIndex,
  type LuaApi,
  type LuaState,
} from "./lua-api";

/** Registry slot of the globals table (lua.h). */
const LUA_RIDX_GLOBALS = 2;
import { LUA_PRELUDE, PRELUDE_CHUNK_NAME } from "./prelude";

const ENGINE = "lua";
/** Lua instructions between two limit checks (~0.05–0.1 ms of spell code). */
const HOOK_COUNT = 10_000;
/** A tight loop gives the event loop a turn this often (so a cancel or a timer can arrive). */
const BREATHE_MS = 20;
const TAG_OK = 0;
const TAG_PENDING = 1;
const TAG_ERR = 2;

type HostEntry = (L: LuaState) => number;
type Settled = { ok: true; value: HostValue } | { ok: false; error: unknown };
type DriveOutcome = { ok: true; base: number; nres: number } | { ok: false; error: SpellErrorData };

/** A Lua function handed to the host. */
class LuaSpellFunction implements SpellFunction {
  readonly __spellFunction = true as const;
  constructor(
    readonly run: LuaRun,
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

export class LuaRun implements ConvertHost {
  readonly api: LuaApi;
  private readonly engine: WasmoonEngine;
  private readonly opts: ExecuteOptions;
  private readonly chunkName: string;
  private readonly output: RunOutput;
  private readonly timeoutMs: number;
  private readonly wallTimeoutMs: number;
  private readonly memoryLimit: number;
  private readonly maxOutput: number;
  /** What `io.write` wrote after the last newline. */
  private partialLine = "";
  private L: LuaState = 0;

  // Registry references to prelude internals.
  private refs = {
    await: 0,
    kill: 0,
    runRoot: 0,
    installApi: 0,
    wrapHost: 0,
    arrayMt: 0,
    handles: 0,
    handleClass: 0,
    handleFields: 0,
    objects: 0,
    classMts: 0,
  };

  private readonly entries: HostEntry[] = [];
  private readonly pending = new Map<number, Promise<HostValue>>();
  private nextPending = 1;
  private readonly spellFunctions = new Map<number, LuaSpellFunction>();
  private readonly foreign = new Map<number, SpellFunction>();
  private readonly foreignRefs = new Map<SpellFunction, number>();
  private readonly fnPointers: number[] = [];
  private trampoline = 0;

  private killed: SpellErrorData | null = null;
  private readonly killWaiters = new Set<() => void>();
  private closing = false;
  private closed = false;
  private broken = false;

  /** Time in the VM; the memory cap is enforced while it runs (the engine's own allocations are not capped). */
  private readonly cpu = createCpuMeter();
  private memUsed = 0;
  private memPeak = 0;
  private memFailed = false;

  private wallTimer: ReturnType<typeof setTimeout> | undefined;
  private wallDeadline = Infinity;
  private wallMessage = "";
  private lastBreath = 0;
  /** Threads resumed by the driver (the only ones a hook may yield). */
  private readonly driven = new Set<LuaState>();
  private readonly onAbort = () => this.kill("cancelled", STOP_MESSAGES.cancelled());

  constructor(engine: WasmoonEngine, api: LuaApi, opts: ExecuteOptions) {
    this.engine = engine;
    this.api = api;
    this.opts = opts;
    this.chunkName = opts.chunkName ?? "spell";
    this.output = createRunOutput(opts);
    const limits = resolveRunLimits(opts);
    this.maxOutput = limits.maxOutputBytes;
    this.timeoutMs = limits.timeoutMs;
    this.memoryLimit = limits.memoryLimitBytes;
    this.wallTimeoutMs = limits.wallTimeoutMs;
  }

  /** Run `source` to its end and close the state. Never rejects. */
  async execute(source: string): Promise<ExecutionResult> {
    let outcome: { ok: true; value: JsonValue } | { ok: false; error: SpellErrorData };
    try {
      outcome = await this.runSpell(source);
    } catch (e) {
      outcome = {
        ok: false,
        error: this.killed ??
          (e instanceof SpellError ? { ...e.toJSON(), engine: ENGINE } : null) ?? {
            kind: "runtime",
            message: `internal error in the Lua engine: ${e instanceof Error ? e.message : String(e)}`,
            engine: ENGINE,
          },
      };
    }
    this.flushWrite();
    const stats = { engine: ENGINE, cpuMs: Math.round(this.cpu.elapsedMs() * 1000) / 1000, memoryBytes: this.memPeak };
    this.close();
    return finishRun(this.output, outcome, stats, this.opts.onEvent);
  }

  private async runSpell(
    source: string,
  ): Promise<{ ok: true; value: JsonValue } | { ok: false; error: SpellErrorData }> {
    const signal = this.opts.signal;
    if (signal?.aborted)
      return { ok: false, error: { kind: "cancelled", message: STOP_MESSAGES.cancelled(), engine: ENGINE } };
    signal?.addEventListener("abort", this.onAbort);
    const wall = this.wallTimeoutMs;
    this.wallMessage = STOP_MESSAGES.wall(wall);
    this.wallDeadline = performance.now() + wall;
    this.wallTimer = setTimeout(() => this.kill("timeout", this.wallMessage), wall);

    this.setUp();
    const api = this.opts.api;
    if (api?.preludes?.lua) {
      const failed = await this.runApiPrelude(api.preludes.lua);
      if (failed) return { ok: false, error: failed };
    }

    const L = this.L;
    const T = this.api.newthread(L);
    this.api.ref(L); // anchor the root thread (freed with the state)
    this.api.getref(T, this.refs.runRoot);
    const status = this.api.load(T, normaliseSource(source), `=${this.chunkName}`);
    if (status !== LuaStatus.Ok) {
      const message = this.api.type(T, -1) === LuaType.String ? this.api.tostring(T, -1) : "cannot load the spell";
      if (status === LuaStatus.ErrMem) return { ok: false, error: this.memoryError() };
      return { ok: false, error: syntaxError(message, this.chunkName, ENGINE) };
    }
    const out = await this.drive(T, 1);
    if (!out.ok) return out;
    if (this.api.toboolean(T, out.base) === 0) return { ok: false, error: this.errorFromStack(T, out.base + 1) };
    const value = readLuaValue(this, T, out.base + 1, "return", { functions: "reject" }) as JsonValue;
    return { ok: true, value };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Setting up the state
  // -------------------------------------------------------------------------------------------------------------

  private setUp(): void {
    const { api } = this;
    const m = api.m;
    const global = this.engine.global;
    const L = (this.L = global.address);

    this.fnPointers.push(
      m.addFunction(() => {
        this.broken = true;
        throw new Error("the Lua state panicked");
      }, "ii"),
    );
    api.atpanic(L, this.fnPointers[this.fnPointers.length - 1]);

    this.memUsed = global.getMemoryUsed();
    this.memPeak = this.memUsed;
    const alloc = m.addFunction((_ud: number, ptr: number, osize: number, nsize: number): number => {
      if (nsize === 0) {
        if (ptr) {
          this.memUsed -= osize;
          m._free(ptr);
        }
        return 0;
      }
      const delta = ptr ? nsize - osize : nsize;
      if (delta > 0 && this.cpu.running && this.memUsed + delta > this.memoryLimit) {
        this.memFailed = true;
        return 0;
      }
      const p = (m as unknown as { _realloc(p: number, n: number): number })._realloc(ptr, nsize);
      if (!p) {
        this.memFailed = true;
        return 0;
      }
      this.memUsed += delta;
      if (this.memUsed > this.memPeak) this.memPeak = this.memUsed;
      return p;
    }, "iiiii");
    this.fnPointers.push(alloc);
    api.setallocf(L, alloc, 0);

    const hook = m.addFunction((Lh: LuaState) => {
      if (!this.killed && !this.closing) {
        const now = performance.now();
        if (this.cpu.exceeds(this.timeoutMs)) this.kill("timeout", STOP_MESSAGES.cpu(this.timeoutMs));
        else if (now > this.wallDeadline) this.kill("timeout", this.wallMessage);
        else if (this.opts.signal?.aborted) this.kill("cancelled", STOP_MESSAGES.cancelled());
        else if (now - this.lastBreath > BREATHE_MS && this.driven.has(Lh) && api.isyieldable(Lh)) {
          // Hooks may yield (with no values): the driver lets the event loop run, then resumes.
          this.lastBreath = now;
          api.yieldk(Lh, 0, 0, 0);
          return;
        }
      }
      if (this.killed || this.closing) {
        if (this.killed && this.killed.line === undefined && !this.closing) this.noteKillLine(Lh);
        api.getref(Lh, this.refs.kill);
        api.error(Lh);
      }
    }, "vii");
    this.fnPointers.push(hook);
    // Threads inherit the hook of the thread that creates them, so every coroutine is covered.
    api.sethook(L, hook, LUA_MASKCOUNT, HOOK_COUNT);

    this.trampoline = m.addFunction((Lc: LuaState) => {
      const id = api.tonumber(Lc, upvalueIndex(1));
      return this.entries[id](Lc);
    }, "ii");
    this.fnPointers.push(this.trampoline);

    // The prelude: sandbox + idioms; returns its internals.
    if (api.load(L, LUA_PRELUDE, PRELUDE_CHUNK_NAME) !== LuaStatus.Ok) {
      throw new Error(`the Lua prelude does not compile: ${api.tostring(L, -1)}`);
    }
    api.pushstring(L, `=${this.chunkName}`);
    this.pushEntry(L, (Lc) => {
      const level = api.tostring(Lc, 1);
      const text = api.tostring(Lc, 2);
      if (level === "write") this.write(text);
      else if (level === "warn") {
        this.flushWrite();
        this.output.log("warn", text);
      } else {
        // print continues a line io.write left open, as a terminal shows it.
        const line = this.partialLine + text;
        this.partialLine = "";
        this.output.log("log", line);
      }
      return 0;
    });
    if (api.pcall(L, 2, 1) !== LuaStatus.Ok) throw new Error(`the Lua prelude failed: ${api.tostring(L, -1)}`);
    const internals = api.gettop(L);
    const field = (name: string): number => {
      api.pushstring(L, name);
      api.rawget(L, internals);
      return api.ref(L);
    };
    this.refs = {
      await: field("AWAIT"),
      kill: field("KILL"),
      runRoot: field("run_root"),
      installApi: field("install_api"),
      wrapHost: field("wrap_host"),
      arrayMt: field("ARRAY_MT"),
      handles: field("handles"),
      handleClass: field("handle_class"),
      handleFields: field("handle_fields"),
      objects: field("objects"),
      classMts: field("class_mts"),
    };
    api.pop(L, 1);
    this.installApi(this.opts.api);
  }

  /** Push a C closure that calls `entry` (through the one trampoline of this run). */
  private pushEntry(L: LuaState, entry: HostEntry): void {
    const id = this.entries.length;
    this.entries.push(entry);
    this.api.pushnumber(L, id);
    this.api.pushcclosure(L, this.trampoline, 1);
  }

  private installApi(surface: ApiSurface | undefined): void {
    const { api } = this;
    const L = this.L;
    api.getref(L, this.refs.installApi);
    api.createtable(L, 0, 3);
    const spec = api.gettop(L);

    api.pushstring(L, "globals");
    api.createtable(L, 0, 0);
    for (const [gname, g] of Object.entries(surface?.globals ?? {})) {
      api.pushstring(L, gname);
      api.createtable(L, 0, 2);
      api.pushstring(L, "functions");
      api.createtable(L, 0, 0);
      for (const [fname, fn] of Object.entries(g.functions)) {
        api.pushstring(L, fname);
        this.pushEntry(L, (Lc) => this.callHost(Lc, 1, (args) => fn(args)));
        api.rawset(L, -3);
      }
      api.rawset(L, -3);
      api.rawset(L, -3);
    }
    api.rawset(L, spec);

    api.pushstring(L, "classes");
    api.createtable(L, 0, 0);
    for (const [cname, cls] of Object.entries(surface?.classes ?? {})) {
      api.pushstring(L, cname);
      api.createtable(L, 0, 0);
      for (const [mname, method] of Object.entries(cls.methods)) {
        api.pushstring(L, mname);
        this.pushEntry(L, (Lc) =>
          this.callHost(Lc, 2, (args, self) => {
            if (!self) throw new SpellError("type", `${cname}:${mname} needs a ${cname} object`);
            return method(self, args);
          }),
        );
        api.rawset(L, -3);
      }
      api.rawset(L, -3);
    }
    api.rawset(L, spec);

    if (api.pcall(L, 1, 0) !== LuaStatus.Ok) {
      const why = api.type(L, -1) === LuaType.String ? api.tostring(L, -1) : "unknown error";
      api.pop(L, 1);
      throw new Error(`cannot install the spell API: ${why}`);
    }

    // Values last, once the classes exist (a value may hold a host object).
    api.rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    const G = api.gettop(L);
    for (const [gname, g] of Object.entries(surface?.globals ?? {})) {
      if (!g.values) continue;
      api.pushstring(L, gname);
      api.rawget(L, G);
      for (const [k, v] of Object.entries(g.values)) {
        api.pushstring(L, k);
        pushHostValue(this, L, v, `${gname}.${k}`);
        api.rawset(L, -3);
      }
      api.pop(L, 1);
    }
    const values: Record<string, HostValue> = { ...(surface?.values ?? {}) };
    if (this.opts.args !== undefined) values.ARGS = this.opts.args;
    for (const [k, v] of Object.entries(values)) {
      api.pushstring(L, k);
      pushHostValue(this, L, v, k);
      api.rawset(L, G);
    }
    api.pop(L, 1);
  }

  private async runApiPrelude(source: string): Promise<SpellErrorData | null> {
    const { api } = this;
    const T = api.newthread(this.L);
    const tref = api.ref(this.L);
    try {
      api.getref(T, this.refs.runRoot);
      if (api.load(T, source, "=api-prelude") !== LuaStatus.Ok) {
        return {
          kind: "configuration",
          message: `the API's Lua prelude does not compile: ${api.tostring(T, -1)}`,
          engine: ENGINE,
        };
      }
      const out = await this.drive(T, 1);
      if (!out.ok) return out.error;
      if (api.toboolean(T, out.base) === 0) {
        const e = this.errorFromStack(T, out.base + 1);
        return { kind: "configuration", message: `the API's Lua prelude failed: ${e.message}`, engine: ENGINE };
      }
      return null;
    } finally {
      if (!this.closed) api.unref(this.L, tref);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Host calls
  // -------------------------------------------------------------------------------------------------------------

  /**
   * A host function called from Lua: convert the arguments (from index `first`; index 1 is `self` for methods),
   * call, and answer (OK, value) / (PENDING, id) / (ERR, error table).
   */
  private callHost(
    L: LuaState,
    first: number,
    invoke: (args: HostValue[], self?: HandleRef) => HostValue | Promise<HostValue>,
  ): number {
    const { api } = this;
    const argc = api.gettop(L);
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
  // io.write: line-buffered output
  // -------------------------------------------------------------------------------------------------------------

  /** Text from `io.write`: each complete line becomes one `log` event; the rest waits for its newline. */
  private write(text: string): void {
    if (this.output.truncated) return;
    let nl = text.indexOf("\n");
    if (nl === -1) {
      this.partialLine += text; // streaming chunks: no rescan of what is already buffered
    } else {
      this.output.log("log", this.partialLine + text.slice(0, nl));
      let from = nl + 1;
      while ((nl = text.indexOf("\n", from)) !== -1) {
        this.output.log("log", text.slice(from, nl));
        from = nl + 1;
      }
      this.partialLine = text.slice(from);
    }
    // A line that never ends still counts against the output cap (and the buffer stays bounded).
    if (this.partialLine.length >= this.maxOutput) this.flushWrite();
  }

  /** Log the partial line `io.write` left open (at the end of the run, before a warning). */
  private flushWrite(): void {
    if (this.partialLine === "") return;
    const line = this.partialLine;
    this.partialLine = "";
    this.output.log("log", line);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Host objects and functions (ConvertHost)
  // -------------------------------------------------------------------------------------------------------------

  readHandle(L: LuaState, idx: number): HandleRef | undefined {
    const { api } = this;
    api.getref(L, this.refs.handles);
    api.pushvalue(L, idx);
    if (api.rawget(L, -2) !== LuaType.Number) {
      api.pop(L, 2);
      return undefined;
    }
    const id = api.tonumber(L, -1);
    api.pop(L, 2);
    api.getref(L, this.refs.handleClass);
    api.pushvalue(L, idx);
    api.rawget(L, -2);
    const cls = api.tostring(L, -1);
    api.pop(L, 2);
    return { $handle: id, $class: cls };
  }

  pushHandle(L: LuaState, h: HandleRef): void {
    const { api } = this;
    const key = `${h.$class}#${h.$handle}`;
    api.getref(L, this.refs.objects); // [objs]
    api.pushstring(L, key);
    if (api.rawget(L, -2) === LuaType.Table) {
      api.remove(L, -2); // [obj]
      return;
    }
    api.pop(L, 1); // [objs]
    api.getref(L, this.refs.classMts);
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
      [this.refs.handles, h.$handle],
      [this.refs.handleClass, h.$class],
    ] as const) {
      api.getref(L, ref);
      api.pushvalue(L, -2);
      if (typeof value === "number") api.pushinteger(L, value);
      else api.pushstring(L, value);
      api.rawset(L, -3);
      api.pop(L, 1);
    }
    if (fields) {
      api.getref(L, this.refs.handleFields); // [objs, obj, hf]
      api.pushvalue(L, -2);
      pushHostValue(this, L, fields, h.$class); // [objs, obj, hf, obj, fields]
      api.rawset(L, -3);
      api.pop(L, 1);
    }
    api.remove(L, -2); // [obj]
  }

  pushArrayMarker(L: LuaState): boolean {
    if (!this.refs.arrayMt) return false;
    this.api.getref(L, this.refs.arrayMt);
    return true;
  }

  toSpellFunction(L: LuaState, idx: number): SpellFunction {
    const ptr = this.api.topointer(L, idx);
    const known = this.spellFunctions.get(ptr) ?? this.foreign.get(ptr);
    if (known) return known;
    this.api.pushvalue(L, idx);
    const fn = new LuaSpellFunction(this, this.api.ref(L));
    this.spellFunctions.set(ptr, fn);
    return fn;
  }

  pushSpellFunction(L: LuaState, fn: SpellFunction): void {
    if (fn instanceof LuaSpellFunction && fn.run === this) {
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
    api.getref(L, this.refs.wrapHost);
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

  /** Call a spell function from the host (a hook, a tool's execute, a stream callback). */
  async callFunction(ref: number, args: JsonValue[]): Promise<JsonValue> {
    await null; // never run nested inside a Lua call in progress
    if (this.closed) throw new SpellError("cancelled", "the spell has finished; its functions can no longer be called");
    if (this.killed) throw SpellError.from(this.killed);
    const { api } = this;
    const L = this.L;
    const T = api.newthread(L);
    const tref = api.ref(L);
    try {
      api.getref(T, this.refs.runRoot);
      api.getref(T, ref);
      args.forEach((a, i) => pushHostValue(this, T, a, `callback argument ${i + 1}`));
      const out = await this.drive(T, 1 + args.length);
      if (!out.ok) throw SpellError.from(out.error);
      if (api.toboolean(T, out.base) === 0) throw SpellError.from(this.errorFromStack(T, out.base + 1));
      return readLuaValue(this, T, out.base + 1, "callback result", { functions: "reject" }) as JsonValue;
    } finally {
      if (!this.closed) api.unref(L, tref);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // The driver
  // -------------------------------------------------------------------------------------------------------------

  /** Resume `T` until it finishes; host waits happen here with the CPU clock stopped. */
  private async drive(T: LuaState, nargs: number): Promise<DriveOutcome> {
    this.driven.add(T);
    try {
      return await this.driveLoop(T, nargs);
    } finally {
      this.driven.delete(T);
    }
  }

  private async driveLoop(T: LuaState, nargs: number): Promise<DriveOutcome> {
    const { api } = this;
    for (;;) {
      if (this.killed) return { ok: false, error: this.killed };
      if (this.closed) return { ok: false, error: { kind: "cancelled", message: "the run has ended", engine: ENGINE } };
      this.enter();
      let r: { status: number; nresults: number };
      try {
        r = api.resume(T, nargs);
      } finally {
        this.exit();
      }
      if (this.killed) return { ok: false, error: this.killed };
      if (r.status === LuaStatus.Yield) {
        if (r.nresults === 0) {
          // The hook asked for a breath: let timers and messages (a cancel) in, then go on.
          await macrotask();
          nargs = 0;
          continue;
        }
        if (r.nresults === 2 && this.isAwaitMarker(T, -2)) {
          const id = api.tonumber(T, -1);
          api.pop(T, 2);
          const p = this.pending.get(id);
          this.pending.delete(id);
          const settled = p ? await this.waitFor(p) : { ok: false as const, error: new Error("unknown host call") };
          if (settled === null || this.killed) return { ok: false, error: this.killed ?? this.endedError() };
          if (this.closed) return { ok: false, error: this.endedError() };
          this.answerSettled(T, settled);
          nargs = 2;
          continue;
        }
        api.pop(T, r.nresults);
        return {
          ok: false,
          error: { kind: "runtime", message: "attempt to yield from outside a coroutine", engine: ENGINE },
        };
      }
      if (r.status === LuaStatus.Ok) {
        return { ok: true, base: api.gettop(T) - r.nresults + 1, nres: r.nresults };
      }
      if (r.status === LuaStatus.ErrMem) return { ok: false, error: this.memoryError() };
      return { ok: false, error: this.errorFromStack(T, -1) };
    }
  }

  private endedError(): SpellErrorData {
    return { kind: "cancelled", message: "the run has ended", engine: ENGINE };
  }

  private isAwaitMarker(T: LuaState, idx: number): boolean {
    const { api } = this;
    api.getref(T, this.refs.await);
    const same = api.rawequal(T, idx - 1, -1) !== 0;
    api.pop(T, 1);
    return same;
  }

  private waitFor(p: Promise<HostValue>): Promise<Settled | null> {
    return new Promise((resolve) => {
      const onKill = () => resolve(null);
      this.killWaiters.add(onKill);
      p.then(
        (value) => {
          this.killWaiters.delete(onKill);
          resolve({ ok: true, value });
        },
        (error: unknown) => {
          this.killWaiters.delete(onKill);
          resolve({ ok: false, error });
        },
      );
    });
  }

  /** Push (tag, value) onto a suspended thread for its resume. */
  private answerSettled(T: LuaState, settled: Settled): void {
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

  private enter(): void {
    if (this.cpu.enter()) this.lastBreath = performance.now();
  }

  private exit(): void {
    this.cpu.exit();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Limits and errors
  // -------------------------------------------------------------------------------------------------------------

  private kill(kind: "timeout" | "cancelled", message: string): void {
    if (this.killed || this.closed) return;
    this.killed = { kind, message, engine: ENGINE };
    for (const wake of [...this.killWaiters]) wake();
    this.killWaiters.clear();
  }

  /** Where a killed spell was (the running function's line, when it is spell code). */
  private noteKillLine(L: LuaState): void {
    const { api } = this;
    api.where(L, 0);
    const where = api.tostring(L, -1);
    api.pop(L, 1);
    const m = /:(\d+):\s*$/.exec(where);
    if (m && where.startsWith(`${this.chunkName}:`) && this.killed) this.killed.line = Number(m[1]);
  }

  private memoryError(): SpellErrorData {
    return {
      kind: "memory",
      message: STOP_MESSAGES.memory(this.memoryLimit),
      engine: ENGINE,
    };
  }

  /**
   * The error at `idx` of `T`: either the value run_root caught (followed by its line and traceback) or the
   * raw error object of a failed resume.
   */
  private errorFromStack(T: LuaState, idx: number): SpellErrorData {
    const { api } = this;
    if (this.killed) return this.killed;
    const abs = api.absindex(T, idx);
    const top = api.gettop(T);
    const line = abs + 1 <= top && api.type(T, abs + 1) === LuaType.Number ? api.tonumber(T, abs + 1) : undefined;
    const tb = abs + 2 <= top && api.type(T, abs + 2) === LuaType.String ? api.tostring(T, abs + 2) : undefined;
    const stack = scriptFrames(tb, this.chunkName);
    const t = api.type(T, abs);
    if (t === LuaType.String) {
      const raised = api.tostring(T, abs);
      if (this.memFailed && raised === "not enough memory") return this.memoryError();
      return stringError(raised, this.chunkName, ENGINE, line, stack);
    }
    if (t === LuaType.Table) {
      let fields: { [key: string]: JsonValue };
      try {
        const v = readLuaValue(this, T, abs, "error", { functions: "reject" });
        fields =
          isHandleRef(v) || Array.isArray(v) || typeof v !== "object" || v === null
            ? { value: v as JsonValue }
            : (v as { [key: string]: JsonValue });
      } catch {
        fields = {};
      }
      return tableError(fields, ENGINE, line, stack);
    }
    const described =
      t === LuaType.Nil
        ? "nil"
        : t === LuaType.Boolean
          ? String(api.toboolean(T, abs) !== 0)
          : t === LuaType.Number
            ? String(api.tonumber(T, abs))
            : `a ${["", "", "userdata", "", "", "", "function", "userdata", "coroutine"][t] ?? "value"}`;
    const out: SpellErrorData = { kind: "runtime", message: `error value: ${described}`, engine: ENGINE };
    if (line !== undefined) out.line = line;
    if (stack) out.stack = stack;
    return out;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Closing
  // -------------------------------------------------------------------------------------------------------------

  /** Stop a run from outside (engine disposal). */
  abort(): void {
    this.kill("cancelled", "the engine was disposed");
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.wallTimer);
    this.opts.signal?.removeEventListener("abort", this.onAbort);
    for (const wake of [...this.killWaiters]) wake();
    this.killWaiters.clear();
    this.pending.clear();
    if (!this.broken) {
      // Finalizers (__gc) run during close; the hook stops any that loops.
      this.closing = true;
      try {
        this.engine.global.close();
      } catch {
        // a finalizer that failed badly: the state is gone either way
      }
    }
    for (const p of this.fnPointers) this.api.m.removeFunction(p);
    this.fnPointers.length = 0;
  }
}

/** Wait for one turn of the event loop (not just the microtask queue). */
function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => void };
  if (typeof g.setImmediate === "function") return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Keep line numbers while dropping what `load` does not accept: a BOM and a `#!` first line. */
function normaliseSource(source: string): string {
  let s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (s.startsWith("#")) {
    const nl = s.indexOf("\n");
    s = nl === -1 ? "" : `--${s.slice(nl)}`;
  }
  return s;
}
