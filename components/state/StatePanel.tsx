"use client";
/** The spell's saved State (IndexedDB, the same database the engine worker writes), with refresh and clear. */
import { useCallback, useEffect, useState } from "react";
import type { JsonValue } from "@/lib/core/json";
import { JsonTree } from "@/components/result/JsonTree";
import { RefreshIcon, TrashIcon } from "@/components/ui/icons";
import { readStateEntries, clearState, type StatePanelData } from "@/lib/store/state-panel";
import { SessionList } from "./SessionList";

export interface StatePanelProps {
  /** IndexedDB database name (the run's `stateNamespace`). */
  namespace: string;
  /** Changes after each run, to reload. */
  refreshKey: number;
}

type Entry = { scope: string; key: string; value: JsonValue };

export function StatePanel({ namespace, refreshKey }: StatePanelProps) {
  const [data, setData] = useState<StatePanelData | null>(null);
  const entries: Entry[] | null = data?.entries ?? null;
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await readStateEntries(namespace));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [namespace]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external (IndexedDB) data
    void load();
  }, [load, refreshKey]);

  const byScope = new Map<string, Entry[]>();
  for (const e of entries ?? []) byScope.set(e.scope, [...(byScope.get(e.scope) ?? []), e]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
        <span>
          {entries ? `${entries.length} ${entries.length === 1 ? "key" : "keys"} saved in this browser` : "Loading…"}
        </span>
        <div className="ml-auto flex items-center gap-1">
          <button type="button" className="icon-btn" onClick={() => void load()} aria-label="Reload saved State">
            <RefreshIcon />
          </button>
          {confirming ? (
            <span className="flex items-center gap-1">
              <span>Delete all?</span>
              <button
                type="button"
                className="btn btn-danger h-7 px-2 text-xs"
                onClick={async () => {
                  setConfirming(false);
                  try {
                    await clearState(namespace);
                  } catch (err) {
                    setError(err instanceof Error ? err.message : String(err));
                  }
                  await load();
                }}
              >
                Clear State
              </button>
              <button type="button" className="btn h-7 px-2 text-xs" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="icon-btn"
              onClick={() => setConfirming(true)}
              aria-label="Clear saved State"
              disabled={!entries?.length && !data?.sessions.sessions.length}
            >
              <TrashIcon />
            </button>
          )}
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-3 py-2" data-testid="state-panel">
        {error && (
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-200">
            State could not be read: {error}
          </p>
        )}
        {data && <SessionList overview={data.sessions} />}
        {entries && entries.length === 0 && !data?.sessions.sessions.length && !error && (
          <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            Nothing saved yet. A spell saves with <code className="code">State.save(scope, key, value)</code> or{" "}
            <code className="code">State.set(key, value)</code>.
          </p>
        )}
        {[...byScope].map(([scope, list]) => (
          <section key={scope} className="mb-3">
            <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              Scope: {scope}
            </h3>
            <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {list.map((e) => (
                <li key={e.key} className="px-2 py-1.5">
                  <JsonTree value={{ [e.key]: e.value }} openDepth={1} label={`State ${scope}/${e.key}`} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
