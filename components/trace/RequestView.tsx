"use client";
/**
 * The request view of one model call, under its trace row: parameters with their sources, the system prompt, every
 * message, the tools offered, the response, and "Copy as JSON". Long texts fold behind "show more"; nothing is cut.
 * The view model is lib/trace/request-view.ts.
 */
import { useMemo, useState } from "react";
import type { JsonValue } from "@/lib/core/json";
import {
  createRequestView,
  requestViewJson,
  sourceLabel,
  type ModelSpan,
  type ViewMessage,
} from "@/lib/trace/request-view";
import { copyText } from "@/components/share/copy-text";
import { CopyIcon } from "@/components/ui/icons";
import { formatCost, formatMs } from "./format";

/** Texts longer than this (characters or lines) fold. */
const FOLD_CHARS = 600;
const FOLD_LINES = 10;

const ROLE_STYLE: Record<ViewMessage["role"], string> = {
  system: "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100",
  user: "bg-sky-100 text-sky-900 dark:bg-sky-500/20 dark:text-sky-100",
  assistant: "bg-violet-100 text-violet-900 dark:bg-violet-500/20 dark:text-violet-100",
  tool: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/20 dark:text-emerald-100",
};

export function RequestView({ span }: { span: ModelSpan }) {
  const view = useMemo(() => createRequestView(span), [span]);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    setCopied((await copyText(requestViewJson(view))) ? "yes" : "no");
    setTimeout(() => setCopied(null), 2000);
  };
  const r = view.response;
  return (
    <div className="min-w-0 space-y-3 text-xs" data-testid="request-view">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-zinc-600 dark:text-zinc-300">
        <span className="font-medium text-zinc-800 dark:text-zinc-100">{view.model}</span>
        {r.finishReason && <span>finish: {r.finishReason}</span>}
        {r.firstTokenMs !== undefined && <span>first token {formatMs(r.firstTokenMs)}</span>}
        {view.usage && (
          <span data-testid="request-tokens">
            {view.usage.estimated ? "~" : ""}
            {view.usage.input} in · {view.usage.output} out{view.usage.estimated ? " (estimated)" : ""}
          </span>
        )}
        {view.costUsd !== undefined && <span>{formatCost(view.costUsd)}</span>}
        <button type="button" className="btn ml-auto h-7 shrink-0 px-2 text-xs" onClick={() => void copy()}>
          <CopyIcon className="h-3.5 w-3.5" />
          {copied === "yes" ? "Copied" : copied === "no" ? "Copy failed" : "Copy as JSON"}
        </button>
      </div>

      <Section title="Parameters">
        <table className="w-full text-left" data-testid="request-params">
          <tbody>
            {view.params.map((p) => (
              <tr key={p.key} data-param={p.key} className="border-t border-zinc-200/70 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-3 font-medium text-zinc-600 dark:text-zinc-300">
                  {p.label}
                </th>
                <td className="py-1 pr-3 tabular-nums" data-testid="param-value">
                  {p.value === undefined ? "–" : p.value.toLocaleString("en", { maximumFractionDigits: 6 })}
                </td>
                <td className="py-1 text-zinc-500 dark:text-zinc-400" data-testid="param-source">
                  {sourceLabel(p.source)}
                  {p.received !== undefined && <span> · provider received {p.received}</span>}
                  {p.note && <span> · {p.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="System prompt">
        {view.systemPrompt !== undefined ? (
          <Folded text={view.systemPrompt} testId="request-system" />
        ) : (
          <p className="text-zinc-500 dark:text-zinc-400">none</p>
        )}
      </Section>

      <Section title={`Messages (${view.messages.length})`}>
        {!view.complete && (
          <p className="mb-1 text-zinc-500 dark:text-zinc-400">This trace kept only the last message.</p>
        )}
        <ol className="space-y-2">
          {view.messages.map((m, i) => (
            <li key={i} className="min-w-0" data-testid="request-message" data-role={m.role}>
              <span className={`mr-2 rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${ROLE_STYLE[m.role]}`}>
                {m.role}
              </span>
              {m.role === "tool" ? (
                <>
                  <span className="text-zinc-500 dark:text-zinc-400">
                    result of {m.toolName}
                    {m.toolCallId ? ` (${m.toolCallId})` : ""}
                  </span>
                  <Folded text={pretty(m.result)} mono />
                </>
              ) : (
                <>
                  {m.text ? (
                    <Folded text={m.text} />
                  ) : (
                    m.role !== "assistant" && <em className="text-zinc-500">empty</em>
                  )}
                  {m.role === "assistant" &&
                    m.toolCalls.map((c, j) => (
                      <div key={j} className="mt-1">
                        <span className="text-zinc-500 dark:text-zinc-400">calls {c.name}</span>
                        <Folded text={pretty(c.arguments)} mono />
                      </div>
                    ))}
                </>
              )}
            </li>
          ))}
        </ol>
      </Section>

      <Section title={`Tools offered (${view.tools.length})`}>
        {view.tools.length === 0 ? (
          <p className="text-zinc-500 dark:text-zinc-400">none</p>
        ) : (
          <ul className="space-y-2">
            {view.tools.map((t) => (
              <li key={t.name} className="min-w-0">
                <span className="font-medium">{t.name}</span>
                {t.description && <span className="text-zinc-500 dark:text-zinc-400"> – {t.description}</span>}
                {t.schema !== null && <Folded text={pretty(t.schema)} mono />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {view.responseFormat !== undefined && (
        <Section title="Response format (JSON Schema)">
          <Folded text={pretty(view.responseFormat)} mono />
        </Section>
      )}

      <Section title="Response">
        {r.error ? (
          <p className="text-red-700 dark:text-red-300">
            {r.error.kind}: {r.error.message}
          </p>
        ) : (
          <>
            {r.text ? <Folded text={r.text} testId="request-response" /> : null}
            {r.toolCalls.map((c, j) => (
              <div key={j} className="mt-1">
                <span className="text-zinc-500 dark:text-zinc-400">calls {c.name}</span>
                <Folded text={pretty(c.arguments)} mono />
              </div>
            ))}
            {!r.text && r.toolCalls.length === 0 && <p className="text-zinc-500 dark:text-zinc-400">empty</p>}
          </>
        )}
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0">
      <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {title}
      </h4>
      {children}
    </section>
  );
}

function pretty(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Where a long text folds: its first FOLD_LINES lines, at most FOLD_CHARS characters. */
function foldAt(text: string): number | undefined {
  let at = text.length > FOLD_CHARS ? FOLD_CHARS : undefined;
  let lines = 0;
  for (let i = 0; i < Math.min(text.length, at ?? text.length); i++) {
    if (text[i] === "\n" && ++lines >= FOLD_LINES) {
      at = i;
      break;
    }
  }
  return at;
}

/** A text shown whole, or folded with "show more" when long (the rest is one click away, never cut). */
function Folded({ text, mono = false, testId }: { text: string; mono?: boolean; testId?: string }) {
  const [open, setOpen] = useState(false);
  const at = foldAt(text);
  const shown = open || at === undefined ? text : text.slice(0, at);
  return (
    <div className="min-w-0">
      <pre
        className={`mt-1 whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-white/70 px-2 py-1 dark:bg-zinc-950/60 ${mono ? "font-mono text-[11px]" : "font-sans"}`}
        data-testid={testId}
      >
        {shown}
        {!open && at !== undefined && "…"}
      </pre>
      {at !== undefined && (
        <button
          type="button"
          className="mt-0.5 text-[11px] font-medium text-violet-700 hover:underline dark:text-violet-300"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "show less" : `show more (${(text.length - at).toLocaleString("en")} more characters)`}
        </button>
      )}
    </div>
  );
}
