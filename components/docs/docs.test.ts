import { describe, expect, it } from "vitest";
import { decodeShareLink } from "@/lib/share/link";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { listTools } from "@/lib/tools";
import { EXAMPLES } from "@/examples/catalog";
import { runExample } from "@/examples/run-example";
import { checkSpell } from "@/lib/check";
import type { SpellLanguage } from "@/lib/core/dialect";
import { buildDocsModel, describeToolParams, jsSignature, luaSignature, type DocSnippet } from "./docs-model";
import { isChainFragment } from "./snippet-spell";
import { TOOL_EXAMPLES } from "./tool-examples";

const model = await buildDocsModel();

interface LinkedSpell {
  label: string;
  language: SpellLanguage;
  shown: string;
  /** What the "Open in playground" link opens. */
  source: string;
}

/** Every snippet on the page with a button: the getting-started spell, the reference and the tool examples. */
async function listLinkedSpells(): Promise<LinkedSpell[]> {
  const snippets: [string, DocSnippet][] = [
    ["getting started", model.gettingStarted],
    ...[...model.globals, ...model.classes].flatMap((s) =>
      s.functions.flatMap((f): [string, DocSnippet][] => (f.snippet ? [[f.id, f.snippet]] : [])),
    ),
    ...model.tools.flatMap((t) => t.examples.map((e): [string, DocSnippet] => [`${t.name}: ${e.title}`, e.snippet])),
  ];
  const out: LinkedSpell[] = [];
  for (const [label, s] of snippets) {
    for (const [language, shown, link] of [
      ["lua", s.lua, s.luaLink],
      ["javascript", s.js, s.jsLink],
    ] as const) {
      if (!link) continue;
      const decoded = await decodeShareLink(link);
      expect(decoded.language, label).toBe(language);
      out.push({ label, language, shown, source: decoded.source });
    }
  }
  return out;
}

const linked = await listLinkedSpells();

