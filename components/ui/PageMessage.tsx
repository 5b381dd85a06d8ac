/**
 * A whole page that says one thing and offers the ways on: our 404, a short link that cannot be opened, a shared
 * spell on its way to the playground. One layout, so they read alike.
 */
import type { ReactNode } from "react";

/** The main action of a page message (a link styled as the primary button). */
export const PAGE_MESSAGE_ACTION =
  "inline-block rounded-md bg-violet-700 px-4 py-2 text-sm font-medium text-white hover:bg-violet-600";

export function PageMessage({
  testId,
  title,
  children,
  actions,
}: {
  testId: string;
  title: string;
  /** The message under the title. */
  children: ReactNode;
  /** Links to go on with. */
  actions: ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-full max-w-xl flex-col justify-center gap-4 p-8" data-testid={testId}>
      <p className="text-sm font-medium text-violet-700 dark:text-violet-300">LLMSpell Playground</p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-300">{children}</p>
      <p className="flex flex-wrap gap-3">{actions}</p>
    </main>
  );
}
