"use client";
/**
 * The address bar and what is open: a share link in the URL opens in the playground (the user's own spell goes
 * to History), and from then on the address bar holds the permalink of what is open, updated as the user edits
 * (debounced, with `replaceState`: no history entry per keystroke), so a reload or a copied address opens
 * exactly this.
 */
import { useEffect } from "react";
import type { PlaygroundStores } from "@/lib/store/playground";
import { openSharedFromHash, permalinkFragment } from "@/lib/store/share-open";
import type { Notice } from "./Notices";

const PERMALINK_DELAY_MS = 400;

export function useShareLinkFromHash(
  editor: PlaygroundStores["editor"],
  settings: PlaygroundStores["settings"],
  notify: (tone: Notice["tone"], text: string, ttlMs?: number) => void,
): void {
  useEffect(() => {
    let opening = Promise.resolve();
    const openFromHash = () => {
      opening = (async () => {
        const result = await openSharedFromHash(window.location.hash, editor, settings);
        if (result.kind === "opened")
          notify(
            "success",
            result.keptPrevious
              ? "Opened the shared spell. Your previous spell is in Settings → History."
              : "Opened the shared spell.",
          );
        else if (result.kind === "failed") notify("error", result.message, 0);
      })();
    };
    openFromHash();
    window.addEventListener("hashchange", openFromHash);

    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    const writePermalink = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void opening.then(async () => {
          const { language, sources, args } = editor.getState();
          const fragment = await permalinkFragment({
            language,
            source: sources[language],
            model: settings.getState().model,
            args,
          });
          if (disposed || fragment === window.location.hash || (fragment === "" && window.location.hash === "")) return;
          history.replaceState(history.state, "", window.location.pathname + window.location.search + fragment);
        });
      }, PERMALINK_DELAY_MS);
    };
    const offEditor = editor.subscribe((s, prev) => {
      if (s.language !== prev.language || s.sources !== prev.sources || s.args !== prev.args) writePermalink();
    });
    const offSettings = settings.subscribe((s, prev) => {
      if (s.model !== prev.model) writePermalink();
    });
    writePermalink();
    return () => {
      disposed = true;
      clearTimeout(timer);
      offEditor();
      offSettings();
      window.removeEventListener("hashchange", openFromHash);
    };
  }, [editor, settings, notify]);
}
