/**
 * The Lua side of a REPL session: the entry runner the session loads once into the registry, and the rule that
 * tells an incomplete entry from a wrong one.
 *
 * The entry runner calls the entry's chunk and renders what it returns as one line, values separated by tabs, as
 * `lua -i` prints them: a string as it is, a table as a constructor (`{ 1, 2, name = "x" }`, nested tables to
 * depth 3, at most 30 fields each, `<cycle>` for a table inside itself), anything else (and a table whose
 * metatable has `__tostring`) through `tostring`. It is written in Lua so it runs inside the entry, on the
 * entry's CPU limit, and reads metamethods as Lua does. It keeps its own references to the library functions
 * it uses, so an entry that reassigns `table` or `tostring` does not break the display.
 */
export const LUA_REPL_HELPER = String.raw`
local pack, concat, sort, type, tostring, next, ipairs, getmetatable, rawget, format, mtype, rawlen =
  table.pack, table.concat, table.sort, type, tostring, next, ipairs, getmetatable, rawget, string.format, math.type,
  rawlen
local MAX_DEPTH, MAX_FIELDS = 3, 30

local show

local function key_text(k, seen)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  return "[" .. show(k, MAX_DEPTH, seen, false) .. "]"
end

local function key_order(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

show = function(v, depth, seen, top)
  local t = type(v)
  if t == "string" then return top and v or format("%q", v) end
  if t ~= "table" then return tostring(v) end
  local mt = getmetatable(v)
  if type(mt) == "table" and rawget(mt, "__tostring") ~= nil then return tostring(v) end
  if seen[v] then return "<cycle>" end
  if depth >= MAX_DEPTH then return "{...}" end
  seen[v] = true
  local parts, n = {}, rawlen(v)
  for i = 1, n do
    if i > MAX_FIELDS then parts[#parts + 1] = "..." break end
    parts[#parts + 1] = show(v[i], depth + 1, seen, false)
  end
  local keys = {}
  for k in next, v do
    if not (mtype(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  sort(keys, key_order)
  for i, k in ipairs(keys) do
    if #parts >= MAX_FIELDS + 1 then parts[#parts + 1] = "..." break end
    parts[#parts + 1] = key_text(k, seen) .. " = " .. show(rawget(v, k), depth + 1, seen, false)
  end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  return "{ " .. concat(parts, ", ") .. " }"
end

return function(chunk)
  local r = pack(chunk())
  if r.n == 0 then return nil end
  local out = {}
  for i = 1, r.n do out[i] = show(r[i], 0, {}, true) end
  return concat(out, "\t")
end
`;

/** A syntax error that ends at the end of the source: the entry goes on (lua.c's `incomplete` test). */
export function isIncompleteLua(message: string): boolean {
  return /<eof>$/.test(message.trim());
}
