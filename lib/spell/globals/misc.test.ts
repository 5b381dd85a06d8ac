import vm from "node:vm";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/core/json";
import { createMemoryStateStore } from "../state/memory";
import { createHarness, spellFn } from "../test-support";
import { interpolate, type InterpolationScope } from "./interpolate";
import { coerceToSchema } from "./workflow";
import { dumpValue } from "./debug";
import { globToRegExp } from "./event";
import { JSON_JS_PRELUDE } from "./json";

type Obj = { [k: string]: JsonValue };

describe("State", () => {
  it("saves, loads, deletes and lists per scope in the runtime's store; get/set use the global scope", async () => {
    const state = createMemoryStateStore();
    const h = createHarness({ state });
    await h.call("State.save", "custom", "k", { a: [1, 2] });
    expect(await h.call("State.load", "custom", "k")).toEqual({ a: [1, 2] });
    expect(await h.call("State.load", "custom", "missing")).toBeNull();
    await h.call("State.set", "count", 3);
    expect(await h.call("State.get", "count")).toBe(3);
    expect(await state.get("global", "count")).toBe(3);
    expect(await h.call("State.list_keys", "custom")).toEqual(["k"]);
    expect(await h.call("State.delete", "custom", "k")).toBe(true);
    expect(await h.call("State.list_keys", "custom")).toEqual([]);
    await h.call("State.save", "custom", "gone", 1);
    await h.call("State.save", "custom", "gone", null);
    expect(await h.call("State.load", "custom", "gone")).toBeNull();
    await h.call("State.agent_set", "a1", "mood", "ok");
    expect(await h.call("State.agent_get", "a1", "mood")).toBe("ok");
    expect(await state.get("agent:a1", "mood")).toBe("ok");
    expect(await h.call("State.clear", "global")).toBe(1);
  });

  it("persists between runs sharing a store, and checks arguments", async () => {
    const state = createMemoryStateStore();
    await createHarness({ state }).call("State.save", "global", "x", 1);
    expect(await createHarness({ state }).call("State.load", "global", "x")).toBe(1);
    expect(() => createHarness().api.globals.State.functions.save([1, "k", 1])).toThrow(
      "State.save expects scope to be a string, got number",
    );
  });

  it("a function inside a value is a conversion error naming the call and path; nothing is stored", async () => {
    const state = createMemoryStateStore();
    const h = createHarness({ state, engine: "lua" });
    const f = spellFn(() => null);
    await expect(h.call("State.save", "g", "k", { f })).rejects.toThrow(
      "State.save: value.f is a function, which cannot be stored (only JSON values can)",
    );
    await expect(h.call("State.set", "k", { list: [1, { g: f }] })).rejects.toThrow(
      "State.set: value.list[2].g is a function",
    );
    await expect(h.call("State.agent_set", "a1", "k", f)).rejects.toMatchObject({
      kind: "conversion",
      message: expect.stringMatching(/^State\.agent_set: value is a function/),
    });
    expect(await state.keys("g")).toEqual([]);
    expect(await state.keys("global")).toEqual([]);
  });
});

describe("JSON (Lua)", () => {
  it("parses and stringifies, pretty on request, with clear errors", () => {
    const h = createHarness();
    expect(h.callSync("JSON.parse", '{"a":[1,2,{"b":null}]}')).toEqual({ a: [1, 2, { b: null }] });
    expect(h.callSync("JSON.stringify", { a: 1, b: [true] })).toBe('{"a":1,"b":[true]}');
    expect(h.callSync("JSON.stringify", { a: 1 }, { pretty: true })).toBe('{\n  "a": 1\n}');
    expect(() => h.callSync("JSON.parse", "{bad")).toThrow(/^JSON parse error: /);
    expect(() => h.callSync("JSON.parse", 5)).toThrow("JSON.parse expects text to be a string, got number");
  });

  it("JSON.stringify raises a conversion error for a function inside the value instead of dropping it", () => {
    const h = createHarness({ engine: "lua" });
    expect(() => h.callSync("JSON.stringify", { a: [spellFn(() => null)] })).toThrow(
      "JSON.stringify: value.a[1] is a function, which cannot be turned into JSON (only JSON values can)",
    );
  });
});

