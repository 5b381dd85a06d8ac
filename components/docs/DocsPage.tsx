import Link from "next/link";
import { ApiSection } from "./ApiSection";
import { CodeBlock, CodeSnippet } from "./CodeSnippet";
import { InlineCode } from "./InlineCode";
import type { DocsModel } from "./docs-model";
import { DocsNav, type DocsNavGroup } from "./DocsNav";
import { buildSearchIndex } from "./docs-search";
import { LanguageToggle } from "./LanguageToggle";
import { ToolSection } from "./ToolSection";

const ROOT_ID = "docs-root";

/** Hides the language the reader did not pick (`data-lang` on the root is set by LanguageToggle). */
const LANGUAGE_CSS = `
#${ROOT_ID}[data-lang="lua"] .js-only { display: none; }
#${ROOT_ID}[data-lang="javascript"] .lua-only { display: none; }
`;

const CLI_USAGE = `npx llmspell run spell.lua                      # run a Lua spell (engine from the extension)
npx llmspell run spell.js --mock                # every model call goes to the offline mock
npx llmspell run spell.lua --model openai/gpt-4o-mini
npx llmspell run spell.lua --engine lua --json  # one JSON object: ok, value, logs, error, trace, stats
npx llmspell run spell.lua --state state.json   # State survives between runs in this file
npx llmspell run spell.lua --arg topic=bees     # ARGS.topic == "bees"
npx llmspell engines                            # the engines this build knows`;

/** The guide's sections, in page order: the navigation's first group and search entries. */
const GUIDE: [id: string, label: string][] = [
  ["getting-started", "Getting started"],
  ["terminal", "Running from the terminal"],
  ["examples", "Examples"],
  ["differences", "Differences from rs-llmspell"],
];

const REFERENCE_PAGES: [id: string, label: string][] = [
  ["types", "Types and result shapes"],
  ["hook-points", "Hook points"],
];

