import Link from "next/link";
import { PAGE_MESSAGE_ACTION, PageMessage } from "@/components/ui/PageMessage";

/** A full-page message for a short link that cannot be opened (unknown id, store down). */
export function ShortLinkProblem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <PageMessage
      testId="short-link-problem"
      title={title}
      actions={
        <Link href="/" className={PAGE_MESSAGE_ACTION}>
          Open the playground
        </Link>
      }
    >
      {children}
    </PageMessage>
  );
}
