"use client";
/** The output panel: Console, Trace, Result, State, History, Debug and Profile tabs, with the run's status line. */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

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

/**
 * Which ends of a scroller hide content (the tab strip on a narrow panel): each end that does fades out, so the
 * strip shows there is more to scroll to.
 */
function useScrollEnds(ref: RefObject<HTMLElement | null>): { start: boolean; end: boolean } {
  const [ends, setEnds] = useState({ start: false, end: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const start = el.scrollLeft > 1;
      const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEnds((old) => (old.start === start && old.end === end ? old : { start, end }));
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [ref]);
  return ends;
}

const FADE = "24px";

export function OutputTabs({ tab, onTab, counts, panels, status }: OutputTabsProps) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const ends = useScrollEnds(list);
  // The chosen tab is always in view, however it was chosen (a click, the keyboard, a run opening Debug).
  useEffect(() => {
    list.current?.querySelector(`[data-tab="${tab}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [tab]);
  const mask =
    ends.start || ends.end
      ? `linear-gradient(to right, ${ends.start ? "transparent" : "black"}, black ${FADE}, black calc(100% - ${FADE}), ${ends.end ? "transparent" : "black"})`
      : undefined;
  return (
    <section className="@container flex h-full min-h-0 flex-col bg-white dark:bg-zinc-950" aria-label="Output">
      {/* Tabs and status share a row when the panel is wide enough for both; else the status gets its own line. */}
      <div className="flex flex-col border-b border-zinc-200 @4xl:flex-row @4xl:items-center @4xl:gap-2 @4xl:pr-3 dark:border-zinc-800">
        <div
          role="tablist"
          aria-label="Output views"
          ref={list}
          data-overflow={ends.start || ends.end ? "true" : undefined}
          style={mask ? { maskImage: mask, WebkitMaskImage: mask } : undefined}
          className="flex min-w-0 overflow-x-auto [scrollbar-width:none]"
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
              className={`relative flex shrink-0 items-center gap-1.5 whitespace-nowrap px-2 py-2.5 text-sm font-medium transition-colors @lg:px-2.5 @4xl:px-3.5 ${
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
        <div className="min-w-0 truncate px-3 pb-1.5 text-xs text-zinc-500 @4xl:ml-auto @4xl:max-w-[50%] @4xl:shrink-0 @4xl:px-0 @4xl:pb-0 dark:text-zinc-400">
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
