/**
 * The JavaScript half of the bridge, evaluated inside each fresh QuickJS context before the spell.
 *
 * It is a function `(host, chunkName, refuseCode) => internals`; `refuseCode`, when a string, is the message
 * `eval` and the Function constructors throw under a sandbox preset that leaves them out. `host` holds the three native entry points (log, call a
 * global's function, call a method on a handle); they are captured in this closure and never reachable from
 * the spell. The returned internals are kept by the host (as handles) for the length of the run:
 *
 * - `install(manifestJson)`: builds the API globals (`Agent.builder()`...) and `ARGS` from a manifest.
 * - `decode(json)`: host value (tagged JSON) → spell value; handle tags become wrapped objects.
 * - `encodeResult(value)`: the spell's result → tagged JSON, or a `conversion` SpellError naming the path.
 * - `invoke(fnId, argsJson)`: call a spell function handed to the host; a promise of its encoded return.
 * - `makeError(kind, message, extraJson)`: a SpellError to throw into the spell.
 * - `describe(error)`: any thrown value → JSON facts the host turns into SpellErrorData.
 *
 * Crossing values as one JSON string per call is faster than walking objects handle by handle, and keeps the
 * conversion rules (paths, cycles, functions) in one place.
 */
import type { QuickJSHandle } from "quickjs-emscripten-core";

export const PRELUDE_FILENAME = "<llmspell>";

/** The internals the prelude returns, by name (see above). */
export const INTERNAL_NAMES = [
  "install",
  "decode",
  "encodeResult",
  "invoke",
  "makeError",
  "describe",
  "setMapping",
] as const;

/** The run's handles on the prelude's internals (disposed when the run ends). */
export type Internals = Record<(typeof INTERNAL_NAMES)[number], QuickJSHandle>;

