import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { clientKeyOf } from "@/lib/ratelimit";
import { getShortLinkPageLimiter } from "@/lib/share/server";
import { SHORT_ID_PATTERN } from "@/lib/share/embed";
import { encodeShareLink } from "@/lib/share/link";
import { describeSharedSpell, type ShareCard } from "@/lib/share/share-card";
import { getShareStore } from "@/lib/share/store";
import { OpenSharedSpell } from "@/components/share/OpenSharedSpell";
import { ShortLinkProblem } from "@/components/share/ShortLinkProblem";
import { SITE_NAME, sharePreview } from "../../share-metadata";

export const dynamic = "force-dynamic";

type ShortLink =
  | { kind: "found"; card: ShareCard; fragment: string }
  | { kind: "missing" }
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "unavailable" };

/**
 * One lookup per request (React's `cache`): the metadata and the page share it, so a view takes one rate-limit
 * token and reads the store once.
 */
const lookUpShortLink = cache(async (id: string): Promise<ShortLink> => {
  if (!SHORT_ID_PATTERN.test(id)) return { kind: "missing" };
  const limit = await getShortLinkPageLimiter().take(clientKeyOf(await headers()));
  if (!limit.ok) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  try {
    const spell = await (await getShareStore()).get(id);
    if (!spell) return { kind: "missing" };
    return { kind: "found", card: describeSharedSpell(spell), fragment: await encodeShareLink(spell) };
  } catch (error) {
    console.error("short link lookup failed:", error instanceof Error ? error.message : error);
    return { kind: "unavailable" };
  }
});

/** The spell's share preview: its front matter's title and description, and the site's preview image. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const link = await lookUpShortLink(id);
  if (link.kind !== "found") return { title: `Shared spell · ${SITE_NAME}`, robots: { index: false } };
  return {
    title: `${link.card.title} · ${SITE_NAME}`,
    description: link.card.description,
    robots: { index: false },
    ...sharePreview({ ...link.card, path: `/s/${id}` }),
  };
}

/** `/s/<id>`: the spell's share preview, then the playground with the spell (`/#v1/...`). */
export default async function ShortLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const link = await lookUpShortLink(id);
  switch (link.kind) {
    case "missing":
      notFound();
    case "limited":
      return (
        <ShortLinkProblem title="Too many short links opened">
          This address opened too many short links in a short time. Try again in {link.retryAfterSeconds} seconds.
        </ShortLinkProblem>
      );
    case "unavailable":
      return (
        <ShortLinkProblem title="This short link cannot be opened right now">
          The server could not read its stored spells. Try again in a moment, or ask for the long link.
        </ShortLinkProblem>
      );
    case "found":
      return <OpenSharedSpell href={`/${link.fragment}`} title={link.card.title} />;
  }
}
