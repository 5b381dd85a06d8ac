import { describe, expect, it } from "vitest";
import type { ApiFunctionDoc, SpellApiReference } from "@/lib/spell/reference-types";
import { isChainFragment, listReferenceEntries, SnippetSpells } from "./snippet-spell";

const f = (name: string, returns: string, lua?: string, js?: string, call: "static" | "method" = "static") =>
  ({
    name,
    call,
    params: [],
    returns,
    description: "",
    ...(lua ? { lua } : {}),
    ...(js ? { js } : {}),
  }) satisfies ApiFunctionDoc;
const m = (name: string, returns: string, lua?: string, js?: string) => f(name, returns, lua, js, "method");

/** A small reference shaped like the real one: a builder global, its builder class and the built class. */
const REFERENCE: SpellApiReference = {
  hookPoints: [],
  globals: [
    {
      name: "Agent",
      description: "",
      functions: [
        f(
          "builder",
          "AgentBuilder",
          'local agent = Agent.builder():name("a:b"):model("mock/echo")\n  :build()\nprint("built")',
          'const agent = Agent.builder().name("a.b").model("mock/echo")\n  .build();',
        ),
      ],
    },
    {
      // The checker knows the real globals, so the fake snippets call real ones.
      name: "Event",
      description: "",
      functions: [
        f("take", "string", "local ev = Event.receive(sub, 10)\nprint(ev)"),
        f("subscribe", "string", "local sub = Event.subscribe(pattern)"),
        f("publish", "string", 'local pattern = "user.*"'),
        f("lost", "string", "print(nowhere)"),
      ],
    },
  ],
  classes: [
    {
      name: "AgentBuilder",
      description: "",
      methods: [
        m("model", "AgentBuilder", ':model("mock/default")', '.model("mock/default")'),
        m("name", "AgentBuilder", ':name("x")'),
        m("build", "Agent"),
      ],
    },
    {
      name: "Agent",
      description: "",
      methods: [m("execute", "string", 'print(agent:execute("hi"))', 'console.log(await agent.execute("hi"));')],
    },
    { name: "Orphan", description: "", methods: [m("wire", "Orphan", ':wire("x")')] },
  ],
};

const spells = new SnippetSpells(REFERENCE);
const entry = (id: string) => listReferenceEntries(REFERENCE).find((e) => e.id === id)!;

describe("snippet spells", () => {
  it("tells a chain fragment from a statement in each language", () => {
    expect(isChainFragment(':model("x")', "lua")).toBe(true);
    expect(isChainFragment('  .model("x")', "javascript")).toBe(true);
    expect(isChainFragment('local a = Agent.builder():model("x")', "lua")).toBe(false);
    expect(isChainFragment(':model("x")', "javascript")).toBe(false);
  });

  it("splices a fragment into the reference's builder example, replacing its call of the same method", () => {
    expect(spells.complete(entry("AgentBuilder-model"), "lua")).toBe(
      'local agent = Agent.builder():name("a:b")\n  :model("mock/default")\n  :build()\nprint(agent:execute("hi"))',
    );
    expect(spells.complete(entry("AgentBuilder-model"), "javascript")).toBe(
      'const agent = Agent.builder().name("a.b")\n  .model("mock/default")\n  .build();\nconsole.log(await agent.execute("hi"));',
    );
    // `:name` is in the example's chain too; the `:` inside its string argument is not a call.
    expect(spells.complete(entry("AgentBuilder-name"), "lua")).toBe(
      'local agent = Agent.builder():model("mock/echo")\n  :name("x")\n  :build()\nprint(agent:execute("hi"))',
    );
  });

  it("defines the names a snippet uses with the statement of the reference that defines them", () => {
    expect(spells.complete(entry("Agent-execute"), "lua")).toBe(
      'local agent = Agent.builder():name("a:b"):model("mock/echo")\n  :build()\nprint(agent:execute("hi"))',
    );
    // `sub` needs `pattern`, defined by a third snippet: found in a second round, placed first.
    expect(spells.complete(entry("Event.take"), "lua")).toBe(
      'local pattern = "user.*"\nlocal sub = Event.subscribe(pattern)\nlocal ev = Event.receive(sub, 10)\nprint(ev)',
    );
  });

  it("gives no spell when a name is defined nowhere, a fragment has no builder, or a language has no snippet", () => {
    expect(spells.complete(entry("Event.lost"), "lua")).toBeUndefined();
    expect(spells.complete(entry("Orphan-wire"), "lua")).toBeUndefined();
    expect(spells.complete(entry("Event.take"), "javascript")).toBeUndefined();
    expect(spells.complete(entry("AgentBuilder-build"), "lua")).toBeUndefined();
  });

  it("leaves a snippet that stands alone as it is", () => {
    expect(spells.complete(entry("Event.publish"), "lua")).toBe('local pattern = "user.*"');
  });
});
