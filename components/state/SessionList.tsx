"use client";
/** Sessions and their artifacts in the State panel (lib/spell/session/overview.ts reads them). */
import type { SessionOverview } from "@/lib/spell/session/overview";

export function SessionList({ overview }: { overview: SessionOverview }) {
  if (overview.sessions.length === 0 && overview.unreadable.length === 0) return null;
  return (
    <section className="mb-3" data-testid="state-sessions">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        Sessions
      </h3>
      <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {overview.sessions.map((s) => (
          <li key={s.id} className="px-2 py-1.5 text-sm">
            <div className="flex flex-wrap items-baseline gap-2">
              <span className="font-medium">{s.name ?? "(unnamed)"}</span>
              <span className="rounded bg-zinc-100 px-1 text-[11px] dark:bg-zinc-800">{s.status}</span>
              {s.tags.map((t) => (
                <span key={t} className="text-[11px] text-violet-700 dark:text-violet-300">
                  #{t}
                </span>
              ))}
              <code className="ml-auto text-[11px] text-zinc-500">{s.id}</code>
            </div>
            {s.artifacts.length > 0 && (
              <ul className="mt-1 ml-3 text-xs text-zinc-600 dark:text-zinc-300">
                {s.artifacts.map((a) => (
                  <li key={a.sequence}>
                    {a.sequence}. {a.name} · {a.artifactType} · {a.mimeType} · {a.size} B
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {overview.unreadable.map((u) => (
        <p key={u} className="mt-1 text-xs text-amber-700 dark:text-amber-300">
          Cannot read {u}
        </p>
      ))}
    </section>
  );
}
