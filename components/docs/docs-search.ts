/**
 * The docs' search: a flat index of every guide section, global, object, function, method and tool (built on the
 * server from the docs model, searched in the browser as the reader types). A few hundred entries, so a
 * substring match over each entry's words is instant and needs no search library.
 */
import type { DocsModel } from "./docs-model";

type DocSearchKind = "guide" | "global" | "object" | "function" | "method" | "tool";

export interface DocSearchEntry {
  /** The anchor the result links to. */
  id: string;
  /** What the result shows: `Tool.execute`, `execute`, `calculator`. */
  label: string;
  kind: DocSearchKind;
  /** Where it lives, shown beside the label: `Agent`, `data`. */
  context?: string;
  /** The bare name matched first (`execute` for `Tool.execute`). */
  name: string;
  /** Everything else the query may match, lower-cased: description, aliases, signatures. */
  text: string;
}

export function buildSearchIndex(model: DocsModel, guide: [id: string, label: string][]): DocSearchEntry[] {
  const entries: DocSearchEntry[] = guide.map(([id, label]) => ({
    id,
    label,
    kind: "guide",
    name: label.toLowerCase(),
    text: "",
  }));
  for (const section of [...model.globals, ...model.classes]) {
    const global = section.kind === "global";
    entries.push({
      id: section.id,
      label: section.name,
      kind: global ? "global" : "object",
      name: section.name.toLowerCase(),
      text: section.description.toLowerCase(),
    });
    for (const f of section.functions)
      entries.push({
        id: f.id,
        label: global ? `${section.name}.${f.name}` : f.name,
        kind: global ? "function" : "method",
        ...(global ? {} : { context: section.name }),
        name: f.name.toLowerCase(),
        text: `${section.name} ${f.luaSignature} ${f.jsSignature} ${f.description}`.toLowerCase(),
      });
  }
  for (const tool of model.tools)
    entries.push({
      id: tool.id,
      label: tool.name,
      kind: "tool",
      context: tool.category,
      name: tool.name.toLowerCase(),
      text: `${tool.aliases.join(" ")} ${tool.category} ${tool.description} ${tool.params.map((p) => p.name).join(" ")}`.toLowerCase(),
    });
  return entries;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9_-]+/)
    .filter(Boolean);

/**
 * How well an entry's name matches: exact (name or label, `rag search` for `RAG.search`), name prefix, every
 * word in the name or label, or only in the other text.
 */
function rank(entry: DocSearchEntry, query: string[]): number {
  const label = entry.label.toLowerCase();
  const joined = query.join(" ");
  if (entry.name === joined || label === joined || words(label).join(" ") === joined) return 0;
  if (query.length === 1 && entry.name.startsWith(joined)) return 1;
  if (query.every((w) => entry.name.includes(w) || label.includes(w))) return 2;
  return 3;
}

/**
 * The entries whose label, name or text holds every word of the query, best name matches first (document order
 * within a rank). An empty query matches nothing: the page shows its normal navigation then.
 */
export function searchDocs(index: DocSearchEntry[], query: string): DocSearchEntry[] {
  const q = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (q.length === 0) return [];
  return index
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => {
      const haystack = `${entry.label.toLowerCase()} ${entry.name} ${entry.context?.toLowerCase() ?? ""} ${entry.kind} ${entry.text}`;
      return q.every((w) => haystack.includes(w));
    })
    .map(({ entry, order }) => ({ entry, order, rank: rank(entry, q) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ entry }) => entry);
}
