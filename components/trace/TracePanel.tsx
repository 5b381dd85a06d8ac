"use client";
/**
 * The trace: a tree of the run's agent calls, tool calls, workflow steps, hooks, events, RAG retrievals and
 * embedding calls, with durations as bars on one time axis, model, tokens, estimated cost, and inputs/outputs
 * that expand.
 */
import { Fragment, useState } from "react";
import type { TraceNode } from "@/lib/store/run-view";
import { ChevronIcon } from "@/components/ui/icons";
import { JsonTree } from "@/components/result/JsonTree";

export interface TracePanelProps {
  nodes: Record<string, TraceNode>;
  roots: string[];
  /** ms since run start "now" (running nodes grow to it). */
  nowMs: number;
  running?: boolean;
}

const KIND_STYLE: Record<TraceNode["kind"], { badge: string; bar: string }> = {
  agent: { badge: "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200", bar: "bg-violet-500" },
  model: {
    badge: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-500/20 dark:text-fuchsia-200",
    bar: "bg-fuchsia-500",
  },
  tool: {
    badge: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200",
    bar: "bg-emerald-500",
  },
  workflow: { badge: "bg-sky-100 text-sky-800 dark:bg-sky-500/20 dark:text-sky-200", bar: "bg-sky-500" },
  step: { badge: "bg-cyan-100 text-cyan-800 dark:bg-cyan-500/20 dark:text-cyan-200", bar: "bg-cyan-500" },
  hook: { badge: "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200", bar: "bg-amber-500" },
  event: { badge: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-200", bar: "bg-zinc-500" },
  embedding: { badge: "bg-rose-100 text-rose-800 dark:bg-rose-500/20 dark:text-rose-200", bar: "bg-rose-500" },
  retrieval: { badge: "bg-teal-100 text-teal-800 dark:bg-teal-500/20 dark:text-teal-200", bar: "bg-teal-500" },
};

export function formatMs(ms: number): string {
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCost(usd: number): string {
  if (usd === 0) return "$0";
  if (usd < 0.0001) return "<$0.0001";
  return `$${usd.toFixed(usd < 0.01 ? 4 : 3)}`;
}

export function TracePanel({ nodes, roots, nowMs, running }: TracePanelProps) {
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  if (roots.length === 0) {
    return (
      <div className="flex h-full items-center justify-center p-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
        {running
          ? "Waiting for the first agent, tool or workflow…"
          : "Run a spell to see its agents, tools and workflow steps here."}
      </div>
    );
  }
  const all = Object.values(nodes);
  const span = Math.max(1, nowMs, ...all.map((n) => n.end ?? nowMs));
  const toggle = (set: Set<string>, id: string, apply: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    apply(next);
  };

  const rows: { node: TraceNode; depth: number }[] = [];
  const walk = (id: string, depth: number) => {
    const node = nodes[id];
    if (!node) return;
    rows.push({ node, depth });
    if (!collapsed.has(id)) for (const c of node.children) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);

  return (
    <div className="@container h-full overflow-auto text-sm" data-testid="trace">
      <table className="w-full border-collapse">
        <caption className="sr-only">Trace of the run: each call with its duration, tokens and cost</caption>
        <thead className="sticky top-0 z-10 bg-white/95 text-left text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400 backdrop-blur dark:bg-zinc-950/95">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Call
            </th>
            <th scope="col" className="hidden w-[38%] px-2 py-1.5 font-medium @sm:table-cell">
              Timeline <span className="normal-case tracking-normal">(0 – {formatMs(span)})</span>
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Time
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Tokens
            </th>
            <th scope="col" className="hidden px-3 py-1.5 text-right font-medium @2xl:table-cell">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, depth }) => {
            const end = node.end ?? nowMs;
            const duration = node.durationMs ?? Math.max(0, end - node.start);
            const left = (node.start / span) * 100;
            const width = Math.max(0.6, ((end - node.start) / span) * 100);
            const style = KIND_STYLE[node.kind] ?? KIND_STYLE.event;
            const open = openIds.has(node.id);
            const tokens = node.tokens ? node.tokens.input + node.tokens.output : node.streamedDeltas || undefined;
            return (
              <Fragment key={node.id}>
                <tr
                  className={`border-b border-zinc-100 dark:border-zinc-800/70 ${node.error ? "bg-red-50/60 dark:bg-red-500/5" : ""}`}
                  data-testid="trace-row"
                  data-kind={node.kind}
                >
                  <td className="px-3 py-1.5">
                    <div className="flex min-w-0 items-center gap-1.5" style={{ paddingLeft: depth * 14 }}>
                      {node.children.length > 0 ? (
                        <button
                          type="button"
                          className="icon-btn h-5 w-5"
                          aria-label={`${collapsed.has(node.id) ? "Expand" : "Collapse"} children of ${node.name}`}
                          aria-expanded={!collapsed.has(node.id)}
                          onClick={() => toggle(collapsed, node.id, setCollapsed)}
                        >
                          <ChevronIcon
                            className={`h-3 w-3 transition-transform ${collapsed.has(node.id) ? "" : "rotate-90"}`}
                          />
                        </button>
                      ) : (
                        <span className="inline-block w-5" />
                      )}
                      <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${style.badge}`}>
                        {node.kind}
                      </span>
                      <button
                        type="button"
                        className="min-w-0 truncate rounded text-left font-medium hover:underline focus-visible:outline-2 focus-visible:outline-violet-500"
                        aria-expanded={open}
                        onClick={() => toggle(openIds, node.id, setOpenIds)}
                        title="Show inputs and outputs"
                      >
                        {node.name}
                      </button>
                      {node.model && (
                        <span className="hidden truncate text-xs text-zinc-500 dark:text-zinc-400 @lg:inline">
                          {node.model}
                        </span>
                      )}
                      {node.end === undefined && (
                        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-violet-500" aria-label="running" />
                      )}
                      {node.error && (
                        <span className="text-xs font-medium text-red-600 dark:text-red-400">{node.error.kind}</span>
                      )}
                    </div>
                  </td>
                  <td className="hidden px-2 py-1.5 @sm:table-cell">
                    <div className="relative h-2.5 rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
                      <div
                        className={`absolute top-0 h-2.5 rounded-full ${style.bar} ${node.end === undefined ? "animate-pulse" : ""}`}
                        style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
                      />
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums text-zinc-600 dark:text-zinc-300">
                    {formatMs(duration)}
                  </td>
                  <td
                    className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums text-zinc-600 dark:text-zinc-300"
                    data-testid="trace-tokens"
                  >
                    {node.tokens ? (
                      <span title={`${node.tokens.input} in, ${node.tokens.output} out`}>
                        {tokens}
                        <span className="ml-1 text-[11px] text-zinc-500 dark:text-zinc-400">
                          ({node.tokens.input}↑ {node.tokens.output}↓)
                        </span>
                      </span>
                    ) : tokens ? (
                      <span className="text-zinc-500 dark:text-zinc-400">~{tokens}</span>
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">–</span>
                    )}
                  </td>
                  <td className="hidden whitespace-nowrap px-3 py-1.5 text-right tabular-nums text-zinc-500 dark:text-zinc-400 @2xl:table-cell">
                    {node.costUsd !== undefined ? formatCost(node.costUsd) : "–"}
                  </td>
                </tr>
                {open && (
                  <tr className="border-b border-zinc-100 bg-zinc-50/70 dark:border-zinc-800/70 dark:bg-zinc-900/50">
                    <td colSpan={5} className="px-4 py-2">
                      <div className="grid gap-3 md:grid-cols-2" style={{ paddingLeft: depth * 14 + 20 }}>
                        <Detail title="Input" value={node.input} />
                        <Detail title={node.error ? "Error" : "Output"} value={node.error ?? node.output} />
                        {node.model && (
                          <p className="text-xs text-zinc-500 dark:text-zinc-400">
                            Model: {node.model}
                            {node.costUsd !== undefined ? ` · estimated cost ${formatCost(node.costUsd)}` : ""}
                          </p>
                        )}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Detail({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <div className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {title}
      </div>
      {value === undefined ? (
        <span className="text-xs text-zinc-400">none</span>
      ) : (
        <JsonTree value={value} openDepth={1} label={title} />
      )}
    </div>
  );
}
