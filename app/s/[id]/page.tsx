import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { clientKeyOf } from "@/lib/ratelimit";
import { getShortLinkPageLimiter } from "@/lib/share/server";
import { SHORT_ID_PATTERN } from "@/lib/share/embed";
import { encodeShareLink } from "@/lib/share/link";
import { getShareStore } from "@/lib/share/store";
import { ShortLinkProblem } from "@/components/share/ShortLinkProblem";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared spell · LLMSpell Playground", robots: { index: false } };

/** `/s/<id>`: look the spell up and open it in the playground (`/#v1/...`). */
export default async function ShortLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!SHORT_ID_PATTERN.test(id)) notFound();
  const limit = await getShortLinkPageLimiter().take(clientKeyOf(await headers()));
  if (!limit.ok) {
    return (
      <ShortLinkProblem title="Too many short links opened">
        This address opened too many short links in a short time. Try again in {limit.retryAfterSeconds} seconds.
      </ShortLinkProblem>
    );
  }
  let fragment: string;
  try {
    const spell = await (await getShareStore()).get(id);
    if (!spell) notFound();
    fragment = await encodeShareLink(spell);
  } catch (error) {
    // notFound() works by throwing; let it through.
    if (error instanceof Error && "digest" in error) throw error;
    console.error("short link lookup failed:", error instanceof Error ? error.message : error);
    return (
      <ShortLinkProblem title="This short link cannot be opened right now">
        The server could not read its stored spells. Try again in a moment, or ask for the long link.
      </ShortLinkProblem>
    );
  }
  redirect(`/${fragment}`);
}
