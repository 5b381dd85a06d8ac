/**
 * Sandbox probes: every forbidden thing a Lua spell might reach for must find nothing (or fail), and nothing
 * a spell changes may be visible to the next run.
 */
import { describe, expect, it } from "vitest";
import { createLuaEngine } from "./engine";

const engine = await createLuaEngine();
const value = async (source: string) => {
  const r = await engine.execute(source, { timeoutMs: 2000 });
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
};

describe("lua sandbox: absent globals", () => {
  const absent = [
    "debug",
    "package",
    "require",
    "dofile",
    "loadfile",
    "loadstring",
    "module",
    "setfenv",
    "getfenv",
    "newproxy",
    "jit",
    "ffi",
    "null",
    "Promise",
    "Error",
    "js",
    "arg",
  ];
  for (const name of absent) {
    it(`has no ${name}`, async () => {
      expect(await value(`return ${name} == nil and rawget(_G, "${name}") == nil`)).toBe(true);
    });
  }

  it("lists only allowlisted globals", async () => {
    const names = (await value(
      `local t = {} for k in pairs(_G) do t[#t + 1] = k end table.sort(t) return t`,
    )) as string[];
    expect(names).toEqual(
      [
        "_G",
        "_VERSION",
        "assert",
        "collectgarbage",
        "coroutine",
        "error",
        "getmetatable",
        "ipairs",
        "load",
        "math",
        "io",
        "next",
        "os",
        "pairs",
        "pcall",
        "print",
        "rawequal",
        "rawget",
        "rawlen",
        "rawset",
        "select",
        "setmetatable",
        "string",
        "table",
        "tonumber",
        "tostring",
        "type",
        "utf8",
        "warn",
        "xpcall",
      ].sort(),
    );
  });
});

