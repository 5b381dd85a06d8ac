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
