/**
 * What shows while Monaco loads. With a source: the spell itself, line-numbered in Monaco's geometry (same
 * font, line height and padding), so the code is readable and runnable (Ctrl/Cmd+Enter, Run) before the editor
 * arrives and nothing jumps when it does. Without one (before the stores exist): a quiet skeleton.
 */
export interface CodePlaceholderProps {
  source?: string;
  fontSize?: number;
}

/** Monaco's line height for a font size on Linux and Windows (its golden ratio, 1.35). */
function lineHeightFor(fontSize: number): number {
  return Math.round(fontSize * 1.35);
}

/** Lines drawn before Monaco takes over: enough for any editor height, not the whole of a 64 KiB spell. */
const MAX_PLACEHOLDER_LINES = 200;

export function CodePlaceholder({ source, fontSize = 14 }: CodePlaceholderProps) {
  if (source === undefined) {
    return (
      <div
        className="flex h-full w-full animate-pulse flex-col gap-2 p-4 pl-14"
        aria-hidden="true"
        data-testid="editor-placeholder"
      >
        {[72, 54, 63, 40, 80, 30, 66, 48].map((w, i) => (
          <div key={i} className="h-3 rounded bg-zinc-200/70 dark:bg-zinc-800/70" style={{ width: `${w}%` }} />
        ))}
      </div>
    );
  }
  const lines = source.split("\n").slice(0, MAX_PLACEHOLDER_LINES);
  const lineHeight = `${lineHeightFor(fontSize)}px`;
  return (
    <div
      className="h-full w-full overflow-hidden pt-3 font-mono text-zinc-800 dark:text-zinc-200"
      style={{
        fontSize,
        lineHeight,
        fontFamily: "var(--font-mono), ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      }}
      aria-hidden="true"
      data-testid="editor-placeholder"
      data-source-lines={lines.length}
    >
      {lines.map((line, i) => (
        <div key={i} className="flex whitespace-pre" style={{ height: lineHeight }}>
          <span className="w-[42px] shrink-0 select-none pr-1 text-right text-zinc-400 dark:text-zinc-600">
            {i + 1}
          </span>
          <span className="pl-[26px]">{line}</span>
        </div>
      ))}
    </div>
  );
}
