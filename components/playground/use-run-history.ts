"use client";
/** The run history for the History tab: every run that ends is added; the list re-reads after each add. */
import { useCallback, useEffect, useState } from "react";
import type { RunStore } from "@/lib/store/run";
import { recordRunsInHistory, type RunHistoryEntry } from "@/lib/store/run-history";
import { getBrowserRunHistory } from "@/lib/store/run-history-browser";

export function useRunHistory(run: RunStore) {
  const [entries, setEntries] = useState<RunHistoryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    let off = () => {};
    getBrowserRunHistory().then(
      (history) => {
        if (!live) return;
        const refresh = () => void history.list().then((list) => live && setEntries(list));
        refresh();
        off = recordRunsInHistory(run, history, refresh);
      },
      (err: unknown) =>
        live && setProblem(`The run history is not available: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      live = false;
      off();
    };
  }, [run]);
  const clear = useCallback(async () => {
    const history = await getBrowserRunHistory();
    await history.clear();
    setEntries(await history.list());
  }, []);
  return { entries, problem, clear };
}
