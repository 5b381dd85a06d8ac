"use client";
/**
 * `/s/<id>` once its spell is found: the page carries the spell's share preview (for link unfurlers, which do not
 * run scripts), then replaces itself with the playground at the spell's permalink (`/#v1/...`), so Back does
 * not return here. The link is there for a browser without JavaScript or a slow start.
 */
import { useEffect } from "react";

export function OpenSharedSpell({ href, title }: { href: string; title: string }) {
  useEffect(() => {
    window.location.replace(href);
  }, [href]);
  return (
    <main
      className="mx-auto flex min-h-full max-w-xl flex-col justify-center gap-4 p-8"
      data-testid="open-shared-spell"
    >
      <p className="text-sm font-medium text-violet-700 dark:text-violet-300">LLMSpell Playground</p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-300">Opening the spell in the playground…</p>
      <p>
        <a
          href={href}
          className="inline-block rounded-md bg-violet-700 px-4 py-2 text-sm font-medium text-white hover:bg-violet-600"
        >
          Open the spell
        </a>
      </p>
    </main>
  );
}
