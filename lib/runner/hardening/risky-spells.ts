/**
 * A grammar of risky spells for the hardening fuzz test: each generator builds the same construct in Lua and in
 * JavaScript (deep nesting, output floods, loops inside callbacks and metamethods, huge strings, recursion,
 * recursive tools, odd error values), and `generateRiskySpell` combines a few of them from a seeded PRNG so a
 * failing seed replays exactly.
 */
import { createSeededRandom } from "@/lib/spell/core/seeded-random";

export interface RiskySpell {
  /** The constructs used, for the failure message. */
  parts: string[];
  lua: string;
  js: string;
}

type Part = { name: string; lua: (n: number) => string; js: (n: number) => string };

const PARTS: Part[] = [
  {
    name: "busy loop",
    lua: () => "while true do end",
    js: () => "while (true) {}",
  },
  {
    name: "loop inside pcall",
    lua: () => "pcall(function() while true do end end)",
    js: () => "try { (() => { while (true) {} })(); } catch (e) {}",
  },
  {
    name: "loop inside a sort comparator",
    lua: () => "local t = {3, 1, 2} table.sort(t, function(a, b) while true do end end)",
    js: () => "[3, 1, 2].sort((a, b) => { while (true) {} });",
  },
  {
    name: "loop inside gsub / replace callback",
    lua: () => 'string.gsub("aaa", "a", function() while true do end end)',
    js: () => '"aaa".replace(/a/g, () => { while (true) {} });',
  },
  {
    name: "loop inside a metamethod / getter",
    lua: () => "local t = setmetatable({}, { __index = function() while true do end end }) local _ = t.x",
    js: () => "const t = { get x() { while (true) {} } }; t.x;",
  },
  {
    name: "loop inside load reader",
    lua: () => "while true do load(function() while true do end end) print() end",
    js: () => 'while (true) { try { new Function("while (true) {}")(); } catch (e) {} print(""); }',
  },
  {
    name: "loop inside an xpcall handler",
    lua: () => 'while true do xpcall(error, function() while true do end end, "x") end',
    js: () => "while (true) { try { throw 1; } catch { while (true) {} } }",
  },
  {
    name: "loop inside __close",
    lua: () =>
      "while true do local co = coroutine.create(function() local x <close> = setmetatable({}, { __close = function() while true do end end }) coroutine.yield() end) coroutine.resume(co) coroutine.close(co) end",
    js: () => "while (true) { try { } finally { while (true) {} } }",
  },
  {
    name: "host tool flood",
    lua: () =>
      'for i = 1, 1e6 do Tool.execute("json-processor", { operation = "query", input = { a = i }, query = "[range(20000)] | length" }) end',
    js: () =>
      'for (let i = 0; i < 1e6; i++) await Tool.execute("json-processor", { operation: "query", input: { a: i }, query: "[range(20000)] | length" });',
  },
  {
    name: "one long jq query",
    lua: () => 'Tool.execute("json-processor", { operation = "query", input = {}, query = "[range(1e9)] | length" })',
    js: () =>
      'await Tool.execute("json-processor", { operation: "query", input: {}, query: "[range(1e9)] | length" });',
  },
  {
    name: "deep nesting in source",
    lua: (n) => `local x = ${"(".repeat(200 + n * 50)}1${")".repeat(200 + n * 50)}`,
    js: (n) => `const x = ${"(".repeat(3000 + n * 1000)}1${")".repeat(3000 + n * 1000)};`,
  },
  {
    name: "deep table nesting in source",
    lua: (n) => `local x = ${"{".repeat(150 + n * 50)}${"}".repeat(150 + n * 50)}`,
    js: (n) => `const x = ${"[".repeat(3000 + n * 1000)}${"]".repeat(3000 + n * 1000)};`,
  },
  {
    name: "print flood",
    lua: () => "for i = 1, 1e7 do print() end",
    js: () => "for (let i = 0; i < 1e7; i++) print();",
  },
  {
    name: "newline flood",
    lua: () => 'io.write(string.rep("\\n", 4e6))',
    js: () => 'console.log("\\n".repeat(4e6));',
  },
  {
    name: "huge string",
    lua: (n) => `local s = string.rep("x", ${1 + n} * 1024 * 1024 * 64)`,
    js: (n) => `const s = "x".repeat(${1 + n} * 1024 * 1024 * 64);`,
  },
  {
    name: "memory bomb",
    lua: () => 'local t = {} for i = 1, 1e8 do t[i] = string.rep("y", 100) .. i end',
    js: () => 'const t = []; for (let i = 0; i < 1e8; i++) t.push("y".repeat(100) + i);',
  },
  {
    name: "unbounded recursion",
    lua: () => "local function f(n) return f(n + 1) + 1 end f(1)",
    js: () => "function f(n) { return f(n + 1) + 1; } f(1);",
  },
  {
    name: "recursive tool",
    lua: () =>
      'Tool.register({ name = "again", execute = function(p) return Tool.execute("again", p) end }) Tool.execute("again", {})',
    js: () =>
      'Tool.register({ name: "again", execute: async (p) => await Tool.execute("again", p) }); await Tool.execute("again", {});',
  },
  {
    name: "huge error message",
    lua: () => 'error(string.rep("e", 8 * 1024 * 1024))',
    js: () => 'throw new Error("e".repeat(8 * 1024 * 1024));',
  },
  {
    name: "error object with text",
    lua: () => 'error(setmetatable({}, { __tostring = function() return "custom" end }))',
    js: () => 'throw { toString() { return "custom"; } };',
  },
  {
    name: "prototype names in State",
    lua: () => 'State.save("__proto__", "polluted", true) State.save("constructor", "prototype", 1)',
    js: () => 'await State.save("__proto__", "polluted", true); await State.save("constructor", "prototype", 1);',
  },
  {
    name: "shared structure returned",
    lua: () =>
      "local t = {} for i = 1, 30 do t[i] = i end for d = 1, 6 do local n = {} for i = 1, 30 do n[i] = t end t = n end return t",
    js: () =>
      "let t = []; for (let i = 0; i < 30; i++) t.push(i); for (let d = 0; d < 6; d++) { const n = []; for (let i = 0; i < 30; i++) n.push(t); t = n; } return t;",
  },
];

/** 1 to 3 constructs in sequence; each may be wrapped in a function that is called, which changes nothing. */
export function generateRiskySpell(seed: number): RiskySpell {
  const random = createSeededRandom(seed);
  const count = 1 + Math.floor(random() * 3);
  const chosen = Array.from({ length: count }, () => PARTS[Math.floor(random() * PARTS.length)]);
  const n = Math.floor(random() * 3);
  return {
    parts: chosen.map((p) => p.name),
    lua: chosen.map((p) => p.lua(n)).join("\n"),
    js: chosen.map((p) => p.js(n)).join("\n"),
  };
}

/** Every construct once, in both languages: the fuzz test runs these before the random combinations. */
export function listRiskyParts(): RiskySpell[] {
  return PARTS.map((p) => ({ parts: [p.name], lua: p.lua(0), js: p.js(0) }));
}
