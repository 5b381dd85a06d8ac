import { CodeSnippet } from "./CodeSnippet";
import { InlineCode } from "./InlineCode";
import type { DocTool } from "./docs-model";

/** One built-in tool: what it does, its parameters (from its JSON Schema), examples and their results. */
export function ToolSection({ tool }: { tool: DocTool }) {
  return (
    <section
      id={tool.id}
      className="scroll-mt-28 lg:scroll-mt-20 border-t border-zinc-200 pt-6 dark:border-zinc-800"
      aria-labelledby={`${tool.id}-title`}
    >
      <h3 id={`${tool.id}-title`} className="font-mono text-base font-semibold">
        {tool.name}
        <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 align-middle font-sans text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {tool.category}
        </span>
      </h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        <InlineCode text={tool.description} />
        {tool.aliases.length ? (
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            Also callable as {tool.aliases.map((a) => `"${a}"`).join(", ")}.
          </span>
        ) : null}
      </p>
      <table className="mt-2 w-full text-left text-xs">
        <caption className="sr-only">Parameters of {tool.name}</caption>
        <thead className="text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Parameter
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Type
            </th>
            <th scope="col" className="py-1 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody>
          {tool.params.map((p) => (
            <tr key={p.name} className="border-t border-zinc-100 align-top dark:border-zinc-800/60">
              <td className="py-1 pr-3 font-mono">
                {p.name}
                {p.required ? (
                  <span className="ml-1 text-red-600 dark:text-red-400" title="required">
                    *
                  </span>
                ) : null}
              </td>
              <td className="max-w-48 py-1 pr-3 font-mono text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">
                {p.type}
              </td>
              <td className="py-1 text-zinc-600 [overflow-wrap:anywhere] dark:text-zinc-400">
                {p.description}
                {p.defaultValue !== undefined ? (
                  <span className="text-zinc-500 dark:text-zinc-400"> Default {p.defaultValue}.</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tool.examples.map((ex) => (
        <div key={ex.title} className="mt-3">
          <h4 className="text-sm font-medium">{ex.title}</h4>
          <CodeSnippet snippet={ex.snippet} label={`${tool.name}: ${ex.title}`} />
          <details className="text-xs">
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Result</summary>
            <pre
              tabIndex={0}
              role="region"
              aria-label={`Result of ${tool.name}: ${ex.title}`}
              className="mt-1 max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-[12px] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-500 dark:bg-zinc-900"
            >
              {ex.result}
            </pre>
          </details>
        </div>
      ))}
    </section>
  );
}
