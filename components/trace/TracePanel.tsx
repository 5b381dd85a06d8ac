"use client";
/**
 * The trace: a tree of the run's agent calls, tool calls, workflow steps, hooks, events, RAG retrievals and
 * embedding calls, with durations as bars on one time axis, tokens and cost (one number per row: a call's own
 * usage, or the sum of the calls under it), and details that open under the row: a model call's full request
 * view, any other call's input and output. Narrow panels drop the timeline, never the time, tokens or cost.
 */
import { Fragment, useMemo, useState } from "react";
import type { TraceNode } from "@/lib/store/run-view";
import { tokenTotals } from "@/lib/trace/token-totals";
import { ChevronIcon } from "@/components/ui/icons";
import { JsonTree } from "@/components/result/JsonTree";
import { formatCost, formatMs } from "./format";
import { RequestView } from "./RequestView";

export { formatCost, formatMs };

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

export function TracePanel({ nodes, roots, nowMs, running }: TracePanelProps) {
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const totals = useMemo(() => tokenTotals(nodes), [nodes]);
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
      {/* Fixed layout: the numbers keep their columns and the call's name truncates, whatever the panel's width. */}
      <table className="w-full table-fixed border-collapse">
        <caption className="sr-only">Trace of the run: each call with its duration, tokens and cost</caption>
        <thead className="sticky top-0 z-10 bg-white/95 text-left text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400 backdrop-blur dark:bg-zinc-950/95">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Call
            </th>
            {/* Always a column (so the details row's colSpan matches), zero wide on narrow panels. */}
            <th scope="col" className="w-0 overflow-hidden p-0 font-medium @xl:w-[34%] @xl:px-2 @xl:py-1.5">
              <span className="hidden @xl:inline">
                Timeline <span className="normal-case tracking-normal">(0 – {formatMs(span)})</span>
              </span>
              {/* Named on narrow panels too, where the column shows nothing. */}
              <span className="sr-only @xl:hidden">Timeline</span>
            </th>
            <th scope="col" className="w-15 px-1.5 py-1.5 text-right font-medium @md:w-18 @md:px-2">
              Time
            </th>
            <th scope="col" className="w-13 px-1.5 py-1.5 text-right font-medium @md:w-16 @md:px-2 @2xl:w-32">
              Tokens
            </th>
            <th scope="col" className="w-15 py-1.5 pl-1.5 pr-3 text-right font-medium @md:w-20">
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
            const total = totals.get(node.id);
            // Before any usage arrives, a running call counts its streamed deltas (a live estimate).
            const live = !total && node.end === undefined ? node.streamedDeltas || undefined : undefined;
            return (
              <Fragment key={node.id}>
                <tr
                  className={`border-b border-zinc-100 dark:border-zinc-800/70 ${node.error ? "bg-red-50/60 dark:bg-red-500/5" : ""}`}
                  data-testid="trace-row"
                  data-kind={node.kind}
                >
                  <td className="overflow-hidden py-1.5 pl-2 pr-1 @md:px-3">
                    <div className="flex min-w-0 items-center gap-1.5" style={{ paddingLeft: depth * 10 }}>
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
                        title={node.kind === "model" ? "Show the full request and response" : "Show inputs and outputs"}
                      >
                        {node.name}
                      </button>
                      {/* A model row is named for its model: say it once. */}
                      {node.model && node.model !== node.name && (
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
                  <td className="overflow-hidden p-0 @xl:px-2 @xl:py-1.5">
                    <div
                      className="relative hidden h-2.5 @xl:block rounded-full bg-zinc-100 dark:bg-zinc-800"
                      aria-hidden="true"
                    >
                      <div
                        className={`absolute top-0 h-2.5 rounded-full ${style.bar} ${node.end === undefined ? "animate-pulse" : ""}`}
                        style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
                      />
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-1.5 py-1.5 text-right @md:px-2 tabular-nums text-zinc-600 dark:text-zinc-300">
                    {formatMs(duration)}
                  </td>
                  <td
                    className="whitespace-nowrap px-1.5 py-1.5 text-right @md:px-2 tabular-nums text-zinc-600 dark:text-zinc-300"
                    data-testid="trace-tokens"
                  >
                    {total ? (
                      <span
                        title={`${total.input} in, ${total.output} out${total.estimated ? " (estimated: the provider reported no usage)" : ""}${total.summed ? ", the sum of the calls under it" : ""}`}
                      >
                        {total.estimated ? "~" : ""}
                        {total.input + total.output}
                        <span className="ml-1 hidden text-[11px] text-zinc-500 @2xl:inline dark:text-zinc-400">
                          ({total.input}↑ {total.output}↓)
                        </span>
                      </span>
                    ) : live ? (
                      <span className="text-zinc-500 dark:text-zinc-400" title="streamed so far (estimated)">
                        ~{live}
                      </span>
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">–</span>
                    )}
                  </td>
                  <td
                    className="whitespace-nowrap py-1.5 pl-1.5 pr-3 text-right tabular-nums text-zinc-500 dark:text-zinc-400"
                    data-testid="trace-cost"
                  >
                    {total?.costUsd !== undefined ? formatCost(total.costUsd) : "–"}
                  </td>
                </tr>
                {open && (
                  <tr className="border-b border-zinc-100 bg-zinc-50/70 dark:border-zinc-800/70 dark:bg-zinc-900/50">
                    <td colSpan={5} className="px-3 py-2 @md:px-4">
                      {node.kind === "model" ? (
                        <div className="min-w-0" style={{ paddingLeft: Math.min(depth * 10, 40) }}>
                          <RequestView span={node} />
                        </div>
                      ) : (
                        <div
                          className="grid gap-3 @3xl:grid-cols-2"
                          style={{ paddingLeft: Math.min(depth * 10 + 20, 60) }}
                        >
                          <Detail title="Input" value={node.input} />
                          <Detail title={node.error ? "Error" : "Output"} value={node.error ?? node.output} />
                          {node.model && (
                            <p className="text-xs text-zinc-500 dark:text-zinc-400">Model: {node.model}</p>
                          )}
                        </div>
                      )}
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
