/** Conformance: the State global. */
import type { ConformanceCase } from "@/lib/core/conformance";
import { apiCase } from "@/lib/spell/conformance/api-case";

export const cases: ConformanceCase[] = [
  apiCase(
    "state: save and load a table",
    'State.save("custom", "k", { a = { 1, 2 }, b = "x" })\nreturn State.load("custom", "k")',
    'await State.save("custom", "k", { a: [1, 2], b: "x" });\nreturn await State.load("custom", "k");',
    { value: { a: [1, 2], b: "x" } },
  ),
  apiCase(
    "state: a missing key loads as nil",
    'return State.load("custom", "missing") == nil',
    'return (await State.load("custom", "missing")) === null;',
    { value: true },
  ),
  apiCase(
    "state: get/set use the global scope",
    'State.set("count", 3)\nreturn { State.get("count"), State.load("global", "count") }',
    'await State.set("count", 3);\nreturn [await State.get("count"), await State.load("global", "count")];',
    { value: [3, 3] },
  ),
  apiCase(
    "state: list_keys is sorted and per scope",
    'State.save("s", "b", 1)\nState.save("s", "a", 2)\nState.save("t", "z", 3)\nreturn State.list_keys("s")',
    'await State.save("s", "b", 1);\nawait State.save("s", "a", 2);\nawait State.save("t", "z", 3);\nreturn await State.list_keys("s");',
    { value: ["a", "b"] },
  ),
  apiCase(
    "state: delete reports whether the key existed",
    'State.save("s", "k", 1)\nreturn { State.delete("s", "k"), State.delete("s", "k"), State.load("s", "k") == nil }',
    'await State.save("s", "k", 1);\nreturn [await State.delete("s", "k"), await State.delete("s", "k"), (await State.load("s", "k")) === null];',
    { value: [true, false, true] },
  ),
  apiCase(
    "state: scopes are independent",
    'State.save("one", "k", "first")\nState.save("two", "k", "second")\nreturn { State.load("one", "k"), State.load("two", "k") }',
    'await State.save("one", "k", "first");\nawait State.save("two", "k", "second");\nreturn [await State.load("one", "k"), await State.load("two", "k")];',
    { value: ["first", "second"] },
  ),
  apiCase(
    "state: saving nil deletes",
    'State.save("s", "k", 1)\nState.save("s", "k", nil)\nreturn #State.list_keys("s")',
    'await State.save("s", "k", 1);\nawait State.save("s", "k", null);\nreturn (await State.list_keys("s")).length;',
    { value: 0 },
  ),
  apiCase(
    "state: integers and floats keep their kind",
    'State.save("n", "i", 7)\nState.save("n", "f", 2.5)\nreturn { math.type(State.load("n", "i")), State.load("n", "f") }',
    'await State.save("n", "i", 7);\nawait State.save("n", "f", 2.5);\nreturn [Number.isInteger(await State.load("n", "i")) ? "integer" : "float", await State.load("n", "f")];',
    { value: ["integer", 2.5] },
  ),
  apiCase(
    "state: agent and tool scopes",
    'State.agent_set("a1", "mood", "ok")\nState.tool_set("t1", "runs", 2)\nreturn { State.agent_get("a1", "mood"), State.tool_get("t1", "runs"), State.load("agent:a1", "mood") }',
    'await State.agent_set("a1", "mood", "ok");\nawait State.tool_set("t1", "runs", 2);\nreturn [await State.agent_get("a1", "mood"), await State.tool_get("t1", "runs"), await State.load("agent:a1", "mood")];',
    { value: ["ok", 2, "ok"] },
  ),
  apiCase(
    "state: clear empties a scope and counts",
    'State.save("c", "a", 1)\nState.save("c", "b", 2)\nreturn { State.clear("c"), #State.list_keys("c") }',
    'await State.save("c", "a", 1);\nawait State.save("c", "b", 2);\nreturn [await State.clear("c"), (await State.list_keys("c")).length];',
    { value: [2, 0] },
  ),
  apiCase(
    "state: a non-string scope is a type error",
    'local ok, e = pcall(State.save, 5, "k", 1)\nreturn { ok, e.kind, e.message }',
    'try { await State.save(5, "k", 1); return "no error"; } catch (e) { return [false, e.kind, e.message]; }',
    { value: [false, "type", "State.save expects scope to be a string, got number"] },
  ),
];
