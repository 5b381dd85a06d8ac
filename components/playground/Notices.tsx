"use client";
/** Notices (storage problems, copied links, bad share links), one at a time, announced to screen readers. */
import { CloseIcon } from "@/components/ui/icons";
import type { Notice, UiStore } from "@/lib/store/ui";
import { useStore } from "./hooks";

// use-share-link-from-hash.ts takes its `notify` type from here.
export type { Notice };

const TONE: Record<Notice["tone"], string> = {
  info: "border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-950 dark:text-emerald-100",
  warn: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/30 dark:bg-amber-950 dark:text-amber-100",
  error: "border-red-200 bg-red-50 text-red-900 dark:border-red-500/30 dark:bg-red-950 dark:text-red-100",
};

/**
 * The newest notice, one at a time, in a strip of the page's own (under the header, never over the code); older
 * ones wait behind it ("2 more") and show when it is dismissed or its time is up.
 */
export function Notices({ ui }: { ui: UiStore }) {
  const notices = useStore(ui, (s) => s.notices);
  const { dismissNotice } = ui.getState();
  const n = notices.at(-1);
  return (
    <div aria-live="polite" role="status" className="shrink-0">
      {n && (
        <div
          key={n.id}
          className={`flex items-start gap-3 border-b px-4 py-2 text-sm ${TONE[n.tone]}`}
          data-testid="notice"
          data-tone={n.tone}
        >
          <p className="flex-1">{n.text}</p>
          {notices.length > 1 && (
            <span className="shrink-0 text-xs opacity-70" data-testid="notice-more">
              {notices.length - 1} more
            </span>
          )}
          <button
            type="button"
            className="icon-btn -mr-2 h-6 w-6 shrink-0"
            onClick={() => dismissNotice(n.id)}
            aria-label="Dismiss notice"
          >
            <CloseIcon className="h-3.5 w-3.5" />
          </button>
        </div>
      )}
    </div>
  );
}
