"use client";
/** React bindings for the playground stores, plus small client-only helpers. */
import { useEffect, useState, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { resolveTheme } from "@/lib/store/settings";
import type { ThemeChoice } from "@/lib/store/schemas";

export { useStore };

function subscribeDark(cb: () => void): () => void {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
}
const prefersDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;

/** The theme shown ("system" follows the OS), applied to <html> for the page; the editor gets it as a prop. */
export function useAppliedTheme(choice: ThemeChoice): "light" | "dark" {
  const dark = useSyncExternalStore(subscribeDark, prefersDark, () => false);
  const theme = resolveTheme(choice, dark);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle("dark", theme === "dark");
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);
  return theme;
}

/** ms since `startedAt`, ticking while `running`. */
export function useElapsed(startedAt: number | null, endedAt: number | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(id);
  }, [running]);
  if (startedAt === null) return 0;
  return Math.max(0, (running ? now : (endedAt ?? now)) - startedAt);
}

export function isMacPlatform(): boolean {
  if (typeof navigator === "undefined") return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    "";
  return /mac|iphone|ipad/i.test(platform);
}
