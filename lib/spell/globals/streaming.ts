/**
 * Streaming: `Streaming.create(generator)` → a stream with `next()`, `isDone()`, `collect()`.
 * It wraps a language feature (a Lua coroutine, a JS generator), so it is the one global written as an
 * engine prelude, once per language: it calls no host function. (rs-llmspell: `lua/globals/streaming.rs`.)
 */

/** The functions the preludes define, for the reference coverage check. */
export const STREAMING_FUNCTIONS = ["create", "yield"] as const;
export const STREAMING_METHODS = ["next", "isDone", "collect"] as const;

export const STREAMING_LUA_PRELUDE = `
Streaming = {
  create = function(fn)
    if type(fn) ~= "function" then
      error({ kind = "type", message = "Streaming.create expects a function, got " .. type(fn) }, 2)
    end
    local co = coroutine.create(fn)
    local done = false
    local s = {}
    function s:next()
      if done then return nil end
      local ok, v = coroutine.resume(co)
      if not ok then done = true; error(v, 0) end
      if coroutine.status(co) == "dead" then done = true end
      return v
    end
    function s:isDone() return done end
    function s:collect()
      local out = {}
      while not done do
        local v = s:next()
        if v ~= nil then out[#out + 1] = v end
      end
      return out
    end
    return s
  end,
  -- rs-llmspell's Streaming.yield is a no-op placeholder; generators use coroutine.yield.
  yield = function(v) return coroutine.yield(v) end,
}
`;

export const STREAMING_JS_PRELUDE = `
globalThis.Streaming = Object.freeze({
  create(fn) {
    if (typeof fn !== "function") throw new TypeError("Streaming.create expects a generator function, got " + typeof fn);
    const it = fn();
    if (!it || typeof it.next !== "function") throw new TypeError("Streaming.create expects a generator function (function* or async function*)");
    let done = false;
    const step = (r) => { if (r.done) { done = true; return r.value; } return r.value; };
    const s = {
      next() {
        if (done) return undefined;
        const r = it.next();
        return r && typeof r.then === "function" ? r.then(step) : step(r);
      },
      isDone() { return done; },
      collect() {
        const out = [];
        const loop = () => {
          while (!done) {
            const v = s.next();
            if (v && typeof v.then === "function") return v.then((x) => { if (x !== undefined) out.push(x); return loop(); });
            if (v !== undefined) out.push(v);
          }
          return out;
        };
        return loop();
      },
      [Symbol.iterator]() { return it[Symbol.iterator] ? it[Symbol.iterator]() : it; },
      [Symbol.asyncIterator]() { return it[Symbol.asyncIterator] ? it[Symbol.asyncIterator]() : it; },
    };
    return s;
  },
  yield(v) { return v; },
});
`;
