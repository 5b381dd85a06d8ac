/**
 * A thin, fast layer over the Lua C API as compiled into wasmoon's wasm module. wasmoon's own helpers go through
 * `ccall` and its proxy/type-extension machinery; a spell's host calls go through here instead (plain numbers,
 * strings encoded straight into the wasm heap).
 *
 * One {@link LuaApi} per loaded wasm module; every Lua state created from that module shares it.
 */

/** Lua 5.4 constants (lua.h / luaconf.h as built by wasmoon). */
export const LUA_REGISTRYINDEX = -1_000_000 - 1000;
export const LuaType = {
  None: -1,
  Nil: 0,
  Boolean: 1,
  LightUserdata: 2,
  Number: 3,
  String: 4,
  Table: 5,
  Function: 6,
  Userdata: 7,
  Thread: 8,
} as const;
export const LuaStatus = { Ok: 0, Yield: 1, ErrRun: 2, ErrSyntax: 3, ErrMem: 4, ErrErr: 5 } as const;
export const LUA_MASKCOUNT = 8;

export function upvalueIndex(i: number): number {
  return LUA_REGISTRYINDEX - i;
}

/** Lua state pointer. */
export type LuaState = number;

type NativeFn = (...args: (number | bigint | null)[]) => number;

/** The part of the emscripten module (wasmoon's `LuaWasm.module`) this file uses. */
export interface EmscriptenModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  addFunction(fn: Function, signature: string): number;
  removeFunction(ptr: number): void;
  [name: `_lua${string}`]: NativeFn;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

export class LuaApi {
  readonly m: EmscriptenModule;
  /** 8 bytes for out-parameters (string lengths, resume result counts). */
  private readonly outPtr: number;
  private bufPtr = 0;
  private bufCap = 0;

  // Bound natives (looked up once).
  readonly gettop: (L: LuaState) => number;
  readonly settop: (L: LuaState, i: number) => void;
  readonly type: (L: LuaState, i: number) => number;
  readonly toboolean: (L: LuaState, i: number) => number;
  readonly isinteger: (L: LuaState, i: number) => number;
  readonly pushnil: (L: LuaState) => void;
  readonly pushnumber: (L: LuaState, n: number) => void;
  readonly pushboolean: (L: LuaState, b: number) => void;
  readonly pushvalue: (L: LuaState, i: number) => void;
  readonly createtable: (L: LuaState, narr: number, nrec: number) => void;
  readonly rawset: (L: LuaState, i: number) => void;
  readonly rawget: (L: LuaState, i: number) => number;
  readonly next: (L: LuaState, i: number) => number;
  readonly topointer: (L: LuaState, i: number) => number;
  readonly getmetatable: (L: LuaState, i: number) => number;
  readonly setmetatable: (L: LuaState, i: number) => number;
  readonly rawequal: (L: LuaState, a: number, b: number) => number;
  readonly checkstack: (L: LuaState, n: number) => number;
  readonly absindex: (L: LuaState, i: number) => number;
  readonly rotate: (L: LuaState, i: number, n: number) => void;
  readonly newthread: (L: LuaState) => LuaState;
  readonly xmove: (from: LuaState, to: LuaState, n: number) => void;
  readonly error: (L: LuaState) => number;
  readonly sethook: (L: LuaState, fn: number, mask: number, count: number) => void;
  readonly gethookmask: (L: LuaState) => number;
  readonly atpanic: (L: LuaState, fn: number) => number;
  readonly setallocf: (L: LuaState, fn: number, ud: number) => void;
  readonly pushcclosure: (L: LuaState, fn: number, n: number) => void;
  readonly isyieldable: (L: LuaState) => number;
  readonly yieldk: (L: LuaState, nresults: number, ctx: number, k: number) => number;
  /** Push "chunk:line:" of the function at stack level `lvl` (0 = the running one; "" for C functions). */
  readonly where: (L: LuaState, lvl: number) => void;