describe("docs model", () => {
  it("documents every global, class, function and method of the reference", () => {
    expect(model.globals.map((g) => g.name)).toEqual(SPELL_API_REFERENCE.globals.map((g) => g.name));
    expect(model.classes.map((c) => c.name)).toEqual(SPELL_API_REFERENCE.classes.map((c) => c.name));
    for (const g of SPELL_API_REFERENCE.globals) {
      expect(model.globals.find((s) => s.name === g.name)!.functions.map((f) => f.name)).toEqual(
        g.functions.map((f) => f.name),
      );
    }
    for (const c of SPELL_API_REFERENCE.classes) {
      expect(model.classes.find((s) => s.name === c.name)!.functions.map((f) => f.name)).toEqual(
        c.methods.map((m) => m.name),
      );
    }
    const ids = [...model.globals, ...model.classes].flatMap((s) => [s.id, ...s.functions.map((f) => f.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes signatures in each language's idiom", () => {
    const execute = {
      name: "execute",
      call: "method" as const,
      params: [{ name: "input", type: "AgentInput" }],
      returns: "AgentResult",
      async: true,
      description: "",
    };
    expect(luaSignature("Agent", execute)).toBe("agent:execute(input)");
    expect(jsSignature("Agent", execute)).toBe("await agent.execute(input)");
    const exists = {
      name: "exists",
      call: "static" as const,
      params: [
        { name: "name", type: "string" },
        { name: "x", type: "string", optional: true },
      ],
      returns: "boolean",
      description: "",
    };
    expect(luaSignature("Tool", exists)).toBe("Tool.exists(name, x?)");
    expect(jsSignature("AgentBuilder", { ...exists, call: "method" })).toBe("builder.exists(name, x?)");
    const agentExecute = model.classes.find((c) => c.name === "Agent")!.functions.find((f) => f.name === "execute")!;
    expect(agentExecute.jsReturns).toBe(`Promise<${agentExecute.returns}>`);
  });

  it("gives every snippet a link in both languages that opens a spell holding it", async () => {
    const reference = [...model.globals, ...model.classes].flatMap((s) => s.functions.filter((f) => f.snippet));
    expect(reference.length).toBeGreaterThan(20);
    for (const f of reference) {
      expect(f.snippet!.luaLink?.startsWith("/#v1/lua/"), `${f.id} (Lua) has no link`).toBe(true);
      expect(f.snippet!.jsLink?.startsWith("/#v1/js/"), `${f.id} (JavaScript) has no link`).toBe(true);
    }
    const toolSnippets = model.tools.flatMap((t) => t.examples).length;
    expect(linked.length).toBe(2 * (1 + reference.length + toolSnippets));
    for (const spell of linked) expect(spell.source, spell.label).toContain(spell.shown);
    // The getting-started spell and the tool examples are whole spells already: the link opens exactly them.
    expect(await decodeShareLink(model.gettingStarted.luaLink!)).toEqual({
      language: "lua",
      source: model.gettingStarted.lua,
      model: "mock/default",
    });
    for (const t of model.tools)
      for (const ex of t.examples) expect((await decodeShareLink(ex.snippet.jsLink!)).source).toBe(ex.snippet.js);
  });

  it("opens a method fragment as a whole spell that builds, runs and prints", () => {
    const lua = linked.find((s) => s.label === "AgentBuilder-model" && s.language === "lua")!;
    expect(lua.shown).toBe(':model("mock/echo")');
    expect(lua.source).toMatch(/^local agent = Agent\.builder\(\)[^\n]*\n {2}:model\("mock\/echo"\)\n {2}:build\(\)\n/);
    expect(lua.source).toContain("agent:execute(");
    const js = linked.find((s) => s.label === "WorkflowBuilder-add_step" && s.language === "javascript")!;
    expect(js.source).toMatch(/\.sequential\(\)\n {2}\.add_step\(\{ name: "sum"/);
    expect(js.source).not.toContain("uuid-generator");
  });

  it("links every example in both languages with its model", async () => {
    expect(model.examples.map((e) => e.slug)).toEqual(EXAMPLES.map((e) => e.slug));
    const first = EXAMPLES.find((e) => e.model)!;
    const doc = model.examples.find((e) => e.slug === first.slug)!;
    expect(await decodeShareLink(doc.luaLink)).toEqual({ language: "lua", source: first.lua, model: first.model });
    expect(await decodeShareLink(doc.jsLink)).toEqual({ language: "javascript", source: first.js, model: first.model });
  });

  it("describes tool parameters from their JSON Schema", () => {
    expect(
      describeToolParams({
        type: "object",
        properties: {
          operation: { type: "string", enum: ["a", "b"], default: "a", description: "What to do" },
          tags: { type: "array", items: { type: "string" } },
          either: { anyOf: [{ type: "string" }, { type: "number" }] },
        },
        required: ["operation"],
      }),
    ).toEqual([
      {
        name: "operation",
        type: '"a" | "b"',
        required: true,
        description: "What to do",
        values: ["a", "b"],
        defaultValue: '"a"',
      },
      { name: "tags", type: "string[]", required: false, description: "" },
      { name: "either", type: "string | number", required: false, description: "" },
    ]);
  });

  it("documents every built-in tool with its parameters and at least one example", () => {
    expect(model.tools.map((t) => t.name)).toEqual(listTools().map((t) => t.name));
    for (const tool of model.tools) {
      expect(tool.examples.length, `${tool.name} has no example in tool-examples.ts`).toBeGreaterThan(0);
      expect(tool.params.length, tool.name).toBeGreaterThan(0);
      for (const ex of tool.examples) expect(ex.result, `${tool.name}: ${ex.title}`).not.toMatch(/^error:/);
    }
  });
});

describe("docs snippets check clean", () => {
  it("every spell a link opens has no error or warning from llmspell check", () => {
    for (const spell of linked) {
      const problems = checkSpell(spell.source, spell.language).filter((d) => d.severity !== "info");
      expect(problems, `${spell.label} (${spell.language}):\n${spell.source}`).toEqual([]);
    }
    expect(linked.length).toBeGreaterThan(100);
  });
});

describe("docs snippets run", () => {
  it("the getting-started spell runs in both languages and prints the same lines", async () => {
    const lua = await runExample("lua", model.gettingStarted.lua);
    const js = await runExample("javascript", model.gettingStarted.js);
    expect(lua.result.ok, JSON.stringify(lua.result)).toBe(true);
    expect(js.result.ok, JSON.stringify(js.result)).toBe(true);
    expect(js.lines).toEqual(lua.lines);
  });

  it("a snippet that reads stored data opens after the snippet that stores it, and prints what it read", async () => {
    const search = linked.find((s) => s.label === "RAG.search" && s.language === "lua")!;
    expect((await runExample("lua", search.source)).lines[0]).toMatch(/^paris\t/);
    const receive = linked.find((s) => s.label === "Event.receive" && s.language === "javascript")!;
    expect((await runExample("javascript", receive.source)).lines).toEqual(["user.login"]);
  });

  const owners = [...model.globals, ...model.classes].filter((s) => s.functions.some((f) => f.snippet));
  for (const section of owners) {
    it(`${section.id}: every reference snippet's link runs on the mock in its engine`, async () => {
      const ids = new Set(section.functions.map((f) => f.id));
      const spells = linked.filter((s) => ids.has(s.label));
      expect(spells.length).toBe(2 * section.functions.filter((f) => f.snippet).length);
      for (const spell of spells) {
        const run = await runExample(spell.language, spell.source);
        expect(
          run.result.ok,
          `${spell.label} (${spell.language}): ${JSON.stringify(run.result.ok ? null : run.result.error)}\n${spell.source}`,
        ).toBe(true);
        // A fragment's spell ends with the built object's own example, which prints.
        if (isChainFragment(spell.shown, spell.language)) expect(run.lines.join(""), spell.label).not.toBe("");
      }
    });
  }

  const tools = new Set(listTools().map((t) => t.name));
  for (const [name, examples] of Object.entries(TOOL_EXAMPLES).filter(([n]) => tools.has(n))) {
    it(`${name}: every docs example's link succeeds in Lua and JavaScript`, async () => {
      const spells = linked.filter((s) => s.label.startsWith(`${name}: `));
      expect(spells.length).toBe(2 * examples.length);
      for (const { language, source } of spells) {
        const run = await runExample(language, source);
        expect(run.result.ok, `${language}: ${JSON.stringify(run.result)}`).toBe(true);
        const printed = JSON.parse(run.lines.join("\n")) as { success?: boolean };
        expect(printed.success, `${language} ${name}: ${run.lines.join("\n")}`).not.toBe(false);
      }
      expect(examples.length).toBeGreaterThan(0);
    });
  }
});
