/**
 * `graph-builder`: rs-llmspell's JSON graph structures (create, add_node, add_edge, analyze, export/import).
 * The graph travels as a JSON string between calls, as in rs (a table is accepted too). Results are wrapped
 * as rs does: `r.result` is `{operation, success, result = <graph or analysis>, metadata}`.
 */
import type { JsonValue } from "@/lib/core/json";
import { defineTool, executeEnvelope, paramError, requireString } from "./support";
import type { JsonObject } from "./types";

/** rs-llmspell's GraphBuilderTool limits. */
export const GRAPH_LIMITS = { maxNodes: 10_000, maxEdges: 50_000, maxJsonBytes: 10 * 1024 * 1024 } as const;

interface NodeData {
  id: string;
  label: string | null;
  data: JsonValue;
}

interface EdgeData {
  from: string;
  to: string;
  label: string | null;
  weight: number | null;
  data: JsonValue;
}

interface Graph {
  graph_type: string;
  nodes: NodeData[];
  edges: EdgeData[];
  metadata: JsonValue;
}

const nowIso = () => new Date().toISOString();

function fail(message: string, param: string): never {
  throw paramError(`${message} (parameter '${param}')`);
}

function isEmptyObject(v: unknown): boolean {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** Parse and check a graph (rs `import_graph_from_json`). */
function importGraph(value: JsonValue | undefined, param: string): Graph {
  let g: unknown = value;
  if (typeof value === "string") {
    if (value.length > GRAPH_LIMITS.maxJsonBytes)
      fail(`JSON too large: ${value.length} bytes (max: ${GRAPH_LIMITS.maxJsonBytes} bytes)`, param);
    try {
      g = JSON.parse(value);
    } catch (e) {
      fail(`JSON parsing failed: ${(e as Error).message}`, param);
    }
  }
  const obj = g as Record<string, unknown>;
  if (obj && typeof obj === "object") {
    // A Lua empty table converts to `{}`: read it as an empty list.
    for (const k of ["nodes", "edges"]) if (isEmptyObject(obj[k])) obj[k] = [];
  }
  if (
    !obj ||
    typeof obj !== "object" ||
    typeof obj.graph_type !== "string" ||
    !Array.isArray(obj.nodes) ||
    !Array.isArray(obj.edges)
  ) {
    fail("JSON parsing failed: a graph needs graph_type, nodes and edges", param);
  }
  if (obj.nodes.length > GRAPH_LIMITS.maxNodes)
    fail(`Too many nodes: ${obj.nodes.length} (max: ${GRAPH_LIMITS.maxNodes})`, param);
  if (obj.edges.length > GRAPH_LIMITS.maxEdges)
    fail(`Too many edges: ${obj.edges.length} (max: ${GRAPH_LIMITS.maxEdges})`, param);
  const nodes = obj.nodes.map((n: Record<string, unknown>, i: number) => {
    if (!n || typeof n.id !== "string") fail(`JSON parsing failed: nodes[${i}] needs a string id`, param);
    return { id: n.id, label: typeof n.label === "string" ? n.label : null, data: (n.data ?? null) as JsonValue };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = obj.edges.map((e: Record<string, unknown>, i: number) => {
    if (!e || typeof e.from !== "string" || typeof e.to !== "string")
      fail(`JSON parsing failed: edges[${i}] needs string from and to`, param);
    if (!ids.has(e.from)) fail(`Edge references non-existent node: ${e.from}`, param);
    if (!ids.has(e.to)) fail(`Edge references non-existent node: ${e.to}`, param);
    return {
      from: e.from,
      to: e.to,
      label: typeof e.label === "string" ? e.label : null,
      weight: typeof e.weight === "number" ? e.weight : null,
      data: (e.data ?? null) as JsonValue,
    };
  });
  return { graph_type: obj.graph_type, nodes, edges, metadata: (obj.metadata ?? null) as JsonValue };
}

function touch(g: Graph, key: "node_count" | "edge_count", count: number): void {
  if (g.metadata && typeof g.metadata === "object" && !Array.isArray(g.metadata)) {
    g.metadata[key] = count;
    g.metadata.last_modified = nowIso();
  }
}

function analyzeGraph(g: Graph): JsonObject {
  const n = g.nodes.length;
  const m = g.edges.length;
  const degree = new Map<string, number>(g.nodes.map((node) => [node.id, 0]));
  for (const e of g.edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    if (g.graph_type === "undirected") degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  const ds = [...degree.values()];
  return {
    node_count: n,
    edge_count: m,
    graph_type: g.graph_type,
    density: n > 1 ? m / ((n * (n - 1)) / 2) : 0,
    degree_statistics: {
      max_degree: ds.length ? Math.max(...ds) : 0,
      min_degree: ds.length ? Math.min(...ds) : 0,
      average_degree: ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : 0,
    },
    properties: {
      is_empty: n === 0,
      is_complete: n > 1 ? m === (n * (n - 1)) / 2 : false,
      has_self_loops: g.edges.some((e) => e.from === e.to),
    },
    node_ids: g.nodes.map((node) => node.id),
    note: "Advanced analysis (components, paths, centrality) available with graph algorithms library",
  };
}

function wrap(operation: string, result: JsonValue): JsonValue {
  return executeEnvelope("graph-builder", operation, result);
}

function optionalData(params: JsonObject): JsonValue {
  const d = params.data;
  return d && typeof d === "object" && !Array.isArray(d) ? d : null;
}

function run(params: JsonObject): JsonValue {
  const operation = (params.operation as string | undefined) ?? "create_graph";
  switch (operation) {
    case "create_graph": {
      const graphType = (params.graph_type as string | undefined) ?? "directed";
      const g: Graph = {
        graph_type: graphType,
        nodes: [],
        edges: [],
        metadata: { created_at: nowIso(), node_count: 0, edge_count: 0 },
      };
      return wrap(operation, g as unknown as JsonValue);
    }
    case "add_node": {
      if (params.graph === undefined) requireString(params, "graph", operation);
      const g = importGraph(params.graph, "graph");
      const id = requireString(params, "node_id", operation);
      if (g.nodes.some((node) => node.id === id)) fail(`Node with id '${id}' already exists`, "node_id");
      if (g.nodes.length >= GRAPH_LIMITS.maxNodes)
        fail(`Maximum number of nodes reached: ${GRAPH_LIMITS.maxNodes}`, "graph");
      g.nodes.push({ id, label: typeof params.label === "string" ? params.label : null, data: optionalData(params) });
      touch(g, "node_count", g.nodes.length);
      return wrap(operation, g as unknown as JsonValue);
    }
    case "add_edge": {
      if (params.graph === undefined) requireString(params, "graph", operation);
      const g = importGraph(params.graph, "graph");
      const from = requireString(params, "from", operation);
      const to = requireString(params, "to", operation);
      if (!g.nodes.some((node) => node.id === from)) fail(`Source node '${from}' does not exist`, "from");
      if (!g.nodes.some((node) => node.id === to)) fail(`Target node '${to}' does not exist`, "to");
      if (g.edges.length >= GRAPH_LIMITS.maxEdges)
        fail(`Maximum number of edges reached: ${GRAPH_LIMITS.maxEdges}`, "graph");
      g.edges.push({
        from,
        to,
        label: typeof params.label === "string" ? params.label : null,
        weight: typeof params.weight === "number" ? params.weight : null,
        data: optionalData(params),
      });
      touch(g, "edge_count", g.edges.length);
      return wrap(operation, g as unknown as JsonValue);
    }
    case "analyze":
    case "export_json":
    case "import_json": {
      if (params.input === undefined) requireString(params, "input", operation);
      const g = importGraph(params.input, "input");
      if (operation === "analyze") return wrap(operation, analyzeGraph(g));
      if (operation === "import_json") return wrap(operation, g as unknown as JsonValue);
      return wrap(operation, {
        json: JSON.stringify(g, null, 2),
        format: "json",
        node_count: g.nodes.length,
        edge_count: g.edges.length,
      });
    }
    default:
      throw paramError(
        `Unsupported operation: ${operation}. Supported: create_graph, add_node, add_edge, analyze, export_json, import_json`,
      );
  }
}

const graphParam = {
  type: ["string", "object"],
  description: "The graph: JSON text from a previous call's result (or the graph table itself)",
};

export const graphBuilder = defineTool({
  name: "graph-builder",
  aliases: ["graph_builder"],
  description: "Build and analyze graph data structures with JSON serialization",
  category: "data",
  tags: ["graph", "network"],
  schema: {
    type: "object",
    properties: {
      operation: {
        type: "string",
        enum: ["create_graph", "add_node", "add_edge", "analyze", "export_json", "import_json"],
        default: "create_graph",
        description: "Operation to perform",
      },
      graph_type: {
        type: "string",
        enum: ["directed", "undirected"],
        default: "directed",
        description: "Graph type (create_graph)",
      },
      graph: graphParam,
      input: graphParam,
      node_id: { type: "string", description: "Node id (add_node)" },
      label: { type: "string", description: "Node or edge label" },
      from: { type: "string", description: "Source node id (add_edge)" },
      to: { type: "string", description: "Target node id (add_edge)" },
      weight: { type: "number", description: "Edge weight (add_edge)" },
      data: { type: "object", description: "Extra data on the node or edge" },
    },
  },
  run: (params) => ({ json: run(params) }),
  // Building a graph stamps it with the time (created_at, last_modified).
  nondeterministic: (params) =>
    ["create_graph", "add_node", "add_edge"].includes(String(params.operation ?? "create_graph")),
});
