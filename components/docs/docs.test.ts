import { describe, expect, it } from "vitest";
import { decodeShareLink } from "@/lib/share/link";
import { SPELL_API_REFERENCE } from "@/lib/spell/reference";
import { listTools } from "@/lib/tools";
import { EXAMPLES } from "@/examples/catalog";
import { runExample } from "@/examples/run-example";
import { checkSpell } from "@/lib/check";
import { buildDocsModel, describeToolParams, jsSignature, luaSignature, type DocSnippet } from "./docs-model";
import { TOOL_EXAMPLES } from "./tool-examples";

const model = await buildDocsModel();

async function expectLinksOpen(snippet: DocSnippet) {
  expect(snippet.luaLink.startsWith("/#v1/lua/")).toBe(true);
  expect(snippet.jsLink.startsWith("/#v1/js/")).toBe(true);
  expect((await decodeShareLink(snippet.luaLink)).source).toBe(snippet.lua);
  expect((await decodeShareLink(snippet.jsLink)).source).toBe(snippet.js);
}

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

  it("gives every snippet share links that open exactly that snippet", async () => {
    await expectLinksOpen(model.gettingStarted);
    const snippets = [...model.globals, ...model.classes].flatMap((s) =>
      s.functions.flatMap((f) => (f.snippet ? [f.snippet] : [])),
    );
    expect(snippets.length).toBeGreaterThan(20);
    for (const s of snippets) await expectLinksOpen(s);
    for (const t of model.tools) for (const ex of t.examples) await expectLinksOpen(ex.snippet);
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
  it("every snippet that is a whole spell has no error or warning from llmspell check", () => {
    const snippets = [
      model.gettingStarted,
      ...[...model.globals, ...model.classes].flatMap((s) =>
        s.functions.flatMap((f) => (f.snippet ? [f.snippet] : [])),
      ),
      ...model.tools.flatMap((t) => t.examples.map((e) => e.snippet)),
    ];
    let checked = 0;
    for (const s of snippets)
      for (const [language, source] of [
        ["lua", s.lua],
        ["javascript", s.js],
      ] as const) {
        // A method fragment (`:model("mock/echo")`) shows one link of a chain, not a spell.
        if (/^[.:]/.test(source)) continue;
        const problems = checkSpell(source, language).filter(
          (d) => d.severity !== "info" && d.rule !== "unknown-global",
        );
        expect(problems, `${language}: ${source}`).toEqual([]);
        checked++;
      }
    expect(checked).toBeGreaterThan(60);
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

  const tools = new Set(listTools().map((t) => t.name));
  for (const [name, examples] of Object.entries(TOOL_EXAMPLES).filter(([n]) => tools.has(n))) {
    it(`${name}: every docs example succeeds in Lua and JavaScript`, async () => {
      for (const snippet of model.tools.find((t) => t.name === name)!.examples.map((e) => e.snippet)) {
        for (const [engine, source] of [
          ["lua", snippet.lua],
          ["javascript", snippet.js],
        ] as const) {
          const run = await runExample(engine, source);
          expect(run.result.ok, `${engine}: ${JSON.stringify(run.result)}`).toBe(true);
          const printed = JSON.parse(run.lines.join("\n")) as { success?: boolean };
          expect(printed.success, `${engine} ${name}: ${run.lines.join("\n")}`).not.toBe(false);
        }
      }
      expect(examples.length).toBeGreaterThan(0);
    });
  }
});
