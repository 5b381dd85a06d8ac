import type { Metadata } from "next";
import { EmbedPlayground } from "@/components/embed/EmbedPlayground";
import { SITE_NAME, sharePreview } from "../share-metadata";

const TITLE = "A spell to run";
const DESCRIPTION =
  "A Lua or JavaScript spell that drives LLM agents and tools, embedded from LLMSpell Playground: run and edit it here.";

export const metadata: Metadata = {
  title: `${TITLE} · ${SITE_NAME}`,
  description: DESCRIPTION,
  robots: { index: false },
  ...sharePreview({ title: TITLE, description: DESCRIPTION, path: "/embed" }),
};

/**
 * A minimal playground for iframes. Other sites may frame this route only (next.config.ts sends
 * `frame-ancestors *` here and `'self'` everywhere else). The spell is in the URL fragment, so the page itself
 * is static.
 */
export default function EmbedPage() {
  return (
    <main className="h-screen min-h-0">
      <EmbedPlayground />
    </main>
  );
}