  constructor(m: EmscriptenModule) {
    this.m = m;
    this.outPtr = m._malloc(8);
    const f = (name: string) => {
      const fn = m[`_${name}` as `_lua${string}`];
      if (typeof fn !== "function") throw new Error(`wasmoon module lacks ${name}`);
      return fn;
    };
    this.gettop = f("lua_gettop") as LuaApi["gettop"];
    this.settop = f("lua_settop") as LuaApi["settop"];
    this.type = f("lua_type") as LuaApi["type"];
    this.toboolean = f("lua_toboolean") as LuaApi["toboolean"];
    this.isinteger = f("lua_isinteger") as LuaApi["isinteger"];
    this.pushnil = f("lua_pushnil") as LuaApi["pushnil"];
    this.pushnumber = f("lua_pushnumber") as LuaApi["pushnumber"];
    this.pushboolean = f("lua_pushboolean") as LuaApi["pushboolean"];
    this.pushvalue = f("lua_pushvalue") as LuaApi["pushvalue"];
    this.createtable = f("lua_createtable") as LuaApi["createtable"];
    this.rawset = f("lua_rawset") as LuaApi["rawset"];
    this.rawget = f("lua_rawget") as LuaApi["rawget"];
    this.next = f("lua_next") as LuaApi["next"];
    this.topointer = f("lua_topointer") as LuaApi["topointer"];
    this.getmetatable = f("lua_getmetatable") as LuaApi["getmetatable"];
    this.setmetatable = f("lua_setmetatable") as LuaApi["setmetatable"];
    this.rawequal = f("lua_rawequal") as LuaApi["rawequal"];
    this.checkstack = f("lua_checkstack") as LuaApi["checkstack"];
    this.absindex = f("lua_absindex") as LuaApi["absindex"];
    this.rotate = f("lua_rotate") as LuaApi["rotate"];
    this.newthread = f("lua_newthread") as LuaApi["newthread"];
    this.xmove = f("lua_xmove") as LuaApi["xmove"];
    this.error = f("lua_error") as LuaApi["error"];
    this.sethook = f("lua_sethook") as LuaApi["sethook"];
    this.gethookmask = f("lua_gethookmask") as LuaApi["gethookmask"];
    this.atpanic = f("lua_atpanic") as LuaApi["atpanic"];
    this.setallocf = f("lua_setallocf") as LuaApi["setallocf"];
    this.pushcclosure = f("lua_pushcclosure") as LuaApi["pushcclosure"];
    this.isyieldable = f("lua_isyieldable") as LuaApi["isyieldable"];
    this.yieldk = f("lua_yieldk") as LuaApi["yieldk"];
    this.where = f("luaL_where") as LuaApi["where"];
    this.rawgetiN = f("lua_rawgeti");
    this.rawsetiN = f("lua_rawseti");
    this.pushintegerN = f("lua_pushinteger");
    this.tonumberxN = f("lua_tonumberx");
    this.tolstringN = f("lua_tolstring");
    this.pushlstringN = f("lua_pushlstring");
    this.resumeN = f("lua_resume");
    this.pcallkN = f("lua_pcallk");
    this.loadbufferxN = f("luaL_loadbufferx");
    this.refN = f("luaL_ref");
    this.unrefN = f("luaL_unref");
    this.tracebackN = f("luaL_traceback");
  }

  private readonly rawgetiN: NativeFn;
  private readonly rawsetiN: NativeFn;
  private readonly pushintegerN: NativeFn;
  private readonly tonumberxN: NativeFn;
  private readonly tolstringN: NativeFn;
  private readonly pushlstringN: NativeFn;
  private readonly resumeN: NativeFn;
  private readonly pcallkN: NativeFn;
  private readonly loadbufferxN: NativeFn;
  private readonly refN: NativeFn;
  private readonly unrefN: NativeFn;
  private readonly tracebackN: NativeFn;

  pop(L: LuaState, n = 1): void {
    this.settop(L, -n - 1);
  }

  remove(L: LuaState, i: number): void {
    this.rotate(L, i, -1);
    this.settop(L, -2);
  }

  tonumber(L: LuaState, i: number): number {
    return this.tonumberxN(L, i, 0);
  }

  pushinteger(L: LuaState, n: number): void {
    this.pushintegerN(L, BigInt(n));
  }

  rawgeti(L: LuaState, i: number, n: number): number {
    return this.rawgetiN(L, i, BigInt(n));
  }

  rawseti(L: LuaState, i: number, n: number): void {
    this.rawsetiN(L, i, BigInt(n));
  }