export function DocsPage({ model }: { model: DocsModel }) {
  const navGroups: DocsNavGroup[] = [
    { title: "Guide", links: GUIDE },
    { title: "Globals", links: model.globals.map((g) => [g.id, g.name]), mono: true },
    { title: "Objects", links: model.classes.map((c) => [c.id, c.name]), mono: true },
    { title: "Reference", links: REFERENCE_PAGES },
    { title: "Built-in tools", links: model.tools.map((t) => [t.id, t.name]), mono: true },
  ];
  return (
    <div
      id={ROOT_ID}
      data-lang="both"
      className="min-h-full bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <style>{LANGUAGE_CSS}</style>
      <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-4">
          <Link href="/" className="shrink-0 font-semibold tracking-tight">
            LLMSpell <span className="hidden text-violet-700 sm:inline dark:text-violet-400">Playground</span>
          </Link>
          <span className="hidden text-sm text-zinc-600 sm:inline dark:text-zinc-400">Docs</span>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <LanguageToggle rootId={ROOT_ID} />
            <Link href="/" className="btn btn-primary h-8 shrink-0 px-2.5 sm:px-3">
              <span className="sr-only sm:not-sr-only">Open the </span>
              <span className="sm:hidden">Playground</span>
              <span className="hidden sm:inline">playground</span>
            </Link>
          </div>
        </div>
      </header>

      <div className="mx-auto max-w-6xl gap-8 px-4 lg:flex">
        <DocsNav groups={navGroups} index={buildSearchIndex(model, [...GUIDE, ...REFERENCE_PAGES])} />

        <main className="min-w-0 flex-1 py-8">
          <h1 className="text-3xl font-semibold tracking-tight">Spell API reference</h1>
          <p className="mt-2 max-w-3xl text-zinc-600 dark:text-zinc-400">
            A spell is a short Lua or JavaScript script that drives LLM agents, tools and workflows. Both languages get
            the same globals, method names and result shapes, following the rs-llmspell Lua API. Every snippet has an{" "}
            <em>Open in playground</em> link.
          </p>

          <section
            id="getting-started"
            className="mt-10 scroll-mt-28 lg:scroll-mt-20"
            aria-labelledby="getting-started-title"
          >
            <h2 id="getting-started-title" className="text-xl font-semibold">
              Getting started
            </h2>
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              <li>Open the playground and pick Lua or JavaScript at the top.</li>
              <li>Write a spell (or open one from Examples), then press Run or Ctrl/Cmd+Enter. Esc stops it.</li>
              <li>
                Watch the Console for output and streamed model text, the Trace for every agent call, tool call and
                workflow step, and Result for the value the spell returns.
              </li>
              <li>
                The default model, <code className="code">mock/default</code>, is offline and deterministic, so
                everything runs with no key. Pick a real model in the header when the server has one configured.
              </li>
              <li>Share a spell with the Share button: the link carries the spell itself.</li>
            </ol>
            <CodeSnippet snippet={model.gettingStarted} label="the getting-started spell" />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              In Lua, calls that wait for a model or a tool look synchronous and errors are caught with{" "}
              <code className="code">pcall</code>. In JavaScript the same calls return Promises (top-level{" "}
              <code className="code">await</code> works) and errors are thrown <code className="code">SpellError</code>s
              with <code className="code">kind</code> and <code className="code">message</code>.
            </p>
          </section>

          <section id="terminal" className="mt-10 scroll-mt-28 lg:scroll-mt-20" aria-labelledby="terminal-title">
            <h2 id="terminal-title" className="text-xl font-semibold">
              Running spells from the terminal
            </h2>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              The same spells run unchanged from the command line with the <code className="code">llmspell</code> CLI,
              on the same engines. Model calls go straight to the providers configured in the environment (
              <code className="code">OPENAI_API_KEY</code>, <code className="code">OPENAI_BASE_URL</code>);{" "}
              <code className="code">--mock</code> needs nothing.
            </p>
            <pre
              tabIndex={0}
              role="region"
              aria-label="Terminal commands"
              className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-950 px-4 py-3 font-mono text-[13px] leading-relaxed text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 dark:border-zinc-800"
            >
              <code>{CLI_USAGE}</code>
            </pre>
            <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-mono">--engine lua|javascript</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                The engine; by default chosen from the file extension.
              </dd>
              <dt className="font-mono">--mock</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">Send every model call to the offline mock provider.</dd>
              <dt className="font-mono">--model provider/model</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                The model for agents that name none (default mock/default).
              </dd>
              <dt className="font-mono">--json</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                Print one JSON document with the result, logs, error, trace and stats.
              </dd>
              <dt className="font-mono">--state FILE</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">Keep State in a JSON file across runs.</dd>
            </dl>
          </section>

          <section id="examples" className="mt-10 scroll-mt-28 lg:scroll-mt-20" aria-labelledby="examples-title">
            <h2 id="examples-title" className="text-xl font-semibold">
              Examples
            </h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Each runs on the mock model with no key, in both languages.
            </p>
            <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
              {model.examples.map((e) => (
                <li
                  key={e.slug}
                  className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
                  data-testid="doc-example"
                >
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{e.title}</span>
                    <span className="text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                      {e.level}
                    </span>
                  </div>
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{e.description}</p>
                  <p className="mt-2 flex gap-3 text-xs">
                    <a
                      className="link lua-only"
                      href={e.luaLink}
                      aria-label={`Open ${e.title} in the playground (Lua)`}
                    >
                      Open in playground (Lua)
                    </a>
                    <a
                      className="link js-only"
                      href={e.jsLink}
                      aria-label={`Open ${e.title} in the playground (JavaScript)`}
                    >
                      Open in playground (JavaScript)
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          </section>

          <section id="differences" className="mt-10 scroll-mt-28 lg:scroll-mt-20" aria-labelledby="differences-title">
            <h2 id="differences-title" className="text-xl font-semibold">
              Differences from rs-llmspell
            </h2>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              <li>
                Workflow step inputs interpolate placeholders (<code className="code">{"{{input}}"}</code>,{" "}
                <code className="code">{"{{steps.NAME.output}}"}</code>,{" "}
                <code className="code">{"{{loop_value}}"}</code>); rs-llmspell passes them through literally.
              </li>
              <li>Parallel workflows really run their steps concurrently, up to max_concurrency.</li>
              <li>Hook callbacks are really called, and may skip, modify or cancel what they watch.</li>
              <li>
                Agents with allowed tools call them automatically; the tools run in your browser, never on the server.
              </li>
              <li>No file system, process or network tools: every built-in tool is pure.</li>
            </ul>
          </section>

          <section className="mt-12" aria-labelledby="globals-title">
            <h2 id="globals-title" className="text-xl font-semibold">
              Globals
            </h2>
            <div className="mt-4 flex flex-col gap-8">
              {model.globals.map((g) => (
                <ApiSection key={g.id} section={g} />
              ))}
            </div>
          </section>

          <section className="mt-12" aria-labelledby="objects-title">
            <h2 id="objects-title" className="text-xl font-semibold">
              Objects
            </h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              What builders, agents, workflows and hooks return. In Lua, call methods with a colon (
              <code className="code">agent:execute(...)</code>); in JavaScript with a dot.
            </p>
            <div className="mt-4 flex flex-col gap-8">
              {model.classes.map((c) => (
                <ApiSection key={c.id} section={c} />
              ))}
            </div>
          </section>

          <section id="types" className="mt-12 scroll-mt-28 lg:scroll-mt-20" aria-labelledby="types-title">
            <h2 id="types-title" className="text-xl font-semibold">
              Types and result shapes
            </h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Written TypeScript-style. In Lua, objects are tables, arrays are tables indexed from 1, and null is nil.
            </p>
            <dl className="mt-4 flex flex-col gap-4">
              {model.types.map((t) => (
                <div key={t.name} id={`type-${t.name}`} className="scroll-mt-28 lg:scroll-mt-20">
                  <dt className="font-mono text-sm font-semibold">{t.name}</dt>
                  <dd className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                    <InlineCode text={t.description} />
                    <CodeBlock
                      caption="TypeScript"
                      label={`type ${t.name}`}
                      code={`type ${t.name} = ${t.definition}`}
                    />
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section id="hook-points" className="mt-12 scroll-mt-28 lg:scroll-mt-20" aria-labelledby="hook-points-title">
            <h2 id="hook-points-title" className="text-xl font-semibold">
              Hook points
            </h2>
            <ul className="mt-3 flex flex-wrap gap-2">
              {model.hookPoints.map((p) => (
                <li key={p} className="code text-xs">
                  {p}
                </li>
              ))}
            </ul>
          </section>

          <section className="mt-12" aria-labelledby="tools-title">
            <h2 id="tools-title" className="text-xl font-semibold">
              Built-in tools
            </h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Call them with <code className="code">Tool.execute(name, params)</code>, or let an agent call them (
              <code className="code">allow_tool</code>). Parameters marked * are required; results follow
              rs-llmspell&apos;s shapes.
            </p>
            <div className="mt-4 flex flex-col gap-8">
              {model.tools.map((t) => (
                <ToolSection key={t.id} tool={t} />
              ))}
            </div>
          </section>
        </main>
      </div>
    </div>
  );
}
