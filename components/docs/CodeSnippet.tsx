import type { SpellLanguage } from "@/lib/core/dialect";
import type { DocSnippet } from "./docs-model";

/**
 * A snippet in both languages (the page's language toggle hides one), each with "Open in playground" when it has
 * a link (it opens the snippet as a whole spell, see snippet-spell.ts).
 */
export function CodeSnippet({ snippet, label }: { snippet: DocSnippet; label?: string }) {
  return (
    <div className="my-3 flex flex-col gap-2" data-testid="doc-snippet">
      <CodeBlock language="lua" code={snippet.lua} href={snippet.luaLink} label={label} />
      <CodeBlock language="javascript" code={snippet.js} href={snippet.jsLink} label={label} />
    </div>
  );
}

/** Code in a frame with a caption. With a `language`, the page's language toggle shows or hides it. */
export function CodeBlock({
  language,
  caption,
  code,
  href,
  label,
}: {
  language?: SpellLanguage;
  caption?: string;
  code: string;
  href?: string;
  label?: string;
}) {
  const name = language === "lua" ? "Lua" : language === "javascript" ? "JavaScript" : (caption ?? "Code");
  const shownFor = language === "lua" ? "lua-only" : language === "javascript" ? "js-only" : "";
  return (
    <figure
      className={`${shownFor} overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900`}
      {...(language ? { "data-language": language } : {})}
    >
      <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1 text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{name}</span>
        {href ? (
          <a
            href={href}
            className="link normal-case tracking-normal"
            aria-label={`Open ${label ? `${label} ` : "this snippet "}in the playground (${name})`}
          >
            Open in playground
          </a>
        ) : null}
      </figcaption>
      {/* Focusable and named, so a keyboard can scroll a long line (axe: scrollable-region-focusable). */}
      <pre
        tabIndex={0}
        role="region"
        aria-label={`${name} code${label ? `: ${label}` : ""}`}
        className="overflow-x-auto px-3 py-2 font-mono text-[13px] leading-relaxed text-zinc-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-500 dark:text-zinc-200"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
