/**
 * The clock and random generator of a recorded run. With a {@link RunTape} (a run being recorded or replayed),
 * the preludes route what the spell reads from the clock through the tape, and seed its random generator with
 * the tape's seed: Lua's `os.time`, `os.date` (without a time), `os.clock` and `math.random`; JavaScript's
 * `Date.now`, `new Date()`, `Date()` and `Math.random` (mulberry32, the same as lib/spell/core/seeded-random.ts).
 * The host functions live on a global the prelude removes before the spell runs. Without a tape none of this is
 * installed, and the spell reads the real clock.
 */
import type { RunTape, SpellRuntime } from "../runtime";
import type { GlobalModule } from "./module";

const TAPE_GLOBAL = "__LlmspellTape";

export function createTapeModule(runtime: SpellRuntime, tape: RunTape): GlobalModule {
  const cpuSeconds = () => (runtime.cpu ? runtime.cpu.elapsedMs() / 1000 : performance.now() / 1000);
  return {
    name: TAPE_GLOBAL,
    global: {
      functions: {
        time: () => tape.clock("time", Date.now),
        cpu: () => tape.clock("cpu", cpuSeconds),
      },
    },
  };
}

export function tapeLuaPrelude(seed: number): string {
  return `
do
  local tape = ${TAPE_GLOBAL}
  ${TAPE_GLOBAL} = nil
  local raw_time, raw_date, floor = os.time, os.date, math.floor
  os.time = function(t)
    if t == nil then return floor(tape.time() / 1000) end
    return raw_time(t)
  end
  os.date = function(fmt, t)
    if t == nil then t = floor(tape.time() / 1000) end
    return raw_date(fmt, t)
  end
  os.clock = function() return tape.cpu() end
  math.randomseed(${seed >>> 0})
end
`;
}

export function tapeJsPrelude(seed: number): string {
  return `
(() => {
  const tape = globalThis.${TAPE_GLOBAL};
  delete globalThis.${TAPE_GLOBAL};
  let a = ${seed >>> 0};
  Math.random = function random() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RawDate = Date;
  const TapeDate = function Date(...args) {
    if (!new.target) return new RawDate(tape.time()).toString();
    return args.length === 0 ? new RawDate(tape.time()) : new RawDate(...args);
  };
  TapeDate.prototype = RawDate.prototype;
  TapeDate.now = function now() { return tape.time(); };
  TapeDate.parse = RawDate.parse;
  TapeDate.UTC = RawDate.UTC;
  Object.defineProperty(RawDate.prototype, "constructor", { value: TapeDate, writable: true, configurable: true });
  globalThis.Date = TapeDate;
})();
`;
}
