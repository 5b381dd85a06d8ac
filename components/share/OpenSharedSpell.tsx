"use client";
/**
 * `/s/<id>` once its spell is found: the page carries the spell's share preview (for link unfurlers, which do not
 * run scripts), then replaces itself with the playground at the spell's permalink (`/#v1/...`), so Back does
 * not return here. The link is there for a browser without JavaScript or a slow start.
 */
import { useEffect } from "react";
import { PAGE_MESSAGE_ACTION, PageMessage } from "@/components/ui/PageMessage";

export function OpenSharedSpell({ href, title }: { href: string; title: string }) {
  useEffect(() => {
    window.location.replace(href);
  }, [href]);
  return (
    <PageMessage
      testId="open-shared-spell"
      title={title}
      actions={
        <a href={href} className={PAGE_MESSAGE_ACTION}>
          Open the spell
        </a>
      }
    >
      Opening the spell in the playground…
    </PageMessage>
  );
}