  /** Push the registry value `ref`. */
  getref(L: LuaState, ref: number): number {
    return this.rawgetiN(L, LUA_REGISTRYINDEX, BigInt(ref));
  }

  /** Pop the top value into the registry and return its reference. */
  ref(L: LuaState): number {
    return this.refN(L, LUA_REGISTRYINDEX);
  }

  unref(L: LuaState, ref: number): void {
    this.unrefN(L, LUA_REGISTRYINDEX, ref);
  }

  /** The string at `i` (which must be a string: `lua_tolstring` converts numbers in place). */
  tostring(L: LuaState, i: number): string {
    const ptr = this.tolstringN(L, i, this.outPtr);
    if (!ptr) return "";
    const len = this.m.HEAPU32[this.outPtr >> 2];
    return decodeBytes(this.m.HEAPU8, ptr, len);
  }

  pushstring(L: LuaState, s: string): void {
    const { ptr, len } = this.encode(s);
    this.pushlstringN(L, ptr, len);
  }

  /** Resume thread `L` with `nargs` values on its stack; returns the status and the number of results. */
  resume(L: LuaState, nargs: number): { status: number; nresults: number } {
    this.m.HEAPU32[this.outPtr >> 2] = 0;
    const status = this.resumeN(L, 0, nargs, this.outPtr);
    return { status, nresults: this.m.HEAPU32[this.outPtr >> 2] };
  }

  pcall(L: LuaState, nargs: number, nresults: number): number {
    return this.pcallkN(L, nargs, nresults, 0, 0, 0);
  }

  /** Compile `source` as a text chunk named `chunkName` (use "=name" for `name:12:` positions). */
  load(L: LuaState, source: string, chunkName: string): number {
    const src = encoder.encode(source);
    const srcPtr = this.m._malloc(src.length + 1);
    const nameBytes = encoder.encode(chunkName + "\0");
    const namePtr = this.m._malloc(nameBytes.length + 2);
    try {
      this.m.HEAPU8.set(src, srcPtr);
      this.m.HEAPU8.set(nameBytes, namePtr);
      const modePtr = namePtr + nameBytes.length; // "t\0" after the name
      this.m.HEAPU8[modePtr] = 116;
      this.m.HEAPU8[modePtr + 1] = 0;
      return this.loadbufferxN(L, srcPtr, src.length, namePtr, modePtr);
    } finally {
      this.m._free(srcPtr);
      this.m._free(namePtr);
    }
  }

  /** Push a traceback of thread `L1` onto `L` (levels from `level`). */
  traceback(L: LuaState, L1: LuaState, level: number): void {
    this.tracebackN(L, L1, 0, level);
  }

  private encode(s: string): { ptr: number; len: number } {
    const need = s.length * 3 + 1;
    if (need > this.bufCap) {
      if (this.bufPtr) this.m._free(this.bufPtr);
      this.bufCap = Math.max(need, 256);
      this.bufPtr = this.m._malloc(this.bufCap);
      if (!this.bufPtr) throw new Error("out of wasm memory while encoding a string");
    }
    // Short ASCII strings: write bytes directly (faster than TextEncoder for the common case).
    const heap = this.m.HEAPU8;
    if (s.length <= 64) {
      let ascii = true;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 127) {
          ascii = false;
          break;
        }
        heap[this.bufPtr + i] = c;
      }
      if (ascii) return { ptr: this.bufPtr, len: s.length };
    }
    const { written } = encoder.encodeInto(s, heap.subarray(this.bufPtr, this.bufPtr + this.bufCap));
    return { ptr: this.bufPtr, len: written };
  }
}

function decodeBytes(heap: Uint8Array, ptr: number, len: number): string {
  if (len <= 64) {
    let out = "";
    for (let i = 0; i < len; i++) {
      const c = heap[ptr + i];
      if (c > 127) return decoder.decode(heap.subarray(ptr, ptr + len));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return decoder.decode(heap.subarray(ptr, ptr + len));
}

const apis = new WeakMap<object, LuaApi>();

/** The shared {@link LuaApi} of a loaded wasm module. */
export function luaApiFor(m: EmscriptenModule): LuaApi {
  let api = apis.get(m);
  if (!api) {
    api = new LuaApi(m);
    apis.set(m, api);
  }
  return api;
}
