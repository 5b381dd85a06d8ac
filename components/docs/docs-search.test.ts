import { describe, expect, it } from "vitest";
import { buildDocsModel } from "./docs-model";
import { buildSearchIndex, searchDocs } from "./docs-search";

const model = await buildDocsModel();
const index = buildSearchIndex(model, [["getting-started", "Getting started"]]);

describe("docs search", () => {
  it("indexes the guide, every global, object, function, method and tool once, by anchor", () => {
    const functions = [...model.globals, ...model.classes].flatMap((s) => s.functions);
    expect(index.length).toBe(1 + model.globals.length + model.classes.length + functions.length + model.tools.length);
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length);
    expect(index.find((e) => e.id === "Tool.execute")).toMatchObject({ label: "Tool.execute", kind: "function" });
    expect(index.find((e) => e.id === "Agent-execute")).toMatchObject({
      label: "execute",
      kind: "method",
      context: "Agent",
    });
    expect(index.find((e) => e.id === "tool-calculator")).toMatchObject({ kind: "tool" });
  });

  it("finds every execute, exact names first, and nothing unrelated", () => {
    const results = searchDocs(index, "execute");
    const ids = results.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["Tool.execute", "Agent-execute", "Workflow-execute", "Tool-execute"]));
    expect(ids).not.toContain("tool-calculator");
    // Names equal to the query come before entries that only mention it.
    const firstMention = results.findIndex((r) => r.name !== "execute");
    expect(results.slice(0, firstMention).every((r) => r.name === "execute")).toBe(true);
    expect(results.slice(firstMention).some((r) => r.name === "execute")).toBe(false);
  });

  it("matches every word, any case, in names, descriptions, aliases and categories", () => {
    expect(searchDocs(index, "  RAG   search ").map((r) => r.id)[0]).toBe("RAG.search");
    expect(searchDocs(index, "calc").map((r) => r.id)[0]).toBe("tool-calculator");
    expect(searchDocs(index, "getting").map((r) => r.id)).toEqual(["getting-started"]);
    // An alias, and a category word together with the kind.
    expect(searchDocs(index, "template-engine").map((r) => r.id)).toEqual(["tool-template-creator"]);
    const dataTools = searchDocs(index, "data tool")
      .filter((r) => r.kind === "tool")
      .map((r) => r.id);
    expect(dataTools).toEqual(
      expect.arrayContaining(["tool-csv-analyzer", "tool-json-processor", "tool-url-analyzer"]),
    );
  });

  it("returns nothing for an empty query or one nothing matches", () => {
    expect(searchDocs(index, "")).toEqual([]);
    expect(searchDocs(index, "   ")).toEqual([]);
    expect(searchDocs(index, "zzqx-nothing")).toEqual([]);
  });
});
