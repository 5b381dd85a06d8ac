import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { TraceNode } from "@/lib/store/run-view";
import { TracePanel } from "./TracePanel";

const node = (id: string, kind: TraceNode["kind"], name: string, extra: Partial<TraceNode> = {}): TraceNode => ({
  id,
  parentId: null,
  kind,
  name,
  start: 0,
  end: 5,
  durationMs: 5,
  streamedDeltas: 0,
  children: [],
  ...extra,
});

describe("TracePanel", () => {
  it("renders RAG retrieval and embedding spans with their own badges and tokens", () => {
    const nodes: Record<string, TraceNode> = {
      r: node("r", "retrieval", "RAG.search", { children: ["e"] }),
      e: node("e", "embedding", "mock/embed", { parentId: "r", model: "mock/embed", tokens: { input: 7, output: 0 } }),
    };
    const html = renderToStaticMarkup(<TracePanel nodes={nodes} roots={["r"]} nowMs={10} />);
    expect(html).toContain('data-kind="retrieval"');
    expect(html).toContain('data-kind="embedding"');
    expect(html).toContain("RAG.search");
    expect(html).toContain("bg-teal-500");
    expect(html).toContain("bg-rose-500");
  });
});

describe("TracePanel tokens and cost", () => {
  const nodes: Record<string, TraceNode> = {
    a: node("a", "agent", "helper", { model: "mock/default", children: ["m"], streamedDeltas: 24 }),
    m: node("m", "model", "mock/default", {
      parentId: "a",
      model: "mock/default",
      tokens: { input: 40, output: 13 },
      costUsd: 0,
      output: { text: "hi", usage: "reported" },
    }),
  };

  it("gives an agent row its model calls' measured usage, not its streamed-delta estimate", () => {
    const html = renderToStaticMarkup(<TracePanel nodes={nodes} roots={["a"]} nowMs={10} />);
    const tokens = [...html.matchAll(/data-testid="trace-tokens"[^>]*>(.*?)<\/td>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, ""),
    );
    expect(tokens).toEqual(["53(40↑ 13↓)", "53(40↑ 13↓)"]);
    expect(html).not.toContain("~24");
    // The cost column is always there (a narrow panel hides the timeline instead).
    expect([...html.matchAll(/data-testid="trace-cost"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["$0", "$0"]);
  });

  it("prints a model row's model once", () => {
    const html = renderToStaticMarkup(
      <TracePanel nodes={{ m: { ...nodes.m, parentId: null } }} roots={["m"]} nowMs={10} />,
    );
    expect(html.split("mock/default").length - 1).toBe(1);
  });
});
