import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found · LLMSpell Playground", robots: { index: false } };

/** Our 404: says what happened and offers the ways on (the playground, the docs, the examples). */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-full max-w-xl flex-col justify-center gap-4 p-8" data-testid="not-found">
      <p className="text-sm font-medium text-violet-700 dark:text-violet-400">LLMSpell Playground</p>
      <h1 className="text-2xl font-semibold tracking-tight">There is no page at this address</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        The link may be mistyped, or it pointed at something that has moved. A shared spell link looks like{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/s/abc123</code> or starts with{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/#v1/</code>.
      </p>
      <p className="flex flex-wrap gap-3">
        <Link
          href="/"
          className="inline-block rounded-md bg-violet-600 px-4 py-2 text-sm font-medium text-white hover:bg-violet-500"
        >
          Open the playground
        </Link>
        <Link
          href="/docs"
          className="inline-block rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Read the docs
        </Link>
      </p>
    </main>
  );
}
