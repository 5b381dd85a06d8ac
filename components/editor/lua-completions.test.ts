import { describe, expect, it } from "vitest";
import type { SpellApiReference } from "@/lib/spell/reference-types";
import {
  computeLuaSuggestions,
  extractChainBefore,
  findLuaCompletionContext,
  indexReference,
  luaHover,
  parseChain,
} from "./lua-completions";

const fn = (name: string, call: "static" | "method", returns: string, description = `${name} does things`) => ({
  name,
  call,
  params: [],
  returns,
  description,
});

const REF: SpellApiReference = {
  globals: [
    {
      name: "Agent",
      description: "Build and run LLM agents.",
      functions: [fn("builder", "static", "AgentBuilder"), fn("list", "static", "string[]")],
    },
    {
      name: "Tool",
      description: "Run tools.",
      functions: [fn("execute", "static", "ToolResult"), fn("list", "static", "ToolInfo[]")],
    },
    {
      name: "Hook",
      description: "Hooks.",
      functions: [fn("register", "static", "HookHandle")],
      values: [{ name: "Priority", type: "table" }],
    },
  ],
  classes: [
    {
      name: "AgentBuilder",
      description: "",
      methods: [
        fn("name", "method", "AgentBuilder"),
        fn("model", "method", "AgentBuilder"),
        fn("build", "method", "Agent"),
      ],
    },
    {
      name: "Agent",
      description: "",
      methods: [
        fn("execute", "method", "Promise<AgentResult>", "Run the agent once."),
        fn("stream", "method", "AgentResult"),
      ],
    },
    {
      name: "HookHandle",
      description: "",
      methods: [fn("id", "method", "string"), fn("unregister", "method", "boolean")],
    },
  ],
  hookPoints: ["BeforeAgentExecution", "AfterAgentExecution"],
};
const index = indexReference(REF);
const labels = (text: string) =>
  computeLuaSuggestions(index, text, ["calculator", "uuid-generator"]).items.map((i) => i.label);

describe("Lua completion context", () => {
  it("recognises tool names and hook points inside strings", () => {
    expect(findLuaCompletionContext('local r = Tool.execute("calc')).toEqual({
      kind: "tool-name",
      quote: '"',
      prefix: "calc",
    });
    expect(findLuaCompletionContext("Hook.register('Before")).toEqual({
      kind: "hook-point",
      quote: "'",
      prefix: "Before",
    });
  });

  it("does not treat string concatenation as member access", () => {
    expect(findLuaCompletionContext("x = a .. b").kind).toBe("identifier");
  });

  it("extracts chains across continuation lines only", () => {
    const text = 'print("x")\nlocal a = Agent.builder()\n  :name("a (b)")\n  :';
    expect(extractChainBefore(text, text.length - 1)).toBe('Agent.builder()\n  :name("a (b)")');
    expect(parseChain('Agent.builder()\n  :name("a (b)")')).toEqual(["Agent", ".builder", ":name"]);
    const other = "print(x)\nagent";
    expect(extractChainBefore(other, other.length)).toBe("agent");
  });
});

describe("Lua suggestions", () => {
  it("offers spell globals (Agent first) and Lua words at an identifier", () => {
    const items = labels("local a = Ag");
    expect(items[0]).toBe("Agent");
    expect(items).toContain("Tool");
    expect(items).toContain("local");
    expect(items).toContain("print");
  });

  it("offers builder after Agent.", () => {
    expect(labels("local b = Agent.")).toEqual(["builder", "list"]);
    expect(labels("Hook.")).toEqual(["register", "Priority"]);
  });

  it("follows builder chains, on one line and across lines", () => {
    expect(labels("Agent.builder():")).toEqual(["name", "model", "build"]);
    expect(labels('Agent.builder()\n  :name("x")\n  :model("mock/echo")\n  :')).toEqual(["name", "model", "build"]);
    expect(labels('Agent.builder():name("x"):build():')).toEqual(["execute", "stream"]);
  });

  it("types variables assigned from a chain", () => {
    const text = 'local agent = Agent.builder()\n  :name("g")\n  :build()\n\nlocal r = agent:ex';
    const result = computeLuaSuggestions(index, text, []);
    expect(result.receiverType).toBe("class:Agent");
    expect(result.items.map((i) => i.label)).toEqual(["execute", "stream"]);
    expect(result.context).toMatchObject({ kind: "member", prefix: "ex" });
  });

  it("offers every method after : on an unknown receiver", () => {
    const items = labels("mystery:");
    expect(items).toEqual(expect.arrayContaining(["name", "execute", "unregister"]));
    expect(new Set(items).size).toBe(items.length);
  });

  it("offers tool names and hook points", () => {
    expect(labels('Tool.execute("')).toEqual(["calculator", "uuid-generator"]);
    expect(labels('Hook.register("')).toEqual(["BeforeAgentExecution", "AfterAgentExecution"]);
  });
});

describe("Lua hovers", () => {
  it("documents globals and resolved methods", () => {
    const text = "local agent = Agent.builder():build()\nagent:execute({})";
    expect(luaHover(index, text, text.indexOf("Agent"), text.indexOf("Agent") + 5)).toMatchObject({ title: "Agent" });
    const at = text.lastIndexOf("execute");
    const hover = luaHover(index, text, at, at + "execute".length);
    expect(hover?.title).toContain("Agent:execute(");
    expect(hover?.body).toContain("Run the agent once.");
    expect(luaHover(index, "local zzz = 1", 6, 9)).toBeNull();
  });
});