export const PRELUDE_SOURCE = String.raw`(function (host, chunkName, refuseCode) {
  "use strict";
  const G = globalThis;
  const hostLog = host.log, hostCall = host.call, hostMethod = host.method;
  const JSONstringify = JSON.stringify, JSONparse = JSON.parse;
  const isArray = Array.isArray, keysOf = Object.keys, create = Object.create, defineProperty = Object.defineProperty;
  const NativePromise = Promise, NativeError = Error, NativeWeakMap = WeakMap, NumberIsFinite = Number.isFinite;
  const objectToString = Object.prototype.toString;
  // Code built at run time (eval, the Function constructors) is held to the same bracket nesting as the spell
  // (nesting.ts): deeper, QuickJS's parser would overflow the host's stack with an error no spell can catch.
  const hostNesting = host.nesting;
  const guardSource = (text) => {
    if (typeof text === "string" && hostNesting(text))
      throw new SyntaxError("the code nests brackets too deeply; the parser cannot go further");
  };
  const rawEval = G.eval;
  // Under a sandbox preset that leaves out code built from strings, eval and the Function constructors say so.
  const refuseCodeIfAsked = () => {
    if (typeof refuseCode === "string") throw new SpellError("unsupported_feature", refuseCode);
  };
  G.eval = function evalGuarded(x) {
    refuseCodeIfAsked();
    guardSource(x);
    return rawEval(x);
  };
  for (const proto of [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ]) {
    const Raw = proto.constructor;
    const Guarded = function (...parts) {
      refuseCodeIfAsked();
      for (const p of parts) guardSource(String(p));
      return Raw(...parts);
    };
    defineProperty(Guarded, "prototype", { value: proto });
    defineProperty(proto, "constructor", { value: Guarded, writable: true, configurable: true });
    if (Raw === Function) G.Function = Guarded;
  }
  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const HANDLE = "\u0001h", CLASS = "\u0001c", FN = "\u0001f", FIELDS = "\u0001x";
  const handleInfo = new NativeWeakMap();
  const fnIds = new NativeWeakMap();
  const fnTable = [];
  const classProtos = create(null);
  const MAX_DEPTH = 100;

  // Where the spell's lines sit in what QuickJS compiled (a top-level return adds a wrapper line).
  let lineOffset = 0;
  let lastLine = Infinity;
  const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?\s*$/;
  function setMapping(offset, last) {
    lineOffset = offset;
    lastLine = last;
  }
  /** The first spell frame of a stack as [line, column] in the spell's own numbering, or null. */
  function positionIn(stack) {
    const lines = String(stack).split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = FRAME.exec(lines[i]);
      if (!m || m[2] !== chunkName) continue;
      const line = Number(m[3]) - lineOffset;
      if (line >= 1 && line <= lastLine) return [line, Number(m[4])];
    }
    return null;
  }
  function placeAt(error, stack) {
    if (typeof error.line === "number") return;
    const p = positionIn(stack);
    if (p) {
      error.line = p[0];
      error.column = p[1];
    }
  }

  class SpellError extends NativeError {
    constructor(kind, message, extra) {
      super(message);
      this.kind = kind;
      if (extra && typeof extra === "object") {
        if (typeof extra.line === "number") this.line = extra.line;
        if (typeof extra.column === "number") this.column = extra.column;
        if (extra.data !== undefined) this.data = extra.data;
      }
      placeAt(this, this.stack);
    }
    toString() {
      return this.kind + ": " + this.message + (this.line !== undefined ? " (line " + this.line + ")" : "");
    }
  }
  defineProperty(SpellError.prototype, "name", { value: "SpellError", writable: true, configurable: true });

  // The path of the value being encoded is kept as a key stack and only formatted for an error message.
  function pathOf(st) {
    let p = st.root;
    const keys = st.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      p += typeof k === "number" ? "[" + k + "]" : IDENT.test(k) ? "." + k : "[" + JSONstringify(k) + "]";
    }
    return p;
  }
  function cannotCross(st, what) {
    throw new SpellError("conversion", what + " at " + pathOf(st) + " cannot cross between the spell and the host");
  }

  function encodeValue(v, st) {
    switch (typeof v) {
      case "undefined":
        return undefined;
      case "boolean":
      case "string":
        return v;
      case "number":
        return NumberIsFinite(v) ? v : null;
      case "bigint":
        return cannotCross(st, "a BigInt");
      case "symbol":
        return cannotCross(st, "a symbol");
      case "function": {
        if (!st.allowFns) return cannotCross(st, "a function");
        let id = fnIds.get(v);
        if (id === undefined) {
          id = fnTable.length;
          fnTable.push(v);
          fnIds.set(v, id);
        }
        const tag = {};
        tag[FN] = id;
        return tag;
      }
      default: {
        if (v === null) return null;
        const h = handleInfo.get(v);
        if (h) {
          const tag = {};
          tag[HANDLE] = h[0];
          tag[CLASS] = h[1];
          return tag;
        }
        const stack = st.stack;
        if (stack.indexOf(v) !== -1) return cannotCross(st, "a cyclic reference");
        if (stack.length >= MAX_DEPTH) return cannotCross(st, "a value nested deeper than " + MAX_DEPTH + " levels");
        if (v instanceof NativePromise) return cannotCross(st, "a Promise (await it first)");
        stack.push(v);
        const keys = st.keys;
        try {
          if (isArray(v)) {
            const n = v.length;
            const out = new Array(n);
            for (let i = 0; i < n; i++) {
              const x = v[i];
              const t = typeof x;
              let e;
              if (t === "string" || t === "boolean") e = x;
              else if (t === "number") e = NumberIsFinite(x) ? x : null;
              else {
                keys.push(i);
                e = encodeValue(x, st);
                keys.pop();
              }
              out[i] = e === undefined ? null : e;
            }
            return out;
          }
          if (typeof v.toJSON === "function") return encodeValue(v.toJSON(), st);
          const out = create(null);
          if (v instanceof NativeError) {
            out.name = String(v.name);
            out.message = String(v.message);
            if (typeof v.kind === "string") out.kind = v.kind;
          }
          const ks = keysOf(v);
          for (let i = 0; i < ks.length; i++) {
            const k = ks[i];
            if (k.charCodeAt(0) === 1) {
              keys.push(k);
              return cannotCross(st, "a reserved key");
            }
            const x = v[k];
            const t = typeof x;
            let e;
            if (t === "string" || t === "boolean") e = x;
            else if (t === "number") e = NumberIsFinite(x) ? x : null;
            else {
              keys.push(k);
              e = encodeValue(x, st);
              keys.pop();
            }
            if (e !== undefined) out[k] = e;
          }
          return out;
        } finally {
          stack.pop();
        }
      }
    }
  }

  function encodeJson(v, root, allowFns) {
    const e = encodeValue(v, { root, keys: [], allowFns, stack: [] });
    return JSONstringify(e === undefined ? null : e);
  }

  function encodeArgs(args) {
    const n = args.length;
    let simple = true;
    for (let i = 0; i < n && simple; i++) {
      const t = typeof args[i];
      simple = t === "string" || t === "boolean" || args[i] === null || (t === "number" && NumberIsFinite(args[i]));
    }
    if (simple) return JSONstringify(args);
    const out = new Array(n);
    const st = { root: "args", keys: [], allowFns: true, stack: [] };
    for (let i = 0; i < n; i++) {
      st.keys.push(i);
      const e = encodeValue(args[i], st);
      st.keys.pop();
      out[i] = e === undefined ? null : e;
    }
    return JSONstringify(out);
  }

  function revive(_key, v) {
    if (v !== null && typeof v === "object" && !isArray(v)) {
      if (typeof v[HANDLE] === "number") return wrapHandle(v[HANDLE], v[CLASS], v[FIELDS]);
      if (typeof v[FN] === "number") return fnTable[v[FN]];
    }
    return v;
  }
  function decode(text) {
    // Tags are the only place a \u0001 escape can appear in the host's JSON: without one, skip the reviver
    // (a callback per key is slow in QuickJS).
    return text.indexOf("\\u0001") < 0 ? JSONparse(text) : JSONparse(text, revive);
  }

  function wrapHandle(id, cls, fields) {
    const proto = classProtos[cls];
    if (!proto) throw new SpellError("api", "the host returned an object of unknown class " + cls);
    const obj = create(proto);
    handleInfo.set(obj, [id, cls]);
    // The plain fields the host sent (tool.name, wf.id): read-only, enumerable; a method of the same name wins.
    if (fields !== null && typeof fields === "object") {
      for (const k of keysOf(fields)) {
        if (k in proto) continue;
        defineProperty(obj, k, { value: fields[k], enumerable: true, writable: false, configurable: false });
      }
    }
    return obj;
  }

  function locate(error, site) {
    if (error instanceof NativeError && typeof error === "object" && !error.__located) {
      try {
        defineProperty(error, "stack", { value: site.stack, writable: true, configurable: true });
        defineProperty(error, "__located", { value: true });
        if (error instanceof SpellError) placeAt(error, site.stack);
      } catch (_e) {}
    }
    throw error;
  }

  function finish(result) {
    if (result instanceof NativePromise) {
      const site = new NativeError("call site");
      return result.then(undefined, (e) => locate(e, site));
    }
    return result;
  }

  function makeFunction(fnName, id) {
    return {
      [fnName](...args) {
        return finish(hostCall(id, encodeArgs(args)));
      },
    }[fnName];
  }

  function makeMethod(cls, name, id) {
    return {
      [name](...args) {
        const h = handleInfo.get(this);
        if (!h || h[1] !== cls) throw new SpellError("type", cls + "." + name + " must be called on a " + cls + " object (use obj." + name + "(...))");
        return finish(hostMethod(id, h[0], encodeArgs(args)));
      },
    }[name];
  }

  function makeClass(cls, spec) {
    const proto = create(missTrap("method", cls, create(null)));
    for (const m of keysOf(spec.methods)) proto[m] = makeMethod(cls, m, spec.methods[m]);
    if (!("toString" in proto)) {
      proto.toString = function () {
        const h = handleInfo.get(this);
        return "[" + cls + (h ? " #" + h[0] : "") + "]";
      };
    }
    if (typeof spec.iterator === "number") {
      const nextId = spec.iterator;
      proto[Symbol.asyncIterator] = function () {
        const self = this;
        const h = handleInfo.get(self);
        if (!h) throw new SpellError("type", cls + " is not iterable here");
        return {
          next() {
            return NativePromise.resolve(finish(hostMethod(nextId, h[0], "[]"))).then((v) =>
              v === null || v === undefined ? { done: true, value: undefined } : { done: false, value: v },
            );
          },
          return() {
            return NativePromise.resolve({ done: true, value: undefined });
          },
          [Symbol.asyncIterator]() {
            return this;
          },
        };
      };
    }
    classProtos[cls] = proto;
  }

  // Names a spell looked up on an API object and did not find (Agent.bulder, builder.nam), the last MISS_SLOTS of
  // them, so the run's error can name the owner and the nearest name (describe, errors.ts). The trap sits on the
  // prototype chain behind the API's own properties: a name that is there never reaches it, so only a miss
  // pays, and a miss still reads as undefined.
  const NativeProxy = Proxy, reflectGet = Reflect.get, ObjectPrototype = Object.prototype;
  const NativeTypeError = TypeError, NativeReferenceError = ReferenceError, ownNames = Object.getOwnPropertyNames;
  const MISS_SLOTS = 8;
  // A ring: the oldest of MISS_SLOTS is overwritten first (no Array.prototype method a spell could replace).
  const misses = [];
  let missAt = 0;
  const PROBES = { then: true, toJSON: true };
  function missTrap(where, owner, target) {
    return new NativeProxy(target, {
      get(t, k, receiver) {
        if (k in t) return reflectGet(t, k, receiver);
        if (typeof k === "string" && PROBES[k] !== true) {
          misses[missAt] = [where, owner, k];
          missAt = (missAt + 1) % MISS_SLOTS;
        }
        return undefined;
      },
    });
  }

  function install(manifestText) {
    const manifest = JSONparse(manifestText);
    for (const cls of keysOf(manifest.classes)) makeClass(cls, manifest.classes[cls]);
    for (const name of keysOf(manifest.globals)) {
      const spec = manifest.globals[name];
      const obj = create(missTrap("member", name, ObjectPrototype));
      for (const fn of keysOf(spec.functions)) obj[fn] = makeFunction(fn, spec.functions[fn]);
      if (spec.values) for (const k of keysOf(spec.values)) obj[k] = spec.values[k];
      G[name] = obj;
    }
    if (manifest.values) for (const k of keysOf(manifest.values)) G[k] = manifest.values[k];
  }

  // ---- output ----------------------------------------------------------------------------------------------
  function inspect(v, depth, seen) {
    switch (typeof v) {
      case "string":
        return depth === 0 ? v : JSONstringify(v);
      case "number":
        return v === 0 && 1 / v < 0 ? "-0" : String(v);
      case "bigint":
        return String(v) + "n";
      case "symbol":
        return v.toString();
      case "function":
        return "[Function " + (v.name || "anonymous") + "]";
      case "undefined":
        return "undefined";
      case "boolean":
        return String(v);
    }
    if (v === null) return "null";
    const h = handleInfo.get(v);
    if (h) return "[" + h[1] + " #" + h[0] + "]";
    if (v instanceof NativeError) {
      return (typeof v.kind === "string" ? v.kind : v.name) + ": " + v.message;
    }
    if (v instanceof NativePromise) return "[Promise]";
    if (seen.indexOf(v) !== -1) return "[Circular]";
    if (depth > 8) return isArray(v) ? "[Array]" : "[Object]";
    seen.push(v);
    try {
      if (isArray(v)) {
        const parts = [];
        for (let i = 0; i < v.length; i++) parts.push(v[i] === undefined ? "null" : inspect(v[i], depth + 1, seen));
        return "[" + parts.join(",") + "]";
      }
      if (v instanceof Map) {
        const parts = [];
        v.forEach((val, key) => parts.push(inspect(key, depth + 1, seen) + " => " + inspect(val, depth + 1, seen)));
        return "Map {" + parts.join(",") + "}";
      }
      if (v instanceof Set) {
        const parts = [];
        v.forEach((val) => parts.push(inspect(val, depth + 1, seen)));
        return "Set {" + parts.join(",") + "}";
      }
      if (typeof v.toJSON === "function") return inspect(v.toJSON(), depth + 1, seen);
      const parts = [];
      const ks = keysOf(v);
      for (let i = 0; i < ks.length; i++) {
        const val = v[ks[i]];
        if (val === undefined) continue;
        parts.push(JSONstringify(ks[i]) + ":" + inspect(val, depth + 1, seen));
      }
      return "{" + parts.join(",") + "}";
    } finally {
      seen.pop();
    }
  }
  function formatArgs(args) {
    const parts = [];
    for (let i = 0; i < args.length; i++) parts.push(inspect(args[i], 0, []));
    return parts.join(" ");
  }
  // The host reads strings as C strings: a NUL would cut the line short, so it is shown escaped.
  function emit(level, text) {
    hostLog(level, text.indexOf("\u0000") === -1 ? text : text.split("\u0000").join("\\u0000"));
  }
  function logger(level) {
    return {
      [level](...args) {
        emit(level, formatArgs(args));
      },
    }[level];
  }
  const consoleObject = {
    log: logger("log"),
    info: logger("info"),
    warn: logger("warn"),
    error: logger("error"),
    debug: logger("debug"),
  };
  consoleObject.trace = consoleObject.debug;
  G.console = consoleObject;
  G.print = { print(...args) { emit("log", formatArgs(args)); } }.print;
  G.SpellError = SpellError;

  // ---- errors ----------------------------------------------------------------------------------------------
  function safe(f, fallback) {
    try {
      return f();
    } catch (_e) {
      return fallback;
    }
  }
  // Plain loops: a spell may have replaced Array.prototype's methods.
  function copyMisses() {
    const out = [];
    // Newest first.
    for (let i = 1; i <= misses.length; i++) {
      const m = misses[(missAt - i + MISS_SLOTS) % MISS_SLOTS];
      out[i - 1] = [m[0], m[1], m[2]];
    }
    return out;
  }
  function globalNames() {
    const all = ownNames(G);
    const out = [];
    for (let i = 0; i < all.length && out.length < 1000; i++) if (IDENT.test(all[i])) out[out.length] = all[i];
    return out;
  }
  function describe(e) {
    const d = {};
    if (e instanceof NativeError) {
      d.isError = true;
      d.name = safe(() => String(e.name), "Error");
      d.message = safe(() => String(e.message), "");
      d.stack = safe(() => (typeof e.stack === "string" ? e.stack : ""), "");
      if (typeof e.kind === "string") d.kind = e.kind;
      if (typeof e.lineNumber === "number") d.lineNumber = e.lineNumber;
      if (typeof e.columnNumber === "number") d.columnNumber = e.columnNumber;
      // What a TypeError or ReferenceError needs to name what was missing (errors.ts rewords it).
      if (e instanceof NativeTypeError && misses.length > 0) d.misses = copyMisses();
      if (e instanceof NativeReferenceError) d.globals = safe(globalNames, []);
      if (e instanceof SpellError) {
        if (typeof e.line === "number") d.line = e.line;
        if (typeof e.column === "number") d.column = e.column;
        if (e.data !== undefined) d.data = safe(() => JSONparse(encodeJson(e.data, "data", false)), undefined);
      } else {
        const extra = {};
        let any = false;
        for (const k of safe(() => keysOf(e), [])) {
          if (k === "kind" || k === "__located") continue;
          const v = safe(() => JSONparse(encodeJson(e[k], k, false)), undefined);
          if (v !== undefined) {
            extra[k] = v;
            any = true;
          }
        }
        if (any) d.data = extra;
      }
    } else if (e !== null && typeof e === "object") {
      d.isError = false;
      // An object that says what it is (its own toString, like an error class of its own) keeps that text.
      const own = safe(() => (typeof e.toString === "function" && e.toString !== objectToString ? String(e) : undefined), undefined);
      d.message = safe(
        () => (typeof e.message === "string" ? e.message : typeof own === "string" ? own : inspect(e, 0, [])),
        "[object]",
      );
      if (typeof e.kind === "string") d.kind = e.kind;
      const data = safe(() => JSONparse(encodeJson(e, "error", false)), undefined);
      if (data !== null && typeof data === "object" && !isArray(data)) d.data = data;
    } else {
      d.isError = false;
      d.message = safe(() => (typeof e === "symbol" ? e.toString() : String(e)), "");
    }
    return JSONstringify(d);
  }

  function makeError(kind, message, extraText) {
    const extra = extraText ? JSONparse(extraText) : undefined;
    return new SpellError(kind, message, extra);
  }

  function encodeResult(v) {
    return encodeJson(v, "result", false);
  }

  function invoke(id, argsText) {
    const fn = fnTable[id];
    if (typeof fn !== "function") return NativePromise.reject(new SpellError("api", "unknown spell function " + id));
    return new NativePromise((resolve) => resolve(fn(...decode(argsText)))).then((r) => encodeJson(r, "result", false));
  }

  return { install, decode, encodeResult, invoke, makeError, describe, setMapping };
})`;
