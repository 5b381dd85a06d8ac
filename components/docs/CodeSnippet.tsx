import type { SpellLanguage } from "@/lib/core/dialect";
import type { DocSnippet } from "./docs-model";

/** A snippet in both languages (the page's language toggle hides one), each with "Open in playground". */
export function CodeSnippet({ snippet, label }: { snippet: DocSnippet; label?: string }) {
  return (
    <div className="my-3 flex flex-col gap-2" data-testid="doc-snippet">
      <CodeBlock language="lua" code={snippet.lua} href={snippet.luaLink} label={label} />
      <CodeBlock language="javascript" code={snippet.js} href={snippet.jsLink} label={label} />
    </div>
  );
}

export function CodeBlock({
  language,
  code,
  href,
  label,
}: {
  language: SpellLanguage;
  code: string;
  href?: string;
  label?: string;
}) {
  return (
    <figure
      className={`${language === "lua" ? "lua-only" : "js-only"} overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900`}
      data-language={language}
    >
      <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1 text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{language === "lua" ? "Lua" : "JavaScript"}</span>
        {href ? (
          <a
            href={href}
            className="link normal-case tracking-normal"
            aria-label={`Open ${label ? `${label} ` : "this snippet "}in the playground (${language === "lua" ? "Lua" : "JavaScript"})`}
          >
            Open in playground
          </a>
        ) : null}
      </figcaption>
      <pre className="overflow-x-auto px-3 py-2 font-mono text-[13px] leading-relaxed text-zinc-800 dark:text-zinc-200">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
