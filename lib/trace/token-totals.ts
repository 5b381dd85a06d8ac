/**
 * One token number per trace row: a call's own usage when it reports one (a model or embedding call), else the
 * sum of its descendants' (an agent, a workflow, a step: the model calls they made), so an agent row and its
 * model rows never disagree. A total is `estimated` when any part of it is (a provider that reported no usage).
 * Costs add up the same way.
 */
import type { JsonValue } from "@/lib/core/json";

export interface TokenNode {
  children: string[];
  tokens?: { input: number; output: number };
  costUsd?: number;
  output?: JsonValue;
}

export interface TokenTotal {
  input: number;
  output: number;
  estimated: boolean;
  /** Summed from the calls under it (not its own usage). */
  summed: boolean;
  /** USD, when the price of every call in it is known. */
  costUsd?: number;
}

function isEstimated(output: JsonValue | undefined): boolean {
  return typeof output === "object" && output !== null && !Array.isArray(output) && output.usage === "estimated";
}

/** Each node's total (undefined: no call under it reported tokens). */
export function tokenTotals(nodes: Record<string, TokenNode>): Map<string, TokenTotal | undefined> {
  const totals = new Map<string, TokenTotal | undefined>();
  const totalOf = (id: string): TokenTotal | undefined => {
    if (totals.has(id)) return totals.get(id);
    const node = nodes[id];
    let total: TokenTotal | undefined;
    if (node?.tokens) {
      total = {
        ...node.tokens,
        estimated: isEstimated(node.output),
        summed: false,
        ...(node.costUsd !== undefined ? { costUsd: node.costUsd } : {}),
      };
    } else if (node) {
      for (const c of node.children) {
        const t = totalOf(c);
        if (!t) continue;
        const first = !total;
        total ??= { input: 0, output: 0, estimated: false, summed: true, costUsd: 0 };
        if (t.costUsd === undefined || (!first && total.costUsd === undefined)) delete total.costUsd;
        else total.costUsd = (total.costUsd ?? 0) + t.costUsd;
        total.input += t.input;
        total.output += t.output;
        total.estimated ||= t.estimated;
      }
    }
    totals.set(id, total);
    return total;
  };
  for (const id of Object.keys(nodes)) totalOf(id);
  return totals;
}