describe("JSON (JavaScript prelude)", () => {
  it("JSON.stringify takes docs/spell-api.md's options object; standard calls are unchanged", () => {
    const sandbox = vm.createContext({});
    vm.runInContext(JSON_JS_PRELUDE, sandbox);
    const run = (code: string) => vm.runInContext(code, sandbox) as unknown;
    expect(run("JSON.stringify({ list: [1, 2] }, { pretty: true })")).toBe('{\n  "list": [\n    1,\n    2\n  ]\n}');
    expect(run("JSON.stringify({ a: 1 }, { indent: 4 })")).toBe('{\n    "a": 1\n}');
    expect(run("JSON.stringify({ a: 1, b: [true] }, {})")).toBe('{"a":1,"b":[true]}');
    expect(run("JSON.stringify({ a: 1, b: 2 })")).toBe('{"a":1,"b":2}');
    expect(run("JSON.stringify({ a: 1, b: 2 }, ['a'])")).toBe('{"a":1}');
    expect(run("JSON.stringify({ a: 1 }, (k, v) => (k === 'a' ? 5 : v), 1)")).toBe('{\n "a": 5\n}');
    expect(run("JSON.stringify({ a: 1 }, null, 2)")).toBe('{\n  "a": 1\n}');
    expect(run("JSON.stringify({ a: 1 }, { pretty: true }, 3)")).toBe('{\n   "a": 1\n}');
    expect(run("Object.keys(JSON)")).toEqual([]);
  });
});

describe("Provider", () => {
  it("lists providers with models and availability from the LLM client", async () => {
    const h = createHarness();
    const list = (await h.call("Provider.list")) as Obj[];
    const mock = list.find((p) => p.name === "mock") as Obj;
    expect(mock).toMatchObject({ available: true, enabled: true, capabilities: { supports_streaming: true } });
    expect(mock.models).toContain("mock/echo");
    expect(await h.call("Provider.isAvailable", "mock")).toBe(true);
    expect(await h.call("Provider.isAvailable", "nope")).toBe(false);
    expect(await h.call("Provider.get", "nope")).toBeNull();
    expect(await h.call("Provider.getCapabilities", "mock")).toMatchObject({ supports_tools: true });
  });
});

describe("Debug", () => {
  it("logs at levels as log events, filtered by setLevel, captured, with data and modules", () => {
    const h = createHarness();
    h.callSync("Debug.info", "hello", { n: 1 });
    h.callSync("Debug.debug", "hidden");
    h.callSync("Debug.warn", "careful", "net");
    h.callSync("Debug.setLevel", "debug");
    h.callSync("Debug.debug", "shown");
    h.callSync("Debug.setEnabled", false);
    h.callSync("Debug.error", "muted");
    expect(h.logs()).toEqual(['[INFO] hello {"n":1}', "[WARN] [net] careful", "[DEBUG] shown"]);
    expect(h.events.filter((e) => e.type === "log").map((e) => (e as { level: string }).level)).toEqual([
      "info",
      "warn",
      "debug",
    ]);
    expect((h.callSync("Debug.getCapturedEntries", 1) as Obj[])[0]).toMatchObject({ level: "debug", message: "shown" });
    expect(h.callSync("Debug.getLevel")).toBe("debug");
    expect(() => h.callSync("Debug.setLevel", "loud")).toThrow(/setLevel expects level to be one of "trace"/);
  });

  it("timers measure elapsed time; dump renders values in the engine's style", async () => {
    const h = createHarness();
    const t = h.callSync("Debug.timer", "work");
    await new Promise((r) => setTimeout(r, 30));
    const ms = h.invokeSync(t, "stop") as number;
    expect(ms).toBeGreaterThanOrEqual(25);
    expect(h.invokeSync(t, "elapsed")).toBe(ms);
    expect(dumpValue({ b: [1, "x"], a: null }, "lua")).toBe('{\n  a = nil,\n  b = {\n    1,\n    "x"\n  }\n}');
    expect(dumpValue({ a: [] }, "javascript")).toBe('{\n  "a": []\n}');
    expect(h.callSync("Debug.dump", { k: 1 }, "label")).toBe("label: {\n  k = 1\n}");
  });
});

