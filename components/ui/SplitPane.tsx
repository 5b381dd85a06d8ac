"use client";
/**
 * Two panes with a draggable, keyboard-operable separator. Side by side on wide screens; stacked (editor on
 * top) on narrow ones, where the separator resizes heights.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

export interface SplitPaneProps {
  first: ReactNode;
  second: ReactNode;
  /** Fraction of the space the first pane takes, 0.2–0.8. */
  initial?: number;
  /** Persist the fraction under this localStorage key. */
  storageKey?: string;
  label: string;
}

const MIN = 0.2;
const MAX = 0.8;
const clamp = (f: number) => Math.min(MAX, Math.max(MIN, f));

export function SplitPane({ first, second, initial = 0.55, storageKey, label }: SplitPaneProps) {
  const [fraction, setFraction] = useState(initial);
  const [vertical, setVertical] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!storageKey) return;
    try {
      const saved = Number(window.localStorage.getItem(storageKey));
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after mount (storage is client-only)
      if (saved >= MIN && saved <= MAX) setFraction(saved);
    } catch {
      // storage disabled: keep the default
    }
  }, [storageKey]);

  useEffect(() => {
    const mq = window.matchMedia("(max-width: 767px)");
    const update = () => setVertical(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);

  const save = useCallback(
    (f: number) => {
      if (!storageKey) return;
      try {
        window.localStorage.setItem(storageKey, String(f));
      } catch {
        // storage full or disabled: the split is a nicety
      }
    },
    [storageKey],
  );

  const onPointerDown = (e: React.PointerEvent) => {
    e.preventDefault();
    const el = container.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    let last = fraction;
    const move = (ev: PointerEvent) => {
      last = clamp(vertical ? (ev.clientY - rect.top) / rect.height : (ev.clientX - rect.left) / rect.width);
      setFraction(last);
    };
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      save(last);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const back = vertical ? "ArrowUp" : "ArrowLeft";
    const fwd = vertical ? "ArrowDown" : "ArrowRight";
    let next: number | null = null;
    if (e.key === back) next = clamp(fraction - step);
    else if (e.key === fwd) next = clamp(fraction + step);
    else if (e.key === "Home") next = MIN;
    else if (e.key === "End") next = MAX;
    if (next !== null) {
      e.preventDefault();
      setFraction(next);
      save(next);
    }
  };

  const pct = `${(fraction * 100).toFixed(1)}%`;
  return (
    <div
      ref={container}
      className={`flex min-h-0 min-w-0 flex-1 ${vertical ? "flex-col" : "flex-row"}`}
      data-layout={vertical ? "stacked" : "side-by-side"}
    >
      <div className="min-h-0 min-w-0 overflow-hidden" style={vertical ? { height: pct } : { width: pct }}>
        {first}
      </div>
      <div
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={vertical ? "horizontal" : "vertical"}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(fraction * 100)}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        className={`group relative z-10 flex shrink-0 items-center justify-center bg-zinc-200 outline-none transition-colors hover:bg-violet-400 focus-visible:bg-violet-500 dark:bg-zinc-800 dark:hover:bg-violet-500 ${
          vertical ? "h-1.5 w-full cursor-row-resize" : "h-full w-1.5 cursor-col-resize"
        }`}
      >
        <span
          className={`rounded-full bg-zinc-400 group-hover:bg-white dark:bg-zinc-600 ${vertical ? "h-0.5 w-8" : "h-8 w-0.5"}`}
        />
      </div>
      <div className="min-h-0 min-w-0 flex-1 overflow-hidden">{second}</div>
    </div>
  );
}
