import Link from "next/link";

/** A full-page message for a short link that cannot be opened (unknown id, store down). */
export function ShortLinkProblem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main
      className="mx-auto flex min-h-full max-w-xl flex-col justify-center gap-4 p-8"
      data-testid="short-link-problem"
    >
      <p className="text-sm font-medium text-violet-700 dark:text-violet-400">LLMSpell Playground</p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{children}</p>
      <p>
        <Link
          href="/"
          className="inline-block rounded-md bg-violet-600 px-4 py-2 text-sm font-medium text-white hover:bg-violet-500"
        >
          Open the playground
        </Link>
      </p>
    </main>
  );
}
