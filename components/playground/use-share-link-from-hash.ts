"use client";
/** A share link in the URL opens in the playground (the user's work goes to history). */
import { useEffect } from "react";
import type { PlaygroundStores } from "@/lib/store/playground";
import { openSharedFromHash, showSharedRecordings } from "@/lib/store/share-open";
import type { Notice } from "./Notices";

/**
 * Opens the spell in `location.hash` now and on every `hashchange`, then drops the fragment so a reload keeps
 * the user's edits instead of reopening the link; shows the recorded runs it carries; says what happened
 * through `notify`.
 */
export function useShareLinkFromHash(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "recorded" | "compare" | "ui">,
  notify: (tone: Notice["tone"], text: string, ttlMs?: number) => void,
): void {
  const { editor, settings } = stores;
  useEffect(() => {
    const openFromHash = async () => {
      const result = await openSharedFromHash(window.location.hash, editor, settings);
      if (result.kind === "none") return;
      history.replaceState(null, "", window.location.pathname + window.location.search);
      if (result.kind === "failed") {
        notify("error", result.message, 0);
        return;
      }
      notify("success", "Opened the shared spell. Your previous spell is in Settings → History.");
      if (result.recordingProblem) notify("warn", result.recordingProblem, 0);
      void showSharedRecordings(stores, result.recordings ?? []);
    };
    void openFromHash();
    window.addEventListener("hashchange", openFromHash);
    return () => window.removeEventListener("hashchange", openFromHash);
  }, [editor, settings, stores, notify]);
}
