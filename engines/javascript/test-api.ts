/**
 * A small spell API for the engine's own tests: sync and async functions, a builder class with handles,
 * callbacks, an async-iterable stream and host errors. Mirrors the shapes `lib/spell/` produces.
 */
import { SpellError } from "../../lib/core/errors";
import { isSpellFunction, type ApiSurface, type HandleRef, type HostValue } from "../../lib/core/engine";
import { type JsonValue } from "../../lib/core/json";

export interface TestApiRecorder {
  calls: { fn: string; args: HostValue[] }[];
  handles: Map<number, Record<string, HostValue>>;
}

export function createTestApi(opts: { delayMs?: number; onCall?: (fn: string) => void } = {}): {
  api: ApiSurface;
  recorder: TestApiRecorder;
} {
  const recorder: TestApiRecorder = { calls: [], handles: new Map() };
  let nextHandle = 1;
  const later = <T>(v: T | (() => T)): Promise<T> =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(typeof v === "function" ? (v as () => T)() : v);
        } catch (e) {
          reject(e);
        }
      }, opts.delayMs ?? 1),
    );
  const record = (fn: string, args: HostValue[]) => {
    recorder.calls.push({ fn, args });
    opts.onCall?.(fn);
  };
  const newHandle = (cls: string, state: Record<string, HostValue>): HandleRef => {
    const id = nextHandle++;
    recorder.handles.set(id, state);
    return { $handle: id, $class: cls };
  };
  const stateOf = (self: HandleRef) => {
    const s = recorder.handles.get(self.$handle);
    if (!s) throw new SpellError("api", `no object #${self.$handle}`);
    return s;
  };

  const api: ApiSurface = {
    globals: {
      Test: {
        values: { VERSION: "1.0", LIMITS: { max: 3 } },
        functions: {
          echo: (args) => {
            record("echo", args);
            return args[0] ?? null;
          },
          add: (args) => {
            record("add", args);
            return (args[0] as number) + (args[1] as number);
          },
          later: (args) => {
            record("later", args);
            return later(args[0] ?? null);
          },
          fail: (args) => {
            record("fail", args);
            throw new SpellError((args[0] as never) ?? "tool", String(args[1] ?? "it failed"), {
              data: { reason: "test" },
            });
          },
          failLater: (args) => {
            record("failLater", args);
            return later(() => {
              throw new SpellError("provider", String(args[0] ?? "the model is down"));
            });
          },
          crash: () => {
            throw new Error("a host bug");
          },
          /** Calls the spell function it is given with the remaining arguments, and returns what it returned. */
          callBack: async (args) => {
            record("callBack", args);
            const fn = args[0];
            if (!isSpellFunction(fn)) throw new SpellError("type", "callBack expects a function");
            return fn.call(...(args.slice(1) as JsonValue[]));
          },
          /** Calls the function several times, one call after another, collecting the results. */
          callEach: async (args) => {
            const fn = args[0];
            const items = args[1] as JsonValue[];
            if (!isSpellFunction(fn)) throw new SpellError("type", "callEach expects a function");
            const out: JsonValue[] = [];
            for (const item of items) out.push(await fn.call(item));
            return out;
          },
          /** Returns what the spell passed, as the host saw it (functions and handles described). */
          inspect: (args) => {
            const describe = (v: HostValue): HostValue => {
              if (isSpellFunction(v)) return "<function>";
              if (Array.isArray(v)) return v.map(describe);
              if (v && typeof v === "object") {
                if (typeof (v as HandleRef).$handle === "number") return `<handle ${(v as HandleRef).$class}>`;
                return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, describe(e)]));
              }
              return v === undefined ? "<undefined>" : v;
            };
            return describe(args);
          },
          builder: () => newHandle("Builder", { name: null }),
          stream: (args) => newHandle("Stream", { words: String(args[0] ?? "").split(" ") }),
          kinds: (args) => args.map((a) => (Array.isArray(a) ? "array" : a === null ? "null" : typeof a)),
          isInteger: (args) => args.map((a) => Number.isInteger(a)),
        },
      },
    },
    classes: {
      Builder: {
        methods: {
          name: (self, args) => {
            stateOf(self).name = args[0];
            return self;
          },
          build: (self) => newHandle("Thing", { ...stateOf(self) }),
        },
      },
      Thing: {
        methods: {
          describe: (self) => ({ name: stateOf(self).name ?? null, id: self.$handle }),
          run: (self, args) => later({ ran: stateOf(self).name ?? null, input: args[0] ?? null }),
          same: (self, args) => (args[0] as HandleRef)?.$handle === self.$handle,
        },
      },
      Stream: {
        asyncIteratorNext: "next_chunk",
        methods: {
          next_chunk: (self) => {
            const words = stateOf(self).words as string[];
            return later(words.length > 0 ? { text: words.shift()! } : null);
          },
        },
      },
    },
  };
  return { api, recorder };
}
