/**
 * The Lua side of a profile run: the count hook (the run's limits, checked as always, every
 * {@link HOOK_COUNT} instructions, about 0.1 ms of spell code) also hands the running thread's stack to the
 * profiler. The stack is read with `lua_getstack`/`lua_getinfo("Snl")`, keeping the spell's own frames. A count
 * hook every 1,000 instructions sampled no better and cost a fifth more (each event crosses into JS).
 */
import type { Profiler, ProfileEngine, StackEntry } from "../../lib/core/profile";
import { countHook, HOOK_COUNT, type InterruptContext } from "./interrupts";
import type { LuaState } from "./lua-api";
import { readCString } from "./debug-hook";
import { LUA_MASKCOUNT, AR_NAME, AR_WHAT, AR_SOURCE, AR_CURRENTLINE, AR_LINEDEFINED, AR_SIZE } from "./lua-debug-abi";

/** Frames read per sample (a deeper stack keeps its innermost ones). */
const MAX_DEPTH = 200;

export interface ProfileRunContext extends InterruptContext {
  readonly fnPointers: number[];
  readonly host: { lastCaller: LuaState | null };
}

export class LuaProfiler implements ProfileEngine {
  private readonly ar: number;
  private readonly whatSnl: number;
  private readonly spellSource: Uint8Array;
  /** Names by string pointer, with their bytes (a pointer may be reused by another string once one is freed). */
  private readonly names = new Map<number, { bytes: Uint8Array; name: string }>();

  constructor(
    private readonly run: ProfileRunContext,
    private readonly profiler: Profiler,
  ) {
    const m = run.api.m;
    this.ar = m._malloc(AR_SIZE);
    this.whatSnl = m._malloc(8);
    m.HEAPU8.set([83, 110, 108, 0], this.whatSnl); // "Snl"
    this.spellSource = new TextEncoder().encode(`=${run.chunkName}\0`);
  }

  /** Replace the count hook on the main state (before any spell thread exists; threads inherit it). */
  install(L: LuaState): void {
    const { api } = this.run;
    const counted = countHook(this.run);
    const hook = api.m.addFunction((Lh: LuaState) => {
      this.profiler.sample(this.stackOf(Lh));
      counted(Lh);
    }, "vii");
    this.run.fnPointers.push(hook);
    api.sethook(L, hook, LUA_MASKCOUNT, HOOK_COUNT);
    this.profiler.attachEngine(this);
  }

  stackNow(): StackEntry[] | null {
    const T = this.run.host.lastCaller;
    if (!T || this.run.closing) return null;
    const stack = this.stackOf(T);
    return stack.length > 0 ? stack : null;
  }

  /** The spell's frames of `T`, outermost first. */
  private stackOf(T: LuaState): StackEntry[] {
    const m = this.run.api.m;
    const out: StackEntry[] = [];
    const file = this.run.chunkName;
    for (let level = 0; level < MAX_DEPTH && m._lua_getstack(T, level, this.ar) !== 0; level++) {
      m._lua_getinfo(T, this.whatSnl, this.ar);
      const u32 = m.HEAPU32;
      const base = this.ar >> 2;
      if (!this.isSpellSource(u32[base + (AR_SOURCE >> 2)])) continue;
      const line = u32[base + (AR_CURRENTLINE >> 2)] | 0;
      const defined = u32[base + (AR_LINEDEFINED >> 2)] | 0;
      const isMain = m.HEAPU8[u32[base + (AR_WHAT >> 2)]] === 109; // "main"
      const name = isMain ? "main chunk" : this.nameAt(u32[base + (AR_NAME >> 2)], defined);
      out.push({ frame: { name, file, line: defined }, line });
    }
    return out.reverse();
  }

  private nameAt(ptr: number, defined: number): string {
    if (!ptr) return `function@${defined}`;
    const heap = this.run.api.m.HEAPU8;
    const known = this.names.get(ptr);
    if (known && heap[ptr + known.bytes.length] === 0 && known.bytes.every((b, i) => heap[ptr + i] === b))
      return known.name;
    const name = readCString(heap, ptr);
    this.names.set(ptr, { bytes: new TextEncoder().encode(name), name });
    return name;
  }

  private isSpellSource(ptr: number): boolean {
    const heap = this.run.api.m.HEAPU8;
    const want = this.spellSource;
    for (let i = 0; i < want.length; i++) if (heap[ptr + i] !== want[i]) return false;
    return true;
  }

  dispose(): void {
    const m = this.run.api.m;
    m._free(this.ar);
    m._free(this.whatSnl);
  }
}
