"use client";
/** The theme shown, applied to <html>: one hook for the playground and the embed. */
import { useEffect, useSyncExternalStore } from "react";
import type { ThemeChoice } from "@/lib/store/schemas";
import { resolveTheme } from "@/lib/store/settings";

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
