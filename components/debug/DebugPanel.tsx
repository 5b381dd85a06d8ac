"use client";
/** The Debug tab: the paused run's Variables (expanded lazily), Watch, Call stack and Breakpoints. */
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { DebugVariable } from "@/lib/core/debug";
import type { SpellLanguage } from "@/lib/core/dialect";
import type { DebugStore } from "@/lib/store/debug";
import { useStore } from "@/components/playground/hooks";

const NO_BREAKPOINTS: readonly never[] = [];

export function DebugPanel({ debug, language }: { debug: DebugStore; language: SpellLanguage }) {
  const s = useStore(
    debug,
    useShallow((st) => ({
      paused: st.paused,
      scopes: st.scopes,
      children: st.children,
      watches: st.watches,
      watchValues: st.watchValues,
      // Not `?? []`: a new array each time makes every store read look like a change, and React re-renders forever.
      breakpoints: st.breakpoints[language] ?? NO_BREAKPOINTS,
      mode: st.mode,
    })),
  );
  const actions = debug.getState();
  const [watch, setWatch] = useState("");
  return (
    <div className="h-full overflow-auto p-3 text-sm" data-testid="debug-panel">
      {s.paused ? (
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400" data-testid="debug-paused">
          Paused at line {s.paused.line} ({s.paused.reason})
        </p>
      ) : (
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          {s.mode === "debugging" ? "Running…" : "Click the editor's gutter for a breakpoint, then Debug (F5)."}
        </p>
      )}
      {s.paused?.hostCall && (
        <Section
          title={`${s.paused.hostCall.phase === "request" ? "Request to" : "Response of"} ${s.paused.hostCall.name}`}
        >
          <pre className="whitespace-pre-wrap break-all font-mono text-xs" data-testid="debug-host-call">
            {JSON.stringify(s.paused.hostCall.value, null, 2)}
          </pre>
        </Section>
      )}
      <Section title="Variables">
        {s.scopes.map((scope) => (
          <Expandable
            key={scope.ref}
            label={scope.name}
            refId={scope.ref}
            open={scope.name === "Locals"}
            debug={debug}
            items={s.children}
          />
        ))}
      </Section>
      <Section title="Watch">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            actions.addWatch(watch);
            setWatch("");
          }}
        >
          <input
            className="input h-7 w-full font-mono text-xs"
            placeholder="Add an expression"
            aria-label="Watch expression"
            value={watch}
            onChange={(e) => setWatch(e.target.value)}
          />
        </form>
        <ul className="mt-1 font-mono text-xs">
          {s.watches.map((w) => (
            <li key={w} className="flex gap-2">
              <span>{w}</span>
              <span className="text-zinc-500">=</span>
              <span data-testid="watch-value">{s.watchValues[w] ?? "…"}</span>
              <button
                type="button"
                className="ml-auto text-zinc-400"
                aria-label={`Remove ${w}`}
                onClick={() => actions.removeWatch(w)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Call stack">
        <ol className="font-mono text-xs" data-testid="debug-stack">
          {(s.paused?.frames ?? []).map((f) => (
            <li key={f.id}>
              {f.name} <span className="text-zinc-500">line {f.line}</span>
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Breakpoints">
        <ul className="font-mono text-xs" data-testid="debug-breakpoints">
          {s.breakpoints.map((b) => (
            <li key={b.line} className="flex gap-2">
              <span>line {b.line}</span>
              {b.condition && <span className="text-amber-600">if {b.condition}</span>}
              {b.logMessage !== undefined && <span className="text-amber-600">log {b.logMessage}</span>}
              <button
                type="button"
                className="ml-auto text-zinc-400"
                aria-label={`Remove the breakpoint on line ${b.line}`}
                onClick={() => actions.removeBreakpoint(language, b.line)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-3" aria-label={title}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

function Expandable(props: {
  label: string;
  value?: string;
  refId: number;
  open?: boolean;
  debug: DebugStore;
  items: Record<number, DebugVariable[]>;
}) {
  const [open, setOpen] = useState(props.open ?? false);
  const kids = props.items[props.refId];
  return (
    <div className="font-mono text-xs">
      <button
        type="button"
        className="text-left"
        aria-expanded={open}
        onClick={() => {
          if (!open) void props.debug.getState().expand(props.refId);
          setOpen(!open);
        }}
      >
        {open ? "▾" : "▸"} {props.label}
        {props.value !== undefined && <span className="text-zinc-500"> = {props.value}</span>}
      </button>
      {open && (
        <div className="ml-4" data-testid={`variables-${props.label}`}>
          {(kids ?? []).map((v) =>
            v.ref ? (
              <Expandable
                key={v.name}
                label={v.name}
                value={v.value}
                refId={v.ref}
                debug={props.debug}
                items={props.items}
              />
            ) : (
              <div key={v.name} data-testid="debug-variable">
                {v.name} <span className="text-zinc-500">=</span> {v.value}
              </div>
            ),
          )}
        </div>
      )}
    </div>
  );
}
