"use client";
/** Toast-like notices (storage problems, copied links, bad share links), announced to screen readers. */
import { CloseIcon } from "@/components/ui/icons";
import type { Notice, UiStore } from "@/lib/store/ui";
import { useStore } from "./hooks";

// use-share-link-from-hash.ts takes its `notify` type from here.
export type { Notice };

const TONE: Record<Notice["tone"], string> = {
  info: "border-zinc-200 bg-white text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-950 dark:text-emerald-100",
  warn: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/30 dark:bg-amber-950 dark:text-amber-100",
  error: "border-red-200 bg-red-50 text-red-900 dark:border-red-500/30 dark:bg-red-950 dark:text-red-100",
};

/** The UI store's notices, newest last; each can be dismissed. */
export function Notices({ ui }: { ui: UiStore }) {
  const notices = useStore(ui, (s) => s.notices);
  const { dismissNotice } = ui.getState();
  return (
    <div
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      aria-live="polite"
      role="status"
    >
      {notices.map((n) => (
        <div
          key={n.id}
          className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg border px-4 py-2.5 text-sm shadow-lg ${TONE[n.tone]}`}
          data-testid="notice"
          data-tone={n.tone}
        >
          <p className="flex-1">{n.text}</p>
          <button
            type="button"
            className="icon-btn -mr-2 h-6 w-6"
            onClick={() => dismissNotice(n.id)}
            aria-label="Dismiss notice"
          >
            <CloseIcon className="h-3.5 w-3.5" />
          </button>
        </div>
      ))}
    </div>
  );
}
