"use client";
/** The output panel: Console, Trace, Result, State, History, Debug and Profile tabs, with the run's status line. */
import { useId, useRef, type ReactNode } from "react";

export type OutputTab = "console" | "trace" | "result" | "state" | "history" | "debug" | "profile";

export interface OutputTabsProps {
  tab: OutputTab;
  onTab(tab: OutputTab): void;
  counts: Partial<Record<OutputTab, number>>;
  panels: Record<OutputTab, ReactNode>;
  status: ReactNode;
}

const TABS: { id: OutputTab; label: string }[] = [
  { id: "console", label: "Console" },
  { id: "trace", label: "Trace" },
  { id: "result", label: "Result" },
  { id: "state", label: "State" },
  { id: "history", label: "History" },
  { id: "debug", label: "Debug" },
  { id: "profile", label: "Profile" },
];

export function OutputTabs({ tab, onTab, counts, panels, status }: OutputTabsProps) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  return (
    <section className="flex h-full min-h-0 flex-col bg-white dark:bg-zinc-950" aria-label="Output">
      <div className="flex items-center gap-2 border-b border-zinc-200 pr-3 dark:border-zinc-800">
        <div
          role="tablist"
          aria-label="Output views"
          ref={list}
          className="flex min-w-0 overflow-x-auto"
          onKeyDown={(e) => {
            const i = TABS.findIndex((t) => t.id === tab);
            const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
            if (!d) return;
            e.preventDefault();
            const next = TABS[(i + d + TABS.length) % TABS.length];
            onTab(next.id);
            (list.current?.querySelector(`[data-tab="${next.id}"]`) as HTMLElement | null)?.focus();
          }}
        >
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              data-tab={t.id}
              onClick={() => onTab(t.id)}
              className={`relative flex items-center gap-1.5 whitespace-nowrap px-2.5 py-2.5 text-sm font-medium transition-colors 2xl:px-3.5 ${
                tab === t.id
                  ? "text-zinc-900 dark:text-white"
                  : "text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
              }`}
            >
              {t.label}
              {counts[t.id] ? (
                <span className="rounded-full bg-zinc-100 px-1.5 text-[10px] tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {counts[t.id]}
                </span>
              ) : null}
              {tab === t.id && (
                <span className="absolute inset-x-2 -bottom-px h-0.5 rounded-full bg-violet-600" aria-hidden="true" />
              )}
            </button>
          ))}
        </div>
        <div className="ml-auto min-w-0 max-w-[50%] shrink-0 truncate text-xs text-zinc-500 dark:text-zinc-400">
          {status}
        </div>
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={tab !== t.id}
          className="min-h-0 flex-1"
        >
          {tab === t.id && panels[t.id]}
        </div>
      ))}
    </section>
  );
}
