"use client";
/** The playground's global keyboard shortcuts (lib/store/shortcuts.ts says which keys do what). */
import { useEffect, useRef } from "react";
import { matchShortcut, type ShortcutAction } from "@/lib/store/shortcuts";
import { isMacPlatform } from "./hooks";

export type ShortcutActions = Record<ShortcutAction, () => void> & { isRunning: () => boolean };

/** Listens in the capture phase, so the shortcuts work inside the editor too; a shortcut other than help or
 * stop does nothing while a dialog is open. The latest `actions` are always used. */
export function useGlobalShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inEditable = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const action = matchShortcut(
        { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inEditable },
        { isMac: isMacPlatform(), running: latest.current.isRunning() },
      );
      if (!action) return;
      if (action === "stop") {
        latest.current.stop();
        return;
      }
      if (document.querySelector("dialog[open]") && action !== "help") return;
      e.preventDefault();
      e.stopPropagation();
      latest.current[action]();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
