import type { Metadata } from "next";
import Link from "next/link";
import { PAGE_MESSAGE_ACTION, PageMessage } from "@/components/ui/PageMessage";

export const metadata: Metadata = { title: "Not found · LLMSpell Playground", robots: { index: false } };

/** Our 404: says what happened and offers the ways on (the playground, the docs, the examples). */
export default function NotFound() {
  return (
    <PageMessage
      testId="not-found"
      title="There is no page at this address"
      actions={
        <>
          <Link href="/" className={PAGE_MESSAGE_ACTION}>
            Open the playground
          </Link>
          <Link
            href="/docs"
            className="inline-block rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Read the docs
          </Link>
        </>
      }
    >
      The link may be mistyped, or it pointed at something that has moved. A shared spell link looks like{" "}
      <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/s/abc123</code> or starts with{" "}
      <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">/#v1/</code>.
    </PageMessage>
  );
}
