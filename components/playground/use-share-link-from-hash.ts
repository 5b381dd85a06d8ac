"use client";
/**
 * The address bar and what is open: a share link in the URL opens in the playground (the user's own spell goes
 * to History; its model and model settings become the page's), and from then on the address bar holds the
 * permalink of what is open, with the model and its settings, updated as the user edits or changes them
 * (debounced, with `replaceState`: no history entry per change), so a reload or a copied address opens exactly
 * this.
 */
import { useEffect } from "react";
import type { PlaygroundStores } from "@/lib/store/playground";
import {
  describeOpenedLink,
  openSharedFromHash,
  permalinkFragment,
  showSharedRecordings,
} from "@/lib/store/share-open";
import type { Notice } from "./Notices";

const PERMALINK_DELAY_MS = 400;

export function useShareLinkFromHash(
  stores: Pick<PlaygroundStores, "editor" | "settings" | "recorded" | "compare" | "ui">,
  notify: (tone: Notice["tone"], text: string, ttlMs?: number) => void,
): void {
  const { editor, settings } = stores;
  useEffect(() => {
    const currentKey = () => {
      const { language, sources, args } = editor.getState();
      const { model, modelParams } = settings.getState();
      return JSON.stringify([language, sources[language], args ?? null, model, modelParams]);
    };
    // What the opened link holds: while the page still shows exactly that, the link stays in the address bar (a
    // link with a recorded run keeps it across a reload); the first edit replaces it with the permalink.
    let openedKey: string | undefined;
    let opening = Promise.resolve();
    const openFromHash = () => {
      opening = (async () => {
        const result = await openSharedFromHash(window.location.hash, editor, settings);
        if (result.kind === "opened" || result.kind === "same") openedKey = currentKey();
        if (result.kind === "failed") notify("error", result.message, 0);
        if (result.kind !== "opened") return;
        notify("success", describeOpenedLink(result));
        if (result.recordingProblem) notify("warn", result.recordingProblem, 0);
        void showSharedRecordings(stores, result.recordings ?? []);
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
          if (openedKey !== undefined && openedKey === currentKey()) return;
          openedKey = undefined;
          const { language, sources, args } = editor.getState();
          const { model, modelParams } = settings.getState();
          const fragment = await permalinkFragment({ language, source: sources[language], model, args, modelParams });
          if (disposed || fragment === window.location.hash || (fragment === "" && window.location.hash === "")) return;
          history.replaceState(history.state, "", window.location.pathname + window.location.search + fragment);
        });
      }, PERMALINK_DELAY_MS);
    };
    const offEditor = editor.subscribe((s, prev) => {
      if (s.language !== prev.language || s.sources !== prev.sources || s.args !== prev.args) writePermalink();
    });
    const offSettings = settings.subscribe((s, prev) => {
      if (s.model !== prev.model || s.modelParams !== prev.modelParams) writePermalink();
    });
    writePermalink();
    return () => {
      disposed = true;
      clearTimeout(timer);
      offEditor();
      offSettings();
      window.removeEventListener("hashchange", openFromHash);
    };
  }, [editor, settings, stores, notify]);
}
