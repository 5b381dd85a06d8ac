import { describe, expect, it } from "vitest";
import { GRAPH_LIMITS, graphBuilder } from "./graph-builder";
import { expectToolError, run } from "./testing";

async function build() {
  const g0 = (await run(graphBuilder, { operation: "create_graph", graph_type: "undirected" })).result.result;
  const g1 = (
    await run(graphBuilder, {
      operation: "add_node",
      graph: JSON.stringify(g0),
      node_id: "a",
      label: "A",
      data: { x: 1 },
    })
  ).result.result;
  const g2 = (await run(graphBuilder, { operation: "add_node", graph: g1, node_id: "b" })).result.result;
  const g3 = (
    await run(graphBuilder, {
      operation: "add_edge",
      graph: JSON.stringify(g2),
      from: "a",
      to: "b",
      weight: 2.5,
      label: "ab",
    })
  ).result.result;
  return g3;
}

describe("graph-builder", () => {
  it("creates graphs in rs's nested result shape", async () => {
    const r = await run(graphBuilder, {});
    expect(r.operation).toBe("graph_builder_execute");
    expect(r.result).toMatchObject({
      operation: "create_graph",
      success: true,
      metadata: { tool: "graph-builder", operation: "create_graph" },
    });
    expect(r.result.result).toMatchObject({
      graph_type: "directed",
      nodes: [],
      edges: [],
      metadata: { node_count: 0, edge_count: 0 },
    });
  });

  it("adds nodes and edges and analyzes", async () => {
    const g = await build();
    expect(g.nodes).toEqual([
      { id: "a", label: "A", data: { x: 1 } },
      { id: "b", label: null, data: null },
    ]);
    expect(g.edges).toEqual([{ from: "a", to: "b", label: "ab", weight: 2.5, data: null }]);
    expect(g.metadata).toMatchObject({ node_count: 2, edge_count: 1 });
    const a = (await run(graphBuilder, { operation: "analyze", input: JSON.stringify(g) })).result.result;
    expect(a).toMatchObject({
      node_count: 2,
      edge_count: 1,
      graph_type: "undirected",
      density: 1,
      degree_statistics: { max_degree: 1, min_degree: 1, average_degree: 1 },
      properties: { is_empty: false, is_complete: true, has_self_loops: false },
      node_ids: ["a", "b"],
    });
  });

  it("exports and imports JSON", async () => {
    const g = await build();
    const e = (await run(graphBuilder, { operation: "export_json", input: g })).result.result;
    expect(e).toMatchObject({ format: "json", node_count: 2, edge_count: 1 });
    const back = (await run(graphBuilder, { operation: "import_json", input: e.json })).result.result;
    expect(back).toEqual(g);
  });

  it("raises for bad graphs and references", async () => {
    const g = await build();
    await expectToolError(
      run(graphBuilder, { operation: "add_node", graph: g, node_id: "a" }),
      /Node with id 'a' already exists \(parameter 'node_id'\)/,
    );
    await expectToolError(
      run(graphBuilder, { operation: "add_edge", graph: g, from: "a", to: "zz" }),
      /Target node 'zz' does not exist/,
    );
    await expectToolError(
      run(graphBuilder, { operation: "add_node", node_id: "x" }),
      /missing required parameter 'graph'/,
    );
    await expectToolError(run(graphBuilder, { operation: "analyze", input: "{not json" }), /JSON parsing failed/);
    await expectToolError(
      run(graphBuilder, {
        operation: "analyze",
        input: { graph_type: "directed", nodes: [], edges: [{ from: "a", to: "b" }] },
      }),
      /Edge references non-existent node: a/,
    );
    await expectToolError(run(graphBuilder, { graph_type: "weird" }), /parameter 'graph_type' must be one of/);
  });

  it("reads empty node and edge tables (Lua's {}) as empty lists", async () => {
    const g = (
      await run(graphBuilder, {
        operation: "add_node",
        graph: JSON.stringify({ graph_type: "directed", nodes: {}, edges: {} }),
        node_id: "a",
      })
    ).result.result;
    expect(g.nodes).toEqual([{ id: "a", label: null, data: null }]);
    expect(g.edges).toEqual([]);
  });

  it("limits nodes and edges", async () => {
    const nodes = Array.from({ length: GRAPH_LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}` }));
    await expectToolError(
      run(graphBuilder, { operation: "analyze", input: { graph_type: "directed", nodes, edges: [] } }),
      /Too many nodes: 10001 \(max: 10000\)/,
    );
    const full = { graph_type: "directed", nodes: nodes.slice(0, GRAPH_LIMITS.maxNodes), edges: [] };
    await expectToolError(
      run(graphBuilder, { operation: "add_node", graph: full, node_id: "extra" }),
      /Maximum number of nodes reached: 10000/,
    );
    const edges = Array.from({ length: GRAPH_LIMITS.maxEdges + 1 }, () => ({ from: "n0", to: "n1" }));
    await expectToolError(
      run(graphBuilder, { operation: "analyze", input: { graph_type: "directed", nodes: nodes.slice(0, 2), edges } }),
      /Too many edges/,
    );
  });
});
