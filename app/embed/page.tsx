import type { Metadata } from "next";
import { EmbedPlayground } from "@/components/embed/EmbedPlayground";

export const metadata: Metadata = {
  title: "Spell · LLMSpell Playground",
  robots: { index: false },
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
