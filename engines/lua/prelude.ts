/**
 * The Lua prelude: builds the sandbox from an allowlist, and gives the spell API its Lua idioms (dot-called
 * globals, colon-called host objects, host calls that look synchronous everywhere, error tables that `pcall`
 * sees, the plain fields of a host handle as read-only fields with methods winning, and an `io` holding only
 * a line-buffered `write`). It runs once per fresh Lua state, before the spell, as chunk `=llmspell` (so its
 * frames are filtered out of every stack a user sees).
 *
 * Called with (spellSource, hostLog, refuseLoad, refuseCollect): the last two are nil, or the message that a
 * stand-in for `load` or `collectgarbage` raises under a sandbox preset that leaves them out. Returns a table
 * of internals the host keeps references to.
 */
export const PRELUDE_CHUNK_NAME = "=llmspell";

/** Registry references to the internals the prelude returns (0 until a run has read them). */
export interface PreludeRefs {
  await: number;
  kill: number;
  runRoot: number;
  installApi: number;
  wrapHost: number;
  arrayMt: number;
  handles: number;
  handleClass: number;
  handleFields: number;
  objects: number;
  classMts: number;
}

export const LUA_PRELUDE = String.raw`
local SPELL_SOURCE, host_log, refuse_load, refuse_collect = ...

local type, select, rawequal, rawget, rawset, rawlen = type, select, rawequal, rawget, rawset, rawlen
local setmetatable, getmetatable, error, tostring, pairs, next = setmetatable, getmetatable, error, tostring, pairs, next
local raw_pcall, raw_xpcall, raw_load, raw_collect = pcall, xpcall, load, collectgarbage
local co_create, co_resume, co_yield, co_running = coroutine.create, coroutine.resume, coroutine.yield, coroutine.running
local co_status, co_close, co_isyieldable = coroutine.status, coroutine.close, coroutine.isyieldable
local concat, pack, unpack = table.concat, table.pack, table.unpack
local getinfo, traceback = debug.getinfo, debug.traceback
local dbg_getmt, dbg_setmt = debug.getmetatable, debug.setmetatable
local G = _G

local AWAIT = {}
local KILL = setmetatable({}, { __metatable = false, __tostring = function() return "the run was stopped" end })
local TAG_OK, TAG_PENDING = 0, 1
local weak_k, weak_v = { __mode = "k" }, { __mode = "v" }
local roots = setmetatable({}, weak_k)
local awaiting = setmetatable({}, weak_k)
local handles = setmetatable({}, weak_k)
local handle_class = setmetatable({}, weak_k)
-- The plain fields the host sent with a handle (tool.name, wf.id), read through the class's __index.
local handle_fields = setmetatable({}, weak_k)
local objects = setmetatable({}, weak_v)
local class_mts = {}
-- Marks tables made from host arrays, so an empty one goes back to the host as [] rather than {}.
-- Protected and never handed to the spell (a spell able to edit it could add a __gc to host arrays).
local ARRAY_MT = { __name = "array", __metatable = false }

-- The spell's line nearest to stack level 'level' (walking outwards), or nil.
local function spell_line(level)
  level = level + 1
  while true do
    local info = getinfo(level, "Sl")
    if info == nil then return nil end
    if info.source == SPELL_SOURCE and info.currentline and info.currentline > 0 then return info.currentline end
    level = level + 1
  end
end

local ERR_MT = { __metatable = "SpellError" }
ERR_MT.__tostring = function(e)
  local s = tostring(rawget(e, "kind") or "runtime") .. ": " .. tostring(rawget(e, "message") or "")
  local line = rawget(e, "line")
  if line ~= nil then s = s .. " (line " .. tostring(line) .. ")" end
  return s
end

local function raise(e)
  if type(e) ~= "table" then e = { kind = "api", message = tostring(e) } end
  if rawget(e, "line") == nil then rawset(e, "line", spell_line(2)) end
  if getmetatable(e) == nil then setmetatable(e, ERR_MT) end
  error(e, 0)
end

local function await_host(id)
  if not co_isyieldable() then
    raise({ kind = "unsupported_feature",
      message = "a host call that waits (a model, tool or workflow call) cannot run inside a function called "
        .. "from C, such as a table.sort comparator, a string.gsub replacement or a __tostring metamethod" })
  end
  local co = co_running()
  awaiting[co] = true
  local tag, v = co_yield(AWAIT, id)
  awaiting[co] = nil
  return tag, v
end

local function settle(tag, v)
  if tag == TAG_PENDING then tag, v = await_host(v) end
  if tag == TAG_OK then return v end
  return raise(v)
end

local function wrap_host(raw)
  return function(...) return settle(raw(...)) end
end

local function wrap_method(cname, mname, raw)
  return function(self, ...)
    if handle_class[self] ~= cname then
      error("bad self for " .. cname .. ":" .. mname .. " (expected a " .. cname
        .. " object; call it with a colon: obj:" .. mname .. "(...))", 2)
    end
    return settle(raw(self, ...))
  end
end

-- Names a spell looked up on an API table and did not find (Agent.bulder, builder:nam), the last MISS_SLOTS of
-- them, so the run's error can name the owner and the nearest name (missing_hint, errors.ts). A name that is
-- there never reaches __index: only a miss pays, and a miss still reads as nil (\`Agent.x == nil\` keeps working).
local MISS_SLOTS = 8
local miss_where, miss_owner, miss_key = {}, {}, {}
local miss_at = 0
local function note_miss(where, owner, k)
  if type(k) == "string" then
    miss_at = miss_at % MISS_SLOTS + 1
    miss_where[miss_at], miss_owner[miss_at], miss_key[miss_at] = where, owner, k
  end
  return nil
end

-- What the run's error needs to name a missing name: for "attempt to call a nil value (field 'bulder')", the
-- miss it came from; for a global, the globals there are. Nil for any other error.
local s_match = string.match
local function missing_hint(e)
  if type(e) ~= "string" then return nil end
  local use, kind, name = s_match(e, "attempt to (%a+) a nil value %((%a+) '([^']*)'%)$")
  if name == nil or (use ~= "call" and use ~= "index") then return nil end
  if kind == "global" then
    local names, n = {}, 0
    for k in next, G do
      if type(k) == "string" then
        n = n + 1
        names[n] = k
        if n == 1000 then break end
      end
    end
    return { where = "global", name = name, use = use, names = names }
  end
  if kind ~= "field" and kind ~= "method" then return nil end
  for i = 0, MISS_SLOTS - 1 do
    local slot = (miss_at - i - 1) % MISS_SLOTS + 1
    if miss_key[slot] == name then
      return { where = miss_where[slot], owner = miss_owner[slot], name = name, use = use }
    end
  end
  return nil
end

local function install_api(spec)
  for cname, methods in next, spec.classes do
    local index = {}
    for mname, raw in next, methods do index[mname] = wrap_method(cname, mname, raw) end
    -- Methods win over a field of the same name; both are read-only on the object.
    class_mts[cname] = {
      __index = function(o, k)
        local m = index[k]
        if m ~= nil then return m end
        local f = handle_fields[o]
        if f ~= nil then
          local v = f[k]
          if v ~= nil then return v end
        end
        return note_miss("method", cname, k)
      end,
      __newindex = function(o, k, v)
        local f = handle_fields[o]
        if index[k] ~= nil or (f ~= nil and f[k] ~= nil) then
          error(cname .. "." .. tostring(k) .. " is read-only", 2)
        end
        rawset(o, k, v)
      end,
      -- pairs shows the fields (not those a method hides), then the spell's own keys.
      __pairs = function(o)
        local f = handle_fields[o]
        local in_fields = f ~= nil
        local function step(_, k)
          if in_fields then
            local fk, fv = next(f, k)
            while fk ~= nil and index[fk] ~= nil do fk, fv = next(f, fk) end
            if fk ~= nil then return fk, fv end
            in_fields, k = false, nil
          end
          return next(o, k)
        end
        return step, o, nil
      end,
      __name = cname,
      __metatable = cname,
      __tostring = function(o) return cname .. " (handle " .. tostring(handles[o]) .. ")" end,
    }
  end
  for gname, g in next, spec.globals do
    local t = {}
    for fname, raw in next, g.functions do t[fname] = wrap_host(raw) end
    G[gname] = setmetatable(t, { __index = function(_, k) return note_miss("member", gname, k) end })
  end
end

-- Coroutines: a host wait inside the spell's own coroutine is forwarded up to the host driver.
local function forward(co, ok, ...)
  if ok then
    if rawequal((...), AWAIT) then
      local _, id = ...
      return forward(co, co_resume(co, await_host(id)))
    end
    return true, ...
  end
  if rawequal((...), KILL) then error(KILL, 0) end
  return false, ...
end

local function resume(co, ...)
  if awaiting[co] then return false, "cannot resume a coroutine that is waiting for the host" end
  return forward(co, co_resume(co, ...))
end

local function wrap(f)
  local co = co_create(f)
  return function(...)
    local r = pack(resume(co, ...))
    if r[1] then return unpack(r, 2, r.n) end
    error(r[2], 0)
  end
end

local function yield(...)
  if roots[co_running()] then error("attempt to yield from outside a coroutine", 2) end
  return co_yield(...)
end

local function check_kill(ok, ...)
  if not ok and rawequal((...), KILL) then error(KILL, 0) end
  return ok, ...
end

-- A table raised with a __tostring and no message (an error object of the spell's own) ends as its text.
local function error_text(e)
  if type(e) ~= "table" or rawequal(e, KILL) or rawget(e, "message") ~= nil or rawget(e, "msg") ~= nil then return e end
  local mt = dbg_getmt(e)
  if type(mt) ~= "table" or rawget(mt, "__tostring") == nil then return e end
  local ok, text = raw_pcall(tostring, e)
  if ok and type(text) == "string" then return text end
  if not ok and rawequal(text, KILL) then return KILL end
  return e
end

local function run_root(fn, ...)
  roots[co_running()] = true
  local line, tb, hint
  local r = pack(raw_xpcall(fn, function(e)
    if not rawequal(e, KILL) then
      line = spell_line(2)
      tb = traceback("", 2)
      hint = missing_hint(e)
    end
    return error_text(e)
  end, ...))
  if r[1] then return true, r[2] end
  return false, r[2], line, tb, hint
end

local function to_text(n, ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  return concat(parts, "\t")
end

-- The sandbox: everything not on the allowlist goes.
local sandbox = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, rawequal = rawequal,
  rawget = rawget, rawlen = rawlen, rawset = rawset, select = select, setmetatable = setmetatable,
  tonumber = tonumber, tostring = tostring, type = type, _VERSION = _VERSION,
  math = math, table = table, utf8 = utf8, string = string,
}
sandbox.print = function(...) host_log("log", to_text(select("#", ...), ...)) end
sandbox.warn = function(...)
  local n = select("#", ...)
  if n == 1 and type((...)) == "string" and (...):sub(1, 1) == "@" then return end
  host_log("warn", to_text(n, ...))
end
-- io: only write, to the captured output (text is logged line by line; a partial line waits for its newline).
local math_type, fmt = math.type, string.format
-- Error 'level' is the stack level of the spell's call, counted from here.
local function write_text(level, ...)
  local n = select("#", ...)
  if n == 1 and type((...)) == "string" then return host_log("write", (...)) end -- the streaming case
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    local t = type(v)
    if t == "string" then parts[i] = v
    elseif t == "number" then parts[i] = math_type(v) == "integer" and fmt("%d", v) or fmt("%.14g", v)
    else error("bad argument #" .. i .. " to 'write' (string expected, got " .. t .. ")", level) end
  end
  if n > 0 then host_log("write", concat(parts)) end
end
local io_stdout = {}
setmetatable(io_stdout, {
  __index = {
    write = function(self, ...)
      if not rawequal(self, io_stdout) then
        error("bad argument #1 to 'write' (FILE* expected, got " .. type(self)
          .. "; call it with a colon: io.stdout:write(...))", 2)
      end
      write_text(3, ...)
      return self
    end,
    -- Output is line-buffered into log events and flushed at the end of the run; flush is accepted so that
    -- rs-llmspell spells that stream with io.write + io.flush run unchanged.
    flush = function(self) return self end,
  },
  __name = "FILE*", __metatable = false,
  __newindex = function() error("io.stdout is read-only", 2) end,
  __tostring = function() return "file (stdout)" end,
})
sandbox.io = {
  write = function(...)
    write_text(3, ...)
    return io_stdout
  end,
  flush = function() return io_stdout end,
  stdout = io_stdout,
}
sandbox.pcall = function(f, ...) return check_kill(raw_pcall(f, ...)) end
sandbox.xpcall = function(f, h, ...)
  return check_kill(raw_xpcall(f, function(e)
    if rawequal(e, KILL) then return e end
    -- A stop raised inside the handler would come back as "error in error handling": keep it a stop.
    local ok, r = raw_pcall(h, e)
    if ok or not rawequal(r, KILL) then return r end
    return KILL
  end, ...))
end
-- Finalizers run with hooks off (no timeout could stop them): spells cannot set them.
sandbox.setmetatable = function(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("setmetatable: __gc finalizers are not available in spells", 2)
  end
  if type(t) == "table" and rawequal(dbg_getmt(t), ARRAY_MT) then dbg_setmt(t, nil) end
  return setmetatable(t, mt)
end
sandbox.getmetatable = function(v)
  if type(v) == "string" or rawequal(dbg_getmt(v), ARRAY_MT) then return nil end
  return getmetatable(v)
end
sandbox.collectgarbage = function(opt, ...)
  if opt == "count" then return raw_collect("count") end
  error("collectgarbage: only \"count\" is available in a spell", 2)
end
-- load runs a reader function in protected mode: a stop raised inside the reader comes back as its error.
local function check_load(f, err)
  if f == nil and rawequal(err, KILL) then error(KILL, 0) end
  return f, err
end
sandbox.load = function(chunk, name, _mode, ...)
  if select("#", ...) > 0 then return check_load(raw_load(chunk, name, "t", (...))) end
  return check_load(raw_load(chunk, name, "t"))
end
-- A sandbox preset may leave these out (lib/core/sandbox.ts): a stand-in says so when called.
local function refused(message)
  return function() raise({ kind = "unsupported_feature", message = message }) end
end
if refuse_load then sandbox.load = refused(refuse_load) end
if refuse_collect then sandbox.collectgarbage = refused(refuse_collect) end
sandbox.os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }
sandbox.coroutine = {
  create = co_create, resume = resume, yield = yield, status = co_status, wrap = wrap,
  isyieldable = function()
    if roots[co_running()] then return false end
    return co_isyieldable()
  end,
  running = function()
    local co = co_running()
    return co, roots[co] == true
  end,
  close = function(co)
    if awaiting[co] then return false, "cannot close a coroutine that is waiting for the host" end
    -- A stop raised in a __close handler comes back as close's error: keep it a stop.
    return check_kill(co_close(co))
  end,
}
string.dump = nil
local string_mt = getmetatable("")
if string_mt then string_mt.__metatable = false end

local keys = {}
for k in next, G do keys[#keys + 1] = k end
for _, k in next, keys do G[k] = nil end
for k, v in next, sandbox do G[k] = v end
G._G = G

return {
  AWAIT = AWAIT, KILL = KILL, run_root = run_root, install_api = install_api, wrap_host = wrap_host, handles = handles,
  handle_class = handle_class, handle_fields = handle_fields, objects = objects, class_mts = class_mts, ERR_MT = ERR_MT, ARRAY_MT = ARRAY_MT,
}
`;
