/** What shows while Monaco loads: a quiet skeleton the size of the editor (no layout shift). */
export function CodePlaceholder() {
  return (
    <div className="flex h-full w-full animate-pulse flex-col gap-2 p-4 pl-14" aria-hidden="true" data-testid="editor-placeholder">
      {[72, 54, 63, 40, 80, 30, 66, 48].map((w, i) => (
        <div key={i} className="h-3 rounded bg-zinc-200/70 dark:bg-zinc-800/70" style={{ width: `${w}%` }} />
      ))}
    </div>
  );
}
