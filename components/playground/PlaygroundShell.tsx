/**
 * What paints before the stores exist (server render and the first client frame): the page's frame with the
 * same geometry as the playground, so nothing jumps when it comes alive.
 */
import { CodePlaceholder } from "@/components/editor/CodePlaceholder";

export function PlaygroundShell() {
  return (
    <div className="flex h-dvh flex-col bg-zinc-50 dark:bg-zinc-950" data-testid="playground-shell" aria-busy="true">
      <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white/90 px-3 dark:border-zinc-800 dark:bg-zinc-900/80">
        <h1 className="flex items-center gap-2 text-sm font-semibold tracking-tight">
          <span
            className="inline-block h-[22px] w-[22px] rounded-lg bg-gradient-to-br from-violet-500 to-fuchsia-500"
            aria-hidden="true"
          />
          <span>
            LLMSpell <span className="font-normal text-zinc-500 dark:text-zinc-400">Playground</span>
          </span>
        </h1>
        <div className="ml-auto h-8 w-24 rounded-md bg-violet-600/80" aria-hidden="true" />
      </header>
      <main className="flex min-h-0 flex-1 flex-col md:flex-row">
        <div className="min-h-0 flex-1 bg-white dark:bg-[#0b0b0f] md:w-[55%] md:flex-none">
          <div className="h-9 border-b border-zinc-200 dark:border-zinc-800" />
          <CodePlaceholder />
        </div>
        <div className="min-h-0 flex-1 border-t border-zinc-200 bg-white md:border-l md:border-t-0 dark:border-zinc-800 dark:bg-zinc-950" />
      </main>
    </div>
  );
}
