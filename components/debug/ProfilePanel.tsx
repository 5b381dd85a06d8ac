"use client";
/** The Profile tab: a flame chart of the last profile run, a table sortable by self or total time, downloads. */
import { useMemo, useState } from "react";
import type { ProfileData, ProfileRow } from "@/lib/core/profile";
import { flameBars, toChromeTrace, toSpeedscope } from "@/lib/core/profile-format";

type SortKey = "selfMs" | "totalMs";

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ProfilePanel({ profile, running }: { profile: ProfileData | null; running: boolean }) {
  const [sort, setSort] = useState<SortKey>("selfMs");
  const [view, setView] = useState<"functions" | "lines">("functions");
  const bars = useMemo(() => (profile ? flameBars(profile) : []), [profile]);
  if (!profile)
    return (
      <div className="flex h-full items-center justify-center p-6 text-sm text-zinc-500 dark:text-zinc-400">
        {running ? "Profiling…" : "Press Profile to time the spell per function and line."}
      </div>
    );
  const rows = [...(view === "functions" ? profile.functions : profile.lines)].sort((a, b) => b[sort] - a[sort]);
  const span = Math.max(...bars.map((b) => b.end), 0) - Math.min(...bars.map((b) => b.start), 0) || 1;
  const from = Math.min(...bars.map((b) => b.start), 0);
  const depth = Math.max(...bars.map((b) => b.depth + 1), 1);
  return (
    <div className="h-full overflow-auto p-3 text-sm" data-testid="profile-panel">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          {profile.samples} samples, {profile.durationMs.toFixed(1)} ms
          {profile.truncated ? " (timeline truncated)" : ""}
        </span>
        <button
          type="button"
          className="btn h-7 px-2"
          onClick={() => download("spell.speedscope.json", toSpeedscope(profile))}
        >
          speedscope JSON
        </button>
        <button
          type="button"
          className="btn h-7 px-2"
          onClick={() => download("spell.trace.json", toChromeTrace(profile))}
        >
          Chrome trace
        </button>
      </div>
      <div className="relative mb-3 w-full" style={{ height: depth * 18 }} aria-label="Flame chart" role="img">
        {bars.map((b, i) => (
          <div
            key={i}
            title={`${b.name}: ${(b.end - b.start).toFixed(2)} ms`}
            className={`absolute truncate rounded-sm px-1 text-[10px] leading-4 text-white ${b.wait ? "bg-sky-600" : "bg-violet-600"}`}
            style={{
              left: `${((b.start - from) / span) * 100}%`,
              width: `max(1px, ${((b.end - b.start) / span) * 100}%)`,
              top: b.depth * 18,
              height: 16,
            }}
          >
            {b.name}
          </div>
        ))}
      </div>
      <div className="mb-1 flex gap-2 text-xs">
        {(["functions", "lines"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            className={view === v ? "font-semibold" : "text-zinc-500"}
            onClick={() => setView(v)}
          >
            {v === "functions" ? "Functions" : "Lines"}
          </button>
        ))}
      </div>
      <table className="w-full font-mono text-xs" data-testid="profile-table">
        <thead>
          <tr className="text-left text-zinc-500">
            <th className="font-normal">{view === "functions" ? "function" : "line"}</th>
            <SortHeader label="self ms" k="selfMs" sort={sort} onSort={setSort} />
            <SortHeader label="total ms" k="totalMs" sort={sort} onSort={setSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r: ProfileRow) => (
            <tr key={`${r.name}:${r.line ?? ""}`}>
              <td className={r.wait ? "text-sky-600" : ""}>
                {r.name}
                {view === "functions" && r.line !== undefined && r.line > 0 ? (
                  <span className="text-zinc-500"> :{r.line}</span>
                ) : null}
              </td>
              <td className="text-right tabular-nums">{r.selfMs.toFixed(2)}</td>
              <td className="text-right tabular-nums">{r.totalMs.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortHeader(props: { label: string; k: SortKey; sort: SortKey; onSort(k: SortKey): void }) {
  return (
    <th className="text-right font-normal" aria-sort={props.sort === props.k ? "descending" : "none"}>
      <button type="button" onClick={() => props.onSort(props.k)}>
        {props.label}
        {props.sort === props.k ? " ▾" : ""}
      </button>
    </th>
  );
}