describe("lua sandbox: io", () => {
  it("keeps only write, flush and stdout (whose only methods are write and flush)", async () => {
    const keys = await value(`local t = {} for k in pairs(io) do t[#t + 1] = k end table.sort(t) return t`);
    expect(keys).toEqual(["flush", "stdout", "write"]);
    expect(await value(`io.write("a") io.flush() io.stdout:write("b"):flush() return io.flush() == io.stdout`)).toBe(
      true,
    );
    expect(
      await value(
        `return { io.stdout.read == nil, io.stdout.close == nil, io.stdout.lines == nil, io.stdout.seek == nil, io.stdout.setvbuf == nil }`,
      ),
    ).toEqual([true, true, true, true, true]);
  });
  for (const fn of [
    "open",
    "read",
    "lines",
    "popen",
    "close",
    "input",
    "output",
    "tmpfile",
    "type",
    "stdin",
    "stderr",
  ]) {
    it(`has no io.${fn}`, async () => {
      expect(await value(`return io.${fn} == nil`)).toBe(true);
    });
  }
  it("io.open and io.popen cannot be called", async () => {
    for (const src of [`return io.open("/etc/passwd")`, `return io.popen("echo pwned")`]) {
      const r = await engine.execute(src);
      expect(r).toMatchObject({ ok: false, error: { kind: "runtime" } });
    }
  });
  it("io.stdout hides its metatable and cannot be changed", async () => {
    expect(await value(`return getmetatable(io.stdout)`)).toBe(false);
    const r = await engine.execute(`io.stdout.write = print`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime", line: 1 } });
  });
});

describe("lua sandbox: os", () => {
  it("keeps only time, clock, date and difftime", async () => {
    const keys = await value(`local t = {} for k in pairs(os) do t[#t + 1] = k end table.sort(t) return t`);
    expect(keys).toEqual(["clock", "date", "difftime", "time"]);
  });
  for (const fn of ["execute", "getenv", "exit", "remove", "rename", "tmpname", "setlocale"]) {
    it(`has no os.${fn}`, async () => {
      expect(await value(`return os.${fn} == nil`)).toBe(true);
    });
  }
  it("os.execute cannot be called", async () => {
    const r = await engine.execute(`return os.execute("echo pwned")`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime" } });
  });
  it("os.time and os.date work", async () => {
    expect(
      await value(`return type(os.time()) == "number" and type(os.date("%Y")) == "string" and os.clock() >= 0`),
    ).toBe(true);
  });
});

describe("lua sandbox: string, load and friends", () => {
  it("has no string.dump", async () => {
    expect(await value(`return string.dump == nil and ("").dump == nil`)).toBe(true);
  });
  it("load refuses binary chunks even when asked for them", async () => {
    const r = (await value(`local f, err = load("\\27Lua", "x", "b") return { f == nil, err }`)) as [boolean, string];
    expect(r[0]).toBe(true);
    expect(r[1]).toMatch(/binary/);
    const viaReader = (await value(
      `local parts = { "\\27Lua" } local i = 0
       local f, err = load(function() i = i + 1 return parts[i] end)
       return f == nil`,
    )) as boolean;
    expect(viaReader).toBe(true);
  });
  it("load runs text chunks in the sandbox env", async () => {
    expect(await value(`return load("return io.open == nil and os.execute == nil and print ~= nil")()`)).toBe(true);
    expect(await value(`local env = { x = 5 } return load("return x", "c", "t", env)()`)).toBe(5);
  });
  it("hides the string metatable", async () => {
    expect(await value(`return getmetatable("") == nil and getmetatable("abc") == nil`)).toBe(true);
  });
  it("string methods still work", async () => {
    expect(await value(`return ("abc"):upper() .. ("x"):rep(3)`)).toBe("ABCxxx");
  });
  it("collectgarbage only counts", async () => {
    expect(await value(`return type(collectgarbage("count"))`)).toBe("number");
    for (const opt of ["", `"collect"`, `"stop"`, `"step"`, `"incremental"`, `"generational"`, `"setpause", 1`]) {
      const r = await engine.execute(`collectgarbage(${opt})`);
      expect(r, opt).toMatchObject({ ok: false, error: { kind: "runtime", line: 1 } });
    }
  });
  it("refuses __gc finalizers", async () => {
    const r = await engine.execute(`setmetatable({}, { __gc = print })`);
    expect(r).toMatchObject({ ok: false, error: { kind: "runtime" } });
  });
  it("cannot catch the timeout with pcall, xpcall or coroutines", async () => {
    for (const src of [
      `while true do pcall(function() while true do end end) end`,
      `while true do xpcall(function() while true do end end, function(e) return e end) end`,
      `while true do coroutine.resume(coroutine.create(function() while true do end end)) end`,
      `while true do pcall(coroutine.wrap(function() while true do end end)) end`,
    ]) {
      const r = await engine.execute(src, { timeoutMs: 50 });
      expect(r, src).toMatchObject({ ok: false, error: { kind: "timeout" } });
    }
  });
});

describe("lua sandbox: host arrays", () => {
  const api = { globals: { H: { functions: { list: () => [] as never[] } } }, classes: {} };
  it("their marker metatable is out of the spell's reach, and setmetatable on them still works", async () => {
    const r = await engine.execute(
      `local a = H.list()
       local hidden = getmetatable(a) == nil
       local ok = pcall(function() getmetatable(a).__gc = print end)
       setmetatable(a, { __index = function() return "dflt" end })
       return { hidden, ok, a.anything }`,
      { api },
    );
    expect(r).toMatchObject({ ok: true, value: [true, false, "dflt"] });
  });
});

describe("lua sandbox: nothing outlives a run", () => {
  it("string metatable tampering does not leak into the next run", async () => {
    await engine.execute(`string.upper = function() return "pwned" end; string.evil = true`);
    expect(await value(`return { ("a"):upper(), string.evil == nil }`)).toEqual(["A", true]);
  });
  it("globals and library changes do not leak", async () => {
    await engine.execute(`leaked = 1; math.pi = 3; table.insert = nil; print = nil`);
    expect(await value(`return { leaked == nil, math.pi > 3.14, table.insert ~= nil, print ~= nil }`)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
  it("a spell cannot break the engine's own print or pcall for itself", async () => {
    const r = await engine.execute(
      `tostring = nil; table.concat = nil; select = nil; print("still", 1) return pcall(error, "x")`,
    );
    expect(r).toMatchObject({ ok: true, value: false, logs: [{ text: "still\t1" }] });
  });
  it("cannot reach the engine internals through metatables of host objects", async () => {
    const r = await value(`return getmetatable(coroutine.running()) == nil and getmetatable(print) == nil`);
    expect(r).toBe(true);
  });
});

describe("lua sandbox: hostile code ends with an error and leaves the engine usable", () => {
  const hostile: [string, string, string][] = [
    [
      "pcall recursion",
      `local function f(n) local ok, v = pcall(f, n + 1) if not ok then error(v, 0) end return v end return f(1)`,
      "runtime",
    ],
    ["__index recursion", `return setmetatable({}, {__index = function(t, k) return t[k] end}).x`, "runtime"],
    [
      "coroutine nesting",
      `local function nest(n) return coroutine.wrap(function() return nest(n + 1) end)() end return nest(1)`,
      "runtime",
    ],
    [
      "gsub callback recursion",
      `local function g(s, d) return (s:gsub(".", function(c) return g(c, d + 1) end)) end return g("ab", 1)`,
      "runtime",
    ],
    [
      "a loop inside __tostring called by print",
      `print(setmetatable({}, {__tostring = function() while true do end end}))`,
      "timeout",
    ],
    ["a loop inside a sort comparator", `table.sort({3, 2, 1}, function(a, b) while true do end end)`, "timeout"],
    [
      "a loop inside __eq",
      `local mt = {__eq = function() while true do end end} return setmetatable({}, mt) == setmetatable({}, mt)`,
      "timeout",
    ],
    [
      "a generator spun forever",
      `local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end`,
      "timeout",
    ],
    ["a huge string", `return #string.rep("ab", 1e8, ",")`, "memory"],
    ["a huge table", `local t = {} for i = 1, 1e9 do t[i] = { i, i } end`, "memory"],
    ["a bad format", `return string.format("%5000d", 1)`, "runtime"],
  ];
  for (const [name, source, kind] of hostile) {
    it(name, async () => {
      const r = await engine.execute(source, {
        timeoutMs: kind === "memory" ? 10_000 : 200,
        memoryLimitBytes: 16 * 1024 * 1024,
      });
      expect(r).toMatchObject({ ok: false, error: { kind } });
      expect(await engine.execute(`return 1 + 1`)).toMatchObject({ ok: true, value: 2 });
    });
  }
});
