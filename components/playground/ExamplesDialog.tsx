"use client";
/** The examples menu: search and tag filters over the examples catalog (loaded when first opened). */
import { useEffect, useMemo, useState } from "react";
import type { ExampleSpell } from "@/examples/catalog";
import { Dialog } from "@/components/ui/Dialog";
import type { SpellLanguage } from "@/lib/core/dialect";

export interface ExamplesDialogProps {
  open: boolean;
  onClose(): void;
  language: SpellLanguage;
  onOpen(example: ExampleSpell): void;
}

const LEVEL_STYLE: Record<ExampleSpell["level"], string> = {
  beginner: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200",
  intermediate: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-200",
  advanced: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-500/15 dark:text-fuchsia-200",
};

export function ExamplesDialog({ open, onClose, language, onOpen }: ExamplesDialogProps) {
  const [catalog, setCatalog] = useState<{ examples: ExampleSpell[]; tags: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [tags, setTags] = useState<string[]>([]);

  useEffect(() => {
    if (!open || catalog) return;
    import("@/examples/catalog").then(
      (m) => setCatalog({ examples: m.EXAMPLES, tags: m.listExampleTags(m.EXAMPLES) }),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [open, catalog]);

  const shown = useMemo(() => {
    if (!catalog) return [];
    const q = query.trim().toLowerCase();
    return catalog.examples.filter(
      (e) =>
        tags.every((t) => e.tags.includes(t)) &&
        (!q || [e.title, e.description, e.slug, ...e.tags].some((s) => s.toLowerCase().includes(q))),
    );
  }, [catalog, query, tags]);

  return (
    <Dialog open={open} onClose={onClose} title="Examples" width="max-w-2xl">
      <div className="flex flex-col gap-3">
        <label htmlFor="examples-search" className="sr-only">
          Search examples
        </label>
        <input
          id="examples-search"
          type="search"
          placeholder="Search examples (agents, tools, workflows…)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="input h-9"
          autoFocus
        />
        {catalog && (
          <div className="flex flex-wrap gap-1.5" role="group" aria-label="Filter by tag">
            {catalog.tags.map((t) => {
              const on = tags.includes(t);
              return (
                <button
                  key={t}
                  type="button"
                  aria-pressed={on}
                  onClick={() => setTags(on ? tags.filter((x) => x !== t) : [...tags, t])}
                  className={`rounded-full border px-2.5 py-0.5 text-xs transition-colors ${
                    on
                      ? "border-violet-600 bg-violet-600 text-white"
                      : "border-zinc-300 text-zinc-700 hover:border-violet-400 dark:border-zinc-700 dark:text-zinc-300"
                  }`}
                >
                  {t}
                </button>
              );
            })}
          </div>
        )}
        {error && <p className="text-sm text-red-600">The examples could not be loaded: {error}</p>}
        {!catalog && !error && <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading examples…</p>}
        {catalog && shown.length === 0 && (
          <p className="py-4 text-center text-sm text-zinc-500 dark:text-zinc-400">No example matches.</p>
        )}
        <ul className="grid gap-2 sm:grid-cols-2">
          {shown.map((e) => (
            <li key={e.slug}>
              <button
                type="button"
                onClick={() => onOpen(e)}
                className="flex h-full w-full flex-col gap-1 rounded-lg border border-zinc-200 p-3 text-left transition-colors hover:border-violet-400 hover:bg-violet-50/50 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-800 dark:hover:bg-violet-500/5"
                data-testid="example-item"
                data-slug={e.slug}
              >
                <span className="flex items-center gap-2">
                  <span className="font-medium">{e.title}</span>
                  <span
                    className={`ml-auto rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${LEVEL_STYLE[e.level]}`}
                  >
                    {e.level}
                  </span>
                </span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{e.description}</span>
                <span className="mt-auto flex flex-wrap gap-1 pt-1">
                  {e.tags.map((t) => (
                    <span
                      key={t}
                      className="rounded bg-zinc-100 px-1.5 text-[10px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
                    >
                      {t}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Opens in {language === "lua" ? "Lua" : "JavaScript"}. Your current spell is kept in History (Settings).
        </p>
      </div>
    </Dialog>
  );
}
