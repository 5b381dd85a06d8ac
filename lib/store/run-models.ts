/**
 * Which models a spell uses, for labels such as the embed's badge: the models its last run's trace shows
 * answering, else the models its source names, else the default its agents fall back to.
 */
import type { RunView } from "./run-view";

/** The models of a run's model calls, in the order they first answered. */
function modelsOfRun(view: Pick<RunView, "nodes">): string[] {
  const models: string[] = [];
  for (const node of Object.values(view.nodes))
    if (node.kind === "model" && node.model && !models.includes(node.model)) models.push(node.model);
  return models;
}

/**
 * The `provider/model` ids a source names as a model: `:model("mock/echo")`, `.model('x/y')`, `model = "x/y"`,
 * `model: "x/y"`. A regular expression, not a parse: a label needs no more, and the run's trace is exact.
 */
export function modelsNamedIn(source: string): string[] {
  const models: string[] = [];
  for (const m of source.matchAll(/\bmodel\s*(?:\(\s*|[=:]\s*)["']([A-Za-z0-9][\w.:-]*\/[\w.:@/-]+)["']/g))
    if (!models.includes(m[1])) models.push(m[1]);
  return models;
}

export interface ModelLabel {
  /** e.g. `mock/echo`, or `mock/echo, mock/default +1` */
  text: string;
  /** Where the names came from, for a tooltip. */
  from: "run" | "source" | "default";
}

/** The label of the models a spell uses: the last run's, else the source's, else the default. */
export function spellModelLabel(view: Pick<RunView, "nodes">, source: string, defaultModel: string): ModelLabel {
  const ran = modelsOfRun(view);
  if (ran.length > 0) return { text: listModels(ran), from: "run" };
  const named = modelsNamedIn(source);
  if (named.length > 0) return { text: listModels(named), from: "source" };
  return { text: defaultModel, from: "default" };
}

function listModels(models: string[]): string {
  return models.length <= 2 ? models.join(", ") : `${models.slice(0, 2).join(", ")} +${models.length - 2}`;
}
