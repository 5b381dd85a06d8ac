/**
 * Setting up a fresh Lua state for one run: the panic handler, the allocator and the count hook, the
 * trampoline for host functions, the prelude (sandbox and idioms; its internals become registry references),
 * then the spell API: global functions, class methods, values and `ARGS`.
 */
import { SpellError } from "../../lib/core/errors";
import { type ApiSurface, type HostValue } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";
import { SANDBOX_MESSAGES, sandboxRules, type SandboxPreset } from "../../lib/core/sandbox";
import { pushHostValue } from "./convert";
import type { LuaHostCalls } from "./host-calls";
import { allocator, countHook, HOOK_COUNT, type InterruptContext, type MemoryAccount } from "./interrupts";
import { LUA_MASKCOUNT, LUA_REGISTRYINDEX, LuaStatus, LuaType, type LuaState } from "./lua-api";
import type { LuaOutput } from "./output";
import { LUA_PRELUDE, PRELUDE_CHUNK_NAME, type PreludeRefs } from "./prelude";

/** Registry slot of the globals table (lua.h). */
const LUA_RIDX_GLOBALS = 2;

/** What the setup reads from and records on its run. */
export interface InjectContext extends InterruptContext {
  readonly host: LuaHostCalls;
  readonly printed: LuaOutput;
  readonly memory: MemoryAccount;
  readonly memoryLimit: number;
  /** Functions added to the wasm table for this run (removed when it closes). */
  readonly fnPointers: number[];
  refs: PreludeRefs;
  /** The run's security preset: what the prelude leaves out of the language. */
  readonly sandbox: SandboxPreset | undefined;
  /** The state panicked: it cannot be closed normally. */
  onPanic(): void;
}

/** The parts of wasmoon's state the setup uses. */
interface LuaGlobalState {
  readonly address: LuaState;
  getMemoryUsed(): number;
}

/** Set up `global` (the run's main state) and inject `surface` and `args`. */
export function setUpState(
  run: InjectContext,
  global: LuaGlobalState,
  surface: ApiSurface | undefined,
  args: JsonValue | undefined,
): void {
  const { api } = run;
  const m = api.m;
  const L = global.address;

  run.fnPointers.push(
    m.addFunction(() => {
      run.onPanic();
      throw new Error("the Lua state panicked");
    }, "ii"),
  );
  api.atpanic(L, run.fnPointers[run.fnPointers.length - 1]);

  run.memory.used = global.getMemoryUsed();
  run.memory.peak = run.memory.used;
  const alloc = m.addFunction(
    allocator(m, run.memory, run.memoryLimit, () => run.cpu.running),
    "iiiii",
  );
  run.fnPointers.push(alloc);
  api.setallocf(L, alloc, 0);

  const hook = m.addFunction(countHook(run), "vii");
  run.fnPointers.push(hook);
  // Threads inherit the hook of the thread that creates them, so every coroutine is covered.
  api.sethook(L, hook, LUA_MASKCOUNT, HOOK_COUNT);

  run.fnPointers.push(run.host.registerTrampoline());

  // The prelude: sandbox + idioms; returns its internals.
  if (api.load(L, LUA_PRELUDE, PRELUDE_CHUNK_NAME) !== LuaStatus.Ok) {
    throw new Error(`the Lua prelude does not compile: ${api.tostring(L, -1)}`);
  }
  api.pushstring(L, `=${run.chunkName}`);
  run.host.pushEntry(L, (Lc) => {
    const level = api.tostring(Lc, 1);
    const text = api.tostring(Lc, 2);
    run.printed.emit(level, text);
    return 0;
  });
  // What the preset refuses: the message its stand-in raises, or nil when the function is there.
  const rules = sandboxRules(run.sandbox);
  const pushRefusal = (allowed: boolean, what: string) => {
    if (allowed) api.pushnil(L);
    else api.pushstring(L, SANDBOX_MESSAGES.feature(rules.preset, what));
  };
  pushRefusal(rules.codeFromStrings, "load");
  pushRefusal(rules.collectGarbage, "collectgarbage");
  if (api.pcall(L, 4, 1) !== LuaStatus.Ok) throw new Error(`the Lua prelude failed: ${api.tostring(L, -1)}`);
  const internals = api.gettop(L);
  const field = (name: string): number => {
    api.pushstring(L, name);
    api.rawget(L, internals);
    return api.ref(L);
  };
  run.refs = {
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
  installApi(run, L, surface, args);
}

/** Hand the API to the prelude's `install_api` (functions and methods), then set the values and `ARGS`. */
function installApi(
  run: Pick<InjectContext, "api" | "host" | "refs">,
  L: LuaState,
  surface: ApiSurface | undefined,
  args: JsonValue | undefined,
): void {
  const { api, host } = run;
  api.getref(L, run.refs.installApi);
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
      host.pushEntry(L, (Lc) => host.callHost(Lc, 1, (a) => fn(a)));
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
      host.pushEntry(L, (Lc) =>
        host.callHost(Lc, 2, (a, self) => {
          if (!self) throw new SpellError("type", `${cname}:${mname} needs a ${cname} object`);
          return method(self, a);
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
      pushHostValue(host, L, v, `${gname}.${k}`);
      api.rawset(L, -3);
    }
    api.pop(L, 1);
  }
  const values: Record<string, HostValue> = { ...(surface?.values ?? {}) };
  if (args !== undefined) values.ARGS = args;
  for (const [k, v] of Object.entries(values)) {
    api.pushstring(L, k);
    pushHostValue(host, L, v, k);
    api.rawset(L, G);
  }
  api.pop(L, 1);
}
