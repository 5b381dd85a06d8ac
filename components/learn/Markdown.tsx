/**
 * Markdown for lesson prose, parsed by `marked`'s lexer and drawn as React elements by hand: lesson links are
 * written by anyone, so no HTML string ever reaches the page (raw HTML shows as text, links must be http(s),
 * mailto or relative, images show their alt text only and load nothing).
 */
import { Fragment, type ReactNode } from "react";
import { marked, type Token, type Tokens } from "marked";

/** The lexer escapes inline text as HTML; React escapes again, so undo marked's five entities. */
function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : "'",
  );
}

function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h)) return undefined; // javascript:, data:, ...
  return h;
}

function inline(tokens: Token[] | undefined): ReactNode {
  if (!tokens) return null;
  return tokens.map((t, i) => <Fragment key={i}>{inlineToken(t)}</Fragment>);
}

function inlineToken(token: Token): ReactNode {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case "text":
      return (token as Tokens.Text).tokens ? inline((token as Tokens.Text).tokens) : unescapeHtml(t.text);
    case "escape":
      return unescapeHtml(t.text);
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens)}</em>;
    case "del":
      return <del>{inline((token as Tokens.Del).tokens)}</del>;
    case "codespan":
      return (
        <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
          {unescapeHtml(t.text)}
        </code>
      );
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      if (!href) return inline(link.tokens);
      const external = /^https?:/i.test(href);
      return (
        <a href={href} className="link" {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
          {inline(link.tokens)}
        </a>
      );
    }
    case "image":
      return <span className="italic">[{(token as Tokens.Image).text}]</span>;
    default:
      // html and anything unknown: its text, shown as text.
      return typeof t.raw === "string" ? t.raw : null;
  }
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "heading": {
      const h = token as Tokens.Heading;
      const cls = "mt-4 mb-2 font-semibold tracking-tight";
      if (h.depth <= 1)
        return (
          <h2 key={key} className={`${cls} text-lg`}>
            {inline(h.tokens)}
          </h2>
        );
      if (h.depth === 2)
        return (
          <h3 key={key} className={`${cls} text-base`}>
            {inline(h.tokens)}
          </h3>
        );
      return (
        <h4 key={key} className={`${cls} text-sm`}>
          {inline(h.tokens)}
        </h4>
      );
    }
    case "paragraph":
      return (
        <p key={key} className="my-2 leading-relaxed">
          {inline((token as Tokens.Paragraph).tokens)}
        </p>
      );
    case "text": {
      const t = token as Tokens.Text;
      return (
        <p key={key} className="my-2 leading-relaxed">
          {t.tokens ? inline(t.tokens) : unescapeHtml(t.text)}
        </p>
      );
    }
    case "code":
      return (
        <pre key={key} className="my-2 overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case "blockquote":
      return (
        <blockquote key={key} className="my-2 border-l-2 border-violet-400 pl-3 text-zinc-600 dark:text-zinc-300">
          {(token as Tokens.Blockquote).tokens.map(block)}
        </blockquote>
      );
    case "hr":
      return <hr key={key} className="my-3 border-zinc-200 dark:border-zinc-800" />;
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>
          {item.tokens.map((t, j) => (t.type === "text" ? <Fragment key={j}>{inlineToken(t)}</Fragment> : block(t, j)))}
        </li>
      ));
      return list.ordered ? (
        <ol key={key} className="my-2 list-decimal pl-5" start={list.start === "" ? undefined : list.start}>
          {items}
        </ol>
      ) : (
        <ul key={key} className="my-2 list-disc pl-5">
          {items}
        </ul>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      return (
        <div key={key} className="my-2 overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                {table.header.map((c, i) => (
                  <th key={i} className="border-b px-2 py-1 text-left">
                    {inline(c.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className="border-b px-2 py-1">
                      {inline(c.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default: {
      // Block HTML and anything unknown: shown as text.
      const raw = (token as Tokens.Generic).raw;
      return typeof raw === "string" && raw.trim() ? (
        <p key={key} className="my-2 whitespace-pre-wrap">
          {raw}
        </p>
      ) : null;
    }
  }
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const tokens = marked.lexer(source, { gfm: true });
  return <div className={className}>{tokens.map(block)}</div>;
}
