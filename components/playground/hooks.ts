"use client";
/** React bindings for the playground stores, plus small client-only helpers. */
import { useEffect, useState, useSyncExternalStore } from "react";
import { useStore } from "zustand";

export { useStore };

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

const noSubscription = () => () => undefined;

/** Whether to name the Mac keys (⌘): false on the server and in the first paint, then the platform's answer. */
export function useIsMac(): boolean {
  return useSyncExternalStore(noSubscription, isMacPlatform, () => false);
}