describe("Config", () => {
  it("is a read-only view of limits, model and engine", () => {
    const h = createHarness({ limits: { maxToolCalls: 3 } });
    expect(h.callSync("Config.get", "limits.max_tool_calls")).toBe(3);
    expect(h.callSync("Config.get", "default_model")).toBe("mock/default");
    expect(h.callSync("Config.get", "no.such")).toBeNull();
    expect(h.callSync("Config.get")).toMatchObject({
      default_engine: "lua",
      security: { allow_network_access: false },
    });
    expect(h.callSync("Config.isNetworkAccessAllowed")).toBe(false);
    expect(() => h.callSync("Config.setProvider", "x", {})).toThrow(
      expect.objectContaining({ kind: "unsupported_feature" }),
    );
  });
});

describe("ARGS and preludes", () => {
  it("leaves ARGS to the engine and adds Lua's positional arg only when there are positional arguments", () => {
    expect(createHarness().api.values).toBeUndefined();
    expect(createHarness({ args: { topic: "owls", "1": "first" } }).api.values).toEqual({ arg: ["first"] });
    expect(createHarness({ args: { topic: "owls" } }).api.values).toBeUndefined();
    expect(createHarness({ engine: "javascript", args: { "1": "first" } }).api.values).toBeUndefined();
  });

  it("ships a Streaming prelude for each language", () => {
    const h = createHarness();
    expect(h.api.preludes?.lua).toMatch(/Streaming = \{/);
    expect(h.api.preludes?.javascript).toMatch(/globalThis\.Streaming/);
  });

  it("keeps nothing between runs: agents, tools and hooks are per API", () => {
    const a = createHarness();
    a.chain(a.callSync("Agent.builder"), ["name", "x"], ["build"]);
    const b = createHarness();
    expect(b.callSync("Agent.get", "x")).toBeNull();
  });
});

describe("interpolation", () => {
  const scope: InterpolationScope = {
    input: { topic: "owls", n: 3, input: "main text" },
    steps: new Map([["s1", { value: { result: { items: [10, 20] } }, text: "step one" }]]),
    shared: new Map([["mode", "fast"]]),
    loopValue: { id: 7 },
    loopIndex: 2,
  };
  it("substitutes text inside strings and keeps types for whole-string placeholders", () => {
    expect(interpolate("About {{input.topic}} ({{input}}), {{steps.s1.output}}", scope)).toBe(
      "About owls (main text), step one",
    );
    expect(
      interpolate(
        {
          a: "{{input.n}}",
          b: ["{{steps.s1.output.result.items.1}}"],
          c: "{{loop_value.id}}#{{loop_index}}",
          d: "{{shared.mode}}",
        },
        scope,
      ),
    ).toEqual({
      a: 3,
      b: [20],
      c: "7#2",
      d: "fast",
    });
    expect(interpolate("{{unknown.thing}} and {{steps.nope.output}}", scope)).toBe(
      "{{unknown.thing}} and {{steps.nope.output}}",
    );
  });
  it("fits tool parameters back to the tool's schema", () => {
    const schema = { type: "object", properties: { input: { type: "string" }, count: { type: "integer" } } };
    expect(coerceToSchema({ input: 5, count: "7", other: 1 }, schema)).toEqual({ input: "5", count: 7, other: 1 });
  });
  it("globs match dotted event names", () => {
    expect(globToRegExp("user.*").test("user.a.b")).toBe(true);
    expect(globToRegExp("user.*").test("users.a")).toBe(false);
    expect(globToRegExp("a?c").test("abc")).toBe(true);
  });
});

describe("output caps", () => {
  it("Debug keeps at most MAX_CAPTURED_ENTRIES entries", async () => {
    const { MAX_CAPTURED_ENTRIES } = await import("./debug");
    const h = createHarness();
    for (let i = 0; i < MAX_CAPTURED_ENTRIES + 10; i++) h.callSync("Debug.info", `m${i}`);
    const all = h.callSync("Debug.getCapturedEntries") as Obj[];
    expect(all.length).toBe(MAX_CAPTURED_ENTRIES);
    expect(all[0].message).toBe("m10");
  });

  it("trace events cut long strings", async () => {
    const { toTraceValue } = await import("../core/values");
    const v = toTraceValue({ s: "x".repeat(10_000) }) as Obj;
    expect((v.s as string).length).toBe(4001);
  });
});
