"use client";
/**
 * The docs' navigation: a search box over every global, function, method and tool (`/` focuses it), the section
 * list with the section being read highlighted, and on narrow screens a bar with a "Sections" button that opens
 * the same navigation as a panel.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { searchDocs, type DocSearchEntry } from "./docs-search";
import { useActiveSection } from "./use-active-section";

export interface DocsNavGroup {
  title: string;
  links: [id: string, label: string][];
  mono?: boolean;
}

const LINK =
  "block rounded px-2 py-0.5 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:text-zinc-300 dark:hover:bg-zinc-800 aria-[current=location]:bg-violet-100 aria-[current=location]:font-semibold aria-[current=location]:text-violet-900 dark:aria-[current=location]:bg-violet-950 dark:aria-[current=location]:text-violet-100";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function DocsNav({ groups, index }: { groups: DocsNavGroup[]; index: DocSearchEntry[] }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const navRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const focusSearchOnOpen = useRef(false);

  const ids = useMemo(() => groups.flatMap((g) => g.links.map(([id]) => id)), [groups]);
  const labels = useMemo(() => new Map(groups.flatMap((g) => g.links)), [groups]);
  const active = useActiveSection(ids);
  const results = useMemo(() => searchDocs(index, query), [index, query]);
  const searching = query.trim() !== "";

  const focusSearch = useCallback(() => {
    const nav = navRef.current;
    if (nav && getComputedStyle(nav).display === "none") {
      focusSearchOnOpen.current = true;
      setOpen(true);
    } else inputRef.current?.focus();
  }, []);

  useEffect(() => {
    if (open && focusSearchOnOpen.current) {
      focusSearchOnOpen.current = false;
      inputRef.current?.focus();
    }
  }, [open]);

  // `/` focuses the search from anywhere on the page (not while typing in a field).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      focusSearch();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focusSearch]);

  // Keep the highlighted link in view inside the scrolling side navigation.
  useEffect(() => {
    const nav = navRef.current;
    if (!active || !nav || nav.clientHeight === 0) return;
    const link = nav.querySelector<HTMLElement>(`a[href="#${CSS.escape(active)}"]`);
    if (!link) return;
    const top = link.offsetTop;
    if (top < nav.scrollTop || top + link.offsetHeight > nav.scrollTop + nav.clientHeight)
      nav.scrollTop = Math.max(0, top - nav.clientHeight / 3);
  }, [active]);

  const close = () => setOpen(false);

  const onNavKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Escape") return;
    if (searching) {
      setQuery("");
      inputRef.current?.focus();
    } else if (open) {
      setOpen(false);
      toggleRef.current?.focus();
    }
  };

  const resultLinks = () => [...(navRef.current?.querySelectorAll<HTMLAnchorElement>("[data-search-result]") ?? [])];

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      resultLinks()[0]?.focus();
    } else if (e.key === "Enter" && results[0]) {
      e.preventDefault();
      resultLinks()[0]?.click();
    }
  };

  const onResultsKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const links = resultLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at + (e.key === "ArrowDown" ? 1 : -1);
    if (next < 0) inputRef.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };

  return (
    <>
      <nav
        aria-label="Docs menu"
        className="sticky top-14 z-10 -mx-4 flex h-10 items-center gap-3 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-950 lg:hidden"
      >
        <button
          ref={toggleRef}
          type="button"
          className="btn h-8"
          aria-expanded={open}
          aria-controls="docs-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor">
            <path d={open ? "M4 4l8 8M12 4l-8 8" : "M2 4h12M2 8h12M2 12h12"} strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          Sections
        </button>
        <span className="truncate text-sm text-zinc-700 dark:text-zinc-300" data-testid="docs-current-section">
          {active ? labels.get(active) : null}
        </span>
      </nav>
      <nav
        ref={navRef}
        id="docs-nav"
        aria-label="Docs sections"
        onKeyDown={onNavKeyDown}
        className={`${open ? "fixed inset-x-0 bottom-0 top-24 z-20 block overflow-y-auto border-t border-zinc-200 bg-white px-4 py-4 shadow-lg dark:border-zinc-800 dark:bg-zinc-950" : "hidden"} text-sm lg:sticky lg:top-14 lg:z-auto lg:block lg:h-[calc(100vh-3.5rem)] lg:w-56 lg:shrink-0 lg:overflow-y-auto lg:border-0 lg:bg-transparent lg:px-0 lg:py-6 lg:shadow-none`}
      >
        <div className="relative mb-1 px-0.5 pt-0.5">
          <input
            ref={inputRef}
            type="search"
            className="input h-8 w-full pr-7"
            placeholder="Search the API"
            aria-label="Search the docs"
            aria-keyshortcuts="/"
            {...(searching ? { "aria-controls": "docs-search-results" } : {})}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKeyDown}
          />
          {searching ? null : (
            <kbd className="kbd pointer-events-none absolute right-2 top-1/2 -translate-y-1/2" aria-hidden="true">
              /
            </kbd>
          )}
        </div>
        <p role="status" className="mb-3 min-h-4 px-2 text-xs text-zinc-600 dark:text-zinc-400">
          {searching
            ? results.length
              ? `${results.length} result${results.length === 1 ? "" : "s"}`
              : `No results for “${query.trim()}”.`
            : ""}
        </p>
        {searching ? (
          <ul id="docs-search-results" aria-label="Search results" className="space-y-0.5" onKeyDown={onResultsKeyDown}>
            {results.map((r) => (
              <li key={r.id}>
                <a
                  href={`#${r.id}`}
                  data-search-result=""
                  className={LINK}
                  aria-current={active === r.id ? "location" : undefined}
                  onClick={close}
                >
                  <span className="font-mono text-[13px]">{r.label}</span>
                  <span className="ml-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                    {r.context ? `${r.kind} · ${r.context}` : r.kind}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          groups.map((g) => (
            <div key={g.title} className="mb-5">
              <p className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                {g.title}
              </p>
              <ul className="space-y-0.5">
                {g.links.map(([id, label]) => (
                  <li key={id}>
                    <a
                      href={`#${id}`}
                      className={`${LINK} ${g.mono ? "font-mono text-[13px]" : ""}`}
                      aria-current={active === id ? "location" : undefined}
                      onClick={close}
                    >
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </nav>
    </>
  );
}
