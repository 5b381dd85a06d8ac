import { CodeSnippet } from "./CodeSnippet";
import type { SpellLanguage } from "@/lib/core/dialect";
import { InlineCode } from "./InlineCode";
import type { DocFunction, DocSection } from "./docs-model";

/** One global (`Agent`) or class (`AgentBuilder`) and every function or method on it. */
export function ApiSection({ section }: { section: DocSection }) {
  return (
    <section
      id={section.id}
      className="scroll-mt-28 lg:scroll-mt-20 border-t border-zinc-200 pt-6 dark:border-zinc-800"
      aria-labelledby={`${section.id}-title`}
    >
      <h3 id={`${section.id}-title`} className="font-mono text-lg font-semibold">
        {section.name}
        <span className="ml-2 align-middle font-sans text-xs font-normal text-zinc-500 dark:text-zinc-400">
          {section.kind === "global" ? "global" : "object"}
        </span>
      </h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        <InlineCode text={section.description} />
      </p>
      {section.values?.length ? (
        <dl className="mt-2 text-sm">
          {section.values.map((v) => (
            <div key={v.name} className="flex flex-wrap gap-x-2">
              <dt className="font-mono">
                {section.name}.{v.name}
              </dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                <code className="code">{v.type}</code> {v.description}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="mt-4 flex flex-col gap-5">
        {section.functions.map((f) => (
          <ApiFunction key={f.id} fn={f} owner={section} />
        ))}
      </div>
    </section>
  );
}

function ApiFunction({ fn, owner }: { fn: DocFunction; owner: DocSection }) {
  // Names the snippet's links and code regions: `Tool.execute`, `execute (Agent)`.
  const label = owner.kind === "global" ? `${owner.name}.${fn.name}` : `${fn.name} (${owner.name})`;
  return (
    <article id={fn.id} className="scroll-mt-28 lg:scroll-mt-20" data-testid="api-function">
      <h4 className="flex flex-col gap-0.5 font-mono text-sm font-semibold">
        {fn.luaSignature === fn.jsSignature ? (
          <span>{fn.luaSignature}</span>
        ) : (
          <>
            <span className="lua-only">
              <LanguageTag language="lua" />
              {fn.luaSignature}
            </span>
            <span className="js-only">
              <LanguageTag language="javascript" />
              {fn.jsSignature}
            </span>
          </>
        )}
      </h4>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        <InlineCode text={fn.description} />
      </p>
      {fn.params.length > 0 ? (
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">Parameters of {fn.name}</caption>
          <thead className="text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Parameter
              </th>
              <th scope="col" className="py-1 font-medium">
                Type
              </th>
            </tr>
          </thead>
          <tbody>
            {fn.params.map((p) => (
              <tr key={p.name} className="border-t border-zinc-100 align-top dark:border-zinc-800/60">
                <td className="py-1 pr-3 font-mono">
                  {p.name}
                  {p.optional ? <span className="text-zinc-600 dark:text-zinc-400"> (optional)</span> : null}
                </td>
                <td className="py-1">
                  <code className="font-mono text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">{p.type}</code>
                  {p.description ? (
                    <span className="ml-2 text-zinc-500 dark:text-zinc-400">{p.description}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
        {fn.returns === fn.jsReturns ? (
          <span>
            Returns <code className="code">{fn.returns}</code>
          </span>
        ) : (
          <>
            <span className="lua-only">
              Returns <code className="code">{fn.returns}</code> in Lua
            </span>
            <span className="js-only">
              Returns <code className="code">{fn.jsReturns}</code> in JavaScript
            </span>
          </>
        )}
      </p>
      {fn.snippet ? <CodeSnippet snippet={fn.snippet} label={label} /> : null}
    </article>
  );
}

function LanguageTag({ language }: { language: SpellLanguage }) {
  return (
    <span className="mr-2 inline-block w-7 rounded bg-zinc-100 text-center font-sans text-[10px] font-medium uppercase text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
      {language === "lua" ? "Lua" : "JS"}
    </span>
  );
}
