"use client";
/**
 * The diagnostics of the spell being edited: the source is sent to the checker's worker 250 ms after the
 * last keystroke (one worker for the page, started on first use), and only the answer to the latest request
 * is kept, so a slow check never paints stale markers.
 */
import { useEffect, useState } from "react";
import type { Diagnostic } from "@/lib/check";
import type { SpellLanguage } from "@/lib/core/dialect";

const DEBOUNCE_MS = 250;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (diagnostics: Diagnostic[]) => void>();

function checkInWorker(
  source: string,
  language: SpellLanguage,
  models: readonly string[] | undefined,
): Promise<Diagnostic[]> {
  if (!worker) {
    worker = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module", name: "spell-check" });
    worker.onmessage = (e: MessageEvent<{ id: number; diagnostics: Diagnostic[] }>) => {
      waiting.get(e.data.id)?.(e.data.diagnostics);
      waiting.delete(e.data.id);
    };
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage({ id, source, language, ...(models ? { models } : {}) });
  });
}

export function useSpellDiagnostics(
  source: string,
  language: SpellLanguage,
  enabled = true,
  models?: readonly string[],
): Diagnostic[] {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  useEffect(() => {
    if (!enabled || typeof Worker === "undefined") return;
    let current = true;
    const timer = setTimeout(() => {
      void checkInWorker(source, language, models).then((d) => {
        if (current) setDiagnostics(d);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, language, enabled, models]);
  return enabled ? diagnostics : [];
}
